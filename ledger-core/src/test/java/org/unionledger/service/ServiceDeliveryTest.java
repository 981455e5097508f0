package org.unionledger.service;

import static org.unionledger.common.TestLedger.CLERK;
import static org.unionledger.common.TestLedger.CLOCK;
import static org.unionledger.common.TestLedger.NOW;
import static org.unionledger.common.TestLedger.TODAY;
import static org.unionledger.common.TestLedger.violationOf;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionledger.common.Rule;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.ServingAssignmentEnded;
import org.unionledger.membership.Events.ServingUnionAssigned;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.InMemoryMemberDirectory;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.ServingEndReason;
import org.unionledger.membership.TerminationReason;
import org.unionledger.service.Commands.RecordServiceDelivered;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.union.InMemoryUnionDirectory;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

class ServiceDeliveryTest {

	private static final ServiceId SERVICE = new ServiceId("svc-2026-0615-001");

	private static final MemberId MEMBER = new MemberId("m-oz4njx4bwlschfqh6vct6fq3c4");

	private static final LocalDate DELIVERED_ON = LocalDate.of(2026, 6, 12);

	private final InMemoryUnionDirectory unions = new InMemoryUnionDirectory();

	private final UnionPlacement union = this.unions.add("sjz-construction-01", "130102", UnionType.PROJECT_SITE,
			Sector.CONSTRUCTION, LocalDate.of(2020, 1, 1));

