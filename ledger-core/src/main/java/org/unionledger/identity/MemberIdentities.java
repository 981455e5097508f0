package org.unionledger.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.unionledger.membership.MemberId;

/**
 * Derives a person's {@link MemberId} from their resident ID with a keyed fingerprint, so
 * that one person always lands on one membership whatever spelling of the ID was typed,
 * while the ID cannot be recovered from the member id without the key.
 * <p>
 * {@code memberId = "m-" + base32(HMAC-SHA256(key, "member:" + normalisedId)[0..16])},
 * Base32 being RFC 4648 in lower case without padding (26 characters). Changing the key
 * changes every member id, so the key is configuration that must never rotate silently.
 */
public final class MemberIdentities {

	/** Shortest accepted key, in bytes. */
	public static final int MIN_KEY_BYTES = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private static final int FINGERPRINT_BYTES = 16;

	private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private final SecretKeySpec key;

	/**
	 * @param secretKey at least {@value #MIN_KEY_BYTES} bytes; copied
	 */
	public MemberIdentities(byte[] secretKey) {
		this.key = hmacKey(secretKey, "member-id key");
	}

	public MemberId memberIdOf(ResidentId residentId) {
		Objects.requireNonNull(residentId, "residentId");
		byte[] mac = hmac(("member:" + residentId.value()).getBytes(StandardCharsets.UTF_8));
		return new MemberId("m-" + base32(Arrays.copyOf(mac, FINGERPRINT_BYTES)));
	}

	/**
	 * Blanks a name's search form leaves out (compiled once: tokens are made per event).
	 */
	private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

	/**
	 * The token a member's name is found by, without the name: a keyed hash of its search
	 * form (blanks removed, case folded), so that a search matches "张 伟" and "张伟" alike.
	 * Under the same key as member ids, apart from them by its prefix; the index that
	 * holds tokens is a read model, emptied of a person whose data is erased.
	 */
	public String nameToken(String name) {
		Objects.requireNonNull(name, "name");
		String form = BLANKS.matcher(name).replaceAll("").toLowerCase(java.util.Locale.ROOT);
		byte[] mac = hmac(("member-name:" + form).getBytes(StandardCharsets.UTF_8));
		return "n-" + base32(Arrays.copyOf(mac, FINGERPRINT_BYTES));
	}

	private byte[] hmac(byte[] message) {
		return hmac(this.key, message);
	}

	/** HMAC-SHA256 of the message under the key (a key of this class's algorithm). */
	static byte[] hmac(SecretKeySpec key, byte[] message) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/**
	 * A copy of a secret key of at least {@value #MIN_KEY_BYTES} bytes, for HMAC-SHA256.
	 */
	static SecretKeySpec hmacKey(byte[] secretKey, String what) {
		Objects.requireNonNull(secretKey, what);
		if (secretKey.length < MIN_KEY_BYTES) {
			throw new IllegalArgumentException(
					"the " + what + " needs at least " + MIN_KEY_BYTES + " bytes, got " + secretKey.length);
		}
		return new SecretKeySpec(Arrays.copyOf(secretKey, secretKey.length), ALGORITHM);
	}

	/**
	 * RFC 4648 base32 in lower case, without padding: the ledger's ids are made of it.
	 */
	public static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32[(buffer >>> (bits - 5)) & 0x1f]);
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32[(buffer << (5 - bits)) & 0x1f]);
		}
		return out.toString();
	}

	/** Never shows the key. */
	@Override
	public String toString() {
		return "MemberIdentities[HMAC-SHA256]";
	}

}
