package org.unionledger.projections.consistency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.consistency.ConsistencyReport.Difference;
import org.unionledger.projections.consistency.ConsistencyReport.Kind;
import org.unionledger.projections.credentials.CredentialProjection;
import org.unionledger.projections.transfers.TransferProjection;
import org.unionledger.projections.unionlists.UnionListProjection;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.statistics.StatisticsQueries.FindStatistics;
import org.unionledger.projections.statistics.StatisticsQueryHandler;
import org.unionledger.projections.summary.SummaryDocument;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.InMemoryReadModelStore;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.projections.support.ReadModelStore;
import org.unionledger.projections.support.ReadModelTransactionManager;
import org.unionledger.statistics.StatisticalCalendar;

/**
 * Recomputes the read models from the event stream and reports every difference from the
 * live ones, on two levels:
 * <ul>
 * <li>documents: the projections are run again over the stream into memory, and every
 * live document of every read model is compared with its rebuilt twin (missing,
 * unexpected or different documents are reported by {@code _id});</li>
 * <li>figures: every figure of every scope and statistical year, at the year's end or
 * today, is recomputed by {@link ReferenceStatistics}, a brute-force replay that shares
 * no counting code with the projections, and compared with what the statistics and
 * summary read models answer.</li>
 * </ul>
 * The check compares at a global position: live documents already changed by a later
 * event are skipped (and counted), so the document level stays exact while writes go on.
 * Figure answers can include later events if writes go on during the check; run it while
 * the ledger is quiet for the figure level to be exact. Costs: one pass over the event
 * stream and one full scan of each read model; memory for the rebuilt read models.
 */
public final class ConsistencyCheck {

	/** Differences listed in a report; the count covers all. */
	public static final int MAX_REPORTED = 1000;

	private static final int BATCH = 500;

	private final ReadModelStore live;

	private final StatisticalCalendar calendar;

	private final ZoneId zone;

	private final JurisdictionTable jurisdictions;

	private final Clock clock;

	public ConsistencyCheck(ReadModelStore live, StatisticalCalendar calendar, ZoneId zone,
			JurisdictionTable jurisdictions, Clock clock) {
		this.live = live;
		this.calendar = calendar;
		this.zone = zone;
		this.jurisdictions = jurisdictions;
		this.clock = clock;
	}

	/**
	 * Checks the read models against {@code events} (the global stream from its start),
	 * up to and including position {@code through}.
	 */
	public ConsistencyReport run(Stream<? extends TrackedEventMessage<?>> events, long through) {
		InMemoryReadModelStore rebuilt = new InMemoryReadModelStore();
		ReferenceStatistics reference = new ReferenceStatistics(this.calendar, this.zone);
		long replayed = rebuild(events, through, rebuilt, reference);
		Findings findings = new Findings();
		List<String> collections = new ArrayList<>(StatisticsProjection.COLLECTIONS);
		collections.add(SummaryProjection.COLLECTION);
		collections.add(CredentialProjection.COLLECTION);
		collections.add(CredentialProjection.MEMBERS);
		collections.add(CredentialProjection.LISTS);
		collections.add(TransferProjection.COLLECTION);
		collections.add(UnionListProjection.COLLECTION);
		for (String collection : collections) {
			compareDocuments(collection, rebuilt, through, findings);
		}
		compareFigures(reference, findings);
		return new ConsistencyReport(through, replayed, findings.documents, findings.skipped, findings.figures,
				findings.count, List.copyOf(findings.differences));
	}

	private long rebuild(Stream<? extends TrackedEventMessage<?>> events, long through, InMemoryReadModelStore store,
			ReferenceStatistics reference) {
		ReadModelTransactionManager transactions = new ReadModelTransactionManager(store);
		List<AnnotationEventHandlerAdapter> handlers = List.of(
				new AnnotationEventHandlerAdapter(new SummaryProjection(null, this.calendar)),
				new AnnotationEventHandlerAdapter(new StatisticsProjection(null, this.calendar, this.zone)),
				new AnnotationEventHandlerAdapter(new CredentialProjection(null)),
				new AnnotationEventHandlerAdapter(new TransferProjection(null, this.calendar)),
				new AnnotationEventHandlerAdapter(new UnionListProjection(null)));
		List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
		long replayed = 0;
		Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
		while (iterator.hasNext()) {
			TrackedEventMessage<?> event = iterator.next();
			if (EventPositions.of(event.trackingToken()) > through) {
				break;
			}
			batch.add(event);
			reference.add(event.getPayload());
			replayed++;
			if (batch.size() == BATCH) {
				handle(transactions, handlers, batch);
			}
		}
		handle(transactions, handlers, batch);
		return replayed;
	}

	private static void handle(ReadModelTransactionManager transactions, List<AnnotationEventHandlerAdapter> handlers,
			List<TrackedEventMessage<?>> batch) {
		if (batch.isEmpty()) {
			return;
		}
		transactions.executeInTransaction(() -> {
			for (TrackedEventMessage<?> event : batch) {
				for (AnnotationEventHandlerAdapter handler : handlers) {
					try {
						handler.handle(event);
					}
					catch (Exception ex) {
						throw new IllegalStateException("replaying event at " + event.trackingToken() + " failed", ex);
					}
				}
			}
		});
		batch.clear();
	}

