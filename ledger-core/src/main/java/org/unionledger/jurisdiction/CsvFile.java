package org.unionledger.jurisdiction;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The division files read with Commons CSV: a header row, then one record per line,
 * fields optionally in double quotes with {@code ""} for a quote inside (RFC 4180), white
 * space around a field ignored, blank lines skipped. Anything else is reported with the
 * file and the line: a quote left open, text after a closing quote, a wrong header or
 * number of fields.
 */
final class CsvFile {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(false)
		.setIgnoreSurroundingSpaces(true)
		.get();

	private CsvFile() {
	}

	static List<Row> read(String fileName, Reader reader, String... header) {
		Objects.requireNonNull(reader, fileName);
		String text = text(fileName, reader);
		if (text.isEmpty()) {
			throw new MalformedJurisdictionTableException(fileName, 1, "the file is empty");
		}
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				int lineNumber = (int) parser.getCurrentLineNumber() + 1;
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException ex) {
					throw malformed(fileName, lineNumber, ex);
				}
				List<String> fields = record.toList();
				if (fields.stream().anyMatch((field) -> field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0)) {
					throw new MalformedJurisdictionTableException(fileName, lineNumber, "a quote is not closed");
				}
				if (lineNumber == 1) {
					if (!fields.equals(List.of(header))) {
						throw new MalformedJurisdictionTableException(fileName, 1, "expected the header "
								+ String.join(",", header) + " but found " + String.join(",", fields));
					}
					continue;
				}
				if (fields.size() == 1 && fields.get(0).isBlank()) {
					continue;
				}
				if (fields.size() != header.length) {
					throw new MalformedJurisdictionTableException(fileName, lineNumber,
							"expected " + header.length + " fields but found " + fields.size());
				}
				rows.add(new Row(fileName, lineNumber, fields));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + fileName, ex);
		}
		return rows;
	}

	/** The whole file, without a UTF-8 byte order mark (the files are small). */
	private static String text(String fileName, Reader reader) {
		StringWriter text = new StringWriter();
		try (reader) {
			reader.transferTo(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + fileName, ex);
		}
		String read = text.toString();
		return read.startsWith("\uFEFF") ? read.substring(1) : read;
	}

	/** What Commons CSV refused, said in the words of the division files. */
	private static MalformedJurisdictionTableException malformed(String fileName, int lineNumber,
			UncheckedIOException ex) {
		String problem = String.valueOf(ex.getCause().getMessage());
		return new MalformedJurisdictionTableException(fileName, lineNumber,
				problem.contains("EOF") ? "a quote is not closed" : "unexpected text after a closing quote");
	}

	/** One data row, able to report its own position. */
	record Row(String fileName, int lineNumber, List<String> fields) {

		MalformedJurisdictionTableException malformed(String problem) {
			return new MalformedJurisdictionTableException(this.fileName, this.lineNumber, problem);
		}

		JurisdictionCode code(int index, JurisdictionLevel level) {
			String value = this.fields.get(index);
			try {
				JurisdictionCode code = JurisdictionCode.of(value);
				if (code.level() == level) {
					return code;
				}
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
			throw malformed("'" + value + "' is not a " + level.name().toLowerCase() + " code");
		}

		String name(int index) {
			String name = this.fields.get(index);
			if (name.isBlank()) {
				throw malformed("the name is empty");
			}
			return name;
		}

		/**
		 * The parent code in the given column, checked against the child and the table.
		 */
		JurisdictionCode parent(int index, JurisdictionLevel level, JurisdictionCode child,
				Map<JurisdictionCode, Jurisdiction> known) {
			JurisdictionCode parent = code(index, level);
			if (!parent.contains(child)) {
				throw malformed("code " + child + " does not lie within " + parent);
			}
			if (!known.containsKey(parent)) {
				throw malformed("code " + child + " refers to " + parent + ", which is not in the table");
			}
			return parent;
		}

	}

}
