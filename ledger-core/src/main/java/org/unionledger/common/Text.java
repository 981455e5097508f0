package org.unionledger.common;

import java.text.Normalizer;

/**
 * Free text users type (union names, reasons, comments): normalised to NFC and refused,
 * with {@link Rule#TEXT_CHARACTERS}, when it holds a character no one types on purpose
 * and that hides or reorders what a reader sees: control characters (Unicode Cc; tab and
 * line breaks only where {@code lineBreaks} allows them), format characters (Cf: zero
 * width spaces and joiners, bidi overrides and isolates, the BOM), unpaired surrogates
 * (Cs) and private-use characters (Co). Length and blankness stay the caller's rules.
 */
public final class Text {

	private Text() {
	}

	/**
	 * The value in NFC with surrounding white space stripped, or {@code null} for
	 * {@code null}.
	 * @param field the input, for the violation
	 * @param lineBreaks whether tab, CR and LF are allowed (multi-line reasons)
	 * @throws DomainRuleViolation {@link Rule#TEXT_CHARACTERS} naming the first offending
	 * character by code point and position (never the text itself)
	 */
	public static String clean(String value, String field, boolean lineBreaks) {
		if (value == null) {
			return null;
		}
		String text = nfc(value).strip();
		int position = 0;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			position++;
			if (!allowedInText(c, lineBreaks)) {
				throw new DomainRuleViolation(field, Rule.TEXT_CHARACTERS, field + " holds " + describe(c)
						+ " at position " + position
						+ "; control, format (zero-width, bidi), surrogate and private-use characters are not allowed");
			}
			i += Character.charCount(c);
		}
		return text;
	}

	/**
	 * NFC of the value; a lone surrogate, which the JDK's normaliser would keep, stays as
	 * it is for the caller's check.
	 */
	public static String nfc(String value) {
		return Normalizer.normalize(value, Normalizer.Form.NFC);
	}

	/** {@code U+202E (FORMAT)}: the character by code point and category. */
	public static String describe(int codePoint) {
		return String.format("U+%04X (%s)", codePoint, category(codePoint));
	}

	private static boolean allowedInText(int c, boolean lineBreaks) {
		if (c == '\t' || c == '\n' || c == '\r') {
			return lineBreaks;
		}
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE -> false;
			default -> true;
		};
	}

	private static String category(int c) {
		return switch (Character.getType(c)) {
			case Character.CONTROL -> "control";
			case Character.FORMAT -> "format";
			case Character.SURROGATE -> "unpaired surrogate";
			case Character.PRIVATE_USE -> "private use";
			case Character.UNASSIGNED -> "unassigned";
			case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "space";
			case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> "digit";
			default -> "symbol or punctuation";
		};
	}

}
