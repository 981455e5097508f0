package org.unionledger.applications;

import static org.unionledger.common.TestLedger.CLERK;
import static org.unionledger.common.TestLedger.CLOCK;
import static org.unionledger.common.TestLedger.NOW;
import static org.unionledger.common.TestLedger.TODAY;
import static org.unionledger.common.TestLedger.violationOf;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.membership.MemberId;
import org.unionledger.applications.Commands.ApproveApplication;
import org.unionledger.applications.Commands.DeclineApplication;
import org.unionledger.applications.Commands.SubmitApplication;
import org.unionledger.applications.Commands.WithdrawApproval;
import org.unionledger.online.Events.ApplicationApprovalWithdrawn;
import org.unionledger.online.Events.ApplicationApproved;
import org.unionledger.online.Events.ApplicationDeclined;
import org.unionledger.online.Events.ApplicationSubmitted;
import org.unionledger.union.InMemoryUnionDirectory;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

class OnlineApplicationTest {

	private static final ApplicationId APPLICATION = new ApplicationId("oa-7k2m9qxd4h1rz8pw");

	private static final MemberId MEMBER = new MemberId("m-oz4njx4bwlschfqh6vct6fq3c4");

	private static final EncryptedPersonalData SEALED = new EncryptedPersonalData("pd-1", "c2VhbGVk");

	private static final RecordedBy PUBLIC = new RecordedBy("public-form");

	private static final LocalDate SUBMITTED = TODAY.minusDays(3);

	private final InMemoryUnionDirectory unions = new InMemoryUnionDirectory();

	private final UnionPlacement union = this.unions.add("sjz-express-01", "130104", UnionType.INDUSTRY,
			Sector.LOGISTICS, LocalDate.of(2020, 1, 1));

	private final UnionPlacement closed = this.unions.add("sjz-closed-02", "130105", UnionType.ENTERPRISE, Sector.OTHER,
			LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1));

	private AggregateTestFixture<OnlineApplication> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(OnlineApplication.class);
		this.fixture.registerInjectableResource(CLOCK);
		this.fixture.registerInjectableResource(this.unions);
	}

	private ApplicationSubmitted submitted() {
		return new ApplicationSubmitted(APPLICATION, MEMBER, SEALED, this.union, SUBMITTED, NOW, PUBLIC);
	}

	@Test
	void anApplicationToAnOpenUnionIsPending() {
		this.fixture.givenNoPriorActivity()
			.when(new SubmitApplication(APPLICATION, MEMBER, SEALED, this.union.unionId(), SUBMITTED, PUBLIC))
			.expectEvents(submitted());
	}

	@Test
	void cannotApplyToADissolvedUnion() {
		this.fixture.givenNoPriorActivity()
			.when(new SubmitApplication(APPLICATION, MEMBER, SEALED, this.closed.unionId(), SUBMITTED, PUBLIC))
			.expectException(violationOf("unionId", Rule.UNION_NOT_OPEN));
	}

	@Test
	void cannotApplyToAnUnknownUnion() {
		this.fixture.givenNoPriorActivity()
			.when(new SubmitApplication(APPLICATION, MEMBER, SEALED, new UnionId("nowhere"), SUBMITTED, PUBLIC))
			.expectException(violationOf("unionId", Rule.UNION_UNKNOWN));
	}

	@Test
	void theUnionApprovesWithTheMemberIdForTheEnrollment() {
		this.fixture.given(submitted())
			.when(new ApproveApplication(APPLICATION, this.union.unionId(), TODAY, CLERK))
			.expectEvents(new ApplicationApproved(APPLICATION, MEMBER, this.union, TODAY, NOW, CLERK));
	}

	@Test
	void cannotApproveForAnotherUnion() {
		this.fixture.given(submitted())
			.when(new ApproveApplication(APPLICATION, this.closed.unionId(), TODAY, CLERK))
			.expectException(violationOf("decidingUnionId", Rule.APPLICATION_OTHER_UNION))
			.expectNoEvents();
	}

	@Test
	void cannotApproveBeforeTheApplicationOrInTheFuture() {
		this.fixture.given(submitted())
			.when(new ApproveApplication(APPLICATION, this.union.unionId(), SUBMITTED.minusDays(1), CLERK))
			.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE));
		this.fixture.given(submitted())
			.when(new ApproveApplication(APPLICATION, this.union.unionId(), TODAY.plusDays(1), CLERK))
			.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE));
	}

	@Test
	void theUnionDeclinesWithAReason() {
		this.fixture.given(submitted())
			.when(new DeclineApplication(APPLICATION, this.union.unionId(), " 非本单位职工 ", CLERK))
			.expectEvents(new ApplicationDeclined(APPLICATION, this.union, "非本单位职工", NOW, CLERK));
	}

	@Test
	void cannotDeclineWithoutAReason() {
		this.fixture.given(submitted())
			.when(new DeclineApplication(APPLICATION, this.union.unionId(), " ", CLERK))
			.expectException(violationOf("reason", Rule.DECLINE_REASON_INVALID));
	}

	@Test
	void anApplicationIsDecidedOnlyOnce() {
		this.fixture.given(submitted(), new ApplicationDeclined(APPLICATION, this.union, "no", NOW, CLERK))
			.when(new ApproveApplication(APPLICATION, this.union.unionId(), TODAY, CLERK))
			.expectException(violationOf("applicationId", Rule.APPLICATION_NOT_PENDING));
		this.fixture.given(submitted(), new ApplicationApproved(APPLICATION, MEMBER, this.union, TODAY, NOW, CLERK))
			.when(new DeclineApplication(APPLICATION, this.union.unionId(), "late", CLERK))
			.expectException(violationOf("applicationId", Rule.APPLICATION_NOT_PENDING));
	}

	@Test
	void aWithdrawnApprovalLeavesTheApplicationPendingAgain() {
		ApplicationApproved approved = new ApplicationApproved(APPLICATION, MEMBER, this.union, TODAY, NOW, CLERK);
		this.fixture.given(submitted(), approved)
			.when(new WithdrawApproval(APPLICATION, this.union.unionId(), "enrollment failed", CLERK))
			.expectEvents(new ApplicationApprovalWithdrawn(APPLICATION, this.union, SUBMITTED, "enrollment failed", NOW,
					CLERK));
		this.fixture
			.given(submitted(), approved,
					new ApplicationApprovalWithdrawn(APPLICATION, this.union, SUBMITTED, "enrollment failed", NOW,
							CLERK))
			.when(new ApproveApplication(APPLICATION, this.union.unionId(), TODAY, CLERK))
			.expectEvents(approved);
	}

	@Test
	void onlyAnApprovedApplicationHasItsApprovalWithdrawn() {
		this.fixture.given(submitted())
			.when(new WithdrawApproval(APPLICATION, this.union.unionId(), "enrollment failed", CLERK))
			.expectException(violationOf("applicationId", Rule.APPLICATION_NOT_APPROVED));
		this.fixture.given(submitted(), new ApplicationDeclined(APPLICATION, this.union, "no", NOW, CLERK))
			.when(new WithdrawApproval(APPLICATION, this.union.unionId(), "enrollment failed", CLERK))
			.expectException(violationOf("applicationId", Rule.APPLICATION_NOT_APPROVED));
		this.fixture.given(submitted(), new ApplicationApproved(APPLICATION, MEMBER, this.union, TODAY, NOW, CLERK))
			.when(new WithdrawApproval(APPLICATION, new UnionId("sjz-closed-02"), "enrollment failed", CLERK))
			.expectException(violationOf("decidingUnionId", Rule.APPLICATION_OTHER_UNION));
	}

}
