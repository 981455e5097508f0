package org.unionledger.api.federation;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This ledger's place in a federation of ledgers, under {@code ledger.federation.*}. With
 * no {@code ledger} set the ledger stands alone and the routes of transfers between
 * ledgers answer 409 {@code FEDERATION_NOT_CONFIGURED}.
 *
 * @param ledger this ledger's id: the GB/T 2260 code of its jurisdiction (e.g.
 * {@code 13})
 * @param signingKey a private EC P-256 JWK named {@code <ledger>/<key name>}; when
 * absent, one is generated once into the data folder ({@code federation-signing-key.jwk},
 * valid for two years) and its public half logged
 * @param trustList a JWK Set of the other ledgers' public keys; none when absent
 * @param federationKey Base64 of the key (at least 32 bytes) every ledger of the
 * federation shares for person fingerprints; required with {@code ledger}
 * @param partners the base URL of each partner ledger this one sends its receipts to
 * ({@code ledger.federation.partners.41=https://ledger.example.org}); a partner without
 * one gets its receipts by an officer
 * @param exportPartPeople about how many people one part of a fingerprint export holds
 * (default {@value #EXPORT_PART_PEOPLE}, about 35 MB a part; a document may have 64 MB):
 * a scope with more is exported in parts
 */
@ConfigurationProperties("ledger.federation")
public record FederationProperties(String ledger, Path signingKey, Path trustList, String federationKey,
		Map<String, URI> partners, Integer exportPartPeople) {

	/** About how many people one part of a fingerprint export holds by default. */
	public static final int EXPORT_PART_PEOPLE = 200_000;

	public FederationProperties {
		partners = (partners != null) ? Map.copyOf(partners) : Map.of();
		exportPartPeople = (exportPartPeople != null) ? exportPartPeople : EXPORT_PART_PEOPLE;
		if (exportPartPeople < 1) {
			throw new IllegalArgumentException("ledger.federation.export-part-people is at least 1");
		}
	}

	/** Whether this ledger belongs to a federation. */
	public boolean enabled() {
		return this.ledger != null && !this.ledger.isBlank();
	}

}
