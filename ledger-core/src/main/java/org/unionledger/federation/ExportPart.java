package org.unionledger.federation;

import org.unionledger.identity.PersonFingerprint;

/**
 * Which part of a fingerprint export a document holds: part {@code number} of {@code of}.
 * A scope too large for one document is exported in parts, each a signed document of its
 * own; the people fall into parts by their fingerprint alone (its first two base32
 * characters, ten bits, in {@code of} ranges of equal width), so both ledgers split alike
 * without agreeing on anything, and one part is compared with the people counted here in
 * the same part: each part's comparison is complete for the people it covers, and the
 * parts together cover everyone once.
 *
 * @param number the part, from 1
 * @param of the number of parts, 1 to {@value #MOST}
 */
public record ExportPart(int number, int of) {

	/** Most parts an export has (the ten bits a part is chosen by). */
	public static final int MOST = 1024;

	/** The whole export in one document. */
	public static final ExportPart WHOLE = new ExportPart(1, 1);

	private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

	public ExportPart {
		if (of < 1 || of > MOST || number < 1 || number > of) {
			throw new IllegalArgumentException("an export has 1 to " + MOST
					+ " parts and a part lies between 1 and their number: " + number + " of " + of);
		}
	}

	/**
	 * The part of {@code parts} a person falls in.
	 */
	public static ExportPart of(PersonFingerprint person, int parts) {
		return new ExportPart(numberOf(person, parts), parts);
	}

	/** The number of the part of {@code parts} a person falls in. */
	private static int numberOf(PersonFingerprint person, int parts) {
		String value = person.value();
		int bits = BASE32.indexOf(value.charAt(0)) * 32 + BASE32.indexOf(value.charAt(1));
		return bits * parts / MOST + 1;
	}

	/**
	 * How many parts {@code people} need for a part to hold about {@code perPart}: people
	 * fall into parts by fingerprint, so a part holds its share give or take the spread
	 * of the hashes and the width of its range (at most one in 1,024 of the people more);
	 * a caller choosing {@code perPart} leaves room for that.
	 */
	public static int partsFor(long people, int perPart) {
		if (perPart < 1) {
			throw new IllegalArgumentException("a part holds at least one person");
		}
		return (int) Math.min(MOST, Math.max(1, (people + perPart - 1) / perPart));
	}

	/** Whether the person falls in this part. */
	public boolean holds(PersonFingerprint person) {
		return numberOf(person, this.of) == this.number;
	}

	/** Whether this is the whole export. */
	public boolean whole() {
		return this.of == 1;
	}

}
