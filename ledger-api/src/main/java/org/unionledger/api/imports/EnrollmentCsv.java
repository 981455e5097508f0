package org.unionledger.api.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.unionledger.api.problems.ApiException;
import org.unionledger.common.Rule;

/**
 * The import format: a header row naming the columns, then one enrollment per row.
 * <p>
 * Columns (any order, names case-insensitive): {@code residentId} (18 characters, or a
 * 15-digit legacy number), {@code name}, {@code unionId}, {@code effectiveDate}
 * ({@code yyyy-MM-dd}) and, optionally, {@code channel} ({@code ON_SITE}, {@code ONLINE}
 * or {@code IMPORT}; empty or absent means {@code IMPORT}). Fields are separated by
 * commas and may be quoted with double quotes (RFC 4180: {@code ""} inside quotes is a
 * quote; quoted fields may hold commas). Blank lines are skipped. Surrounding white space
 * of a field is ignored.
 */
final class EnrollmentCsv {

	static final List<String> REQUIRED = List.of("residentId", "name", "unionId", "effectiveDate");

	static final String CHANNEL = "channel";

	static final int MAX_ROWS = 100_000;

	static final int MAX_FIELD = 500;

	private EnrollmentCsv() {
	}

	/**
	 * One data row as written, before any check.
	 *
	 * @param line line number in the file (the header is line 1)
	 * @param residentId as written
	 * @param name as written
	 * @param unionId as written
	 * @param effectiveDate as written
	 * @param channel as written, or empty
	 */
	record Row(int line, String residentId, String name, String unionId, String effectiveDate, String channel) {

		/** Leaves out the resident ID and the name. */
		@Override
		public String toString() {
			return "Row[line=" + this.line + ", unionId=" + this.unionId + "]";
		}

	}

	static List<Row> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		split(text, records, lines);
		if (records.isEmpty()) {
			throw ApiException.of(Rule.CSV_EMPTY, "file", "the file has no header row");
		}
		Map<String, Integer> columns = header(records.get(0));
		if (records.size() == 1) {
			throw ApiException.of(Rule.CSV_EMPTY, "file", "the file has no data rows");
		}
		if (records.size() - 1 > MAX_ROWS) {
			throw ApiException.of(Rule.CSV_TOO_MANY_ROWS, "file",
					"a file may hold at most " + MAX_ROWS + " rows; split it");
		}
		List<Row> rows = new ArrayList<>(records.size() - 1);
		for (int i = 1; i < records.size(); i++) {
			List<String> fields = records.get(i);
			rows.add(new Row(lines.get(i), field(fields, columns, "residentId"), field(fields, columns, "name"),
					field(fields, columns, "unionId"), field(fields, columns, "effectiveDate"),
					field(fields, columns, CHANNEL)));
		}
		return rows;
	}

	private static Map<String, Integer> header(List<String> names) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).strip().toLowerCase(Locale.ROOT);
			String known = null;
			for (String column : List.of("residentId", "name", "unionId", "effectiveDate", CHANNEL)) {
				if (column.toLowerCase(Locale.ROOT).equals(name)) {
					known = column;
				}
			}
			if (known == null || columns.putIfAbsent(known, i) != null) {
				throw headerProblem();
			}
		}
		if (!columns.keySet().containsAll(REQUIRED)) {
			throw headerProblem();
		}
		return columns;
	}

	private static ApiException headerProblem() {
		return ApiException.of(Rule.CSV_HEADER, "file",
				"the first row must name the columns residentId,name,unionId,effectiveDate and optionally channel, "
						+ "each once");
	}

	private static String field(List<String> fields, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		if (index == null || index >= fields.size()) {
			return "";
		}
		return fields.get(index).strip();
	}

	/** RFC 4180 records with the line each starts on; blank lines are skipped. */
	private static void split(String text, List<List<String>> records, List<Integer> lines) {
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		int line = 1;
		int recordLine = 1;
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < n && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					append(field, c, line);
				}
			}
			else if (c == '"' && field.toString().isBlank()) {
				field.setLength(0);
				quoted = true;
				fieldStarted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				fieldStarted = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
					i++;
				}
				finish(records, lines, record, field, fieldStarted, recordLine);
				record = new ArrayList<>();
				field.setLength(0);
				fieldStarted = false;
				line++;
				recordLine = line;
			}
			else {
				append(field, c, line);
				fieldStarted = true;
			}
			if (records.size() > MAX_ROWS + 1) {
				throw ApiException.of(Rule.CSV_TOO_MANY_ROWS, "file",
						"a file may hold at most " + MAX_ROWS + " rows; split it");
			}
		}
		finish(records, lines, record, field, fieldStarted, recordLine);
	}

	private static void append(StringBuilder field, char c, int line) {
		if (field.length() >= MAX_FIELD) {
			throw ApiException.of(Rule.CSV_FIELD_TOO_LONG, "file",
					"line " + line + " has a field longer than " + MAX_FIELD + " characters");
		}
		field.append(c);
	}

	private static void finish(List<List<String>> records, List<Integer> lines, List<String> record,
			StringBuilder field, boolean fieldStarted, int line) {
		if (!fieldStarted && record.isEmpty() && field.toString().isBlank()) {
			return;
		}
		record.add(field.toString());
		records.add(record);
		lines.add(line);
	}

}
