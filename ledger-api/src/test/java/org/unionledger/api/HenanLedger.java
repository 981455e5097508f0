package org.unionledger.api;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;

import org.unionledger.api.federation.FederatedDocuments;
import org.unionledger.api.federation.SigningKey;
import org.unionledger.api.federation.TrustList;
import org.unionledger.identity.FederationFingerprints;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.identity.ResidentId;
import org.unionledger.jurisdiction.LedgerId;

/**
 * Henan's ledger (41) as the tests play it beside the test ledger (Hebei's, 13): its test
 * signing key, its trust list holding Hebei's key, and the federation's shared key for
 * fingerprints ({@code src/test/resources/federation}, test keys only, as
 * {@code application-test.properties} configures the test ledger).
 */
final class HenanLedger {

	static final LedgerId HEBEI = new LedgerId("13");

	static final LedgerId HENAN = new LedgerId("41");

	private static final Path KEYS = Path.of("src/test/resources/federation");

	/**
	 * The federation key of the test profile ({@code ledger.federation.federation-key}).
	 */
	static final FederationFingerprints FINGERPRINTS = new FederationFingerprints(
			Base64.getDecoder().decode("ZmVkZXJhdGlvbi1zaGFyZWQta2V5LWZvci10ZXN0cy0xMjM0NTY="));

	private HenanLedger() {
	}

	/** Henan's documents: signed with its key, checked against its trust list. */
	static FederatedDocuments documents() {
		return new FederatedDocuments(SigningKey.read(KEYS.resolve("henan-41.jwk")), trustList());
	}

	/** Henan's trust list: Hebei's key. */
	static TrustList trustList() {
		return TrustList.read(KEYS.resolve("henan-trust-list.jwks"));
	}

	/** The federation fingerprint of a resident ID (any spelling) as of a day. */
	static PersonFingerprint person(String residentId, LocalDate today) {
		return FINGERPRINTS.fingerprintOf(ResidentId.parse(residentId, today));
	}

}
