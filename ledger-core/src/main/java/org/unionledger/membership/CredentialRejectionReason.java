package org.unionledger.membership;

/** Why a presented transfer credential was refused. */
public enum CredentialRejectionReason {

	/** No credential with that code was ever issued for this member. */
	UNKNOWN_CODE,
	/** The credential's expiry date has passed. */
	EXPIRED,
	/** The credential was already used for a transfer. */
	ALREADY_USED,
	/** The issuing union cancelled the credential. */
	CANCELLED,
	/** The credential names another receiving union than the one presenting it. */
	WRONG_UNION,
	/** The presenting union already holds the membership. */
	SAME_UNION,
	/** The receiving union is unknown or dissolved. */
	UNION_NOT_OPEN,
	/** The membership is not active (on hold or terminated). */
	MEMBERSHIP_NOT_ACTIVE

}
