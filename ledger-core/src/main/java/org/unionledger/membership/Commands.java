package org.unionledger.membership;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.union.UnionId;

/**
 * Commands of the membership feature. One {@code Membership} exists per person; its id is
 * derived from the person's resident ID, so every command about a person lands on the
 * same aggregate whatever spelling of the ID was used.
 */
public final class Commands {

	private Commands() {
	}

	/**
	 * Enroll a person at a grassroots union (enroll at source). Refused and recorded if
	 * the person already has an active or held membership.
	 */
	public record EnrollMember(@TargetAggregateIdentifier MemberId memberId, EncryptedPersonalData personalData,
			UnionId unionId, LocalDate effectiveDate, EnrollmentChannel channel, RecordedBy recordedBy) {
	}

	/**
	 * The current union issues a single-use transfer credential, valid for
	 * {@code validityDays} from {@code issuedOn}; {@code toUnionId} is optional.
	 */
	public record IssueTransferCredential(@TargetAggregateIdentifier MemberId memberId, CredentialCode code,
			UnionId issuingUnionId, UnionId toUnionId, LocalDate issuedOn, int validityDays, RecordedBy recordedBy) {
	}

	/** The receiving union presents a credential; the membership moves to it. */
	public record AcceptTransfer(@TargetAggregateIdentifier MemberId memberId, CredentialCode code,
			UnionId receivingUnionId, LocalDate effectiveDate, RecordedBy recordedBy) {
	}

	/** The issuing union withdraws an outstanding credential. */
	public record CancelTransferCredential(@TargetAggregateIdentifier MemberId memberId, CredentialCode code,
			LocalDate effectiveDate, String reason, RecordedBy recordedBy) {
	}

	/**
	 * The issuing union replaces an outstanding credential (lost, damaged, about to
	 * expire): the old one is cancelled and a new one issued for the same member and
	 * destination, valid for {@code validityDays} from {@code issuedOn}, both in one
	 * commit, so that neither happens without the other.
	 */
	public record ReissueTransferCredential(@TargetAggregateIdentifier MemberId memberId, CredentialCode code,
			CredentialCode newCode, LocalDate issuedOn, int validityDays, String reason, RecordedBy recordedBy) {
	}

	/** Keep a retired or unemployed member's membership on hold (保留会籍). */
	public record PutMembershipOnHold(@TargetAggregateIdentifier MemberId memberId, LocalDate effectiveDate,
			String reason, RecordedBy recordedBy) {
	}

	/** A held membership becomes active again at the same union. */
	public record ResumeMembership(@TargetAggregateIdentifier MemberId memberId, LocalDate effectiveDate,
			RecordedBy recordedBy) {
	}

	/**
	 * A host employer's union starts serving a dispatched worker whose membership stays
	 * with the holding union (e.g. the labour-dispatch firm's). Counts keep following the
	 * holding union.
	 */
	public record AssignServingUnion(@TargetAggregateIdentifier MemberId memberId, UnionId servingUnionId,
			LocalDate effectiveDate, RecordedBy recordedBy) {
	}

	/** The serving union stops serving the member. */
	public record EndServingAssignment(@TargetAggregateIdentifier MemberId memberId, LocalDate effectiveDate,
			RecordedBy recordedBy) {
	}

	/** End a membership. */
	public record TerminateMembership(@TargetAggregateIdentifier MemberId memberId, LocalDate effectiveDate,
			TerminationReason reason, RecordedBy recordedBy) {
	}

	/**
	 * Erase the person's personal data on a lawful request (PIPL art. 47): the
	 * application destroys the key their name and ID were encrypted with; this records
	 * that it happened. The membership's statistical facts stay, so no figure changes.
	 */
	public record ErasePersonalData(@TargetAggregateIdentifier MemberId memberId, String legalBasis,
			RecordedBy recordedBy) {
	}

	/**
	 * Correct a misspelt name. {@code personalData} holds the person's same resident ID
	 * with the corrected name, encrypted under their current key; the old name stays in
	 * the old events, readable only to those who may read personal data (each read
	 * recorded), and {@code reason} says why it was corrected.
	 */
	public record CorrectMemberName(@TargetAggregateIdentifier MemberId memberId, EncryptedPersonalData personalData,
			String reason, RecordedBy recordedBy) {
	}

	/**
	 * Correct a confirmed double count: the person's first enrollment was in truth a
	 * transfer in from a union outside the ledger, so it leaves the new-enrollment
	 * figures and joins the transfers-in, from its effective date on. History is not
	 * edited; this is recorded.
	 */
	public record ReclassifyEnrollmentAsTransferIn(@TargetAggregateIdentifier MemberId memberId, String findingId,
			String reason, RecordedBy recordedBy) {
	}

	/**
	 * Correct a confirmed double count across ledgers: the person is counted in another
	 * ledger, so the membership here ends as a duplicate record on {@code effectiveDate},
	 * naming the finding and why. History is not edited; this is recorded.
	 */
	public record EndDoubleCountedMembership(@TargetAggregateIdentifier MemberId memberId, String findingId,
			String reason, LocalDate effectiveDate, RecordedBy recordedBy) {
	}

	/**
	 * The current union issues a single-use credential for a move to another ledger of
	 * the federation ({@code destinationLedger}, and {@code destinationUnionId} there if
	 * named), valid for {@code validityDays} from {@code issuedOn}. {@code person} is the
	 * member's federation fingerprint, written into the signed document the ledger hands
	 * out. The member counts here until the receiving ledger's receipt closes it.
	 */
	public record IssueInterLedgerCredential(@TargetAggregateIdentifier MemberId memberId, CredentialCode code,
			UnionId issuingUnionId, LedgerId destinationLedger, UnionId destinationUnionId, PersonFingerprint person,
			LocalDate issuedOn, int validityDays, RecordedBy recordedBy) {
	}

	/**
	 * The origin records the transfer out that another ledger's verified receipt reports:
	 * that ledger's union took the member in on {@code acceptedOn}.
	 */
	public record CloseInterLedgerTransfer(@TargetAggregateIdentifier MemberId memberId, CredentialCode code,
			LedgerId receivingLedger, UnionId receivingUnionId, String receivingUnionName, String receiptId,
			PersonFingerprint person, LocalDate acceptedOn, RecordedBy recordedBy) {
	}

	/**
	 * The receiving union takes in, on {@code effectiveDate}, the person another ledger's
	 * verified credential names (the resident ID shown matched its fingerprint): a
	 * transfer in, never a new enrollment. The credential's facts come with it; the
	 * receipt this ledger signs when it succeeds has id {@code receiptId};
	 * {@code originMember} is the member's id in the origin ledger, echoed in it.
	 */
	public record AcceptInterLedgerTransfer(@TargetAggregateIdentifier MemberId memberId,
			EncryptedPersonalData personalData, UnionId receivingUnionId, LedgerId originLedger, UnionId originUnionId,
			String originUnionName, CredentialCode code, UnionId destinationUnionId, PersonFingerprint person,
			LocalDate issuedOn, LocalDate expiresOn, String receiptId, LocalDate effectiveDate, RecordedBy recordedBy,
			String originMember) {
	}

}
