package org.unionledger.api.federation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.unionledger.jurisdiction.LedgerId;

/**
 * {@code ./ledger federation-keys --ledgers 13,41 --out fed}: what a federation of
 * ledgers needs to start, for trying it on one machine or for a federation's key
 * ceremony: per ledger a signing key ({@code <out>/<ledger>/signing-key.jwk}, valid for
 * two years), a trust list of every other ledger's public key
 * ({@code <out>/<ledger>/trust-list.jwks}) and a properties file naming both with the
 * shared federation key ({@code <out>/<ledger>.properties}, for
 * {@code --spring.config.additional-location}). Private files are readable by their owner
 * only. In a real federation each ledger makes its own key and only public keys travel;
 * the federation key is shared by a safe channel.
 */
public final class FederationKeysCli {

	private FederationKeysCli() {
	}

	public static int run(String[] args, Clock clock, PrintStream out, PrintStream err) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		if (args.length % 2 != 0 || !options.containsKey("--ledgers") || !options.containsKey("--out")) {
			err.println("usage: federation-keys --ledgers 13,41 --out <folder>");
			return 2;
		}
		List<LedgerId> ledgers = new ArrayList<>();
		try {
			for (String ledger : options.get("--ledgers").split(",")) {
				LedgerId id = new LedgerId(ledger.strip());
				if (ledgers.contains(id)) {
					throw new IllegalArgumentException("ledger " + id + " is named twice");
				}
				ledgers.add(id);
			}
		}
		catch (IllegalArgumentException ex) {
			err.println("federation-keys: " + ex.getMessage());
			return 2;
		}
		if (ledgers.size() < 2) {
			err.println("federation-keys: a federation has at least two ledgers");
			return 2;
		}
		Path folder = Path.of(options.get("--out"));
		try {
			Instant now = clock.instant();
			Map<LedgerId, SigningKey> keys = new LinkedHashMap<>();
			for (LedgerId ledger : ledgers) {
				keys.put(ledger,
						SigningKey.generate(ledger, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730))));
			}
			byte[] federationKey = new byte[32];
			new SecureRandom().nextBytes(federationKey);
			String shared = Base64.getEncoder().encodeToString(federationKey);
			for (LedgerId ledger : ledgers) {
				Path own = folder.resolve(ledger.value());
				Files.createDirectories(own);
				Path signing = own.resolve("signing-key.jwk");
				Files.writeString(signing, keys.get(ledger).privateJwk());
				ownerOnly(signing);
				List<JWK> others = new ArrayList<>();
				keys.forEach((other, key) -> {
					if (!other.equals(ledger)) {
						others.add(key.publicJwk());
					}
				});
				Path trust = own.resolve("trust-list.jwks");
				Files.writeString(trust, new JWKSet(others).toString(true));
				Path properties = folder.resolve(ledger.value() + ".properties");
				Files.writeString(properties,
						"ledger.federation.ledger=" + ledger.value() + "\n" + "ledger.federation.signing-key="
								+ signing.toAbsolutePath() + "\n" + "ledger.federation.trust-list="
								+ trust.toAbsolutePath() + "\n" + "ledger.federation.federation-key=" + shared + "\n");
				ownerOnly(properties);
				out.println("ledger " + ledger + ": " + properties + " (key " + keys.get(ledger).keyId() + ")");
			}
			return 0;
		}
		catch (IOException ex) {
			err.println("federation-keys: cannot write to " + folder + ": " + ex.getMessage());
			return 1;
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system; the file keeps its default permissions.
		}
	}

}
