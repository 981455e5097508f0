package org.unionledger.projections.rosters;

import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.membership.MemberId;

/**
 * The token a member's name is searched by (a keyed hash of the name, never the name),
 * from their encrypted data: the application opens the data with the person's key, which
 * it may read through the running read-model batch, so that a batch's dry run has the
 * keys of the whole batch read together.
 */
@FunctionalInterface
public interface NameTokens {

	/** No tokens: rosters without name search (tests, tools). */
	NameTokens NONE = (member, data) -> null;

	/**
	 * The token of the name the data holds, or {@code null} when it cannot be opened (the
	 * person's key destroyed).
	 */
	String tokenOf(MemberId member, EncryptedPersonalData data);

}
