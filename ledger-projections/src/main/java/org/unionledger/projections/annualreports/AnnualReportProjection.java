package org.unionledger.projections.annualreports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.projections.statistics.FigureChange;
import org.unionledger.projections.statistics.FigureChangeListener;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.projections.annualreports.ReportEntries.LoggedEvent;
import org.unionledger.annualreports.ChildReport;
import org.unionledger.signoff.Events.AnnualReportSignedOff;
import org.unionledger.statistics.StatisticalCalendar;

import static org.unionledger.projections.support.Documents.sub;
import static org.unionledger.projections.support.Documents.list;
import static org.unionledger.projections.support.Documents.number;

/**
 * Signed yearly reports and their change flags.
 * <p>
 * It runs in the statistics processor, as the {@link FigureChangeListener} of
 * {@link StatisticsProjection}: for every event it is told exactly how the event changed
 * each jurisdiction's figures, by effective date, inside the same batch. A change
 * effective on day {@code d} changes figure {@code f} of statistical year {@code Y} (as
 * of the year's last day, as known now, which is what a report signs) if {@code f} is a
 * stock and {@code d} is on or before the year's last day, or {@code f} is a flow and
 * {@code d} lies in the year. So a signed report is flagged by exactly the later events
 * that change one of its figures (a figure it did not list counts as signed at 0), with
 * no figure recomputed:
 * <ul>
 * <li>{@value #REPORTS}, {@code R:<code>:<year>}: the current version, the versions
 * before it and every flag: per version and figure, the signed value, the current value
 * (signed + every later change) and the events behind it. A new version clears the open
 * flags; cleared flags stay as history.</li>
 * <li>{@value #INDEX}, {@code J:<code>}: which years of the jurisdiction are signed, at
 * which position, and the changes of the last {@value #LOG_SIZE} events that touched its
 * figures. A report is computed at position {@code p} and signed by an event at a later
 * position {@code q}; the events in between were handled before the signature was known,
 * so the signature takes them from this log. If more than {@value #LOG_SIZE} events
 * touched the jurisdiction in between, the report gets a flag on the whole report.</li>
 * </ul>
 * Idempotence: every document keeps the last position applied ({@link ReadModelBatch});
 * what is derived from another document only uses its entries before the event.
 */
@ProcessingGroup(StatisticsProjection.PROCESSING_GROUP)
public class AnnualReportProjection implements FigureChangeListener {

	public static final String REPORTS = "rm_annual_reports";

	public static final String INDEX = "rm_annual_report_index";

	public static final List<String> COLLECTIONS = List.of(REPORTS, INDEX);

	static final int LOG_SIZE = 32;

	static final int MAX_FLAG_EVENTS = 50;

	static final String OPEN = "OPEN";

	static final String CLEARED = "CLEARED";

	private final MongoDatabase database;

	private final StatisticalCalendar calendar;

	/**
	 * @param database where the reset handler drops the collections; {@code null} when
	 * the projection fills another store
	 * @param calendar the statistical year
	 */
	public AnnualReportProjection(MongoDatabase database, StatisticalCalendar calendar) {
		this.database = database;
		this.calendar = calendar;
	}

	/** Before a replay from the first event, forget every report and flag. */
	@ResetHandler
	void reset() {
		if (this.database != null) {
			COLLECTIONS.forEach((collection) -> this.database.getCollection(collection).drop());
		}
	}

	static String reportKey(JurisdictionCode code, int year) {
		return "R:" + code.value() + ":" + year;
	}

