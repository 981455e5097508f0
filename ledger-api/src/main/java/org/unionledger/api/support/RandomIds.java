package org.unionledger.api.support;

import java.security.SecureRandom;

import org.unionledger.identity.MemberIdentities;

/**
 * Unguessable identifiers made by the API (never inside an aggregate): a prefix and 128
 * random bits as 26 lower-case Base32 characters (RFC 4648 alphabet, no padding).
 */
public final class RandomIds {

	private RandomIds() {
	}

	public static String next(String prefix, SecureRandom random) {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return prefix + MemberIdentities.base32(bytes);
	}

}
