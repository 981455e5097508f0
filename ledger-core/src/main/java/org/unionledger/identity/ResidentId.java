package org.unionledger.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

import org.unionledger.common.Rule;

/**
 * A resident ID number (GB 11643-1999), validated and normalised to its 18-character form
 * with an upper-case check character. A 15-digit legacy number and its 18-digit form are
 * the same ID, as are spellings with {@code x} and {@code X}.
 * <p>
 * The number is sensitive personal information: {@link #toString()} shows only the
 * {@linkplain #masked() masked} form and validation messages never repeat it. The first
 * six digits are the place where the number was issued, not where the person works, so
 * this class deliberately offers no way to read them as a jurisdiction.
 */
public final class ResidentId {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	private final String value;

	private final LocalDate birthDate;

	private ResidentId(String value, LocalDate birthDate) {
		this.value = value;
		this.birthDate = birthDate;
	}

	/**
	 * Validates and normalises a resident ID as typed by a person.
	 * @param raw 18 characters (the last may be {@code X} or {@code x}) or a 15-digit
	 * legacy number; surrounding white space is ignored
	 * @param today the date a birth date may not be after
	 * @return the normalised ID
	 * @throws InvalidResidentIdException naming the rule that failed
	 */
	public static ResidentId parse(String raw, LocalDate today) {
		Objects.requireNonNull(today, "today");
		String trimmed = (raw != null) ? raw.strip() : "";
		if (trimmed.length() != 18 && trimmed.length() != 15) {
			throw new InvalidResidentIdException(Rule.RESIDENT_ID_LENGTH,
					"a resident ID has 18 characters (or 15 digits for a legacy number)");
		}
		if (!hasValidCharacters(trimmed)) {
			throw new InvalidResidentIdException(Rule.RESIDENT_ID_CHARACTERS, (trimmed.length() == 18)
					? "a resident ID has 17 digits followed by a digit or X" : "a legacy resident ID has 15 digits");
		}
		String first17 = (trimmed.length() == 18) ? trimmed.substring(0, 17)
				: trimmed.substring(0, 6) + "19" + trimmed.substring(6);
		LocalDate birthDate = birthDateOf(first17, today);
		char expected = checkDigitFor(first17);
		if (trimmed.length() == 18 && Character.toUpperCase(trimmed.charAt(17)) != expected) {
			throw new InvalidResidentIdException(Rule.RESIDENT_ID_CHECK_DIGIT,
					"the resident ID's check character does not match its other digits (mistyped?)");
		}
		return new ResidentId(first17 + expected, birthDate);
	}

	/**
	 * Restores an ID this package validated earlier (for example after decryption),
	 * without judging the birth date against a clock.
	 */
	static ResidentId restore(String normalised) {
		return parse(normalised, LocalDate.MAX);
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

	private static boolean hasValidCharacters(String candidate) {
		int digits = (candidate.length() == 18) ? 17 : 15;
		for (int i = 0; i < digits; i++) {
			if (!isAsciiDigit(candidate.charAt(i))) {
				return false;
			}
		}
		if (candidate.length() == 18) {
			char last = candidate.charAt(17);
			return isAsciiDigit(last) || last == 'X' || last == 'x';
		}
		return true;
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static LocalDate birthDateOf(String first17, LocalDate today) {
		LocalDate birthDate;
		try {
			birthDate = LocalDate.of(Integer.parseInt(first17.substring(6, 10)),
					Integer.parseInt(first17.substring(10, 12)), Integer.parseInt(first17.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			throw new InvalidResidentIdException(Rule.RESIDENT_ID_BIRTH_DATE,
					"the resident ID's birth date is not a calendar date");
		}
		if (birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.isAfter(today)) {
			throw new InvalidResidentIdException(Rule.RESIDENT_ID_BIRTH_DATE,
					"the resident ID's birth date must lie between 1900-01-01 and today");
		}
		return birthDate;
	}

	/** The normalised 18-character form (upper-case {@code X}). Handle with care. */
	public String value() {
		return this.value;
	}

	/**
	 * The form safe to show: first 4 and last 4 characters, e.g.
	 * {@code 1301**********123X}.
	 */
	public String masked() {
		return this.value.substring(0, 4) + "**********" + this.value.substring(14);
	}

	public LocalDate birthDate() {
		return this.birthDate;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ResidentId that && this.value.equals(that.value));
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	/** The masked form; the clear number never appears in logs or messages. */
	@Override
	public String toString() {
		return masked();
	}

}
