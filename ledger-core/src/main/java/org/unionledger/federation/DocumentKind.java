package org.unionledger.federation;

/** The kinds of document ledgers exchange. */
public enum DocumentKind {

	/** An inter-ledger transfer credential, presented to the destination ledger. */
	CREDENTIAL,
	/** An acceptance receipt, taken by the origin ledger. */
	RECEIPT,
	/** A fingerprint export, compared with this ledger's members. */
	FINGERPRINTS

}
