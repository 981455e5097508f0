package org.unionledger.api.federation;

import java.util.List;

import org.unionledger.api.problems.ApiException;
import org.unionledger.common.Rule;
import org.unionledger.identity.FederationFingerprints;
import org.unionledger.jurisdiction.LedgerId;

/**
 * This ledger as a member of a federation: its id, its signed documents and the
 * fingerprints every ledger computes alike; or nothing, for a ledger that stands alone.
 *
 * @param documents signs and checks documents; {@code null} when standing alone
 * @param fingerprints person fingerprints under the federation key; {@code null} when
 * standing alone
 * @param signingKey this ledger's signing key; {@code null} when standing alone
 * @param trustList the other ledgers' keys; {@code null} when standing alone
 */
public record Federation(FederatedDocuments documents, FederationFingerprints fingerprints, SigningKey signingKey,
		TrustList trustList) {

	/** A ledger that belongs to no federation. */
	public static Federation standingAlone() {
		return new Federation(null, null, null, null);
	}

	public boolean enabled() {
		return this.documents != null;
	}

	/**
	 * @throws ApiException 409 {@code FEDERATION_NOT_CONFIGURED} when standing alone
	 */
	public Federation require() {
		if (!enabled()) {
			throw ApiException.of(Rule.FEDERATION_NOT_CONFIGURED, null,
					"this ledger is not part of a federation: set ledger.federation.*");
		}
		return this;
	}

	public LedgerId ledger() {
		return require().signingKey.ledger();
	}

	/** The ledgers this one trusts (never itself). */
	public List<LedgerId> partners() {
		return require().trustList.ledgers().stream().filter((l) -> !l.equals(ledger())).toList();
	}

	/**
	 * A partner ledger by its id.
	 * @throws ApiException 422 {@code LEDGER_UNKNOWN} for a ledger not trusted, this
	 * ledger, or no ledger id at all
	 */
	public LedgerId requirePartner(String value, String field) {
		LedgerId ledger;
		try {
			ledger = new LedgerId(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.of(Rule.LEDGER_UNKNOWN, field, "not a ledger id: a GB/T 2260 code of 2, 4 or 6 digits");
		}
		if (!partners().contains(ledger)) {
			throw ApiException.of(Rule.LEDGER_UNKNOWN, field, "ledger " + ledger + " is not one this ledger trusts");
		}
		return ledger;
	}

}
