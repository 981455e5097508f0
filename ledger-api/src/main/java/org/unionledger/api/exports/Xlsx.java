package org.unionledger.api.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A one-sheet XLSX workbook written with fastexcel (a kept library: it writes the Office
 * Open XML package, shared strings and styles; nothing here writes XML by hand).
 */
final class Xlsx {

	static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Xlsx() {
	}

	/** The workbook's bytes, its one sheet filled by {@code fill}. */
	static byte[] workbook(String sheetName, Consumer<Worksheet> fill) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "union-ledger", "1.0")) {
			Worksheet sheet = workbook.newWorksheet(sheetName);
			fill.accept(sheet);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A text cell, neutralised ({@link SpreadsheetText}). */
	static void text(Worksheet sheet, int row, int column, String text) {
		if (text != null) {
			sheet.value(row, column, SpreadsheetText.cell(text));
		}
	}

}
