package org.unionledger.api.exports;

import java.util.List;

import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/**
 * A signed annual report as an XLSX file: the title, the version's facts and digests,
 * every figure labelled (amounts in yuan, two decimals) and the reports of the level
 * below with their digests, in the sheet's language.
 */
@Component
public class ReportWorkbook {

	private final Labels labels;

	public ReportWorkbook(Labels labels) {
		this.labels = labels;
	}

	/** The file's bytes. */
	public byte[] write(ReportSheet report) {
		String language = report.language();
		return Xlsx.workbook(this.labels.text(language, "report.sheetName"), (sheet) -> {
			sheet.width(0, 46);
			sheet.width(1, 22);
			sheet.width(2, 10);
			sheet.width(3, 48);
			sheet.width(4, 66);
			Xlsx.text(sheet, 0, 0, report.title());
			sheet.style(0, 0).bold().fontSize(14).set();
			int row = 2;
			for (List<String> fact : List.of(List.of("signoff.version", "v" + report.version()),
					List.of("signoff.signedBy", report.signedBy()),
					List.of("signoff.signedAt", String.valueOf(report.signedAt())),
					List.of("signoff.position", String.valueOf(report.globalPosition())),
					List.of("signoff.sealedThrough", String.valueOf(report.sealedThrough())),
					List.of("signoff.digest", report.reportDigest()),
					List.of("signoff.previousDigest",
							(report.previousReportDigest() != null) ? report.previousReportDigest() : "—"),
					List.of("signoff.sealDigest", report.sealDigest()),
					List.of("signoff.comment", (report.comment() != null) ? report.comment() : "—"))) {
				Xlsx.text(sheet, row, 0, this.labels.text(language, fact.get(0)));
				sheet.style(row, 0).bold().set();
				Xlsx.text(sheet, row, 1, fact.get(1));
				row++;
			}
			row++;
			header(sheet, row++, language, "report.col.figure", "report.col.value", "report.col.unit",
					"report.col.code");
			for (ReportSheet.Line line : report.lines()) {
				Xlsx.text(sheet, row, 0, line.label());
				sheet.value(row, 1, line.value());
				if (line.unit() != null) {
					sheet.style(row, 1).format("0.00").set();
				}
				Xlsx.text(sheet, row, 2, line.unit());
				Xlsx.text(sheet, row, 3, line.figure());
				row++;
			}
			if (!report.children().isEmpty()) {
				row++;
				header(sheet, row++, language, "signoff.unit", "col.code", "signoff.status", "signoff.version",
						"signoff.digest");
				for (ReportSheet.Child child : report.children()) {
					Xlsx.text(sheet, row, 0, child.name());
					Xlsx.text(sheet, row, 1, child.code());
					Xlsx.text(sheet, row, 2, child.status());
					Xlsx.text(sheet, row, 3, (child.version() != null) ? "v" + child.version() : null);
					Xlsx.text(sheet, row, 4, child.reportDigest());
					row++;
				}
			}
		});
	}

	private void header(Worksheet sheet, int row, String language, String... keys) {
		for (int column = 0; column < keys.length; column++) {
			Xlsx.text(sheet, row, column, this.labels.text(language, keys[column]));
			sheet.style(row, column).bold().fillColor("DDEBF7").set();
		}
	}

}
