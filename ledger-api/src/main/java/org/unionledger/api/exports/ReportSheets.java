package org.unionledger.api.exports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.unionledger.annualreports.ChildReport;
import org.unionledger.annualreports.ChildReportStatus;
import org.unionledger.api.annualreports.AnnualReports;
import org.unionledger.api.problems.ApiException;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.annualreports.AnnualReportView;

/**
 * The signed annual report as a sheet for people ({@link ReportSheet}): read from the
 * signed reports, labelled by {@link Labels}, amounts turned from fen into yuan.
 */
@Service
public class ReportSheets {

	private static final BigDecimal FEN_PER_YUAN = BigDecimal.valueOf(100);

	private final AnnualReports reports;

	private final JurisdictionTable jurisdictions;

	private final Labels labels;

	public ReportSheets(AnnualReports reports, JurisdictionTable jurisdictions, Labels labels) {
		this.reports = reports;
		this.jurisdictions = jurisdictions;
		this.labels = labels;
	}

	/**
	 * The latest signed version of the jurisdiction's report of the year.
	 * @throws ApiException 404 {@code REPORT_NOT_SIGNED} when it is not signed
	 */
	public ReportSheet sheet(Jurisdiction jurisdiction, int year, String language) {
		AnnualReportView report = this.reports.find(List.of(jurisdiction.code()), year)
			.of(jurisdiction.code())
			.orElseThrow(() -> ApiException.of(Rule.REPORT_NOT_SIGNED, "year",
					"the report of " + year + " is not signed; only a signed report is printed or exported"));
		List<ReportSheet.Child> children = new ArrayList<>();
		for (ChildReport child : report.children()) {
			String name = this.jurisdictions.find(child.code()).map(Jurisdiction::name).orElse(child.code().value());
			boolean signed = child.status() == ChildReportStatus.SIGNED;
			children.add(new ReportSheet.Child(child.code().value(), name,
					this.labels.value(language, "signoffStatus", child.status().name()),
					signed ? child.version() : null, signed ? child.reportDigest() : null));
		}
		List<ReportSheet.Line> lines = new ArrayList<>();
		for (Map.Entry<String, Long> figure : new TreeMap<>(report.figures()).entrySet()) {
			boolean amount = Labels.isAmount(figure.getKey());
			lines.add(new ReportSheet.Line(figure.getKey(), this.labels.figure(language, figure.getKey()),
					amount ? this.labels.text(language, "report.yuan") : null,
					amount ? yuan(figure.getValue()) : BigDecimal.valueOf(figure.getValue())));
		}
		String title = this.labels.text(language, "report.sheetTitle", "name", jurisdiction.name(), "year", year);
		return new ReportSheet(language, title, jurisdiction.code().value(), jurisdiction.name(), jurisdiction.level(),
				year, report.version(), report.signedAt(), report.signedBy(), report.comment(), report.globalPosition(),
				report.sealedThrough(), report.reportDigest(), report.previousReportDigest(), report.sealDigest(),
				children, lines);
	}

	/** Fen as yuan with two decimals. */
	static BigDecimal yuan(long fen) {
		return BigDecimal.valueOf(fen).divide(FEN_PER_YUAN).setScale(2);
	}

}