	private void compareDocuments(String collection, InMemoryReadModelStore rebuilt, long through, Findings findings) {
		Map<String, Document> expected = rebuilt.all(collection);
		Set<String> seen = new HashSet<>();
		this.live.scan(collection, (document) -> {
			String id = String.valueOf(document.get("_id"));
			seen.add(id);
			Object last = document.get(ReadModelBatch.LAST_POSITION);
			if (last instanceof Number n && n.longValue() > through) {
				findings.skipped++;
				return;
			}
			findings.documents++;
			Document twin = expected.get(id);
			if (twin == null) {
				findings.add(new Difference(Kind.UNEXPECTED_DOCUMENT, collection, id, null, null, null, null,
						abbreviate(document.toJson())));
			}
			else if (!canonical(twin).equals(canonical(document))) {
				findings.add(new Difference(Kind.DIFFERENT_DOCUMENT, collection, id, null, null, null,
						abbreviate(twin.toJson()), abbreviate(document.toJson())));
			}
		});
		for (Map.Entry<String, Document> twin : expected.entrySet()) {
			if (!seen.contains(twin.getKey())) {
				findings.documents++;
				findings.add(new Difference(Kind.MISSING_DOCUMENT, collection, twin.getKey(), null, null, null,
						abbreviate(twin.getValue().toJson()), null));
			}
		}
	}

	private void compareFigures(ReferenceStatistics reference, Findings findings) {
		LocalDate today = LocalDate.now(this.clock);
		StatisticsQueryHandler statistics = new StatisticsQueryHandler(this.live, this.calendar, this.jurisdictions,
				this.clock);
		for (int year : reference.years()) {
			if (this.calendar.firstDay(year).isAfter(today)) {
				continue;
			}
			LocalDate cut = this.calendar.lastDay(year).isAfter(today) ? today : this.calendar.lastDay(year);
			Map<String, Map<String, Long>> expected = reference.figures(year, cut, null);
			// the summaries of every scope in one read; those of moved unions when asked
			Map<String, Document> summaries = new HashMap<>(
					this.live.find(SummaryProjection.COLLECTION, expected.keySet()));
			for (Map.Entry<String, Map<String, Long>> scope : expected.entrySet()) {
				Map<String, Long> actual = statistics.handle(new FindStatistics(scope.getKey(), year, cut, null))
					.figures();
				Set<String> names = new LinkedHashSet<>(scope.getValue().keySet());
				names.addAll(actual.keySet());
				for (String figure : names) {
					compare(findings, StatisticsProjection.COUNTERS, scope.getKey(), year, figure,
							scope.getValue().getOrDefault(figure, 0L), actual.getOrDefault(figure, 0L));
				}
				SummaryDocument summary = SummaryDocument.read(scope.getKey(), year, today, (ids) -> {
					List<String> missing = ids.stream().filter((id) -> !summaries.containsKey(id)).toList();
					if (!missing.isEmpty()) {
						summaries.putAll(this.live.find(SummaryProjection.COLLECTION, missing));
					}
					return summaries;
				});
				Map<String, Long> yearly = new TreeMap<>();
				yearly.put(Figures.NEW, summary.newEnrollments());
				yearly.put(Figures.RE, summary.reEnrollments());
				yearly.put(Figures.TRANSFERS_IN, summary.transfersIn());
				yearly.put(Figures.TRANSFERS_OUT, summary.transfersOut());
				yearly.put(Figures.TERMINATIONS, summary.terminations());
				yearly.put(Figures.of(Figures.SERVICES, Figures.PERSON_TIMES), summary.servicePersonTimes());
				yearly.put(Figures.of(Figures.SERVICES, Figures.AMOUNT_FEN),
						summary.serviceAmountYuan().movePointRight(2).longValueExact());
				if (year == this.calendar.yearOf(today)) {
					yearly.put(Figures.ACTIVE, summary.activeMembers());
					yearly.put(Figures.ON_HOLD, summary.onHold());
				}
				yearly.forEach((figure, value) -> compare(findings, SummaryProjection.COLLECTION, scope.getKey(), year,
						figure, scope.getValue().getOrDefault(figure, 0L), value));
			}
		}
	}

	private static void compare(Findings findings, String readModel, String scope, int year, String figure,
			long expected, long actual) {
		findings.figures++;
		if (expected != actual) {
			findings.add(new Difference(Kind.FIGURE, readModel, null, scope, year, figure, Long.toString(expected),
					Long.toString(actual)));
		}
	}

	/** A document as nested sorted maps with integral numbers as longs. */
	static Object canonical(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, item) -> sorted.put(String.valueOf(key), canonical(item)));
			return sorted;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(ConsistencyCheck::canonical).toList();
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return ((Number) value).longValue();
		}
		return value;
	}

	private static String abbreviate(String json) {
		return (json.length() <= 600) ? json : json.substring(0, 600) + "…";
	}

	private static final class Findings {

		long documents;

		long skipped;

		long figures;

		long count;

		final List<Difference> differences = new ArrayList<>();

		void add(Difference difference) {
			this.count++;
			if (this.differences.size() < MAX_REPORTED) {
				this.differences.add(difference);
			}
		}

	}

}