	@Override
	public void figuresChanged(long position, String eventType, List<FigureChange> changes) {
		ReadModelBatch batch = ReadModelBatch.current();
		Map<String, List<FigureChange>> byScope = new LinkedHashMap<>();
		for (FigureChange change : changes) {
			byScope.computeIfAbsent(change.scope(), (scope) -> new ArrayList<>()).add(change);
		}
		batch.prefetch(INDEX, byScope.keySet());
		byScope.forEach((scope, scoped) -> {
			batch.apply(INDEX, scope, position, (index) -> log(index, position, eventType, scoped));
			// Only the signed years are read: a dry run copies this field, not the whole
			// index with its log (a third of the statistics processor's time when it
			// copied
			// the document).
			if (!(batch.field(INDEX, scope, "signed") instanceof Document signed) || signed.isEmpty()) {
				return;
			}
			JurisdictionCode code = JurisdictionCode.of(scope.substring(2));
			List<String> keys = new ArrayList<>();
			for (String year : signed.keySet()) {
				keys.add(reportKey(code, Integer.parseInt(year)));
			}
			batch.prefetch(REPORTS, keys);
			for (String year : signed.keySet()) {
				Map<String, Change> affected = affected(scoped, Integer.parseInt(year));
				if (!affected.isEmpty()) {
					batch.apply(REPORTS, reportKey(code, Integer.parseInt(year)), position,
							(report) -> flag(report, position, eventType, affected));
				}
			}
		});
	}

	@EventHandler
	void on(AnnualReportSignedOff event, TrackingToken token) {
		long position = EventPositions.of(token);
		ReadModelBatch batch = ReadModelBatch.current();
		String scope = "J:" + event.jurisdictionCode().value();
		Document index = batch.document(INDEX, scope);
		long computedAt = event.globalPosition();
		List<Document> between = new ArrayList<>();
		for (Document entry : list(index, ReportEntries.LOG)) {
			long p = LoggedEvent.positionOf(entry);
			if (p > computedAt && p < position) {
				between.add(entry);
			}
		}
		boolean complete = number(index, "dropped") <= computedAt;
		batch.apply(REPORTS, reportKey(event.jurisdictionCode(), event.statisticalYear()), position, (report) -> {
			sign(report, event);
			for (Document entry : between) {
				LoggedEvent logged = LoggedEvent.of(entry);
				Map<String, Change> affected = affected(logged.changes(), event.statisticalYear());
				if (!affected.isEmpty()) {
					flag(report, logged.position(), logged.eventType(), affected);
				}
			}
			if (!complete) {
				list(report, "flags")
					.add(new Document("id", flagId(report, "*")).append("version", event.version())
						.append("figure", null)
						.append("signed", 0L)
						.append("current", 0L)
						.append("status", OPEN)
						.append("raisedAt", position)
						.append("events", new ArrayList<>())
						.append("more", 0L)
						.append("note", "more than " + LOG_SIZE + " events touched " + event.jurisdictionCode()
								+ " between the computation at position " + computedAt + " and the signature at "
								+ position + "; they may have changed figures unseen: sign again"));
			}
		});
		batch.apply(INDEX, scope, position,
				(document) -> sub(document, "signed").put(String.valueOf(event.statisticalYear()), computedAt));
	}

	/** Records the event's changes in the jurisdiction's log of recent changes. */
	private static void log(Document index, long position, String eventType, List<FigureChange> changes) {
		List<Document> log = list(index, ReportEntries.LOG);
		log.add(new LoggedEvent(position, eventType, changes).toDocument());
		while (log.size() > LOG_SIZE) {
			Document dropped = log.remove(0);
			index.put("dropped", Math.max(number(index, "dropped"), LoggedEvent.positionOf(dropped)));
		}
	}

	/** The net change of each figure of the year, with the earliest day behind it. */
	private Map<String, Change> affected(List<FigureChange> changes, int year) {
		LocalDate first = this.calendar.firstDay(year);
		LocalDate last = this.calendar.lastDay(year);
		Map<String, Change> affected = new LinkedHashMap<>();
		for (FigureChange change : changes) {
			LocalDate day = change.effective();
			boolean counts = Figures.isStock(change.figure()) ? !day.isAfter(last)
					: !day.isBefore(first) && !day.isAfter(last);
			if (counts) {
				affected.merge(change.figure(), new Change(change.amount(), day), Change::plus);
			}
		}
		affected.values().removeIf((change) -> change.amount() == 0);
		return affected;
	}

