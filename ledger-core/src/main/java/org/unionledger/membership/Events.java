package org.unionledger.membership;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;

/**
 * Events of the membership feature. Each carries the effective date (when it happened),
 * the recorded time (when it was written, from the ledger's clock) and who recorded it.
 * Unions appear as {@link UnionPlacement}s: the union's jurisdiction, type and sector at
 * that moment, so counts and replays need no lookups.
 */
public final class Events {

	private Events() {
	}

	/** A person joined a union for the first time. Counts as a new enrollment. */
	@Revision("1")
	public record MemberEnrolled(MemberId memberId, EncryptedPersonalData personalData, UnionPlacement union,
			EnrollmentChannel channel, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * A person whose membership had been terminated joined again. Active again, but never
	 * a new enrollment.
	 */
	@Revision("1")
	public record MemberReEnrolled(MemberId memberId, EncryptedPersonalData personalData, UnionPlacement union,
			EnrollmentChannel channel, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/** A second enrollment of a person with a live membership was refused. */
	@Revision("1")
	public record EnrollmentRejected(MemberId memberId, UnionPlacement attemptedUnion, EnrollmentChannel channel,
			EnrollmentRejectionReason reason, UnionId currentUnionId, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * The current union issued a single-use transfer credential. {@code expiresOn} is
	 * {@code issuedOn} plus the validity in days: the first day on which the credential
	 * is no longer valid. {@code toUnionId} is {@code null} when any other union may
	 * accept it.
	 */
	@Revision("1")
	public record TransferCredentialIssued(MemberId memberId, CredentialCode code, UnionPlacement issuingUnion,
			UnionId toUnionId, LocalDate issuedOn, LocalDate expiresOn, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/** The issuing union withdrew an outstanding credential. */
	@Revision("1")
	public record TransferCredentialCancelled(MemberId memberId, CredentialCode code, UnionPlacement issuingUnion,
			String reason, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * The membership moved from one union to another on a credential. Not a new
	 * enrollment.
	 */
	@Revision("1")
	public record TransferAccepted(MemberId memberId, CredentialCode code, UnionPlacement fromUnion,
			UnionPlacement toUnion, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/** A presented credential was refused; the membership did not move. */
	@Revision("1")
	public record TransferAcceptanceRejected(MemberId memberId, CredentialCode code, UnionId presentingUnionId,
			CredentialRejectionReason reason, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/** The membership was put on hold (保留会籍); it still belongs to its union. */
	@Revision("1")
	public record MembershipPutOnHold(MemberId memberId, UnionPlacement union, String reason, LocalDate effectiveDate,
			Instant recordedAt, RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/** A held membership became active again. */
	@Revision("1")
	public record MembershipResumed(MemberId memberId, UnionPlacement union, LocalDate effectiveDate,
			Instant recordedAt, RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * The membership ended. {@code wasOnHold} tells which count it leaves. When it ended
	 * as the correction of a confirmed finding (a person counted in another ledger too),
	 * {@code findingId} names the finding and {@code correctionReason} says why; both are
	 * {@code null} otherwise (and in events of revision 1, written before they existed).
	 */
	@Revision("2")
	public record MembershipTerminated(MemberId memberId, UnionPlacement union, TerminationReason reason,
			boolean wasOnHold, LocalDate effectiveDate, Instant recordedAt, RecordedBy recordedBy, String findingId,
			String correctionReason) implements MembershipEvent {

		/** A termination that corrects no finding. */
		public MembershipTerminated(MemberId memberId, UnionPlacement union, TerminationReason reason,
				boolean wasOnHold, LocalDate effectiveDate, Instant recordedAt, RecordedBy recordedBy) {
			this(memberId, union, reason, wasOnHold, effectiveDate, recordedAt, recordedBy, null, null);
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * The person's personal data was erased: the key that opened it was destroyed, so the
	 * ciphertext in earlier events can no longer be read. Carries no personal data
	 * itself.
	 */
	@Revision("1")
	public record PersonalDataErased(MemberId memberId, String keyRef, String legalBasis, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * A first enrollment was reclassified as a transfer in: from {@code effectiveDate}
	 * (the enrollment's) it counts as a transfer-in at {@code union}, not as a new
	 * enrollment. The active count does not change.
	 */
	@Revision("1")
	public record EnrollmentReclassifiedAsTransferIn(MemberId memberId, UnionPlacement union, LocalDate effectiveDate,
			EnrollmentChannel channel, String findingId, String reason, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * A union other than the holding one started serving the member (dispatched worker at
	 * a host employer). The membership, and every count, stays with {@code holdingUnion}.
	 */
	@Revision("1")
	public record ServingUnionAssigned(MemberId memberId, UnionPlacement holdingUnion, UnionPlacement servingUnion,
			LocalDate effectiveDate, Instant recordedAt, RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * A serving assignment ended: on request, or because the membership moved to another
	 * union or ended (then this event comes right before the transfer or termination).
	 */
	@Revision("1")
	public record ServingAssignmentEnded(MemberId memberId, UnionPlacement holdingUnion, UnionPlacement servingUnion,
			ServingEndReason reason, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * A misspelt name was corrected: {@code personalData} is the person's data from now
	 * on (same resident ID, corrected name, encrypted under the same key as before, so an
	 * erasure shreds both). Who, when and why are recorded; nothing counted changes.
	 */
	@Revision("1")
	public record MemberNameCorrected(MemberId memberId, EncryptedPersonalData personalData, UnionPlacement union,
			String reason, Instant recordedAt, RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * The current union issued a single-use credential for a move to another ledger
	 * ({@code destinationLedger}; {@code destinationUnionId} there, or {@code null} for
	 * any of its unions). The member still counts here, in flight, until the receiving
	 * ledger's receipt is taken; a credential that expires unanswered leaves them here.
	 */
	@Revision("1")
	public record InterLedgerCredentialIssued(MemberId memberId, CredentialCode code, UnionPlacement issuingUnion,
			LedgerId destinationLedger, UnionId destinationUnionId, PersonFingerprint person, LocalDate issuedOn,
			LocalDate expiresOn, Instant recordedAt, RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * The receiving ledger's receipt was taken: the membership left this ledger for
	 * {@code receivingUnionId} of {@code receivingLedger}. A transfer out; it ends the
	 * membership here. {@code acceptedOn} is the day the receipt gives;
	 * {@code effectiveDate} is that day, or the membership's last change here if that
	 * came later (the member counted here until then). {@code wasOnHold} says whether it
	 * left from hold.
	 */
	@Revision("1")
	public record MemberTransferredToLedger(MemberId memberId, CredentialCode code, UnionPlacement fromUnion,
			boolean wasOnHold, LedgerId receivingLedger, UnionId receivingUnionId, String receivingUnionName,
			String receiptId, LocalDate acceptedOn, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/** A receipt for one of this member's credentials was refused; nothing moved. */
	@Revision("1")
	public record InterLedgerReceiptRefused(MemberId memberId, CredentialCode code, LedgerId receivingLedger,
			String receiptId, CredentialRejectionReason reason, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * A person came in from another ledger on its credential: a transfer in, never a new
	 * enrollment. {@code code} is the origin's credential and {@code receiptId} the
	 * receipt this ledger signed for it; {@code originMember} is the member's id in the
	 * origin ledger, echoed in the receipt.
	 */
	@Revision("1")
	public record MemberTransferredInFromLedger(MemberId memberId, EncryptedPersonalData personalData,
			UnionPlacement union, LedgerId originLedger, UnionId originUnionId, String originUnionName,
			CredentialCode code, PersonFingerprint person, String receiptId, LocalDate effectiveDate,
			Instant recordedAt, RecordedBy recordedBy, String originMember) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/** Another ledger's credential was refused here; nobody moved. */
	@Revision("1")
	public record InterLedgerTransferRefused(MemberId memberId, LedgerId originLedger, CredentialCode code,
			UnionId presentingUnionId, CredentialRejectionReason reason, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements MembershipEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

}
