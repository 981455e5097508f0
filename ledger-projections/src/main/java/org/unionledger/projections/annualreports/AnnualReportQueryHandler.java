package org.unionledger.projections.annualreports;

import static org.unionledger.projections.support.Documents.list;
import static org.unionledger.projections.support.Documents.number;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.projections.support.ReadModelStore;
import org.unionledger.annualreports.ChildReport;

/** Answers signed reports and their flags from {@link AnnualReportProjection}. */
public class AnnualReportQueryHandler {

	private final ReadModelStore store;

	public AnnualReportQueryHandler(ReadModelStore store) {
		this.store = store;
	}

	@QueryHandler
	public SignedReports handle(FindAnnualReports query) {
		List<String> keys = new ArrayList<>();
		for (JurisdictionCode code : query.codes()) {
			keys.add(AnnualReportProjection.reportKey(code, query.statisticalYear()));
		}
		Map<String, Document> found = this.store.find(AnnualReportProjection.REPORTS, keys);
		Map<String, AnnualReportView> byCode = new LinkedHashMap<>();
		for (JurisdictionCode code : query.codes()) {
			Document document = found.get(AnnualReportProjection.reportKey(code, query.statisticalYear()));
			if (document != null && document.containsKey("version")) {
				byCode.put(code.value(), view(document));
			}
		}
		return new SignedReports(byCode);
	}

	static AnnualReportView view(Document document) {
		Map<String, Long> figures = new TreeMap<>();
		for (Document entry : list(document, ReportEntries.FIGURES)) {
			figures.put(ReportEntries.figureName(entry), ReportEntries.figureValue(entry));
		}
		List<ChildReport> children = new ArrayList<>();
		for (Document entry : list(document, ReportEntries.CHILDREN)) {
			children.add(ReportEntries.child(entry));
		}
		List<AnnualReportView.Version> versions = new ArrayList<>();
		for (Document entry : list(document, "versions")) {
			versions.add(new AnnualReportView.Version((int) number(entry, "version"), number(entry, "position"),
					entry.getString("reportDigest"), Instant.parse(entry.getString("signedAt")),
					entry.getString("signedBy")));
		}
		List<AnnualReportView.Flag> flags = new ArrayList<>();
		for (Document entry : list(document, "flags")) {
			List<AnnualReportView.FlagEvent> events = new ArrayList<>();
			for (Document event : list(entry, ReportEntries.FLAG_EVENTS)) {
				events.add(ReportEntries.flagEvent(event));
			}
			Object cleared = entry.get("clearedBy");
			flags.add(new AnnualReportView.Flag(entry.getString("id"), (int) number(entry, "version"),
					entry.getString("figure"), number(entry, "signed"), number(entry, "current"),
					entry.getString("status"), (cleared instanceof Number n) ? n.intValue() : null,
					number(entry, "raisedAt"), events, number(entry, "more"), entry.getString("note")));
		}
		return new AnnualReportView(JurisdictionCode.of(document.getString("code")), (int) number(document, "year"),
				(int) number(document, "version"), Instant.parse(document.getString("signedAt")),
				document.getString("signedBy"), document.getString("comment"), number(document, "position"),
				number(document, "sealedThrough"), document.getString("sealDigest"), document.getString("reportDigest"),
				document.getString("previousReportDigest"), figures, children, versions, flags);
	}

}
