package org.unionledger.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts {@link PersonalData} for events with AES-256-GCM.
 * <p>
 * The ciphertext is {@code Base64(IV || ciphertext || tag)} with a random 12-byte IV and
 * a 128-bit tag; the key reference is bound as additional authenticated data, so data
 * cannot be passed off as encrypted under another key. Keys are configuration: the cipher
 * encrypts with its current key and decrypts with whichever key the data names, so keys
 * can rotate while old events stay readable. Removing a key makes everything encrypted
 * under it unreadable (crypto-shredding).
 */
public final class PersonalDataCipher {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final byte FORMAT_VERSION = 1;

	private final String currentKeyRef;

	private final Map<String, SecretKeySpec> keys;

	/** A cipher with a single key. */
	public PersonalDataCipher(String keyRef, byte[] key) {
		this(keyRef, Map.of(requireKeyRef(keyRef), Objects.requireNonNull(key, "key")));
	}

	/**
	 * A cipher that knows several keys (rotation).
	 * @param currentKeyRef the key new data is encrypted with; must be among {@code keys}
	 * @param keys 32-byte AES keys by their reference; copied
	 */
	public PersonalDataCipher(String currentKeyRef, Map<String, byte[]> keys) {
		requireKeyRef(currentKeyRef);
		Objects.requireNonNull(keys, "keys");
		Map<String, SecretKeySpec> copies = new LinkedHashMap<>();
		keys.forEach((ref, key) -> {
			requireKeyRef(ref);
			if (key == null || key.length != KEY_BYTES) {
				throw new IllegalArgumentException("personal-data key '" + ref + "' must have " + KEY_BYTES
						+ " bytes (AES-256), got " + ((key != null) ? key.length : 0));
			}
			copies.put(ref, new SecretKeySpec(Arrays.copyOf(key, key.length), "AES"));
		});
		if (!copies.containsKey(currentKeyRef)) {
			throw new IllegalArgumentException("the current key '" + currentKeyRef + "' is not among the keys");
		}
		this.currentKeyRef = currentKeyRef;
		this.keys = Map.copyOf(copies);
	}

	private static String requireKeyRef(String keyRef) {
		if (keyRef == null || keyRef.isBlank()) {
			throw new IllegalArgumentException("a key reference must not be blank");
		}
		return keyRef;
	}

	/** The reference of the key new data is encrypted with. */
	public String currentKeyRef() {
		return this.currentKeyRef;
	}

	public EncryptedPersonalData encrypt(PersonalData data, SecureRandom random) {
		Objects.requireNonNull(data, "data");
		Objects.requireNonNull(random, "random");
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyRef), iv, this.currentKeyRef);
			byte[] sealed = cipher.doFinal(plaintextOf(data));
			byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return new EncryptedPersonalData(this.currentKeyRef, Base64.getEncoder().encodeToString(out));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * @throws UnreadablePersonalDataException if the key is unknown (never configured or
	 * destroyed) or the data was altered
	 */
	public PersonalData decrypt(EncryptedPersonalData data) {
		Objects.requireNonNull(data, "data");
		SecretKeySpec key = this.keys.get(data.keyRef());
		if (key == null) {
			throw new UnreadablePersonalDataException("no key '" + data.keyRef()
					+ "' is configured to decrypt personal data (never configured, or destroyed)");
		}
		byte[] in;
		try {
			in = Base64.getDecoder().decode(data.ciphertext());
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadablePersonalDataException("encrypted personal data is not valid Base64");
		}
		if (in.length < IV_BYTES + TAG_BITS / 8) {
			throw new UnreadablePersonalDataException("encrypted personal data is too short");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(in, IV_BYTES), data.keyRef());
			return personalDataOf(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES));
		}
		catch (AEADBadTagException ex) {
			throw new UnreadablePersonalDataException(
					"encrypted personal data failed authentication under key '" + data.keyRef() + "' (altered?)");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM decryption failed", ex);
		}
	}

	private static Cipher cipher(int mode, SecretKeySpec key, byte[] iv, String keyRef)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(keyRef.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	/** Format version byte, then the ID and the name as length-prefixed UTF-8. */
	private static byte[] plaintextOf(PersonalData data) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(FORMAT_VERSION);
			out.writeUTF(data.residentId().value());
			out.writeUTF(data.name());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static PersonalData personalDataOf(byte[] plaintext) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
			byte version = in.readByte();
			if (version != FORMAT_VERSION) {
				throw new UnreadablePersonalDataException("unknown personal-data format version " + version);
			}
			return new PersonalData(ResidentId.restore(in.readUTF()), in.readUTF());
		}
		catch (IOException ex) {
			throw new UnreadablePersonalDataException("decrypted personal data is malformed");
		}
	}

	/** Never shows the keys. */
	@Override
	public String toString() {
		return "PersonalDataCipher[current=" + this.currentKeyRef + ", keys=" + this.keys.keySet() + "]";
	}

}
