package org.unionledger.identity;

/**
 * An 18-digit resident ID (GB 11643-1999), normalised. Work in progress: parsing and
 * validation are being completed.
 */
public final class ResidentId {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private ResidentId() {
	}

	/** The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID. */
	public static char checkDigitFor(String first17) {
		if (first17 == null || !first17.matches("\\d{17}")) {
			throw new IllegalArgumentException("need exactly 17 digits");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

}
