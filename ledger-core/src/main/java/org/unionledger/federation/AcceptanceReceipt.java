package org.unionledger.federation;

import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import java.time.LocalDate;
import java.util.Objects;

import org.unionledger.membership.CredentialCode;
import org.unionledger.union.UnionId;

/**
 * What an acceptance receipt says, once its signature is checked: the receiving ledger
 * took in, from {@code acceptedOn}, the person an inter-ledger credential named. The
 * origin ledger records the transfer out when it takes the receipt; until then the member
 * counts at the origin.
 *
 * @param receiptId the receipt's id, unique in the receiving ledger
 * @param code the credential it answers
 * @param originLedger the ledger that issued the credential (the receipt's audience)
 * @param receivingLedger the ledger that accepted it (the receipt's signer)
 * @param receivingUnion the union that holds the membership there now
 * @param receivingUnionName that union's name
 * @param acceptedOn the day the membership moved
 * @param person the member's federation fingerprint, as the credential gave it
 * @param originMember the member's id in the origin ledger, as the credential gave it
 */
public record AcceptanceReceipt(String receiptId, CredentialCode code, LedgerId originLedger, LedgerId receivingLedger,
		UnionId receivingUnion, String receivingUnionName, LocalDate acceptedOn, PersonFingerprint person,
		String originMember) {

	public AcceptanceReceipt {
		receiptId = InterLedgerCredential.text(receiptId, "receiptId");
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(originLedger, "originLedger");
		Objects.requireNonNull(receivingLedger, "receivingLedger");
		Objects.requireNonNull(receivingUnion, "receivingUnion");
		receivingUnionName = InterLedgerCredential.text(receivingUnionName, "receivingUnionName");
		Objects.requireNonNull(acceptedOn, "acceptedOn");
		Objects.requireNonNull(person, "person");
		originMember = InterLedgerCredential.text(originMember, "originMember");
		if (originLedger.equals(receivingLedger)) {
			throw new IllegalArgumentException("a receipt comes from another ledger than " + originLedger);
		}
	}

	/** Whether this receipt answers that credential: same code, ledgers and person. */
	public boolean answers(InterLedgerCredential credential) {
		return this.code.equals(credential.code()) && this.originLedger.equals(credential.originLedger())
				&& this.receivingLedger.equals(credential.destinationLedger())
				&& this.person.equals(credential.person()) && this.originMember.equals(credential.originMember())
				&& (credential.destinationUnion() == null || credential.destinationUnion().equals(this.receivingUnion));
	}

}
