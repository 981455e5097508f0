package org.unionledger.federation;

import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import java.time.LocalDate;
import java.util.Objects;

import org.unionledger.membership.CredentialCode;
import org.unionledger.union.UnionId;

/**
 * What an inter-ledger transfer credential says, once its signature is checked: the
 * origin ledger's union lets the person it names go to the destination ledger (and, if
 * named, to one of its unions), from {@code issuedOn} until the day before
 * {@code expiresOn}. It carries no resident ID: the person is named by their federation
 * fingerprint and a masked name for the receiving officer to read.
 *
 * @param code the credential's id, unique in the origin ledger
 * @param originLedger the ledger that issued it
 * @param originUnion the union holding the membership there
 * @param originUnionName that union's name, for the receiving officer
 * @param destinationLedger the only ledger that may accept it
 * @param destinationUnion the only union that may accept it, or {@code null} for any
 * union of the destination ledger
 * @param issuedOn the day it was issued
 * @param expiresOn the first day it is no longer valid
 * @param maskedName the member's name with all but its first character masked
 * @param person the member's federation fingerprint
 * @param originMember the member's id in the origin ledger (that ledger's own keyed
 * fingerprint, meaningless elsewhere), which the receipt echoes so that the origin finds
 * the membership without a read model
 */
public record InterLedgerCredential(CredentialCode code, LedgerId originLedger, UnionId originUnion,
		String originUnionName, LedgerId destinationLedger, UnionId destinationUnion, LocalDate issuedOn,
		LocalDate expiresOn, String maskedName, PersonFingerprint person, String originMember) {

	/** Longest name or masked name a document carries. */
	public static final int MAX_TEXT = 200;

	public InterLedgerCredential {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(originLedger, "originLedger");
		Objects.requireNonNull(originUnion, "originUnion");
		Objects.requireNonNull(destinationLedger, "destinationLedger");
		Objects.requireNonNull(issuedOn, "issuedOn");
		Objects.requireNonNull(expiresOn, "expiresOn");
		Objects.requireNonNull(person, "person");
		originUnionName = text(originUnionName, "originUnionName");
		maskedName = text(maskedName, "maskedName");
		originMember = text(originMember, "originMember");
		if (originLedger.equals(destinationLedger)) {
			throw new IllegalArgumentException(
					"an inter-ledger credential leads to another ledger than " + originLedger);
		}
		if (!expiresOn.isAfter(issuedOn)) {
			throw new IllegalArgumentException("a credential expires after the day it is issued");
		}
	}

	/** Whether it can still be accepted on {@code today} (before {@code expiresOn}). */
	public boolean isValidOn(LocalDate today) {
		return !today.isBefore(this.issuedOn) && today.isBefore(this.expiresOn);
	}

	static String text(String value, String field) {
		if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
			throw new IllegalArgumentException(field + " must hold 1 to " + MAX_TEXT + " characters");
		}
		return value.strip();
	}

}
