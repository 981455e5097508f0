package org.unionledger.projections.annualreports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.unionledger.annualreports.ChildReport;
import org.unionledger.annualreports.ChildReportStatus;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.projections.statistics.FigureChange;
import org.unionledger.projections.support.Documents;

/**
 * The entries with short field names that the annual reports keep in lists inside their
 * documents, each written and read here only: a signed figure, a child's report, an event
 * behind a flag, and an entry of a jurisdiction's log of recent changes. A change of a
 * stored form is a change of the statistics processor's layout
 * ({@link org.unionledger.projections.statistics.StatisticsProjection#LAYOUT}, the
 * processor that builds the reports); {@code ReportEntriesTest} pins each form as stores
 * hold it.
 */
final class ReportEntries {

	private ReportEntries() {
	}

	/** A report's list of its signed figures. */
	static final String FIGURES = "figures";

	/** A report's list of its children's reports. */
	static final String CHILDREN = "children";

	/** A flag's list of the events behind it. */
	static final String FLAG_EVENTS = "events";

	/** A jurisdiction's log of recent changes (in its index document). */
	static final String LOG = "log";

	/** A signed figure: {@code n} its name, {@code v} its value. */
	static Document figure(String name, long value) {
		return new Document("n", name).append("v", value);
	}

	static String figureName(Document entry) {
		return entry.getString("n");
	}

	static long figureValue(Document entry) {
		return Documents.number(entry, "v");
	}

	/**
	 * A child's report as the signature saw it: {@code c} the child's code, {@code s} its
	 * status, {@code v} its version, {@code p} the position it was computed at, {@code d}
	 * its digest.
	 */
	static Document child(ChildReport child) {
		return new Document("c", child.code().value()).append("s", child.status().name())
			.append("v", child.version())
			.append("p", child.globalPosition())
			.append("d", child.reportDigest());
	}

	static ChildReport child(Document entry) {
		return new ChildReport(JurisdictionCode.of(entry.getString("c")),
				ChildReportStatus.valueOf(entry.getString("s")), (int) Documents.number(entry, "v"),
				Documents.number(entry, "p"), entry.getString("d"));
	}

	/**
	 * An event behind a flag: {@code p} its global position, {@code t} its type,
	 * {@code e} the earliest day it changed the figure from, {@code a} by how much.
	 */
	static Document flagEvent(AnnualReportView.FlagEvent event) {
		return new Document("p", event.position()).append("t", event.type())
			.append("e", event.effectiveDate().toString())
			.append("a", event.amount());
	}

	static AnnualReportView.FlagEvent flagEvent(Document entry) {
		return new AnnualReportView.FlagEvent(Documents.number(entry, "p"), entry.getString("t"),
				LocalDate.parse(entry.getString("e")), Documents.number(entry, "a"));
	}

	/**
	 * An event in a jurisdiction's log of recent changes: {@code p} its global position,
	 * {@code t} its type, {@code c} its changes of figures ({@code f} the figure,
	 * {@code e} the effective day, {@code a} the amount).
	 *
	 * @param position the event's global position
	 * @param eventType its type
	 * @param changes how it changed the jurisdiction's figures (no scope: the log's)
	 */
	record LoggedEvent(long position, String eventType, List<FigureChange> changes) {

		Document toDocument() {
			List<Document> entries = new ArrayList<>(this.changes.size());
			for (FigureChange change : this.changes) {
				entries.add(new Document("f", change.figure()).append("e", change.effective().toString())
					.append("a", change.amount()));
			}
			return new Document("p", this.position).append("t", this.eventType).append("c", entries);
		}

		/** The position alone, without reading the changes. */
		static long positionOf(Document entry) {
			return Documents.number(entry, "p");
		}

		static LoggedEvent of(Document entry) {
			List<FigureChange> changes = new ArrayList<>();
			for (Document change : Documents.list(entry, "c")) {
				changes.add(new FigureChange(null, change.getString("f"), LocalDate.parse(change.getString("e")),
						Documents.number(change, "a")));
			}
			return new LoggedEvent(positionOf(entry), entry.getString("t"), changes);
		}

	}

}
