package org.unionledger.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's secrets: the HMAC key behind member ids and the AES key that encrypts
 * personal data. Taken from configuration; when none is configured they are generated
 * once into the data folder, so that a demo keeps recognising the same people across
 * restarts.
 *
 * @param fingerprintKey HMAC-SHA256 key
 * @param personalDataKey AES-256 key
 * @param personalDataKeyRef name of the AES key
 * @param sealKey HMAC key that signs the event store's digests
 */
public record KeyMaterial(byte[] fingerprintKey, byte[] personalDataKey, String personalDataKeyRef, byte[] sealKey) {

	private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);

	static KeyMaterial resolve(LedgerProperties.Keys keys, Path dataDir) {
		String keyRef = (keys.personalDataKeyRef() != null && !keys.personalDataKeyRef().isBlank())
				? keys.personalDataKeyRef() : "pd-1";
		if (present(keys.fingerprint()) && present(keys.personalData())) {
			if (!present(keys.seal())) {
				throw new IllegalStateException("configure ledger.keys.seal as well");
			}
			return new KeyMaterial(decode(keys.fingerprint(), "ledger.keys.fingerprint"),
					decode(keys.personalData(), "ledger.keys.personal-data"), keyRef,
					decode(keys.seal(), "ledger.keys.seal"));
		}
		if (present(keys.fingerprint()) || present(keys.personalData())) {
			throw new IllegalStateException("configure both ledger.keys.fingerprint and ledger.keys.personal-data");
		}
		return fromFile(dataDir.resolve("ledger-keys.properties"), keyRef);
	}

	private static KeyMaterial fromFile(Path file, String keyRef) {
		try {
			Properties stored = new Properties();
			if (Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					stored.load(in);
				}
				if (stored.getProperty("seal") == null) {
					// Key files written before the seal existed get a seal key added
					// once.
					stored.setProperty("seal", randomKey(new SecureRandom()));
					try (OutputStream out = Files.newOutputStream(file)) {
						stored.store(out, "Generated demo keys of the union ledger. Keep them secret.");
					}
				}
			}
			else {
				SecureRandom random = new SecureRandom();
				stored.setProperty("fingerprint", randomKey(random));
				stored.setProperty("personal-data", randomKey(random));
				stored.setProperty("personal-data-key-ref", keyRef);
				stored.setProperty("seal", randomKey(random));
				Files.createDirectories(file.getParent());
				try (OutputStream out = Files.newOutputStream(file)) {
					stored.store(out, "Generated demo keys of the union ledger. Keep them secret; losing them "
							+ "makes stored personal data unreadable and member ids unrecognisable.");
				}
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// Not a POSIX file system; the file keeps its default permissions.
				}
				log.warn("No keys configured: generated demo keys in {}", file);
			}
			return new KeyMaterial(decode(stored.getProperty("fingerprint"), file + ": fingerprint"),
					decode(stored.getProperty("personal-data"), file + ": personal-data"),
					stored.getProperty("personal-data-key-ref", keyRef),
					decode(stored.getProperty("seal"), file + ": seal"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read or write the key file " + file, ex);
		}
	}

	private static String randomKey(SecureRandom random) {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static byte[] decode(String base64, String name) {
		if (base64 == null) {
			throw new IllegalStateException(name + " is missing");
		}
		byte[] key = Base64.getDecoder().decode(base64.trim());
		if (key.length != 32) {
			throw new IllegalStateException(name + " must be Base64 of 32 bytes");
		}
		return key;
	}

}
