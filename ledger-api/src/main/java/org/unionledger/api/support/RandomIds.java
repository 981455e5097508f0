package org.unionledger.api.support;

import java.security.SecureRandom;

/**
 * Unguessable identifiers made by the API (never inside an aggregate): a prefix and 128
 * random bits as 26 lower-case Base32 characters (RFC 4648 alphabet, no padding).
 */
public final class RandomIds {

	private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private RandomIds() {
	}

	public static String next(String prefix, SecureRandom random) {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		StringBuilder id = new StringBuilder(prefix);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				id.append(BASE32[(buffer >>> (bits - 5)) & 0x1f]);
				bits -= 5;
			}
		}
		id.append(BASE32[(buffer << (5 - bits)) & 0x1f]);
		return id.toString();
	}

}
