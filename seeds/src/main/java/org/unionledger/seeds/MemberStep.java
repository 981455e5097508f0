package org.unionledger.seeds;

import java.time.LocalDate;

import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.TerminationReason;
import org.unionledger.union.UnionId;

/**
 * One step of a member's script: one command that the ledger answers with exactly one
 * event on the member's stream, so that the number of events already stored tells how
 * many steps are done.
 */
public sealed interface MemberStep {

	/** When the step happens; strictly increasing along a script. */
	LocalDate effectiveDate();

	/**
	 * The union where the step happens: the enrolling, issuing, receiving or holding
	 * union.
	 */
	UnionId unionId();

	/** Whether the ledger is expected to refuse the step and record the refusal. */
	default boolean refusalExpected() {
		return false;
	}

	/**
	 * The first enrollment, with the resident ID as written in
	 * {@link MemberSeed#residentIdAsWritten()}; recorded as {@code MemberEnrolled}.
	 *
	 * @param unionId enrolling union
	 * @param effectiveDate date of enrollment
	 * @param channel how the enrollment arrived
	 */
	record Enroll(UnionId unionId, LocalDate effectiveDate, EnrollmentChannel channel) implements MemberStep {
	}

	/**
	 * A second enrollment of the still active member at another union, possibly with the
	 * ID written differently; recorded as {@code EnrollmentRejected}.
	 *
	 * @param residentIdAsWritten the ID as typed this time (synthetic, never logged)
	 * @param unionId union that attempted the enrollment
	 * @param effectiveDate date of the attempt
	 * @param channel how the attempt arrived
	 */
	record DuplicateEnrollment(String residentIdAsWritten, UnionId unionId, LocalDate effectiveDate,
			EnrollmentChannel channel) implements MemberStep {

		@Override
		public boolean refusalExpected() {
			return true;
		}

		@Override
		public String toString() {
			return "DuplicateEnrollment[unionId=" + this.unionId + ", effectiveDate=" + this.effectiveDate
					+ ", channel=" + this.channel + "]";
		}

	}

	/**
	 * The holding union issues a transfer credential naming the receiving union; recorded
	 * as {@code TransferCredentialIssued}.
	 *
	 * @param code the credential's code
	 * @param unionId issuing union (the one holding the membership)
	 * @param toUnionId union expected to accept it
	 * @param effectiveDate date of issue
	 */
	record IssueCredential(CredentialCode code, UnionId unionId, UnionId toUnionId,
			LocalDate effectiveDate) implements MemberStep {
	}

	/**
	 * The receiving union presents the credential. Recorded as {@code TransferAccepted},
	 * or as {@code TransferAcceptanceRejected} (EXPIRED) when {@code afterExpiry}.
	 *
	 * @param code the credential's code
	 * @param unionId receiving union
	 * @param effectiveDate date of presentation
	 * @param afterExpiry whether the plan presents it long after it expired
	 */
	record AcceptTransfer(CredentialCode code, UnionId unionId, LocalDate effectiveDate,
			boolean afterExpiry) implements MemberStep {

		@Override
		public boolean refusalExpected() {
			return this.afterExpiry;
		}

	}

	/**
	 * The membership is kept on hold (保留会籍); recorded as {@code MembershipPutOnHold}.
	 *
	 * @param unionId union holding the membership (not sent, for checks)
	 * @param effectiveDate date of the hold
	 * @param reason why, e.g. unemployed or retired
	 */
	record PutOnHold(UnionId unionId, LocalDate effectiveDate, String reason) implements MemberStep {
	}

	/**
	 * The membership ends; recorded as {@code MembershipTerminated}.
	 *
	 * @param unionId union holding the membership (not sent, for checks)
	 * @param effectiveDate date it ends
	 * @param reason why
	 */
	record Terminate(UnionId unionId, LocalDate effectiveDate, TerminationReason reason) implements MemberStep {
	}

}
