package org.unionledger.membership;

import static org.unionledger.common.TestLedger.CLERK;
import static org.unionledger.common.TestLedger.CLOCK;
import static org.unionledger.common.TestLedger.NOW;
import static org.unionledger.common.TestLedger.TODAY;
import static org.unionledger.common.TestLedger.violationOf;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionledger.common.Outcome;
import org.unionledger.common.Rule;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.Commands.AcceptInterLedgerTransfer;
import org.unionledger.membership.Commands.CloseInterLedgerTransfer;
import org.unionledger.membership.Commands.IssueInterLedgerCredential;
import org.unionledger.membership.Events.InterLedgerCredentialIssued;
import org.unionledger.membership.Events.InterLedgerReceiptRefused;
import org.unionledger.membership.Events.InterLedgerTransferRefused;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.membership.Commands.AcceptTransfer;
import org.unionledger.membership.Commands.AssignServingUnion;
import org.unionledger.membership.Commands.EndServingAssignment;
import org.unionledger.membership.Commands.CancelTransferCredential;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.Commands.EndDoubleCountedMembership;
import org.unionledger.membership.Commands.ReclassifyEnrollmentAsTransferIn;
import org.unionledger.membership.Commands.ErasePersonalData;
import org.unionledger.membership.Commands.IssueTransferCredential;
import org.unionledger.membership.Commands.PutMembershipOnHold;
import org.unionledger.membership.Commands.ReissueTransferCredential;
import org.unionledger.membership.Commands.ResumeMembership;
import org.unionledger.membership.Commands.TerminateMembership;
import org.unionledger.membership.Events.EnrollmentRejected;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.ServingAssignmentEnded;
import org.unionledger.membership.Events.ServingUnionAssigned;
import org.unionledger.membership.Events.TransferAcceptanceRejected;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.union.InMemoryUnionDirectory;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

class MembershipTest {

	private static final MemberId MEMBER = new MemberId("m-oz4njx4bwlschfqh6vct6fq3c4");

	private static final EncryptedPersonalData DATA = new EncryptedPersonalData("k1", "c2VhbGVkIGRhdGE=");

	private static final EncryptedPersonalData NEW_DATA = new EncryptedPersonalData("k2", "bmV3IGRhdGE=");

	private static final Instant EARLIER = NOW.minusSeconds(7 * 86_400);

	private static final LocalDate ENROLLED_ON = LocalDate.of(2026, 1, 10);

	private static final CredentialCode CODE = new CredentialCode("TC-7Q4M-9XKD");

	private static final CredentialCode OTHER_CODE = new CredentialCode("TC-2B8N-5WLP");

	private final InMemoryUnionDirectory unions = new InMemoryUnionDirectory();

	private final UnionPlacement origin = this.unions.add("sjz-construction-01", "130102", UnionType.PROJECT_SITE,
			Sector.CONSTRUCTION, LocalDate.of(2020, 1, 1));

	private final UnionPlacement receiver = this.unions.add("sjz-logistics-02", "130171", UnionType.ENTERPRISE,
			Sector.LOGISTICS, LocalDate.of(2021, 1, 1));

	private final UnionPlacement third = this.unions.add("sjz-domestic-03", "130104", UnionType.REGIONAL,
			Sector.DOMESTIC_SERVICES, LocalDate.of(2021, 1, 1));

