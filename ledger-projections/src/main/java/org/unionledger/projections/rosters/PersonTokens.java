package org.unionledger.projections.rosters;

import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.membership.MemberId;

/**
 * What a roster keeps of a member's personal data, never the data: the token their name
 * is searched by (a keyed hash of the name) and the federation fingerprint other ledgers
 * compare (a keyed hash of the resident ID, with the federation key's check value). The
 * application opens the data with the person's key, which it may read through the running
 * read-model batch, so that a batch's dry run has the keys of the whole batch read
 * together.
 */
@FunctionalInterface
public interface PersonTokens {

	/** No tokens: rosters without name search or fingerprints (tests, tools). */
	PersonTokens NONE = (member, data) -> Tokens.NONE;

	/**
	 * The tokens of the data, {@link Tokens#NONE} when it cannot be opened (the person's
	 * key destroyed).
	 */
	Tokens tokensOf(MemberId member, EncryptedPersonalData data);

	/**
	 * @param name the token the name is searched by, or {@code null}
	 * @param person {@code <key check>:<federation fingerprint>}, or {@code null} when
	 * the ledger is in no federation
	 */
	record Tokens(String name, String person) {

		/** Nothing known: data erased, or no tokens kept. */
		public static final Tokens NONE = new Tokens(null, null);

	}

}