	/** A figure's net change by one event, and its earliest effective day. */
	record Change(long amount, LocalDate effective) {

		Change plus(Change other) {
			return new Change(this.amount + other.amount,
					this.effective.isBefore(other.effective) ? this.effective : other.effective);
		}

	}

	private static void sign(Document report, AnnualReportSignedOff event) {
		for (Document flag : list(report, "flags")) {
			if (OPEN.equals(flag.getString("status"))) {
				flag.put("status", CLEARED);
				flag.put("clearedBy", event.version());
			}
		}
		List<Document> figures = new ArrayList<>();
		event.figures().forEach((name, value) -> figures.add(ReportEntries.figure(name, value)));
		List<Document> children = new ArrayList<>();
		for (ChildReport child : event.children()) {
			children.add(ReportEntries.child(child));
		}
		report.put("code", event.jurisdictionCode().value());
		report.put("year", event.statisticalYear());
		report.put("version", event.version());
		report.put("signedAt", event.recordedAt().toString());
		report.put("signedBy", event.signedBy().value());
		report.put("comment", event.comment());
		report.put("position", event.globalPosition());
		report.put("sealedThrough", event.sealedThrough());
		report.put("sealDigest", event.sealDigest());
		report.put("reportDigest", event.reportDigest());
		report.put("previousReportDigest", event.previousReportDigest());
		report.put(ReportEntries.FIGURES, figures);
		report.put(ReportEntries.CHILDREN, children);
		list(report, "versions").add(new Document("version", event.version()).append("position", event.globalPosition())
			.append("reportDigest", event.reportDigest())
			.append("signedAt", event.recordedAt().toString())
			.append("signedBy", event.signedBy().value()));
	}

	/**
	 * Adds an event's changes to the open flags of the report's current version, raising
	 * a flag for a figure the first time it changes. Only events after the signed
	 * position count.
	 */
	private static void flag(Document report, long position, String eventType, Map<String, Change> affected) {
		if (!report.containsKey("version") || number(report, "position") >= position) {
			return;
		}
		int version = (int) number(report, "version");
		affected.forEach((figure, change) -> {
			Document flag = null;
			for (Document candidate : list(report, "flags")) {
				if (OPEN.equals(candidate.getString("status")) && figure.equals(candidate.getString("figure"))) {
					flag = candidate;
				}
			}
			if (flag == null) {
				long signed = signedValue(report, figure);
				flag = new Document("id", flagId(report, figure)).append("version", version)
					.append("figure", figure)
					.append("signed", signed)
					.append("current", signed)
					.append("status", OPEN)
					.append("raisedAt", position)
					.append(ReportEntries.FLAG_EVENTS, new ArrayList<>())
					.append("more", 0L);
				list(report, "flags").add(flag);
			}
			flag.put("current", number(flag, "current") + change.amount());
			List<Document> events = list(flag, ReportEntries.FLAG_EVENTS);
			if (events.size() < MAX_FLAG_EVENTS) {
				events.add(ReportEntries.flagEvent(
						new AnnualReportView.FlagEvent(position, eventType, change.effective(), change.amount())));
			}
			else {
				flag.put("more", number(flag, "more") + 1);
			}
		});
	}

	private static String flagId(Document report, String figure) {
		return report.getString("code") + ":" + number(report, "year") + ":v" + number(report, "version") + ":"
				+ figure;
	}

	private static long signedValue(Document report, String figure) {
		for (Document entry : list(report, ReportEntries.FIGURES)) {
			if (figure.equals(ReportEntries.figureName(entry))) {
				return ReportEntries.figureValue(entry);
			}
		}
		return 0;
	}

}
