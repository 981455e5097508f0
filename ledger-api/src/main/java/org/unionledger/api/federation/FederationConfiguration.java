package org.unionledger.api.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionledger.api.config.LedgerProperties;
import org.unionledger.identity.FederationFingerprints;
import org.unionledger.jurisdiction.LedgerId;

/** Builds this ledger's {@link Federation} from {@link FederationProperties}. */
@Configuration
@EnableConfigurationProperties(FederationProperties.class)
public class FederationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FederationConfiguration.class);

	/** Name of the signing key generated into the data folder when none is configured. */
	static final String GENERATED_KEY = "federation-signing-key.jwk";

	@Bean
	Federation federation(FederationProperties properties, LedgerProperties ledger, Clock clock) {
		if (!properties.enabled()) {
			return Federation.standingAlone();
		}
		LedgerId id = new LedgerId(properties.ledger().strip());
		if (properties.federationKey() == null || properties.federationKey().isBlank()) {
			throw new IllegalStateException(
					"ledger.federation.federation-key is required with ledger.federation.ledger: "
							+ "Base64 of the key the federation's ledgers share for person fingerprints");
		}
		FederationFingerprints fingerprints = new FederationFingerprints(
				Base64.getDecoder().decode(properties.federationKey().strip()));
		SigningKey key = (properties.signingKey() != null) ? SigningKey.read(properties.signingKey())
				: generatedKey(id, ledger.dataDir().resolve(GENERATED_KEY), clock);
		if (!key.ledger().equals(id)) {
			throw new IllegalStateException("the signing key " + key.keyId() + " belongs to another ledger than " + id);
		}
		TrustList trust = (properties.trustList() != null) ? TrustList.read(properties.trustList())
				: TrustList.of(new JWKSet(List.of()));
		log.info("Ledger {} in a federation with {}; signing key {}", id, trust.ledgers(), key.keyId());
		return new Federation(new FederatedDocuments(key, trust), fingerprints, key, trust);
	}

	/**
	 * The key generated once into the data folder (owner-only), for a demo or a first
	 * start; its public half is logged for the partners' trust lists.
	 */
	static SigningKey generatedKey(LedgerId ledger, Path file, Clock clock) {
		try {
			if (Files.exists(file)) {
				return SigningKey.read(file);
			}
			Instant now = clock.instant();
			SigningKey key = SigningKey.generate(ledger, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)));
			Files.createDirectories(file.getParent());
			Files.writeString(file, key.privateJwk());
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system; the file keeps its default permissions.
			}
			log.warn("No federation signing key configured: generated {} in {}; its public key for the other "
					+ "ledgers' trust lists: {}", key.keyId(), file, key.publicJwk().toJSONString());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or write the signing key " + file, ex);
		}
	}

}