	private final UnionPlacement dissolved = this.unions.add("sjz-closed-04", "130105", UnionType.ENTERPRISE,
			Sector.MANUFACTURING, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1));

	private final UnionPlacement founded = this.unions.add("sjz-new-05", "130108", UnionType.ENTERPRISE,
			Sector.LOGISTICS, LocalDate.of(2026, 6, 1));

	private static final UnionId UNKNOWN_UNION = new UnionId("nowhere-99");

	private AggregateTestFixture<Membership> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(Membership.class);
		this.fixture.registerInjectableResource(CLOCK);
		this.fixture.registerInjectableResource(this.unions);
	}

	private MemberEnrolled enrolled() {
		return new MemberEnrolled(MEMBER, DATA, this.origin, EnrollmentChannel.ON_SITE, ENROLLED_ON, EARLIER, CLERK);
	}

	private TransferCredentialIssued issued(CredentialCode code, UnionId toUnionId, LocalDate issuedOn, int days) {
		return new TransferCredentialIssued(MEMBER, code, this.origin, toUnionId, issuedOn, issuedOn.plusDays(days),
				EARLIER, CLERK);
	}

	private TransferCredentialIssued issuedToReceiver() {
		return issued(CODE, this.receiver.unionId(), LocalDate.of(2026, 6, 1), 30);
	}

	private MembershipPutOnHold onHold(LocalDate on) {
		return new MembershipPutOnHold(MEMBER, this.origin, "retired", on, EARLIER, CLERK);
	}

	private MembershipTerminated terminated(LocalDate on) {
		return new MembershipTerminated(MEMBER, this.origin, TerminationReason.LEFT_WORKFORCE, false, on, EARLIER,
				CLERK);
	}

	private static EnrollMember enroll(UnionId unionId, LocalDate on) {
		return new EnrollMember(MEMBER, DATA, unionId, on, EnrollmentChannel.ONLINE, CLERK);
	}

	private static AcceptTransfer accept(CredentialCode code, UnionId receivingUnionId, LocalDate on) {
		return new AcceptTransfer(MEMBER, code, receivingUnionId, on, CLERK);
	}

	private AcceptTransfer acceptAtReceiver(LocalDate on) {
		return accept(CODE, this.receiver.unionId(), on);
	}

	private TransferAcceptanceRejected refused(CredentialCode code, UnionId presenting,
			CredentialRejectionReason reason, LocalDate on) {
		return new TransferAcceptanceRejected(MEMBER, code, presenting, reason, on, NOW, CLERK);
	}

	private IssueTransferCredential issue(CredentialCode code, UnionId issuing, UnionId to, LocalDate on, int days) {
		return new IssueTransferCredential(MEMBER, code, issuing, to, on, days, CLERK);
	}

	@Nested
	class Enrollment {

		@Test
		void aNewPersonIsEnrolled() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(enroll(MembershipTest.this.origin.unionId(), TODAY))
				.expectEvents(new MemberEnrolled(MEMBER, DATA, MembershipTest.this.origin, EnrollmentChannel.ONLINE,
						TODAY, NOW, CLERK))
				.expectResultMessagePayload(Outcome.ok());
		}

		@Test
		void aBackdatedEnrollmentKeepsBothItsEffectiveDateAndItsRecordedTime() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(enroll(MembershipTest.this.origin.unionId(), ENROLLED_ON))
				.expectEvents(new MemberEnrolled(MEMBER, DATA, MembershipTest.this.origin, EnrollmentChannel.ONLINE,
						ENROLLED_ON, NOW, CLERK));
		}

		@Test
		void secondEnrollmentOfAnActiveMemberIsRecordedAsRejected() {
			MembershipTest.this.fixture.given(enrolled())
				.when(enroll(MembershipTest.this.receiver.unionId(), TODAY))
				.expectEvents(new EnrollmentRejected(MEMBER, MembershipTest.this.receiver, EnrollmentChannel.ONLINE,
						EnrollmentRejectionReason.ALREADY_ACTIVE, MembershipTest.this.origin.unionId(), TODAY, NOW,
						CLERK))
				.expectResultMessagePayload(Outcome.rejected(EnrollmentRejectionReason.ALREADY_ACTIVE));
		}

		@Test
		void enrollmentOfAMemberOnHoldIsRecordedAsRejected() {
			MembershipTest.this.fixture.given(enrolled(), onHold(LocalDate.of(2026, 3, 1)))
				.when(enroll(MembershipTest.this.origin.unionId(), TODAY))
				.expectEvents(new EnrollmentRejected(MEMBER, MembershipTest.this.origin, EnrollmentChannel.ONLINE,
						EnrollmentRejectionReason.ON_HOLD, MembershipTest.this.origin.unionId(), TODAY, NOW, CLERK))
				.expectResultMessagePayload(Outcome.rejected(EnrollmentRejectionReason.ON_HOLD));
		}

		@Test
		void aRejectedEnrollmentChangesNothing() {
			MembershipTest.this.fixture
				.given(enrolled(),
						new EnrollmentRejected(MEMBER, MembershipTest.this.receiver, EnrollmentChannel.ONLINE,
								EnrollmentRejectionReason.ALREADY_ACTIVE, MembershipTest.this.origin.unionId(), TODAY,
								NOW, CLERK))
				.when(new PutMembershipOnHold(MEMBER, TODAY, "unemployed", CLERK))
				.expectEvents(
						new MembershipPutOnHold(MEMBER, MembershipTest.this.origin, "unemployed", TODAY, NOW, CLERK));
		}

		@Test
		void aTerminatedMemberIsReEnrolledNotEnrolledAnew() {
			MembershipTest.this.fixture.given(enrolled(), terminated(LocalDate.of(2026, 3, 1)))
				.when(new EnrollMember(MEMBER, NEW_DATA, MembershipTest.this.receiver.unionId(), TODAY,
						EnrollmentChannel.ON_SITE, CLERK))
				.expectEvents(new MemberReEnrolled(MEMBER, NEW_DATA, MembershipTest.this.receiver,
						EnrollmentChannel.ON_SITE, TODAY, NOW, CLERK))
				.expectResultMessagePayload(Outcome.ok());
		}

		@Test
		void reEnrollmentCannotTakeEffectBeforeTheTermination() {
			MembershipTest.this.fixture.given(enrolled(), terminated(LocalDate.of(2026, 3, 1)))
				.when(enroll(MembershipTest.this.origin.unionId(), LocalDate.of(2026, 2, 28)))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

		@Test
		void cannotEnrollWithAnEffectiveDateInTheFuture() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(enroll(MembershipTest.this.origin.unionId(), TODAY.plusDays(1)))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE))
				.expectNoEvents();
		}

		@Test
		void cannotEnrollAtAnUnknownUnion() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(enroll(UNKNOWN_UNION, TODAY))
				.expectException(violationOf("unionId", Rule.UNION_UNKNOWN))
				.expectNoEvents();
		}

		@Test
		void cannotEnrollAtADissolvedUnion() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(enroll(MembershipTest.this.dissolved.unionId(), TODAY))
				.expectException(violationOf("unionId", Rule.UNION_NOT_OPEN))
				.expectNoEvents();
		}

		@Test
		void cannotEnrollAtAUnionBeforeItWasEstablished() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(enroll(MembershipTest.this.founded.unionId(), LocalDate.of(2026, 5, 31)))
				.expectException(violationOf("unionId", Rule.UNION_NOT_OPEN))
				.expectNoEvents();
		}

		@Test
		void aSecondEnrollmentAtAnUnknownUnionIsAnInputErrorNotARecordedRejection() {
			MembershipTest.this.fixture.given(enrolled())
				.when(enroll(UNKNOWN_UNION, TODAY))
				.expectException(violationOf("unionId", Rule.UNION_UNKNOWN))
				.expectNoEvents();
		}

		@Test
		void enrollmentNeedsPersonalData() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(new EnrollMember(MEMBER, null, MembershipTest.this.origin.unionId(), TODAY,
						EnrollmentChannel.ONLINE, CLERK))
				.expectException(violationOf("personalData", Rule.REQUIRED))
				.expectNoEvents();
		}

	}

	@Nested
	class IssuingACredential {

		@Test
		void theCurrentUnionIssuesACredentialThatExpiresAfterItsValidity() {
			MembershipTest.this.fixture.given(enrolled())
				.when(issue(CODE, MembershipTest.this.origin.unionId(), MembershipTest.this.receiver.unionId(), TODAY,
						30))
				.expectEvents(new TransferCredentialIssued(MEMBER, CODE, MembershipTest.this.origin,
						MembershipTest.this.receiver.unionId(), TODAY, TODAY.plusDays(30), NOW, CLERK));
		}

		@Test
		void aCredentialMayLeaveTheReceivingUnionOpen() {
			MembershipTest.this.fixture.given(enrolled())
				.when(issue(CODE, MembershipTest.this.origin.unionId(), null, TODAY, 1))
				.expectEvents(new TransferCredentialIssued(MEMBER, CODE, MembershipTest.this.origin, null, TODAY,
						TODAY.plusDays(1), NOW, CLERK));
		}

		@Test
		void cannotIssueForAMembershipOnHold() {
			MembershipTest.this.fixture.given(enrolled(), onHold(LocalDate.of(2026, 3, 1)))
				.when(issue(CODE, MembershipTest.this.origin.unionId(), null, TODAY, 30))
				.expectException(violationOf("memberId", Rule.MEMBERSHIP_NOT_ACTIVE))
				.expectNoEvents();
		}

		@Test
		void cannotIssueForATerminatedMembership() {
			MembershipTest.this.fixture.given(enrolled(), terminated(LocalDate.of(2026, 3, 1)))
				.when(issue(CODE, MembershipTest.this.origin.unionId(), null, TODAY, 30))
				.expectException(violationOf("memberId", Rule.MEMBERSHIP_NOT_ACTIVE))
				.expectNoEvents();
		}

		@Test
		void cannotIssueForAPersonWhoWasNeverEnrolled() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(issue(CODE, MembershipTest.this.origin.unionId(), null, TODAY, 30))
				.expectException(AggregateNotFoundException.class);
		}

		@Test
		void onlyTheCurrentUnionCanIssueACredential() {
			MembershipTest.this.fixture.given(enrolled())
				.when(issue(CODE, MembershipTest.this.third.unionId(), MembershipTest.this.receiver.unionId(), TODAY,
						30))
				.expectException(violationOf("issuingUnionId", Rule.NOT_CURRENT_UNION))
				.expectNoEvents();
		}

		@Test
		void cannotIssueWhileAnUnexpiredCredentialIsOutstanding() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(issue(OTHER_CODE, MembershipTest.this.origin.unionId(), null, TODAY, 30))
				.expectException(violationOf("code", Rule.CREDENTIAL_OUTSTANDING))
				.expectNoEvents();
		}

		@Test
		void anExpiredCredentialDoesNotBlockANewOne() {
			MembershipTest.this.fixture
				.given(enrolled(), issued(CODE, MembershipTest.this.receiver.unionId(), LocalDate.of(2026, 5, 1), 30))
				.when(issue(OTHER_CODE, MembershipTest.this.origin.unionId(), null, TODAY, 30))
				.expectEvents(new TransferCredentialIssued(MEMBER, OTHER_CODE, MembershipTest.this.origin, null, TODAY,
						TODAY.plusDays(30), NOW, CLERK));
		}

		@Test
		void aCancelledCredentialDoesNotBlockANewOne() {
			MembershipTest.this.fixture
				.given(enrolled(), issuedToReceiver(),
						new TransferCredentialCancelled(MEMBER, CODE, MembershipTest.this.origin, "lost",
								LocalDate.of(2026, 6, 2), EARLIER, CLERK))
				.when(issue(OTHER_CODE, MembershipTest.this.origin.unionId(), null, TODAY, 30))
				.expectSuccessfulHandlerExecution()
				.expectEvents(new TransferCredentialIssued(MEMBER, OTHER_CODE, MembershipTest.this.origin, null, TODAY,
						TODAY.plusDays(30), NOW, CLERK));
		}

		@Test
		void aCredentialCodeIsNeverIssuedTwiceForAMember() {
			MembershipTest.this.fixture
				.given(enrolled(), issued(CODE, MembershipTest.this.receiver.unionId(), LocalDate.of(2026, 5, 1), 30))
				.when(issue(CODE, MembershipTest.this.origin.unionId(), null, TODAY, 30))
				.expectException(violationOf("code", Rule.CREDENTIAL_CODE_TAKEN))
				.expectNoEvents();
		}

		@Test
		void aCredentialCannotLeadToTheCurrentUnion() {
			MembershipTest.this.fixture.given(enrolled())
				.when(issue(CODE, MembershipTest.this.origin.unionId(), MembershipTest.this.origin.unionId(), TODAY,
						30))
				.expectException(violationOf("toUnionId", Rule.SAME_UNION))
				.expectNoEvents();
		}

		@Test
		void aCredentialCannotLeadToAnUnknownUnion() {
			MembershipTest.this.fixture.given(enrolled())
				.when(issue(CODE, MembershipTest.this.origin.unionId(), UNKNOWN_UNION, TODAY, 30))
				.expectException(violationOf("toUnionId", Rule.UNION_UNKNOWN))
				.expectNoEvents();
		}

		@ParameterizedTest
		@ValueSource(ints = { -1, 0, 3651 })
		void validityLiesBetweenOneAnd3650Days(int days) {
			MembershipTest.this.fixture.given(enrolled())
				.when(issue(CODE, MembershipTest.this.origin.unionId(), null, TODAY, days))
				.expectException(violationOf("validityDays", Rule.VALIDITY_DAYS_OUT_OF_RANGE))
				.expectNoEvents();
		}

		@Test
		void aValidityOf3650DaysIsAccepted() {
			MembershipTest.this.fixture.given(enrolled())
				.when(issue(CODE, MembershipTest.this.origin.unionId(), null, TODAY, 3650))
				.expectSuccessfulHandlerExecution();
		}

		@Test
		void cannotIssueACredentialDatedInTheFuture() {
			MembershipTest.this.fixture.given(enrolled())
				.when(issue(CODE, MembershipTest.this.origin.unionId(), null, TODAY.plusDays(1), 30))
				.expectException(violationOf("issuedOn", Rule.EFFECTIVE_DATE_IN_FUTURE))
				.expectNoEvents();
		}

		@Test
		void cannotIssueACredentialBeforeTheMembershipStarted() {
			MembershipTest.this.fixture.given(enrolled())
				.when(issue(CODE, MembershipTest.this.origin.unionId(), null, ENROLLED_ON.minusDays(1), 30))
				.expectException(violationOf("issuedOn", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

	}

	@Nested
	class AcceptingATransfer {

		private final LocalDate transferDay = LocalDate.of(2026, 6, 10);

		@Test
		void theReceivingUnionAcceptsTheTransfer() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(acceptAtReceiver(this.transferDay))
				.expectEvents(new TransferAccepted(MEMBER, CODE, MembershipTest.this.origin,
						MembershipTest.this.receiver, this.transferDay, NOW, CLERK))
				.expectResultMessagePayload(Outcome.ok());
		}

		@Test
		void aCredentialWithoutReceivingUnionCanBeAcceptedByAnyOtherOpenUnion() {
			MembershipTest.this.fixture.given(enrolled(), issued(CODE, null, LocalDate.of(2026, 6, 1), 30))
				.when(accept(CODE, MembershipTest.this.third.unionId(), TODAY))
				.expectEvents(new TransferAccepted(MEMBER, CODE, MembershipTest.this.origin, MembershipTest.this.third,
						TODAY, NOW, CLERK));
		}

		@Test
		void whileACredentialIsOutstandingTheMemberStillBelongsToTheOriginUnion() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(new TerminateMembership(MEMBER, TODAY, TerminationReason.VOLUNTARY_WITHDRAWAL, CLERK))
				.expectEvents(new MembershipTerminated(MEMBER, MembershipTest.this.origin,
						TerminationReason.VOLUNTARY_WITHDRAWAL, false, TODAY, NOW, CLERK));
		}

		@Test
		void afterTheTransferTheMemberBelongsToTheReceivingUnion() {
			MembershipTest.this.fixture
				.given(enrolled(), issuedToReceiver(),
						new TransferAccepted(MEMBER, CODE, MembershipTest.this.origin, MembershipTest.this.receiver,
								this.transferDay, EARLIER, CLERK))
				.when(new PutMembershipOnHold(MEMBER, TODAY, "unemployed", CLERK))
				.expectEvents(
						new MembershipPutOnHold(MEMBER, MembershipTest.this.receiver, "unemployed", TODAY, NOW, CLERK));
		}

		@Test
		void afterTheTransferOnlyTheReceivingUnionCanIssueACredential() {
			MembershipTest.this.fixture
				.given(enrolled(), issuedToReceiver(),
						new TransferAccepted(MEMBER, CODE, MembershipTest.this.origin, MembershipTest.this.receiver,
								this.transferDay, EARLIER, CLERK))
				.when(issue(OTHER_CODE, MembershipTest.this.origin.unionId(), null, TODAY, 30))
				.expectException(violationOf("issuingUnionId", Rule.NOT_CURRENT_UNION));
		}

		@Test
		void anUnknownCodeIsRecordedAsRejected() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(accept(OTHER_CODE, MembershipTest.this.receiver.unionId(), TODAY))
				.expectEvents(refused(OTHER_CODE, MembershipTest.this.receiver.unionId(),
						CredentialRejectionReason.UNKNOWN_CODE, TODAY))
				.expectResultMessagePayload(Outcome.rejected(CredentialRejectionReason.UNKNOWN_CODE));
		}

		@Test
		void aCredentialCanBeUsedOnlyOnce() {
			MembershipTest.this.fixture
				.given(enrolled(), issuedToReceiver(),
						new TransferAccepted(MEMBER, CODE, MembershipTest.this.origin, MembershipTest.this.receiver,
								this.transferDay, EARLIER, CLERK))
				.when(acceptAtReceiver(TODAY))
				.expectEvents(refused(CODE, MembershipTest.this.receiver.unionId(),
						CredentialRejectionReason.ALREADY_USED, TODAY))
				.expectResultMessagePayload(Outcome.rejected(CredentialRejectionReason.ALREADY_USED));
		}

		@Test
		void aCancelledCredentialIsRefused() {
			MembershipTest.this.fixture
				.given(enrolled(), issuedToReceiver(),
						new TransferCredentialCancelled(MEMBER, CODE, MembershipTest.this.origin, "lost",
								LocalDate.of(2026, 6, 2), EARLIER, CLERK))
				.when(acceptAtReceiver(TODAY))
				.expectEvents(refused(CODE, MembershipTest.this.receiver.unionId(), CredentialRejectionReason.CANCELLED,
						TODAY))
				.expectResultMessagePayload(Outcome.rejected(CredentialRejectionReason.CANCELLED));
		}

		@Test
		void cannotAcceptAnExpiredCredential() {
			MembershipTest.this.fixture
				.given(enrolled(), issued(CODE, MembershipTest.this.receiver.unionId(), LocalDate.of(2026, 5, 1), 30))
				.when(acceptAtReceiver(TODAY))
				.expectEvents(
						refused(CODE, MembershipTest.this.receiver.unionId(), CredentialRejectionReason.EXPIRED, TODAY))
				.expectResultMessagePayload(Outcome.rejected(CredentialRejectionReason.EXPIRED));
		}

		@Test
		void backdatingCannotReviveAnExpiredCredential() {
			LocalDate withinValidity = LocalDate.of(2026, 5, 20);
			MembershipTest.this.fixture
				.given(enrolled(), issued(CODE, MembershipTest.this.receiver.unionId(), LocalDate.of(2026, 5, 1), 30))
				.when(acceptAtReceiver(withinValidity))
				.expectEvents(refused(CODE, MembershipTest.this.receiver.unionId(), CredentialRejectionReason.EXPIRED,
						withinValidity));
		}

		@Test
		void aCredentialIsNoLongerValidOnItsExpiryDate() {
			MembershipTest.this.fixture
				.given(enrolled(), issued(CODE, MembershipTest.this.receiver.unionId(), TODAY.minusDays(30), 30))
				.when(acceptAtReceiver(TODAY))
				.expectEvents(refused(CODE, MembershipTest.this.receiver.unionId(), CredentialRejectionReason.EXPIRED,
						TODAY));
		}

		@Test
		void aCredentialIsStillValidOnTheDayBeforeItsExpiryDate() {
			MembershipTest.this.fixture
				.given(enrolled(), issued(CODE, MembershipTest.this.receiver.unionId(), TODAY.minusDays(29), 30))
				.when(acceptAtReceiver(TODAY))
				.expectEvents(new TransferAccepted(MEMBER, CODE, MembershipTest.this.origin,
						MembershipTest.this.receiver, TODAY, NOW, CLERK));
		}

		@Test
		void aCredentialNamingAnotherUnionIsRefused() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(accept(CODE, MembershipTest.this.third.unionId(), TODAY))
				.expectEvents(refused(CODE, MembershipTest.this.third.unionId(), CredentialRejectionReason.WRONG_UNION,
						TODAY))
				.expectResultMessagePayload(Outcome.rejected(CredentialRejectionReason.WRONG_UNION));
		}

		@Test
		void theCurrentUnionCannotReceiveItsOwnMember() {
			MembershipTest.this.fixture.given(enrolled(), issued(CODE, null, LocalDate.of(2026, 6, 1), 30))
				.when(accept(CODE, MembershipTest.this.origin.unionId(), TODAY))
				.expectEvents(refused(CODE, MembershipTest.this.origin.unionId(), CredentialRejectionReason.SAME_UNION,
						TODAY))
				.expectResultMessagePayload(Outcome.rejected(CredentialRejectionReason.SAME_UNION));
		}

		@Test
		void anUnknownReceivingUnionIsRefused() {
			MembershipTest.this.fixture.given(enrolled(), issued(CODE, null, LocalDate.of(2026, 6, 1), 30))
				.when(accept(CODE, UNKNOWN_UNION, TODAY))
				.expectEvents(refused(CODE, UNKNOWN_UNION, CredentialRejectionReason.UNION_NOT_OPEN, TODAY))
				.expectResultMessagePayload(Outcome.rejected(CredentialRejectionReason.UNION_NOT_OPEN));
		}

		@Test
		void aDissolvedReceivingUnionIsRefused() {
			MembershipTest.this.fixture.given(enrolled(), issued(CODE, null, LocalDate.of(2026, 6, 1), 30))
				.when(accept(CODE, MembershipTest.this.dissolved.unionId(), TODAY))
				.expectEvents(refused(CODE, MembershipTest.this.dissolved.unionId(),
						CredentialRejectionReason.UNION_NOT_OPEN, TODAY));
		}

		@Test
		void aReceivingUnionNotYetOpenOnTheEffectiveDateIsRefused() {
			LocalDate beforeFounding = LocalDate.of(2026, 5, 31);
			MembershipTest.this.fixture.given(enrolled(), issued(CODE, null, LocalDate.of(2026, 5, 25), 30))
				.when(accept(CODE, MembershipTest.this.founded.unionId(), beforeFounding))
				.expectEvents(refused(CODE, MembershipTest.this.founded.unionId(),
						CredentialRejectionReason.UNION_NOT_OPEN, beforeFounding));
		}

		@Test
		void aCredentialCannotBeAcceptedWhileTheMembershipIsOnHold() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver(), onHold(LocalDate.of(2026, 6, 5)))
				.when(acceptAtReceiver(TODAY))
				.expectEvents(refused(CODE, MembershipTest.this.receiver.unionId(),
						CredentialRejectionReason.MEMBERSHIP_NOT_ACTIVE, TODAY))
				.expectResultMessagePayload(Outcome.rejected(CredentialRejectionReason.MEMBERSHIP_NOT_ACTIVE));
		}

		@Test
		void aCredentialHeldThroughAHoldCanBeAcceptedOnceTheMembershipResumes() {
			MembershipTest.this.fixture
				.given(enrolled(), issuedToReceiver(), onHold(LocalDate.of(2026, 6, 5)),
						new MembershipResumed(MEMBER, MembershipTest.this.origin, LocalDate.of(2026, 6, 8), EARLIER,
								CLERK))
				.when(acceptAtReceiver(TODAY))
				.expectEvents(new TransferAccepted(MEMBER, CODE, MembershipTest.this.origin,
						MembershipTest.this.receiver, TODAY, NOW, CLERK));
		}

		@Test
		void aCredentialCannotBeAcceptedForATerminatedMembership() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver(), terminated(LocalDate.of(2026, 6, 5)))
				.when(acceptAtReceiver(TODAY))
				.expectEvents(refused(CODE, MembershipTest.this.receiver.unionId(),
						CredentialRejectionReason.MEMBERSHIP_NOT_ACTIVE, TODAY));
		}

		@Test
		void aCredentialFromBeforeATerminationIsVoidAfterReEnrollment() {
			MembershipTest.this.fixture
				.given(enrolled(), issuedToReceiver(), terminated(LocalDate.of(2026, 6, 5)),
						new MemberReEnrolled(MEMBER, NEW_DATA, MembershipTest.this.origin, EnrollmentChannel.ON_SITE,
								LocalDate.of(2026, 6, 8), EARLIER, CLERK))
				.when(acceptAtReceiver(TODAY))
				.expectEvents(refused(CODE, MembershipTest.this.receiver.unionId(), CredentialRejectionReason.CANCELLED,
						TODAY));
		}

		@Test
		void aTransferCannotTakeEffectInTheFuture() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(acceptAtReceiver(TODAY.plusDays(1)))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE))
				.expectNoEvents();
		}

		@Test
		void aTransferCannotTakeEffectBeforeItsCredentialWasIssued() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(acceptAtReceiver(LocalDate.of(2026, 5, 31)))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_ISSUE))
				.expectNoEvents();
		}

		@Test
		void aTransferCannotTakeEffectBeforeTheMembershipsLastChange() {
			MembershipTest.this.fixture
				.given(enrolled(), issuedToReceiver(), onHold(LocalDate.of(2026, 6, 5)),
						new MembershipResumed(MEMBER, MembershipTest.this.origin, LocalDate.of(2026, 6, 8), EARLIER,
								CLERK))
				.when(acceptAtReceiver(LocalDate.of(2026, 6, 6)))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

	}

	@Nested
	class CancellingACredential {

		@Test
		void theIssuingUnionCancelsAnOutstandingCredential() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(new CancelTransferCredential(MEMBER, CODE, TODAY, "worker stays", CLERK))
				.expectEvents(new TransferCredentialCancelled(MEMBER, CODE, MembershipTest.this.origin, "worker stays",
						TODAY, NOW, CLERK));
		}

		@Test
		void anExpiredButUnusedCredentialCanStillBeCancelled() {
			MembershipTest.this.fixture
				.given(enrolled(), issued(CODE, MembershipTest.this.receiver.unionId(), LocalDate.of(2026, 5, 1), 30))
				.when(new CancelTransferCredential(MEMBER, CODE, TODAY, "tidy up", CLERK))
				.expectSuccessfulHandlerExecution();
		}

		@Test
		void cannotCancelAnUnknownCredential() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(new CancelTransferCredential(MEMBER, OTHER_CODE, TODAY, "typo", CLERK))
				.expectException(violationOf("code", Rule.CREDENTIAL_UNKNOWN))
				.expectNoEvents();
		}

		@Test
		void cannotCancelAUsedCredential() {
			MembershipTest.this.fixture
				.given(enrolled(), issuedToReceiver(),
						new TransferAccepted(MEMBER, CODE, MembershipTest.this.origin, MembershipTest.this.receiver,
								LocalDate.of(2026, 6, 10), EARLIER, CLERK))
				.when(new CancelTransferCredential(MEMBER, CODE, TODAY, "too late", CLERK))
				.expectException(violationOf("code", Rule.CREDENTIAL_NOT_OUTSTANDING))
				.expectNoEvents();
		}

		@Test
		void cannotCancelACredentialTwice() {
			MembershipTest.this.fixture
				.given(enrolled(), issuedToReceiver(),
						new TransferCredentialCancelled(MEMBER, CODE, MembershipTest.this.origin, "lost",
								LocalDate.of(2026, 6, 2), EARLIER, CLERK))
				.when(new CancelTransferCredential(MEMBER, CODE, TODAY, "again", CLERK))
				.expectException(violationOf("code", Rule.CREDENTIAL_NOT_OUTSTANDING))
				.expectNoEvents();
		}

		@Test
		void cannotCancelWithAFutureDate() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(new CancelTransferCredential(MEMBER, CODE, TODAY.plusDays(1), "planned", CLERK))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE))
				.expectNoEvents();
		}

		@Test
		void cannotCancelBeforeTheCredentialWasIssued() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(new CancelTransferCredential(MEMBER, CODE, LocalDate.of(2026, 5, 31), "backdated", CLERK))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

	}

	@Nested
	class ReissuingACredential {

		private ReissueTransferCredential reissue(CredentialCode code, LocalDate on) {
			return new ReissueTransferCredential(MEMBER, code, OTHER_CODE, on, 30, "lost", CLERK);
		}

		@Test
		void theOldCredentialIsCancelledAndANewOneIssuedToTheSameUnionInOneGo() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(reissue(CODE, TODAY))
				.expectEvents(
						new TransferCredentialCancelled(MEMBER, CODE, MembershipTest.this.origin, "lost", TODAY, NOW,
								CLERK),
						new TransferCredentialIssued(MEMBER, OTHER_CODE, MembershipTest.this.origin,
								MembershipTest.this.receiver.unionId(), TODAY, TODAY.plusDays(30), NOW, CLERK));
		}

		@Test
		void anExpiredCredentialCanBeReissued() {
			MembershipTest.this.fixture.given(enrolled(), issued(CODE, null, LocalDate.of(2026, 5, 1), 30))
				.when(reissue(CODE, TODAY))
				.expectEvents(
						new TransferCredentialCancelled(MEMBER, CODE, MembershipTest.this.origin, "lost", TODAY, NOW,
								CLERK),
						new TransferCredentialIssued(MEMBER, OTHER_CODE, MembershipTest.this.origin, null, TODAY,
								TODAY.plusDays(30), NOW, CLERK));
		}

		@Test
		void cannotReissueAnUnknownCredential() {
			MembershipTest.this.fixture.given(enrolled())
				.when(reissue(CODE, TODAY))
				.expectException(violationOf("code", Rule.CREDENTIAL_UNKNOWN))
				.expectNoEvents();
		}

		@Test
		void cannotReissueAUsedOrCancelledCredential() {
			MembershipTest.this.fixture
				.given(enrolled(), issuedToReceiver(),
						new TransferCredentialCancelled(MEMBER, CODE, MembershipTest.this.origin, "lost",
								LocalDate.of(2026, 6, 2), EARLIER, CLERK))
				.when(reissue(CODE, TODAY))
				.expectException(violationOf("code", Rule.CREDENTIAL_NOT_OUTSTANDING))
				.expectNoEvents();
		}

		@Test
		void cannotReissueForAMembershipOnHold() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver(), onHold(LocalDate.of(2026, 6, 2)))
				.when(reissue(CODE, TODAY))
				.expectException(violationOf("memberId", Rule.MEMBERSHIP_NOT_ACTIVE))
				.expectNoEvents();
		}

		@Test
		void theNewCodeMustBeNew() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(new ReissueTransferCredential(MEMBER, CODE, CODE, TODAY, 30, "lost", CLERK))
				.expectException(violationOf("newCode", Rule.CREDENTIAL_CODE_TAKEN))
				.expectNoEvents();
		}

		@Test
		void aReplacementCannotBeDatedInTheFuture() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(reissue(CODE, TODAY.plusDays(1)))
				.expectException(violationOf("issuedOn", Rule.EFFECTIVE_DATE_IN_FUTURE))
				.expectNoEvents();
		}

		@Test
		void aReplacementCannotBeDatedBeforeTheCredentialItReplaces() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(reissue(CODE, LocalDate.of(2026, 5, 31)))
				.expectException(violationOf("issuedOn", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

		@Test
		void validityLiesWithinItsRange() {
			MembershipTest.this.fixture.given(enrolled(), issuedToReceiver())
				.when(new ReissueTransferCredential(MEMBER, CODE, OTHER_CODE, TODAY, 0, "lost", CLERK))
				.expectException(violationOf("validityDays", Rule.VALIDITY_DAYS_OUT_OF_RANGE))
				.expectNoEvents();
		}

	}

	@Nested
	class AUnionThatMoved {

		private final LocalDate movedOn = LocalDate.of(2026, 3, 1);

		private UnionPlacement moved() {
			return MembershipTest.this.unions.move(MembershipTest.this.origin.unionId(), "130104", this.movedOn);
		}

		@Test
		void anEnrollmentNamesTheJurisdictionTheUnionStoodUnderOnItsDay() {
			UnionPlacement moved = moved();
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(enroll(moved.unionId(), this.movedOn.minusDays(1)))
				.expectEvents(new MemberEnrolled(MEMBER, DATA, MembershipTest.this.origin, EnrollmentChannel.ONLINE,
						this.movedOn.minusDays(1), NOW, CLERK));
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(enroll(moved.unionId(), this.movedOn))
				.expectEvents(
						new MemberEnrolled(MEMBER, DATA, moved, EnrollmentChannel.ONLINE, this.movedOn, NOW, CLERK));
		}

		@Test
		void anEndOfMembershipNamesTheJurisdictionOfItsDayNotTheEnrollments() {
			UnionPlacement moved = moved();
			MembershipTest.this.fixture.given(enrolled())
				.when(new TerminateMembership(MEMBER, TODAY, TerminationReason.LEFT_WORKFORCE, CLERK))
				.expectEvents(new MembershipTerminated(MEMBER, moved, TerminationReason.LEFT_WORKFORCE, false, TODAY,
						NOW, CLERK));
			MembershipTest.this.fixture.given(enrolled())
				.when(new TerminateMembership(MEMBER, this.movedOn.minusDays(1), TerminationReason.LEFT_WORKFORCE,
						CLERK))
				.expectEvents(new MembershipTerminated(MEMBER, MembershipTest.this.origin,
						TerminationReason.LEFT_WORKFORCE, false, this.movedOn.minusDays(1), NOW, CLERK));
		}

		@Test
		void aHoldAndAResumptionNameTheJurisdictionOfTheirDays() {
			UnionPlacement moved = moved();
			MembershipTest.this.fixture.given(enrolled())
				.when(new PutMembershipOnHold(MEMBER, TODAY, "retired", CLERK))
				.expectEvents(new MembershipPutOnHold(MEMBER, moved, "retired", TODAY, NOW, CLERK));
			MembershipTest.this.fixture.given(enrolled(), onHold(this.movedOn.minusDays(10)))
				.when(new ResumeMembership(MEMBER, TODAY, CLERK))
				.expectEvents(new MembershipResumed(MEMBER, moved, TODAY, NOW, CLERK));
		}

	}

	@Nested
	class HoldResumeTerminate {

		private final LocalDate holdDay = LocalDate.of(2026, 3, 1);

		@Test
		void anActiveMembershipIsPutOnHold() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new PutMembershipOnHold(MEMBER, this.holdDay, "retired", CLERK))
				.expectEvents(new MembershipPutOnHold(MEMBER, MembershipTest.this.origin, "retired", this.holdDay, NOW,
						CLERK));
		}

		@Test
		void aHeldMembershipCannotBePutOnHoldAgain() {
			MembershipTest.this.fixture.given(enrolled(), onHold(this.holdDay))
				.when(new PutMembershipOnHold(MEMBER, TODAY, "again", CLERK))
				.expectException(violationOf("memberId", Rule.MEMBERSHIP_NOT_ACTIVE))
				.expectNoEvents();
		}

		@Test
		void aTerminatedMembershipCannotBePutOnHold() {
			MembershipTest.this.fixture.given(enrolled(), terminated(this.holdDay))
				.when(new PutMembershipOnHold(MEMBER, TODAY, "retired", CLERK))
				.expectException(violationOf("memberId", Rule.MEMBERSHIP_NOT_ACTIVE))
				.expectNoEvents();
		}

		@Test
		void aHoldCannotTakeEffectInTheFuture() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new PutMembershipOnHold(MEMBER, TODAY.plusDays(1), "retiring", CLERK))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE))
				.expectNoEvents();
		}

		@Test
		void aHoldCannotTakeEffectBeforeTheLastChange() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new PutMembershipOnHold(MEMBER, ENROLLED_ON.minusDays(1), "retired", CLERK))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

		@Test
		void aHeldMembershipResumes() {
			MembershipTest.this.fixture.given(enrolled(), onHold(this.holdDay))
				.when(new ResumeMembership(MEMBER, TODAY, CLERK))
				.expectEvents(new MembershipResumed(MEMBER, MembershipTest.this.origin, TODAY, NOW, CLERK));
		}

		@Test
		void onlyAHeldMembershipCanResume() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new ResumeMembership(MEMBER, TODAY, CLERK))
				.expectException(violationOf("memberId", Rule.MEMBERSHIP_NOT_ON_HOLD))
				.expectNoEvents();
		}

		@Test
		void aResumptionCannotTakeEffectInTheFuture() {
			MembershipTest.this.fixture.given(enrolled(), onHold(this.holdDay))
				.when(new ResumeMembership(MEMBER, TODAY.plusDays(1), CLERK))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE))
				.expectNoEvents();
		}

		@Test
		void aResumptionCannotTakeEffectBeforeTheHold() {
			MembershipTest.this.fixture.given(enrolled(), onHold(this.holdDay))
				.when(new ResumeMembership(MEMBER, this.holdDay.minusDays(1), CLERK))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

		@Test
		void anActiveMembershipIsTerminated() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new TerminateMembership(MEMBER, TODAY, TerminationReason.VOLUNTARY_WITHDRAWAL, CLERK))
				.expectEvents(new MembershipTerminated(MEMBER, MembershipTest.this.origin,
						TerminationReason.VOLUNTARY_WITHDRAWAL, false, TODAY, NOW, CLERK));
		}

		@Test
		void terminatingAHeldMembershipSaysItWasOnHold() {
			MembershipTest.this.fixture.given(enrolled(), onHold(this.holdDay))
				.when(new TerminateMembership(MEMBER, TODAY, TerminationReason.DECEASED, CLERK))
				.expectEvents(new MembershipTerminated(MEMBER, MembershipTest.this.origin, TerminationReason.DECEASED,
						true, TODAY, NOW, CLERK));
		}

		@Test
		void aMembershipCannotBeTerminatedTwice() {
			MembershipTest.this.fixture.given(enrolled(), terminated(this.holdDay))
				.when(new TerminateMembership(MEMBER, TODAY, TerminationReason.OTHER, CLERK))
				.expectException(violationOf("memberId", Rule.MEMBERSHIP_TERMINATED))
				.expectNoEvents();
		}

		@Test
		void aTerminationNeedsAReason() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new TerminateMembership(MEMBER, TODAY, null, CLERK))
				.expectException(violationOf("reason", Rule.REQUIRED))
				.expectNoEvents();
		}

		@Test
		void aTerminationCannotTakeEffectInTheFuture() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new TerminateMembership(MEMBER, TODAY.plusDays(1), TerminationReason.OTHER, CLERK))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE))
				.expectNoEvents();
		}

		@Test
		void aTerminationCannotTakeEffectBeforeTheLastChange() {
			MembershipTest.this.fixture.given(enrolled(), onHold(this.holdDay))
				.when(new TerminateMembership(MEMBER, this.holdDay.minusDays(1), TerminationReason.OTHER, CLERK))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

	}

	/** A dispatched worker is held by one union and may be served by another. */
	@Nested
	class HoldingAndServing {

		private final LocalDate assignedOn = LocalDate.of(2026, 3, 1);

		private ServingUnionAssigned assigned() {
			return new ServingUnionAssigned(MEMBER, MembershipTest.this.origin, MembershipTest.this.receiver,
					this.assignedOn, EARLIER, CLERK);
		}

		@Test
		void aHostEmployersUnionStartsServingWhileTheMembershipStaysHeld() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new AssignServingUnion(MEMBER, MembershipTest.this.receiver.unionId(), TODAY, CLERK))
				.expectEvents(new ServingUnionAssigned(MEMBER, MembershipTest.this.origin, MembershipTest.this.receiver,
						TODAY, NOW, CLERK));
		}

		@Test
		void theHoldingUnionCannotAlsoBeTheServingOne() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new AssignServingUnion(MEMBER, MembershipTest.this.origin.unionId(), TODAY, CLERK))
				.expectException(violationOf("servingUnionId", Rule.SERVING_UNION_IS_HOLDING))
				.expectNoEvents();
		}

		@Test
		void onlyOneUnionServesAtATime() {
			MembershipTest.this.fixture.given(enrolled(), assigned())
				.when(new AssignServingUnion(MEMBER, MembershipTest.this.third.unionId(), TODAY, CLERK))
				.expectException(violationOf("servingUnionId", Rule.SERVING_ASSIGNMENT_EXISTS))
				.expectNoEvents();
		}

		@Test
		void theServingUnionMustBeOpenOnTheEffectiveDate() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new AssignServingUnion(MEMBER, MembershipTest.this.dissolved.unionId(), TODAY, CLERK))
				.expectException(violationOf("servingUnionId", Rule.UNION_NOT_OPEN))
				.expectNoEvents();
		}

		@Test
		void aMembershipOnHoldIsNotServedElsewhere() {
			MembershipTest.this.fixture.given(enrolled(), onHold(LocalDate.of(2026, 2, 1)))
				.when(new AssignServingUnion(MEMBER, MembershipTest.this.receiver.unionId(), TODAY, CLERK))
				.expectException(violationOf("memberId", Rule.MEMBERSHIP_NOT_ACTIVE))
				.expectNoEvents();
		}

		@Test
		void anAssignmentCannotTakeEffectBeforeTheLastChange() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new AssignServingUnion(MEMBER, MembershipTest.this.receiver.unionId(), ENROLLED_ON.minusDays(1),
						CLERK))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

		@Test
		void anAssignmentEnds() {
			MembershipTest.this.fixture.given(enrolled(), assigned())
				.when(new EndServingAssignment(MEMBER, TODAY, CLERK))
				.expectEvents(new ServingAssignmentEnded(MEMBER, MembershipTest.this.origin,
						MembershipTest.this.receiver, ServingEndReason.ENDED, TODAY, NOW, CLERK));
		}

		@Test
		void withoutAnAssignmentThereIsNothingToEnd() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new EndServingAssignment(MEMBER, TODAY, CLERK))
				.expectException(violationOf("memberId", Rule.NO_SERVING_ASSIGNMENT))
				.expectNoEvents();
		}

		@Test
		void anEndCannotTakeEffectBeforeTheAssignment() {
			MembershipTest.this.fixture.given(enrolled(), assigned())
				.when(new EndServingAssignment(MEMBER, this.assignedOn.minusDays(1), CLERK))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

		@Test
		void aTransferEndsTheAssignmentFirst() {
			LocalDate issuedOn = LocalDate.of(2026, 6, 1);
			MembershipTest.this.fixture
				.given(enrolled(), assigned(), issued(CODE, MembershipTest.this.third.unionId(), issuedOn, 30))
				.when(accept(CODE, MembershipTest.this.third.unionId(), TODAY))
				.expectEvents(
						new ServingAssignmentEnded(MEMBER, MembershipTest.this.origin, MembershipTest.this.receiver,
								ServingEndReason.MEMBERSHIP_TRANSFERRED, TODAY, NOW, CLERK),
						new TransferAccepted(MEMBER, CODE, MembershipTest.this.origin, MembershipTest.this.third, TODAY,
								NOW, CLERK));
		}

		@Test
		void aTerminationEndsTheAssignmentFirst() {
			MembershipTest.this.fixture.given(enrolled(), assigned())
				.when(new TerminateMembership(MEMBER, TODAY, TerminationReason.LEFT_WORKFORCE, CLERK))
				.expectEvents(
						new ServingAssignmentEnded(MEMBER, MembershipTest.this.origin, MembershipTest.this.receiver,
								ServingEndReason.MEMBERSHIP_TERMINATED, TODAY, NOW, CLERK),
						new MembershipTerminated(MEMBER, MembershipTest.this.origin, TerminationReason.LEFT_WORKFORCE,
								false, TODAY, NOW, CLERK));
		}

		@Test
		void aTransferWithoutAnAssignmentIsJustATransfer() {
			LocalDate issuedOn = LocalDate.of(2026, 6, 1);
			MembershipTest.this.fixture
				.given(enrolled(), issued(CODE, MembershipTest.this.third.unionId(), issuedOn, 30))
				.when(accept(CODE, MembershipTest.this.third.unionId(), TODAY))
				.expectEvents(new TransferAccepted(MEMBER, CODE, MembershipTest.this.origin, MembershipTest.this.third,
						TODAY, NOW, CLERK));
		}

	}

	@Nested
	class Erasure {

		private static final String BASIS = "PIPL art. 47 request no. 2026-17";

		@Test
		void aPersonsDataIsErasedOnALawfulRequestNamingTheKeyDestroyed() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new ErasePersonalData(MEMBER, BASIS, CLERK))
				.expectEvents(new Events.PersonalDataErased(MEMBER, "k1", BASIS, NOW, CLERK));
		}

		@Test
		void erasedDataCannotBeErasedAgain() {
			MembershipTest.this.fixture
				.given(enrolled(), new Events.PersonalDataErased(MEMBER, "k1", BASIS, EARLIER, CLERK))
				.when(new ErasePersonalData(MEMBER, BASIS, CLERK))
				.expectException(violationOf("memberId", Rule.PERSONAL_DATA_ALREADY_ERASED))
				.expectNoEvents();
		}

		@Test
		void anErasureNamesItsLegalBasis() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new ErasePersonalData(MEMBER, "  ", CLERK))
				.expectException(violationOf("legalBasis", Rule.REQUIRED))
				.expectNoEvents();
		}

		@Test
		void theNewDataOfAReEnrolledPersonCanBeErasedAgain() {
			MembershipTest.this.fixture
				.given(enrolled(), new Events.PersonalDataErased(MEMBER, "k1", BASIS, EARLIER, CLERK),
						terminated(LocalDate.of(2026, 2, 1)),
						new Events.MemberReEnrolled(MEMBER, NEW_DATA, MembershipTest.this.origin,
								EnrollmentChannel.ONLINE, LocalDate.of(2026, 3, 1), EARLIER, CLERK))
				.when(new ErasePersonalData(MEMBER, BASIS, CLERK))
				.expectEvents(new Events.PersonalDataErased(MEMBER, "k2", BASIS, NOW, CLERK));
		}

		@Test
		void anErasedMemberStillCountsAndCanBeServed() {
			MembershipTest.this.fixture
				.given(enrolled(), new Events.PersonalDataErased(MEMBER, "k1", BASIS, EARLIER, CLERK))
				.when(new PutMembershipOnHold(MEMBER, TODAY, "retired", CLERK))
				.expectEvents(
						new MembershipPutOnHold(MEMBER, MembershipTest.this.origin, "retired", TODAY, NOW, CLERK));
		}

	}

	@Nested
	class NameCorrection {

		private static final EncryptedPersonalData CORRECTED = new EncryptedPersonalData("k1", "Y29ycmVjdGVk");

		@Test
		void aMisspeltNameIsCorrectedWithTheReasonWhoAndWhen() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new Commands.CorrectMemberName(MEMBER, CORRECTED, " typed 张伟 for 章伟 ", CLERK))
				.expectEvents(new Events.MemberNameCorrected(MEMBER, CORRECTED, MembershipTest.this.origin,
						"typed 张伟 for 章伟", NOW, CLERK));
		}

		@Test
		void aTerminatedMembersNameCanStillBeCorrected() {
			MembershipTest.this.fixture.given(enrolled(), terminated(LocalDate.of(2026, 2, 1)))
				.when(new Commands.CorrectMemberName(MEMBER, CORRECTED, "misspelt", CLERK))
				.expectEvents(new Events.MemberNameCorrected(MEMBER, CORRECTED, MembershipTest.this.origin, "misspelt",
						NOW, CLERK));
		}

		@Test
		void aCorrectionNeedsAReason() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new Commands.CorrectMemberName(MEMBER, CORRECTED, "   ", CLERK))
				.expectException(violationOf("reason", Rule.REASON_REQUIRED))
				.expectNoEvents();
		}

		@Test
		void aReasonHasAtMost500Characters() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new Commands.CorrectMemberName(MEMBER, CORRECTED, "x".repeat(501), CLERK))
				.expectException(violationOf("reason", Rule.REASON_REQUIRED))
				.expectNoEvents();
		}

		@Test
		void aCorrectionCarriesTheCorrectedData() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new Commands.CorrectMemberName(MEMBER, null, "misspelt", CLERK))
				.expectException(violationOf("personalData", Rule.REQUIRED))
				.expectNoEvents();
		}

		@Test
		void anErasedPersonsNameCannotBeWrittenAgain() {
			MembershipTest.this.fixture
				.given(enrolled(), new Events.PersonalDataErased(MEMBER, "k1", "PIPL art. 47", EARLIER, CLERK))
				.when(new Commands.CorrectMemberName(MEMBER, CORRECTED, "misspelt", CLERK))
				.expectException(violationOf("memberId", Rule.PERSONAL_DATA_ALREADY_ERASED))
				.expectNoEvents();
		}

		@Test
		void theCorrectedDataIsEncryptedUnderThePersonsCurrentKey() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new Commands.CorrectMemberName(MEMBER, NEW_DATA, "misspelt", CLERK))
				.expectException(violationOf("personalData", Rule.PERSONAL_DATA_KEY_MISMATCH))
				.expectNoEvents();
		}

		@Test
		void noOneNeverEnrolledHasANameToCorrect() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(new Commands.CorrectMemberName(MEMBER, CORRECTED, "misspelt", CLERK))
				.expectException(AggregateNotFoundException.class);
		}

		@Test
		void theCorrectedNameIsErasedWithTheRest() {
			MembershipTest.this.fixture
				.given(enrolled(),
						new Events.MemberNameCorrected(MEMBER, CORRECTED, MembershipTest.this.origin, "misspelt",
								EARLIER, CLERK))
				.when(new ErasePersonalData(MEMBER, "PIPL art. 47", CLERK))
				.expectEvents(new Events.PersonalDataErased(MEMBER, "k1", "PIPL art. 47", NOW, CLERK));
		}

	}

	@Nested
	class Reclassification {

		private static final String FINDING = "TERMINATION_THEN_ENROLLMENT:m-oz4njx4bwlschfqh6vct6fq3c4:77";

		@Test
		void aConfirmedDoubleCountMovesTheFirstEnrollmentToTransfersIn() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new ReclassifyEnrollmentAsTransferIn(MEMBER, FINDING, "came from a Shandong union", CLERK))
				.expectEvents(new Events.EnrollmentReclassifiedAsTransferIn(MEMBER, MembershipTest.this.origin,
						ENROLLED_ON, EnrollmentChannel.ON_SITE, FINDING, "came from a Shandong union", NOW, CLERK));
		}

		@Test
		void anEnrollmentIsReclassifiedOnlyOnce() {
			MembershipTest.this.fixture
				.given(enrolled(),
						new Events.EnrollmentReclassifiedAsTransferIn(MEMBER, MembershipTest.this.origin, ENROLLED_ON,
								EnrollmentChannel.ON_SITE, FINDING, "came from a Shandong union", EARLIER, CLERK))
				.when(new ReclassifyEnrollmentAsTransferIn(MEMBER, FINDING, "again", CLERK))
				.expectException(violationOf("memberId", Rule.NOT_A_NEW_ENROLLMENT))
				.expectNoEvents();
		}

		@Test
		void aCorrectionNeedsAReason() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new ReclassifyEnrollmentAsTransferIn(MEMBER, FINDING, "", CLERK))
				.expectException(violationOf("reason", Rule.REQUIRED))
				.expectNoEvents();
		}

	}

	@Nested
	class DoubleCountAcrossLedgers {

		private static final String FINDING = "CROSS_LEDGER_DOUBLE_COUNT:m-oz4njx4bwlschfqh6vct6fq3c4:91";

		@Test
		void aConfirmedDoubleCountEndsTheMembershipHereAsADuplicateRecordNamingTheFinding() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new EndDoubleCountedMembership(MEMBER, FINDING, "counted in Henan since March", TODAY, CLERK))
				.expectEvents(
						new MembershipTerminated(MEMBER, MembershipTest.this.origin, TerminationReason.DUPLICATE_RECORD,
								false, TODAY, NOW, CLERK, FINDING, "counted in Henan since March"));
		}

		@Test
		void aHeldMembershipEndsFromHold() {
			MembershipTest.this.fixture.given(enrolled(), onHold(ENROLLED_ON.plusDays(5)))
				.when(new EndDoubleCountedMembership(MEMBER, FINDING, "counted in Henan", TODAY, CLERK))
				.expectEvents(new MembershipTerminated(MEMBER, MembershipTest.this.origin,
						TerminationReason.DUPLICATE_RECORD, true, TODAY, NOW, CLERK, FINDING, "counted in Henan"));
		}

		@Test
		void anEndedMembershipIsNotEndedAgain() {
			MembershipTest.this.fixture.given(enrolled(), terminated(ENROLLED_ON.plusDays(5)))
				.when(new EndDoubleCountedMembership(MEMBER, FINDING, "counted in Henan", TODAY, CLERK))
				.expectException(violationOf("memberId", Rule.MEMBERSHIP_TERMINATED))
				.expectNoEvents();
		}

		@Test
		void theCorrectionNeedsAReason() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new EndDoubleCountedMembership(MEMBER, FINDING, " ", TODAY, CLERK))
				.expectException(violationOf("reason", Rule.REQUIRED))
				.expectNoEvents();
		}

		@Test
		void itEndsNoEarlierThanTheMembershipsLastChange() {
			MembershipTest.this.fixture.given(enrolled())
				.when(new EndDoubleCountedMembership(MEMBER, FINDING, "counted in Henan", ENROLLED_ON.minusDays(1),
						CLERK))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

	}

	@Nested
	class BetweenLedgers {

		private final LedgerId henan = new LedgerId("41");

		private final LedgerId guangdong = new LedgerId("44");

		private final PersonFingerprint person = new PersonFingerprint("a".repeat(52));

		private final PersonFingerprint someoneElse = new PersonFingerprint("b".repeat(52));

		private final UnionId henanUnion = new UnionId("zz-site-01");

		private final LocalDate issuedOn = LocalDate.of(2026, 6, 1);

		private final LocalDate expiresOn = LocalDate.of(2026, 7, 1);

		private final LocalDate acceptedOn = LocalDate.of(2026, 6, 10);

		// The origin: this ledger issued the credential for Henan's ledger

		private IssueInterLedgerCredential issue(UnionId issuingUnion) {
			return new IssueInterLedgerCredential(MEMBER, CODE, issuingUnion, this.henan, this.henanUnion, this.person,
					this.issuedOn, 30, CLERK);
		}

		private InterLedgerCredentialIssued issuedForHenan() {
			return new InterLedgerCredentialIssued(MEMBER, CODE, MembershipTest.this.origin, this.henan,
					this.henanUnion, this.person, this.issuedOn, this.expiresOn, EARLIER, CLERK);
		}

		private CloseInterLedgerTransfer receipt(LedgerId ledger, UnionId union, PersonFingerprint who, LocalDate on) {
			return new CloseInterLedgerTransfer(MEMBER, CODE, ledger, union, "郑州某项目部工会", "r-1", who, on, CLERK);
		}

		private CloseInterLedgerTransfer receipt() {
			return receipt(this.henan, this.henanUnion, this.person, this.acceptedOn);
		}

		private MemberTransferredToLedger transferredOut(LocalDate effective, boolean fromHold) {
			return new MemberTransferredToLedger(MEMBER, CODE, MembershipTest.this.origin, fromHold, this.henan,
					this.henanUnion, "郑州某项目部工会", "r-1", this.acceptedOn, effective, NOW, CLERK);
		}

		private InterLedgerReceiptRefused receiptRefused(CredentialRejectionReason reason, LedgerId ledger,
				LocalDate on) {
			return new InterLedgerReceiptRefused(MEMBER, CODE, ledger, "r-1", reason, on, NOW, CLERK);
		}

		@Test
		void theHoldingUnionIssuesACredentialForAnotherLedger() {
			MembershipTest.this.fixture.given(enrolled())
				.when(issue(MembershipTest.this.origin.unionId()))
				.expectEvents(new InterLedgerCredentialIssued(MEMBER, CODE, MembershipTest.this.origin, this.henan,
						this.henanUnion, this.person, this.issuedOn, this.expiresOn, NOW, CLERK));
		}

		@Test
		void onlyTheHoldingUnionIssuesOneAtATimeForAnActiveMembership() {
			MembershipTest.this.fixture.given(enrolled())
				.when(issue(MembershipTest.this.receiver.unionId()))
				.expectException(violationOf("issuingUnionId", Rule.NOT_CURRENT_UNION))
				.expectNoEvents();
			MembershipTest.this.fixture
				.given(enrolled(), issued(OTHER_CODE, MembershipTest.this.receiver.unionId(), this.issuedOn, 30))
				.when(issue(MembershipTest.this.origin.unionId()))
				.expectException(violationOf("code", Rule.CREDENTIAL_OUTSTANDING))
				.expectNoEvents();
			MembershipTest.this.fixture.given(enrolled(), onHold(LocalDate.of(2026, 5, 1)))
				.when(issue(MembershipTest.this.origin.unionId()))
				.expectException(violationOf("memberId", Rule.MEMBERSHIP_NOT_ACTIVE))
				.expectNoEvents();
		}

		@Test
		void aCredentialForAnotherLedgerIsNeitherCancelledNorReplaced() {
			MembershipTest.this.fixture.given(enrolled(), issuedForHenan())
				.when(new CancelTransferCredential(MEMBER, CODE, TODAY, "stays", CLERK))
				.expectException(violationOf("code", Rule.INTER_LEDGER_CREDENTIAL_FINAL))
				.expectNoEvents();
			MembershipTest.this.fixture.given(enrolled(), issuedForHenan())
				.when(new ReissueTransferCredential(MEMBER, CODE, OTHER_CODE, TODAY, 30, "lost", CLERK))
				.expectException(violationOf("code", Rule.INTER_LEDGER_CREDENTIAL_FINAL))
				.expectNoEvents();
		}

		@Test
		void aCredentialForAnotherLedgerIsRefusedByAUnionOfThisOne() {
			MembershipTest.this.fixture.given(enrolled(), issuedForHenan())
				.when(accept(CODE, MembershipTest.this.receiver.unionId(), TODAY))
				.expectEvents(new TransferAcceptanceRejected(MEMBER, CODE, MembershipTest.this.receiver.unionId(),
						CredentialRejectionReason.OTHER_LEDGER, TODAY, NOW, CLERK))
				.expectResultMessagePayload(Outcome.rejected(CredentialRejectionReason.OTHER_LEDGER));
		}

		@Test
		void theReceiptClosesTheTransferOut() {
			MembershipTest.this.fixture.given(enrolled(), issuedForHenan())
				.when(receipt())
				.expectEvents(transferredOut(this.acceptedOn, false))
				.expectResultMessagePayload(Outcome.ok());
		}

		@Test
		void aReceiptForAMemberPutOnHoldMeanwhileClosesFromHoldNoEarlierThanTheHold() {
			LocalDate heldOn = LocalDate.of(2026, 6, 12);
			MembershipTest.this.fixture.given(enrolled(), issuedForHenan(), onHold(heldOn))
				.when(receipt())
				.expectEvents(transferredOut(heldOn, true));
		}

		@Test
		void aReceiptIsTakenOnce() {
			MembershipTest.this.fixture.given(enrolled(), issuedForHenan(), transferredOut(this.acceptedOn, false))
				.when(receipt())
				.expectEvents(receiptRefused(CredentialRejectionReason.ALREADY_USED, this.henan, this.acceptedOn))
				.expectResultMessagePayload(Outcome.rejected(CredentialRejectionReason.ALREADY_USED));
		}

		@Test
		void aReceiptNamingAnotherLedgerUnionOrPersonIsRefused() {
			for (CloseInterLedgerTransfer wrong : new CloseInterLedgerTransfer[] {
					receipt(this.guangdong, this.henanUnion, this.person, this.acceptedOn),
					receipt(this.henan, new UnionId("zz-other-02"), this.person, this.acceptedOn),
					receipt(this.henan, this.henanUnion, this.someoneElse, this.acceptedOn),
					receipt(this.henan, this.henanUnion, this.person, this.issuedOn.minusDays(1)) }) {
				MembershipTest.this.fixture.given(enrolled(), issuedForHenan())
					.when(wrong)
					.expectEvents(receiptRefused(CredentialRejectionReason.RECEIPT_MISMATCH, wrong.receivingLedger(),
							wrong.acceptedOn()));
			}
		}

		@Test
		void aReceiptSayingTheCredentialWasAcceptedAfterItExpiredIsRefused() {
			LocalDate late = this.expiresOn;
			MembershipTest.this.fixture.given(enrolled(), issuedForHenan())
				.when(receipt(this.henan, this.henanUnion, this.person, late))
				.expectException(violationOf("acceptedOn", Rule.EFFECTIVE_DATE_IN_FUTURE));
			LocalDate lateButPast = LocalDate.of(2026, 6, 1);
			MembershipTest.this.fixture
				.given(enrolled(),
						new InterLedgerCredentialIssued(MEMBER, CODE, MembershipTest.this.origin, this.henan, null,
								this.person, LocalDate.of(2026, 5, 1), lateButPast, EARLIER, CLERK))
				.when(receipt(this.henan, this.henanUnion, this.person, lateButPast))
				.expectEvents(receiptRefused(CredentialRejectionReason.ACCEPTED_AFTER_EXPIRY, this.henan, lateButPast));
		}

		@Test
		void aReceiptForNoCredentialForAnotherLedgerIsRefused() {
			MembershipTest.this.fixture.given(enrolled(), issued(CODE, null, this.issuedOn, 30))
				.when(receipt())
				.expectEvents(receiptRefused(CredentialRejectionReason.UNKNOWN_CODE, this.henan, this.acceptedOn));
		}

		@Test
		void aReceiptForAMembershipEndedMeanwhileIsRefused() {
			MembershipTest.this.fixture.given(enrolled(), issuedForHenan(), terminated(LocalDate.of(2026, 6, 5)))
				.when(receipt())
				.expectEvents(
						receiptRefused(CredentialRejectionReason.MEMBERSHIP_NOT_ACTIVE, this.henan, this.acceptedOn));
		}

		// The destination: a credential of Guangdong's ledger presented here

		private AcceptInterLedgerTransfer present(UnionId receiving, UnionId named, LocalDate expires,
				LocalDate effective) {
			return new AcceptInterLedgerTransfer(MEMBER, NEW_DATA, receiving, this.guangdong, new UnionId("gz-site-01"),
					"广州某工地工会", CODE, named, this.person, this.issuedOn, expires, "r-9", effective, CLERK, "m-origin");
		}

		private AcceptInterLedgerTransfer present() {
			return present(MembershipTest.this.receiver.unionId(), null, this.expiresOn, TODAY);
		}

		private MemberTransferredInFromLedger cameIn(Instant at) {
			return new MemberTransferredInFromLedger(MEMBER, NEW_DATA, MembershipTest.this.receiver, this.guangdong,
					new UnionId("gz-site-01"), "广州某工地工会", CODE, this.person, "r-9", TODAY, at, CLERK, "m-origin");
		}

		private InterLedgerTransferRefused refused(CredentialRejectionReason reason, UnionId presenting) {
			return new InterLedgerTransferRefused(MEMBER, this.guangdong, CODE, presenting, reason, TODAY, NOW, CLERK);
		}

		@Test
		void aPersonNewToThisLedgerComesInAsATransferIn() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(present())
				.expectEvents(cameIn(NOW))
				.expectResultMessagePayload(Outcome.ok());
		}

		@Test
		void aPersonWhoLeftThisLedgerComesBackAsATransferIn() {
			MembershipTest.this.fixture.given(enrolled(), issuedForHenan(), transferredOut(this.acceptedOn, false))
				.when(present())
				.expectEvents(cameIn(NOW));
		}

		@Test
		void aCredentialIsTakenOnce() {
			MembershipTest.this.fixture.given(cameIn(EARLIER))
				.when(present())
				.expectEvents(refused(CredentialRejectionReason.ALREADY_USED, MembershipTest.this.receiver.unionId()))
				.expectResultMessagePayload(Outcome.rejected(CredentialRejectionReason.ALREADY_USED));
		}

		@Test
		void anExpiredCredentialIsRefusedAndRecordedEvenForAPersonUnknownHere() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(present(MembershipTest.this.receiver.unionId(), null, TODAY, TODAY))
				.expectEvents(refused(CredentialRejectionReason.EXPIRED, MembershipTest.this.receiver.unionId()));
		}

		@Test
		void aCredentialNamingAnotherUnionIsRefused() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(present(MembershipTest.this.receiver.unionId(), MembershipTest.this.third.unionId(),
						this.expiresOn, TODAY))
				.expectEvents(refused(CredentialRejectionReason.WRONG_UNION, MembershipTest.this.receiver.unionId()));
		}

		@Test
		void aPersonAlreadyAMemberHereIsRefused() {
			MembershipTest.this.fixture.given(enrolled())
				.when(present())
				.expectEvents(
						refused(CredentialRejectionReason.ALREADY_MEMBER, MembershipTest.this.receiver.unionId()));
			MembershipTest.this.fixture.given(enrolled(), onHold(LocalDate.of(2026, 5, 1)))
				.when(present())
				.expectEvents(
						refused(CredentialRejectionReason.ALREADY_MEMBER, MembershipTest.this.receiver.unionId()));
		}

		@Test
		void aDissolvedOrUnknownUnionCannotTakeAPersonIn() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(present(MembershipTest.this.dissolved.unionId(), null, this.expiresOn, TODAY))
				.expectEvents(
						refused(CredentialRejectionReason.UNION_NOT_OPEN, MembershipTest.this.dissolved.unionId()));
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(present(UNKNOWN_UNION, null, this.expiresOn, TODAY))
				.expectEvents(refused(CredentialRejectionReason.UNION_NOT_OPEN, UNKNOWN_UNION));
		}

		@Test
		void aTransferInCannotTakeEffectBeforeTheCredentialWasIssuedNorInTheFuture() {
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(present(MembershipTest.this.receiver.unionId(), null, this.expiresOn, this.issuedOn.minusDays(1)))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_ISSUE))
				.expectNoEvents();
			MembershipTest.this.fixture.givenNoPriorActivity()
				.when(present(MembershipTest.this.receiver.unionId(), null, this.expiresOn, TODAY.plusDays(1)))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE))
				.expectNoEvents();
		}

		@Test
		void aTransferInCannotTakeEffectBeforeTheLastChangeHere() {
			MembershipTest.this.fixture.given(enrolled(), terminated(LocalDate.of(2026, 6, 14)))
				.when(present(MembershipTest.this.receiver.unionId(), null, this.expiresOn, LocalDate.of(2026, 6, 13)))
				.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
				.expectNoEvents();
		}

	}

}
