package org.unionledger.api.members;

import java.security.SecureRandom;

import org.unionledger.membership.CredentialCode;

/**
 * Transfer credential codes: 80 random bits as 16 Crockford Base32 characters in groups
 * of four (e.g. {@code TC-7K2M-9QXD-4H1R-Z8PW}), easy to read aloud and to print as a QR
 * code.
 */
public final class CredentialCodes {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	static final String PATTERN = "^TC(-[0-9A-HJKMNP-TV-Z]{4}){4}$";

	private CredentialCodes() {
	}

	public static CredentialCode next(SecureRandom random) {
		StringBuilder code = new StringBuilder("TC");
		for (int i = 0; i < 16; i++) {
			if (i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return new CredentialCode(code.toString());
	}

	public static boolean looksValid(String code) {
		return code != null && code.matches(PATTERN);
	}

}
