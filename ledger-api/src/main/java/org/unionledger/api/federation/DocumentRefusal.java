package org.unionledger.api.federation;

/** Why a document from another ledger was not taken. */
public enum DocumentRefusal {

	/** Not a compact JWS of the expected form, or its claims are missing or wrong. */
	MALFORMED,
	/** A receipt presented as a credential, or the other way round. */
	WRONG_KIND,
	/** Signed with a key the trust list does not hold. */
	UNKNOWN_SIGNER,
	/**
	 * Signed with a trusted key that is not valid now (before its start or after its
	 * end).
	 */
	SIGNER_KEY_NOT_VALID,
	/** The signature does not match the content: forged or altered. */
	BAD_SIGNATURE,
	/** The key belongs to another ledger than the one the document says issued it. */
	SIGNER_NOT_ISSUER,
	/** Addressed to another ledger. */
	NOT_ADDRESSED_HERE

}
