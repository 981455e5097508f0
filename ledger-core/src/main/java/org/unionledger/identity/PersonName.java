package org.unionledger.identity;

import java.util.Set;

import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Rule;
import org.unionledger.common.Text;

/**
 * A person's name as typed where it enters the ledger (enrollment, online application,
 * import, seeds), checked once here so that every path shares the rule. Names already in
 * events are not checked again when read ({@link PersonalData}'s own constructor stays
 * lenient), so nothing stored before the rule existed becomes unreadable.
 * <p>
 * The rule: normalised to NFC and stripped; 1 to {@value #MAX_LENGTH} code points (the
 * longest resident-ID-card names, minority names transliterated with separators, fit with
 * room to spare); it starts with a letter and holds only letters (any script, CJK
 * extension planes included even where this JDK's Unicode tables do not know the
 * character yet), combining marks, spaces and the separators of names: the middle dot
 * {@code ·} of minority names (and its look-alikes {@code ・ ‧ • ．}), full stop, hyphen
 * and apostrophe. Anything else is refused: control and format characters (zero-width,
 * bidi overrides), unpaired surrogates, private-use characters, digits and symbols, so a
 * name can never start like a spreadsheet formula ({@code =cmd|…}).
 *
 * @param value the name in NFC
 */
public record PersonName(String value) {

	/** Longest name, in code points. */
	public static final int MAX_LENGTH = 64;

	/** The input every entry path names. */
	public static final String FIELD = "name";

	/**
	 * Separators allowed inside a name: middle dot U+00B7 and look-alikes typed for it
	 * (katakana middle dot U+30FB, hyphenation point U+2027, bullet U+2022, full-width
	 * full stop U+FF0E), full stop, hyphen, apostrophes (U+0027, U+2019) and the space.
	 */
	private static final Set<Integer> SEPARATORS = Set.of(0x00B7, 0x30FB, 0x2027, 0x2022, 0xFF0E, (int) '.', (int) '-',
			(int) '\'', 0x2019, (int) ' ');

	public PersonName {
		check(value);
	}

	/**
	 * The name as typed, normalised.
	 * @throws DomainRuleViolation on field {@value #FIELD}: {@link Rule#REQUIRED},
	 * {@link Rule#NAME_BLANK}, {@link Rule#NAME_TOO_LONG} or
	 * {@link Rule#NAME_CHARACTERS}; the message never repeats the name
	 */
	public static PersonName of(String typed) {
		if (typed == null) {
			throw new DomainRuleViolation(FIELD, Rule.REQUIRED, "name is required");
		}
		return new PersonName(Text.nfc(typed).strip());
	}

	private static void check(String value) {
		if (value == null) {
			throw new DomainRuleViolation(FIELD, Rule.REQUIRED, "name is required");
		}
		// Blank after stripping, zero-width and other invisible characters included.
		if (value.codePoints().allMatch(c -> Character.isWhitespace(c) || !visible(c))) {
			throw new DomainRuleViolation(FIELD, Rule.NAME_BLANK, "name must not be blank");
		}
		int length = value.codePointCount(0, value.length());
		if (length > MAX_LENGTH) {
			throw new DomainRuleViolation(FIELD, Rule.NAME_TOO_LONG,
					"name must not exceed " + MAX_LENGTH + " characters (has " + length + ")");
		}
		if (!value.equals(Text.nfc(value)) || !value.equals(value.strip())) {
			throw new DomainRuleViolation(FIELD, Rule.NAME_CHARACTERS,
					"name must be in Unicode NFC without surrounding blanks (use PersonName.of)");
		}
		int position = 0;
		for (int i = 0; i < value.length();) {
			int c = value.codePointAt(i);
			position++;
			boolean allowed = (position == 1) ? isLetter(c) : isLetter(c) || isMark(c) || SEPARATORS.contains(c);
			if (!allowed) {
				throw new DomainRuleViolation(FIELD, Rule.NAME_CHARACTERS,
						"name holds " + Text.describe(c) + " at position " + position + "; a name starts with a letter "
								+ "and holds only letters, spaces and the separators · . - '");
			}
			i += Character.charCount(c);
		}
	}

	/**
	 * A letter of any script; in the supplementary and tertiary ideographic planes (CJK
	 * extensions B to I) every code point counts, known to this JDK or not.
	 */
	private static boolean isLetter(int c) {
		return Character.isLetter(c) || (c >= 0x20000 && c <= 0x3FFFF && Character.getType(c) != Character.PRIVATE_USE);
	}

	private static boolean isMark(int c) {
		int type = Character.getType(c);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	private static boolean visible(int c) {
		int type = Character.getType(c);
		return type != Character.FORMAT && type != Character.CONTROL && !Character.isSpaceChar(c);
	}

	/** Masks all but the first character (names are personal data). */
	@Override
	public String toString() {
		return "PersonName[" + this.value.substring(0, this.value.offsetByCodePoints(0, 1)) + "*]";
	}

}
