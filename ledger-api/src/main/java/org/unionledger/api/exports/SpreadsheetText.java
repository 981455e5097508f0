package org.unionledger.api.exports;

/**
 * Spreadsheet-formula injection (CSV injection) neutralised: a cell whose text starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be
 * read as a formula by a spreadsheet program opening the file, so it is prefixed with an
 * apostrophe and stays text (OWASP's advice). Every text cell of an exported file goes
 * through here, whatever its source: a union's name is free text.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/** The text as a cell may hold it; {@code null} stays {@code null}. */
	public static String cell(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + text;
		}
		return text;
	}

}
