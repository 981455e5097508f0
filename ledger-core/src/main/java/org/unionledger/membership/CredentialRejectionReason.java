package org.unionledger.membership;

import org.unionledger.common.Outcome.RecordedRefusal;
import org.unionledger.common.Rule;

/** Why a presented transfer credential was refused. */
public enum CredentialRejectionReason implements RecordedRefusal {

	/** No credential with that code was ever issued for this member. */
	UNKNOWN_CODE(Rule.CREDENTIAL_UNKNOWN_CODE),
	/** The credential's expiry date has passed. */
	EXPIRED(Rule.CREDENTIAL_EXPIRED),
	/** The credential was already used for a transfer. */
	ALREADY_USED(Rule.CREDENTIAL_ALREADY_USED),
	/** The issuing union cancelled the credential. */
	CANCELLED(Rule.CREDENTIAL_CANCELLED),
	/** The credential names another receiving union than the one presenting it. */
	WRONG_UNION(Rule.CREDENTIAL_WRONG_UNION),
	/** The presenting union already holds the membership. */
	SAME_UNION(Rule.CREDENTIAL_SAME_UNION),
	/** The receiving union is unknown or dissolved. */
	UNION_NOT_OPEN(Rule.CREDENTIAL_UNION_NOT_OPEN),
	/** The membership is not active (on hold or terminated). */
	MEMBERSHIP_NOT_ACTIVE(Rule.CREDENTIAL_MEMBERSHIP_NOT_ACTIVE),
	/** Presented inside the ledger, the credential leads to another ledger. */
	OTHER_LEDGER(Rule.CREDENTIAL_OTHER_LEDGER),
	/** From another ledger, for a person already active or on hold here. */
	ALREADY_MEMBER(Rule.CREDENTIAL_ALREADY_MEMBER),
	/** A receipt says the credential was accepted on or after the day it expired. */
	ACCEPTED_AFTER_EXPIRY(Rule.CREDENTIAL_ACCEPTED_AFTER_EXPIRY),
	/** A receipt names another ledger, union or person than the credential it answers. */
	RECEIPT_MISMATCH(Rule.CREDENTIAL_RECEIPT_MISMATCH);

	private final Rule rule;

	CredentialRejectionReason(Rule rule) {
		this.rule = rule;
	}

	/**
	 * The rule a refusal for this reason is reported as: {@code CREDENTIAL_} and its
	 * name.
	 */
	@Override
	public Rule rule() {
		return this.rule;
	}

}
