package org.unionledger.api.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.unionledger.api.problems.ApiException;
import org.unionledger.common.Rule;

/**
 * The import format: a header row naming the columns, then one enrollment per row.
 * <p>
 * Columns (any order, names case-insensitive, in English or Chinese): {@code residentId}
 * / 身份证号 (18 characters, or a 15-digit legacy number), {@code name} / 姓名, {@code unionId}
 * / 工会 (the union's id), {@code effectiveDate} / 入会日期 ({@code yyyy-MM-dd}) and,
 * optionally, {@code channel} / 渠道 ({@code ON_SITE} 现场, {@code ONLINE} 网上 or
 * {@code IMPORT} 批量导入; empty or absent means {@code IMPORT}). A byte-order mark before
 * the header (as spreadsheet programs save UTF-8) is ignored. Fields are separated by
 * commas and may be quoted with double quotes (RFC 4180, read by Commons CSV: {@code ""}
 * inside quotes is a quote; quoted fields may hold commas and line breaks). Blank lines
 * are skipped. Surrounding white space of a field is ignored.
 */
final class EnrollmentCsv {

	static final List<String> REQUIRED = List.of("residentId", "name", "unionId", "effectiveDate");

	static final String CHANNEL = "channel";

	/** The Chinese names of the columns, as the template writes them. */
	static final Map<String, String> CHINESE = Map.of("residentId", "身份证号", "name", "姓名", "unionId", "工会",
			"effectiveDate", "入会日期", CHANNEL, "渠道");

	/** Further names a header may use for a column (lower case). */
	private static final Map<String, String> ALIASES = Map.of("身份证号码", "residentId", "公民身份号码", "residentId", "工会编号",
			"unionId", "入会渠道", CHANNEL);

	/** The channels by their Chinese names (the dashboard's labels). */
	private static final Map<String, String> CHANNELS = Map.of("现场", "ON_SITE", "网上", "ONLINE", "线上", "ONLINE", "批量导入",
			"IMPORT", "导入", "IMPORT");

	/** The columns in the template's order. */
	static final List<String> COLUMNS = List.of("residentId", "name", "unionId", "effectiveDate", CHANNEL);

	static final int MAX_ROWS = 100_000;

	static final int MAX_FIELD = 500;

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(false)
		.setIgnoreSurroundingSpaces(true)
		.setTrailingData(true)
		.setLenientEof(true)
		.get();

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
		List<CSVRecord> records = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		split(text, records, lines);
		if (records.isEmpty()) {
			throw ApiException.of(Rule.CSV_EMPTY, "file", "the file has no header row");
		}
		Map<String, Integer> columns = header(records.get(0));
		if (records.size() == 1) {
			throw ApiException.of(Rule.CSV_EMPTY, "file", "the file has no data rows");
		}
		List<Row> rows = new ArrayList<>(records.size() - 1);
		for (int i = 1; i < records.size(); i++) {
			CSVRecord fields = records.get(i);
			rows.add(new Row(lines.get(i), field(fields, columns, "residentId"), field(fields, columns, "name"),
					field(fields, columns, "unionId"), field(fields, columns, "effectiveDate"),
					channel(field(fields, columns, CHANNEL))));
		}
		return rows;
	}

	/** A channel written in Chinese as its enum name; anything else as written. */
	private static String channel(String written) {
		return CHANNELS.getOrDefault(written, written);
	}

	/**
	 * The template: the header row alone, in Chinese or English, with a byte-order mark.
	 */
	static String template(boolean chinese) {
		return "\uFEFF" + String.join(",", chinese ? COLUMNS.stream().map(CHINESE::get).toList() : COLUMNS) + "\r\n";
	}

	private static Map<String, Integer> header(CSVRecord names) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
			String known = ALIASES.get(name);
			for (String column : COLUMNS) {
				if (column.toLowerCase(Locale.ROOT).equals(name) || CHINESE.get(column).equals(name)) {
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
				"the first row must name the columns residentId,name,unionId,effectiveDate and optionally channel "
						+ "(or their Chinese names 身份证号,姓名,工会,入会日期[,渠道]), each once");
	}

	private static String field(CSVRecord fields, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		if (index == null || index >= fields.size()) {
			return "";
		}
		return fields.get(index).strip();
	}

	/**
	 * The records with the line each starts on (the header is line 1). Commons CSV reads
	 * RFC 4180, made as forgiving as a person's spreadsheet needs: white space around a
	 * quoted field is ignored, text after a closing quote is kept, a quote left open at
	 * the end of the file ends there. An empty line is skipped (a line of spaces, or of
	 * {@code ""}, is a row and is refused for its empty fields). Each field is checked
	 * against {@link #MAX_FIELD} and the rows against {@link #MAX_ROWS}.
	 */
	private static void split(String text, List<CSVRecord> records, List<Integer> lines) {
		try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
			Iterator<CSVRecord> iterator = parser.iterator();
			while (true) {
				int line = (int) parser.getCurrentLineNumber() + 1;
				if (!iterator.hasNext()) {
					return;
				}
				CSVRecord record = iterator.next();
				if (emptyLine(text, record)) {
					continue;
				}
				for (String field : record) {
					if (field.length() > MAX_FIELD) {
						throw ApiException.of(Rule.CSV_FIELD_TOO_LONG, "file",
								"line " + line + " has a field longer than " + MAX_FIELD + " characters");
					}
				}
				if (records.size() > MAX_ROWS) {
					throw ApiException.of(Rule.CSV_TOO_MANY_ROWS, "file",
							"a file may hold at most " + MAX_ROWS + " rows; split it");
				}
				records.add(record);
				lines.add(line);
			}
		}
		catch (IOException ex) {
			// A StringReader does not fail, and the format forgives what RFC 4180
			// refuses.
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the record is a line with nothing on it, not even white space or quotes.
	 */
	private static boolean emptyLine(String text, CSVRecord record) {
		int at = (int) record.getCharacterPosition();
		return record.size() == 1 && (at >= text.length() || text.charAt(at) == '\n' || text.charAt(at) == '\r');
	}

}
