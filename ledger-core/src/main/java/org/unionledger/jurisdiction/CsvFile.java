package org.unionledger.jurisdiction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Just enough CSV for the division files: one record per line, a header row, fields
 * optionally in double quotes with {@code ""} for a quote inside.
 */
final class CsvFile {

	private CsvFile() {
	}

	static List<Row> read(String fileName, Reader reader, String... header) {
		Objects.requireNonNull(reader, fileName);
		List<Row> rows = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(reader)) {
			String line = lines.readLine();
			if (line == null) {
				throw new MalformedJurisdictionTableException(fileName, 1, "the file is empty");
			}
			line = line.startsWith("\uFEFF") ? line.substring(1) : line;
			List<String> actualHeader = fields(fileName, 1, line);
			if (!actualHeader.equals(List.of(header))) {
				throw new MalformedJurisdictionTableException(fileName, 1,
						"expected the header " + String.join(",", header) + " but found " + line);
			}
			int lineNumber = 1;
			while ((line = lines.readLine()) != null) {
				lineNumber++;
				if (line.isBlank()) {
					continue;
				}
				List<String> fields = fields(fileName, lineNumber, line);
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

	private static List<String> fields(String fileName, int lineNumber, String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
				field.setLength(0);
			}
			else if (c == ',') {
				fields.add(wasQuoted ? field.toString() : field.toString().strip());
				field.setLength(0);
				wasQuoted = false;
			}
			else if (wasQuoted && !Character.isWhitespace(c)) {
				throw new MalformedJurisdictionTableException(fileName, lineNumber,
						"unexpected text after a closing quote in field " + (fields.size() + 1));
			}
			else if (!wasQuoted) {
				field.append(c);
			}
		}
		if (quoted) {
			throw new MalformedJurisdictionTableException(fileName, lineNumber, "a quote is not closed");
		}
		fields.add(wasQuoted ? field.toString() : field.toString().strip());
		return fields;
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
