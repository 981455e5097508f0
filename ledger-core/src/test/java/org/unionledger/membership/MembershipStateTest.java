package org.unionledger.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionledger.common.TestLedger.CLERK;
import static org.unionledger.common.TestLedger.NOW;
import static org.unionledger.common.TestLedger.TODAY;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.Events.EnrollmentRejected;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.PersonalDataErased;
import org.unionledger.membership.Events.ServingAssignmentEnded;
import org.unionledger.membership.Events.ServingUnionAssigned;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.membership.MemberDirectory.Standing;
import org.unionledger.membership.MembershipState.CredentialState;
import org.unionledger.membership.MembershipState.EnrollmentAttempt;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

/**
 * The parts of the membership fold that member records, imports and the member directory
 * read; the aggregate's guards over it are {@link MembershipTest}'s.
 */
class MembershipStateTest {

	private static final MemberId MEMBER = new MemberId("m-oz4njx4bwlschfqh6vct6fq3c4");

	private static final UnionPlacement A = union("u-a");

	private static final UnionPlacement B = union("u-b");

	private static final EncryptedPersonalData DATA = new EncryptedPersonalData("k1", "Yw==");

	private static final EncryptedPersonalData NEW_DATA = new EncryptedPersonalData("k2", "ZA==");

	private static final LocalDate DAY = TODAY.minusDays(30);

	@Test
	void beforeAnyEnrollmentNothingStands() {
		assertThat(MembershipState.NONE.enrolled()).isFalse();
		assertThat(MembershipState.NONE.next("not a membership event")).isSameAs(MembershipState.NONE);
		assertThat(Standing.asOf(List.of(), TODAY)).isEmpty();
	}

	@Test
	void everyEnrollmentAttemptIsRememberedInOrderWithItsRefusal() {
		MembershipState state = fold(enrolled(), new EnrollmentRejected(MEMBER, B, EnrollmentChannel.IMPORT,
				EnrollmentRejectionReason.ALREADY_ACTIVE, A.unionId(), DAY.plusDays(1), NOW, CLERK));

		assertThat(state.enrollments()).containsExactly(new EnrollmentAttempt(A, DAY, EnrollmentChannel.ON_SITE, null),
				new EnrollmentAttempt(B, DAY.plusDays(1), EnrollmentChannel.IMPORT,
						EnrollmentRejectionReason.ALREADY_ACTIVE));
		assertThat(state.status()).as("a refusal changes no standing").isEqualTo(MembershipStatus.ACTIVE);
		assertThat(state.lastEffectiveDate()).isEqualTo(DAY);
	}

	@Test
	void erasureKeepsTheCiphertextButNoKeyToIt() {
		MembershipState state = fold(enrolled(), new PersonalDataErased(MEMBER, "k1", "request 1", NOW, CLERK));

		assertThat(state.personalData()).isEqualTo(DATA);
		assertThat(state.personalDataKeyRef()).isNull();
		assertThat(MembershipState.effectiveDate(new PersonalDataErased(MEMBER, "k1", "request 1", NOW, CLERK)))
			.isNull();
	}

	@Test
	void aReEnrollmentVoidsOutstandingCredentialsAndBringsNewPersonalData() {
		MembershipState state = fold(enrolled(),
				new TransferCredentialIssued(MEMBER, new CredentialCode("TC-7Q4M-9XKD"), A, null, DAY.plusDays(1),
						DAY.plusDays(31), NOW, CLERK),
				new MembershipTerminated(MEMBER, A, TerminationReason.LEFT_WORKFORCE, false, DAY.plusDays(2), NOW,
						CLERK),
				new MemberReEnrolled(MEMBER, NEW_DATA, B, EnrollmentChannel.ONLINE, DAY.plusDays(3), NOW, CLERK));

		assertThat(state.credentials().values()).singleElement()
			.satisfies((credential) -> assertThat(credential.state()).isEqualTo(CredentialState.VOID));
		assertThat(state.personalDataKeyRef()).isEqualTo("k2");
		assertThat(state.union()).isEqualTo(B);
		assertThat(state.newEnrollment().union()).as("a re-enrollment is never new").isEqualTo(A);
	}

	@Test
	void theStandingOnADateCountsOnlyWhatTookEffectByThen() {
		List<Object> stream = List.of(enrolled(), new ServingUnionAssigned(MEMBER, A, B, DAY.plusDays(5), NOW, CLERK),
				new ServingAssignmentEnded(MEMBER, A, B, ServingEndReason.MEMBERSHIP_TERMINATED, DAY.plusDays(9), NOW,
						CLERK),
				new MembershipTerminated(MEMBER, A, TerminationReason.LEFT_WORKFORCE, false, DAY.plusDays(9), NOW,
						CLERK));

		assertThat(Standing.asOf(stream, DAY.minusDays(1))).isEmpty();
		assertThat(Standing.asOf(stream, DAY)).contains(new Standing(A.unionId(), null));
		assertThat(Standing.asOf(stream, DAY.plusDays(5))).contains(new Standing(A.unionId(), B.unionId()));
		assertThat(Standing.asOf(stream, DAY.plusDays(9))).isEqualTo(Optional.empty());
	}

	@Test
	void aPersonWhoCameInFromAnotherLedgerIsActiveWithoutANewEnrollmentAndTheCredentialIsRemembered() {
		org.unionledger.jurisdiction.LedgerId henan = new org.unionledger.jurisdiction.LedgerId("41");
		CredentialCode code = new CredentialCode("c-41-1");
		MembershipState state = fold(new Events.InterLedgerTransferRefused(MEMBER, henan, code, B.unionId(),
				CredentialRejectionReason.EXPIRED, DAY, NOW, CLERK));
		assertThat(state.memberId()).isEqualTo(MEMBER);
		assertThat(state.enrolled()).isFalse();
		state = state.next(new Events.MemberTransferredInFromLedger(MEMBER, NEW_DATA, B, henan,
				new org.unionledger.union.UnionId("zz-01"), "郑州某工会", code,
				new org.unionledger.identity.PersonFingerprint("a".repeat(52)), "r-1", DAY.plusDays(1), NOW, CLERK,
				"m-origin"));
		assertThat(state.status()).isEqualTo(MembershipStatus.ACTIVE);
		assertThat(state.union()).isEqualTo(B);
		assertThat(state.newEnrollment()).as("a transfer in is never a new enrollment").isNull();
		assertThat(state.personalData()).isEqualTo(NEW_DATA);
		assertThat(state.acceptedFromLedgers()).containsExactly(new MembershipState.ForeignCredential(henan, code));
	}

	private static MemberEnrolled enrolled() {
		return new MemberEnrolled(MEMBER, DATA, A, EnrollmentChannel.ON_SITE, DAY, NOW, CLERK);
	}

	private static MembershipState fold(Object... events) {
		MembershipState state = MembershipState.NONE;
		for (Object event : events) {
			state = state.next(event);
		}
		return state;
	}

	private static UnionPlacement union(String id) {
		return new UnionPlacement(new UnionId(id), JurisdictionCode.of("130102"), UnionType.ENTERPRISE,
				Sector.CONSTRUCTION);
	}

}