	private final UnionPlacement dissolved = this.unions.add("sjz-closed-04", "130105", UnionType.ENTERPRISE,
			Sector.MANUFACTURING, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1));

	private final UnionPlacement baoding = this.unions.add("bd-logistics-02", "130602", UnionType.ENTERPRISE,
			Sector.LOGISTICS, LocalDate.of(2020, 1, 1));

	private final UnionPlacement hostSite = this.unions.add("sjz-host-site-03", "130104", UnionType.PROJECT_SITE,
			Sector.CONSTRUCTION, LocalDate.of(2020, 1, 1));

	private final InMemoryMemberDirectory members = new InMemoryMemberDirectory();

	private AggregateTestFixture<ServiceDelivery> fixture;

	@BeforeEach
	void setUp() {
		this.members.append(MEMBER, new MemberEnrolled(MEMBER, null, this.union, EnrollmentChannel.ON_SITE,
				LocalDate.of(2025, 3, 1), NOW, CLERK));
		this.fixture = new AggregateTestFixture<>(ServiceDelivery.class);
		this.fixture.registerInjectableResource(CLOCK);
		this.fixture.registerInjectableResource(this.unions);
		this.fixture.registerInjectableResource(this.members);
	}

	@Test
	void aUnionOfAnotherCityCannotServeTheMember() {
		this.fixture.givenNoPriorActivity()
			.when(memberDelivery(this.baoding, DELIVERED_ON))
			.expectException(violationOf("memberId", Rule.MEMBER_UNKNOWN))
			.expectNoEvents();
	}

	@Test
	void anUnknownMemberIsRefusedLikeOneOutOfReach() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordServiceDelivered(SERVICE, this.union.unionId(), new MemberId("m-unknown"),
					ServiceType.MICRO_LOAN, null, DELIVERED_ON, 1, BigDecimal.TEN, CLERK))
			.expectException(violationOf("memberId", Rule.MEMBER_UNKNOWN))
			.expectNoEvents();
	}

	@Test
	void noServiceToAMemberBeforeTheEnrollment() {
		this.fixture.givenNoPriorActivity()
			.when(memberDelivery(this.union, LocalDate.of(2025, 2, 28)))
			.expectException(violationOf("memberId", Rule.MEMBER_UNKNOWN))
			.expectNoEvents();
	}

	@Test
	void theServingUnionServesTheMemberDuringItsAssignmentOnly() {
		this.members.append(MEMBER,
				new ServingUnionAssigned(MEMBER, this.union, this.hostSite, LocalDate.of(2026, 1, 10), NOW, CLERK),
				new ServingAssignmentEnded(MEMBER, this.union, this.hostSite, ServingEndReason.ENDED,
						LocalDate.of(2026, 5, 1), NOW, CLERK));
		this.fixture.givenNoPriorActivity()
			.when(memberDelivery(this.hostSite, LocalDate.of(2026, 4, 30)))
			.expectSuccessfulHandlerExecution();
		this.fixture.givenNoPriorActivity()
			.when(memberDelivery(this.hostSite, LocalDate.of(2026, 1, 9)))
			.expectException(violationOf("memberId", Rule.MEMBER_UNKNOWN));
		this.fixture.givenNoPriorActivity()
			.when(memberDelivery(this.hostSite, LocalDate.of(2026, 5, 1)))
			.expectException(violationOf("memberId", Rule.MEMBER_UNKNOWN));
		this.fixture.givenNoPriorActivity()
			.when(memberDelivery(this.union, LocalDate.of(2026, 4, 30)))
			.expectSuccessfulHandlerExecution();
	}

	@Test
	void afterATransferOnlyTheNewUnionHoldsTheMember() {
		this.members.append(MEMBER, new TransferAccepted(MEMBER, new CredentialCode("ABCD-EFGH-JKMN"), this.union,
				this.baoding, LocalDate.of(2026, 2, 1), NOW, CLERK));
		this.fixture.givenNoPriorActivity()
			.when(memberDelivery(this.union, LocalDate.of(2026, 2, 1)))
			.expectException(violationOf("memberId", Rule.MEMBER_UNKNOWN));
		this.fixture.givenNoPriorActivity()
			.when(memberDelivery(this.union, LocalDate.of(2026, 1, 31)))
			.expectSuccessfulHandlerExecution();
		this.fixture.givenNoPriorActivity()
			.when(memberDelivery(this.baoding, LocalDate.of(2026, 2, 1)))
			.expectSuccessfulHandlerExecution();
	}

	@Test
	void noServiceToAMemberAfterTheMembershipEnded() {
		this.members.append(MEMBER, new MembershipTerminated(MEMBER, this.union, TerminationReason.VOLUNTARY_WITHDRAWAL,
				false, LocalDate.of(2026, 3, 1), NOW, CLERK));
		this.fixture.givenNoPriorActivity()
			.when(memberDelivery(this.union, LocalDate.of(2026, 3, 1)))
			.expectException(violationOf("memberId", Rule.MEMBER_UNKNOWN))
			.expectNoEvents();
	}

	@Test
	void aDeliveredServiceIsRecordedWithItsUnionsPlacement() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordServiceDelivered(SERVICE, this.union.unionId(), MEMBER, ServiceType.SEASONAL_CARE,
					Campaign.SUMMER_COOLING, DELIVERED_ON, 120, new BigDecimal("3600.50"), CLERK))
			.expectEvents(new ServiceDelivered(SERVICE, this.union, MEMBER, ServiceType.SEASONAL_CARE,
					Campaign.SUMMER_COOLING, DELIVERED_ON, 120, new BigDecimal("3600.50"), NOW, CLERK));
	}

	@Test
	void aServiceToNonMembersWithoutCampaignIsRecordedWithoutIdentity() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordServiceDelivered(SERVICE, this.union.unionId(), null, ServiceType.SKILLS_TRAINING, null,
					TODAY, 1, BigDecimal.ZERO, CLERK))
			.expectEvents(new ServiceDelivered(SERVICE, this.union, null, ServiceType.SKILLS_TRAINING, null, TODAY, 1,
					new BigDecimal("0.00"), NOW, CLERK));
	}

	@Test
	void amountsAreKeptInFen() {
		this.fixture.givenNoPriorActivity()
			.when(delivery(10, new BigDecimal("1500.500")))
			.expectEvents(new ServiceDelivered(SERVICE, this.union, null, ServiceType.RIGHTS_PROTECTION, null,
					DELIVERED_ON, 10, new BigDecimal("1500.50"), NOW, CLERK));
	}

	@Test
	void theUnionMustBeKnown() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordServiceDelivered(SERVICE, new UnionId("nowhere-99"), null, ServiceType.MICRO_LOAN, null,
					DELIVERED_ON, 1, BigDecimal.TEN, CLERK))
			.expectException(violationOf("unionId", Rule.UNION_UNKNOWN))
			.expectNoEvents();
	}

	@Test
	void aDissolvedUnionDeliversNoServices() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordServiceDelivered(SERVICE, this.dissolved.unionId(), null, ServiceType.MICRO_LOAN, null,
					DELIVERED_ON, 1, BigDecimal.TEN, CLERK))
			.expectException(violationOf("unionId", Rule.UNION_NOT_OPEN))
			.expectNoEvents();
	}

	@Test
	void aServiceBeforeTheUnionWasEstablishedIsRefused() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordServiceDelivered(SERVICE, this.union.unionId(), null, ServiceType.MICRO_LOAN, null,
					LocalDate.of(2019, 12, 31), 1, BigDecimal.TEN, CLERK))
			.expectException(violationOf("unionId", Rule.UNION_NOT_OPEN))
			.expectNoEvents();
	}

	@Test
	void aServiceCannotBeDeliveredInTheFuture() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordServiceDelivered(SERVICE, this.union.unionId(), null, ServiceType.MICRO_LOAN, null,
					TODAY.plusDays(1), 1, BigDecimal.TEN, CLERK))
			.expectException(violationOf("deliveredOn", Rule.EFFECTIVE_DATE_IN_FUTURE))
			.expectNoEvents();
	}

	@ParameterizedTest
	@ValueSource(ints = { -5, 0, 100_001 })
	void personTimesLieBetweenOneAnd100000(int personTimes) {
		this.fixture.givenNoPriorActivity()
			.when(delivery(personTimes, BigDecimal.TEN))
			.expectException(violationOf("personTimes", Rule.PERSON_TIMES_OUT_OF_RANGE))
			.expectNoEvents();
	}

	@Test
	void oneHundredThousandPersonTimesAreAccepted() {
		this.fixture.givenNoPriorActivity().when(delivery(100_000, BigDecimal.TEN)).expectSuccessfulHandlerExecution();
	}

	@Test
	void theAmountIsRequired() {
		this.fixture.givenNoPriorActivity()
			.when(delivery(1, null))
			.expectException(violationOf("amountYuan", Rule.REQUIRED))
			.expectNoEvents();
	}

	@Test
	void theAmountCannotBeNegative() {
		this.fixture.givenNoPriorActivity()
			.when(delivery(1, new BigDecimal("-0.01")))
			.expectException(violationOf("amountYuan", Rule.AMOUNT_NEGATIVE))
			.expectNoEvents();
	}

	@Test
	void theAmountHasAtMostTwoDecimalPlaces() {
		this.fixture.givenNoPriorActivity()
			.when(delivery(1, new BigDecimal("10.005")))
			.expectException(violationOf("amountYuan", Rule.AMOUNT_PRECISION))
			.expectNoEvents();
	}

	@Test
	void theAmountIsAtMostOneHundredMillionYuan() {
		this.fixture.givenNoPriorActivity()
			.when(delivery(1, new BigDecimal("100000000.01")))
			.expectException(violationOf("amountYuan", Rule.AMOUNT_TOO_LARGE))
			.expectNoEvents();
	}

	@Test
	void oneHundredMillionYuanIsAccepted() {
		this.fixture.givenNoPriorActivity()
			.when(delivery(1, new BigDecimal("100000000")))
			.expectSuccessfulHandlerExecution();
	}

	@Test
	void theServiceTypeIsRequired() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordServiceDelivered(SERVICE, this.union.unionId(), null, null, null, DELIVERED_ON, 1,
					BigDecimal.TEN, CLERK))
			.expectException(violationOf("type", Rule.REQUIRED))
			.expectNoEvents();
	}

	private RecordServiceDelivered memberDelivery(UnionPlacement by, LocalDate deliveredOn) {
		return new RecordServiceDelivered(SERVICE, by.unionId(), MEMBER, ServiceType.RIGHTS_PROTECTION, null,
				deliveredOn, 1, BigDecimal.TEN, CLERK);
	}

	private RecordServiceDelivered delivery(int personTimes, BigDecimal amountYuan) {
		return new RecordServiceDelivered(SERVICE, this.union.unionId(), null, ServiceType.RIGHTS_PROTECTION, null,
				DELIVERED_ON, personTimes, amountYuan, CLERK);
	}

}
