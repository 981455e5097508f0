package org.unionledger.federation;

import org.unionledger.common.Rule;

/** Why a document from another ledger was not taken. */
public enum DocumentRefusal {

	/** Not a compact JWS of the expected form, or its claims are missing or wrong. */
	MALFORMED(Rule.DOCUMENT_MALFORMED),
	/** A receipt presented as a credential, or the other way round. */
	WRONG_KIND(Rule.DOCUMENT_WRONG_KIND),
	/** Signed with a key the trust list does not hold. */
	UNKNOWN_SIGNER(Rule.DOCUMENT_UNKNOWN_SIGNER),
	/**
	 * Signed with a trusted key that is not valid now (before its start or after its
	 * end).
	 */
	SIGNER_KEY_NOT_VALID(Rule.DOCUMENT_SIGNER_KEY_NOT_VALID),
	/** The signature does not match the content: forged or altered. */
	BAD_SIGNATURE(Rule.DOCUMENT_BAD_SIGNATURE),
	/** The key belongs to another ledger than the one the document says issued it. */
	SIGNER_NOT_ISSUER(Rule.DOCUMENT_SIGNER_NOT_ISSUER),
	/** Addressed to another ledger. */
	NOT_ADDRESSED_HERE(Rule.DOCUMENT_NOT_ADDRESSED_HERE),
	/** The resident ID the worker shows is not the person the credential names. */
	PERSON_MISMATCH(Rule.DOCUMENT_PERSON_MISMATCH),
	/** A receipt for a credential this ledger never issued for another ledger. */
	UNKNOWN_CREDENTIAL(Rule.DOCUMENT_UNKNOWN_CREDENTIAL);

	private final Rule rule;

	DocumentRefusal(Rule rule) {
		this.rule = rule;
	}

	/**
	 * The rule a refusal for this reason is reported as: {@code DOCUMENT_} and its name.
	 */
	public Rule rule() {
		return this.rule;
	}

}
