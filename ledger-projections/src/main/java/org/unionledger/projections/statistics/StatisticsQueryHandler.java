package org.unionledger.projections.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.statistics.StatisticsQueries.FindFigureEvents;
import org.unionledger.projections.statistics.StatisticsQueries.FindMonthlyFlows;
import org.unionledger.projections.statistics.StatisticsQueries.FindRanking;
import org.unionledger.projections.statistics.StatisticsQueries.FindStatistics;
import org.unionledger.projections.statistics.StatisticsQueries.RankingBy;
import org.unionledger.projections.support.ReadModelStore;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.targets.TargetSource;
import org.unionledger.projections.statistics.StoredEntries.ScopeMove;
import org.unionledger.projections.statistics.StoredEntries.TargetChange;

/**
 * Answers statistics from the dated counters of {@link StatisticsProjection}.
 * <p>
 * Let {@code P(a)} be the sum of the effective-date buckets up to day {@code a} (every
 * delta effective on or before {@code a}) and {@code L(a, k)} the sum, over the
 * recorded-date buckets after day {@code k}, of their deltas effective on or before
 * {@code a}. The figures as of {@code a} as known at the end of recorded day {@code k}
 * are {@code F(a, k) = P(a) − L(a, k)} when {@code k ≥ a}: what is effective by {@code a}
 * but recorded after {@code k} was recorded after its effective date, so it is a late
 * entry and sits in a recorded-date bucket after {@code k}. When {@code k < a},
 * {@code F(a, k) = F(k, k)}: nothing is effective after the day it was recorded (the
 * ledger refuses future dates), so everything recorded by {@code k} is effective by
 * {@code k}. Stocks are {@code F(asOf, k)}, flows {@code F(asOf, k) − F(first − 1, k)};
 * one {@code _id $in} of a few hundred computed keys (more only for a {@code knownAt}
 * many years back: three per year) reads everything, whatever the number of members.
 */
public class StatisticsQueryHandler {

	private final ReadModelStore store;

	private final StatisticalCalendar calendar;

	private final JurisdictionTable jurisdictions;

	private final Clock clock;

	public StatisticsQueryHandler(ReadModelStore store, StatisticalCalendar calendar, JurisdictionTable jurisdictions,
			Clock clock) {
		this.store = store;
		this.calendar = calendar;
		this.jurisdictions = jurisdictions;
		this.clock = clock;
	}

	@QueryHandler
	public StatisticsView handle(FindStatistics query) {
		String scope = query.scope();
		int year = query.statisticalYear();
		LocalDate first = this.calendar.firstDay(year);
		LocalDate before = first.minusDays(1);
		LocalDate asOf = cut(year, query.asOf());
		LocalDate known = query.knownAt();
		Set<String> keys = keysAt(scope, asOf, known);
		keys.addAll(keysAt(scope, before, known));
		Map<String, Document> documents = read(scope, keys, known);
		Map<String, Long> figures = figures(documents, scope, first, asOf, null);
		Map<String, Long> recordedLater = null;
		if (known != null) {
			Map<String, Long> all = figures;
			figures = figures(documents, scope, first, asOf, known);
			recordedLater = new TreeMap<>();
			for (String figure : union(all.keySet(), figures.keySet())) {
				long difference = all.getOrDefault(figure, 0L) - figures.getOrDefault(figure, 0L);
				if (difference != 0) {
					recordedLater.put(figure, difference);
				}
			}
		}
		List<StatisticsView.Completion> completion = List.of();
		JurisdictionCode code = ScopeKeys.jurisdictionOf(scope);
		if (code != null) {
			completion = completion(code, year, asOf, known, figures.getOrDefault(Figures.NEW, 0L));
		}
		return new StatisticsView(scope, year, first, asOf, known, figures, recordedLater, completion);
	}

	/** The flows a monthly series shows. */
	static final List<String> MONTHLY_FIGURES = List.of(Figures.NEW, Figures.RE, Figures.TRANSFERS_IN,
			Figures.TRANSFERS_OUT, Figures.TERMINATIONS);

	/**
	 * Month by month: the figures as of each month's last counted day minus those as of
	 * the day before the month, all from one {@code _id $in} read.
	 */
	@QueryHandler
	public MonthlyFlowsView handle(FindMonthlyFlows query) {
		String scope = query.scope();
		int year = query.statisticalYear();
		LocalDate first = this.calendar.firstDay(year);
		LocalDate asOf = cut(year, query.asOf());
		LocalDate known = query.knownAt();
		List<LocalDate[]> periods = new ArrayList<>();
		for (LocalDate start = first; !start.isAfter(asOf);) {
			LocalDate end = YearMonth.from(start).atEndOfMonth();
			if (end.isAfter(asOf)) {
				end = asOf;
			}
			periods.add(new LocalDate[] { start, end });
			start = end.plusDays(1);
		}
		Set<LocalDate> cuts = new LinkedHashSet<>();
		cuts.add(first.minusDays(1));
		periods.forEach((period) -> cuts.add(period[1]));
		Set<String> keys = new LinkedHashSet<>();
		for (LocalDate day : cuts) {
			keys.addAll(keysAt(scope, day, known));
		}
		Map<String, Document> documents = read(scope, keys, known);
		List<MonthlyFlowsView.Month> months = new ArrayList<>();
		Map<String, Long> before = at(documents, scope, first.minusDays(1), null);
		Map<String, Long> beforeKnown = (known != null) ? at(documents, scope, first.minusDays(1), known) : null;
		for (LocalDate[] period : periods) {
			Map<String, Long> end = at(documents, scope, period[1], null);
			Map<String, Long> endKnown = (known != null) ? at(documents, scope, period[1], known) : null;
			months.add(new MonthlyFlowsView.Month(YearMonth.from(period[0]), period[0], period[1], flows(end, before),
					(known != null) ? flows(endKnown, beforeKnown) : null));
			before = end;
			beforeKnown = endKnown;
		}
		return new MonthlyFlowsView(scope, year, first, asOf, known, months);
	}

	private static Map<String, Long> flows(Map<String, Long> end, Map<String, Long> start) {
		Map<String, Long> flows = new java.util.LinkedHashMap<>();
		for (String figure : MONTHLY_FIGURES) {
			flows.put(figure, end.getOrDefault(figure, 0L) - start.getOrDefault(figure, 0L));
		}
		return flows;
	}

	/** The day figures are counted to: the requested or today, at most the year's end. */
	private LocalDate cut(int year, LocalDate asOf) {
		LocalDate day = (asOf != null) ? asOf : LocalDate.now(this.clock);
		LocalDate last = this.calendar.lastDay(year);
		return day.isAfter(last) ? last : day;
	}

	private LocalDate horizon(LocalDate known) {
		LocalDate today = LocalDate.now(this.clock);
		return (known.isAfter(today) ? known : today).plusYears(1);
	}

	/**
	 * Stocks as of {@code asOf}, flows from {@code first} to {@code asOf}; non-zero only.
	 */
	private Map<String, Long> figures(Map<String, Document> documents, String scope, LocalDate first, LocalDate asOf,
			LocalDate known) {
		Map<String, Long> end = at(documents, scope, asOf, known);
		Map<String, Long> start = at(documents, scope, first.minusDays(1), known);
		Map<String, Long> figures = new TreeMap<>();
		for (String figure : union(end.keySet(), start.keySet())) {
			long value;
			if (Figures.isStock(figure)) {
				value = end.getOrDefault(figure, 0L);
			}
			else if (asOf.isBefore(first)) {
				value = 0;
			}
			else {
				value = end.getOrDefault(figure, 0L) - start.getOrDefault(figure, 0L);
			}
			if (value != 0) {
				figures.put(figure, value);
			}
		}
		return figures;
	}

	/**
	 * The counter documents {@link #at} reads for {@code F(a, k)}; {@code known}
	 * {@code null} for as known now.
	 */
	private Set<String> keysAt(String scope, LocalDate a, LocalDate known) {
		Set<String> keys = new LinkedHashSet<>(CounterKeys.upTo(scope, a));
		keys.add(CounterKeys.moves(scope));
		if (known != null) {
			LocalDate b = min(a, known);
			keys.addAll(CounterKeys.upTo(scope, b));
			for (String bucket : CounterKeys.recordedAfter(scope, known, horizon(known))) {
				keys.add(CounterKeys.totals(bucket));
				keys.add(CounterKeys.detail(bucket, YearMonth.from(b)));
			}
		}
		return keys;
	}

	/**
	 * The counter documents of {@code keys}, and for each union that moved into or out of
	 * {@code scope} those {@link #at} reads for its stocks as of the day before its move:
	 * a second {@code _id $in} read, only where a union moved.
	 */
	private Map<String, Document> read(String scope, Set<String> keys, LocalDate known) {
		Map<String, Document> documents = new HashMap<>(this.store.find(StatisticsProjection.COUNTERS, keys));
		List<ScopeMove> moves = moves(documents, scope);
		if (!moves.isEmpty()) {
			Set<String> unionKeys = new LinkedHashSet<>();
			for (ScopeMove move : moves) {
				unionKeys.addAll(keysAt(move.union(), move.effective().minusDays(1), known));
			}
			documents.putAll(this.store.find(StatisticsProjection.COUNTERS, unionKeys));
		}
		return documents;
	}

	private static List<ScopeMove> moves(Map<String, Document> documents, String scope) {
		Document moves = documents.get(CounterKeys.moves(scope));
		return (moves != null) ? StatisticsProjection.list(moves, ScopeMove.LIST).stream().map(ScopeMove::of).toList()
				: List.of();
	}

	/**
	 * {@code F(a, k)}: everything effective by {@code a} and recorded by {@code k}. At a
	 * jurisdiction that a union moved into or out of on a day {@code e ≤ a} (the move
	 * recorded by {@code k}), the union's stocks as of {@code e − 1} move with it: the
	 * union's events effective before {@code e} are counted where it stood then, those
	 * from {@code e} where it stands since.
	 */
	private Map<String, Long> at(Map<String, Document> documents, String scope, LocalDate a, LocalDate known) {
		Map<String, Long> sums = stored(documents, scope, a, known);
		for (ScopeMove move : moves(documents, scope)) {
			LocalDate effective = move.effective();
			if (effective.isAfter(a) || (known != null && move.recorded().isAfter(known))) {
				continue;
			}
			long sign = move.sign();
			stored(documents, move.union(), effective.minusDays(1), known).forEach((figure, value) -> {
				if (Figures.isStock(figure)) {
					sums.merge(figure, sign * value, Long::sum);
				}
			});
		}
		return sums;
	}

	/** {@code F(a, k)} as the scope's own counters hold it. */
	private Map<String, Long> stored(Map<String, Document> documents, String scope, LocalDate a, LocalDate known) {
		if (known == null) {
			return prefix(documents, scope, a);
		}
		LocalDate b = min(a, known);
		Map<String, Long> sums = prefix(documents, scope, b);
		String month = YearMonth.from(b).toString();
		String last = b.toString();
		for (String bucket : CounterKeys.recordedAfter(scope, known, horizon(known))) {
			for (Map.Entry<String, Document> earlier : late(documents, CounterKeys.totals(bucket)).entrySet()) {
				if (earlier.getKey().compareTo(month) < 0) {
					add(sums, earlier.getValue(), -1);
				}
			}
			for (Map.Entry<String, Document> day : late(documents, CounterKeys.detail(bucket, YearMonth.from(b)))
				.entrySet()) {
				if (day.getKey().compareTo(last) <= 0) {
					add(sums, day.getValue(), -1);
				}
			}
		}
		return sums;
	}

	/** The late deltas of a recorded bucket's document, by effective month or day. */
	private static Map<String, Document> late(Map<String, Document> documents, String key) {
		Map<String, Document> late = new TreeMap<>();
		Document bucket = documents.get(key);
		if (bucket != null && bucket.get(CounterKeys.BY_EFFECTIVE) instanceof Document byDate) {
			for (Map.Entry<String, Object> entry : byDate.entrySet()) {
				if (entry.getValue() instanceof Document counts) {
					late.put(entry.getKey(), counts);
				}
			}
		}
		return late;
	}

	/**
	 * Everything effective on or before {@code a}: the totals of the buckets before
	 * {@code a}'s month and, of that month's document, the days up to {@code a}.
	 */
	private static Map<String, Long> prefix(Map<String, Document> documents, String scope, LocalDate a) {
		Map<String, Long> sums = new TreeMap<>();
		String month = a.isBefore(CounterKeys.EPOCH) ? null : CounterKeys.month(scope, a);
		String last = (month != null) ? CounterKeys.day(a) : null;
		for (String key : CounterKeys.upTo(scope, a)) {
			Document bucket = documents.get(key);
			if (bucket == null) {
				continue;
			}
			if (key.equals(month)) {
				if (bucket.get(CounterKeys.DAYS) instanceof Document days) {
					for (Map.Entry<String, Object> day : days.entrySet()) {
						if (day.getKey().compareTo(last) <= 0 && day.getValue() instanceof Document counts) {
							add(sums, counts, 1);
						}
					}
				}
			}
			else if (bucket.get(CounterKeys.TOTALS) instanceof Document counts) {
				add(sums, counts, 1);
			}
		}
		return sums;
	}

	private static void add(Map<String, Long> sums, Document counts, int sign) {
		for (Map.Entry<String, Object> count : counts.entrySet()) {
			String figure = Figures.figure(count.getKey());
			if (figure != null && count.getValue() instanceof Number n) {
				sums.merge(figure, sign * n.longValue(), Long::sum);
			}
		}
	}

	// Targets and completion

	private List<StatisticsView.Completion> completion(JurisdictionCode code, int year, LocalDate asOf, LocalDate known,
			long newEnrollments) {
		String key = StatisticsProjection.targetKey(code, year);
		Document document = this.store.find(StatisticsProjection.TARGETS, List.of(key)).get(key);
		Map<TargetSource, TargetChange> targets = targetsAt(document, asOf, known);
		List<StatisticsView.Completion> completion = new ArrayList<>();
		for (TargetSource source : TargetSource.values()) {
			TargetChange change = targets.get(source);
			Long target = (change != null) ? change.target() : null;
			LocalDate effective = (change != null) ? change.effective() : null;
			completion.add(new StatisticsView.Completion(source, target, effective, newEnrollments,
					rate(newEnrollments, target)));
		}
		return completion;
	}

	/**
	 * Per source, the change in force on {@code asOf}: the latest by effective date, then
	 * position, among those effective by {@code asOf} and recorded by {@code known}.
	 */
	static Map<TargetSource, TargetChange> targetsAt(Document document, LocalDate asOf, LocalDate known) {
		Map<TargetSource, TargetChange> latest = new EnumMap<>(TargetSource.class);
		if (document == null) {
			return latest;
		}
		for (Document entry : StatisticsProjection.list(document, TargetChange.LIST)) {
			TargetChange change = TargetChange.of(entry);
			if (change.effective().isAfter(asOf) || (known != null && change.recorded().isAfter(known))) {
				continue;
			}
			TargetChange current = latest.get(change.source());
			if (current == null || change.effective().isAfter(current.effective())
					|| (change.effective().equals(current.effective()) && change.position() > current.position())) {
				latest.put(change.source(), change);
			}
		}
		return latest;
	}

	/**
	 * New enrollments ÷ target to 4 places (half even), or {@code null} without a
	 * positive target.
	 */
	public static BigDecimal rate(long newEnrollments, Long target) {
		if (target == null || target <= 0) {
			return null;
		}
		return BigDecimal.valueOf(newEnrollments).divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_EVEN);
	}

	// Rankings

	@QueryHandler
	public RankingView handle(FindRanking query) {
		int year = query.statisticalYear();
		List<Jurisdiction> children = this.jurisdictions.children(query.parent());
		List<String> counterKeys = new ArrayList<>();
		List<String> targetKeys = new ArrayList<>();
		for (Jurisdiction child : children) {
			counterKeys.add(CounterKeys.statisticalYear(ScopeKeys.jurisdiction(child.code()), year));
			targetKeys.add(StatisticsProjection.targetKey(child.code(), year));
		}
		Map<String, Document> counters = this.store.find(StatisticsProjection.COUNTERS, counterKeys);
		Map<String, Document> targets = this.store.find(StatisticsProjection.TARGETS, targetKeys);
		LocalDate asOf = cut(year, query.asOf());
		boolean dated = query.asOf() != null || query.knownAt() != null;
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < children.size(); i++) {
			Jurisdiction child = children.get(i);
			long newEnrollments = 0;
			if (dated) {
				// as of a date or as known at a day: the child's own statistics, same
				// arithmetic
				newEnrollments = handle(
						new FindStatistics(ScopeKeys.jurisdiction(child.code()), year, query.asOf(), query.knownAt()))
					.figure(Figures.NEW);
			}
			else {
				Document bucket = counters.get(counterKeys.get(i));
				if (bucket != null && bucket.get(CounterKeys.TOTALS) instanceof Document counts) {
					newEnrollments = StatisticsProjection.number(counts, Figures.field(Figures.NEW));
				}
			}
			TargetChange change = targetsAt(targets.get(targetKeys.get(i)), asOf, query.knownAt()).get(query.source());
			Long target = (change != null) ? change.target() : null;
			candidates.add(new Candidate(child, newEnrollments, target));
		}
		return new RankingView(query.parent().value(), year, query.by(), query.source(), query.asOf(), query.knownAt(),
				rank(candidates, query.by()));
	}

	private record Candidate(Jurisdiction unit, long newEnrollments, Long target) {

		boolean rankable(RankingBy by) {
			return by == RankingBy.NEW_ENROLLMENTS || (this.target != null && this.target > 0);
		}

		/** Negative when this one ranks before the other; exact, without division. */
		int compare(Candidate other, RankingBy by) {
			if (by == RankingBy.NEW_ENROLLMENTS) {
				return Long.compare(other.newEnrollments, this.newEnrollments);
			}
			return Long.compare(Math.multiplyExact(other.newEnrollments, this.target),
					Math.multiplyExact(this.newEnrollments, other.target));
		}

	}

	static List<RankingView.Entry> rank(List<Candidate> candidates, RankingBy by) {
		List<Candidate> ranked = new ArrayList<>();
		List<Candidate> unranked = new ArrayList<>();
		for (Candidate candidate : candidates) {
			(candidate.rankable(by) ? ranked : unranked).add(candidate);
		}
		ranked.sort((a, b) -> {
			int order = a.compare(b, by);
			return (order != 0) ? order : a.unit().code().value().compareTo(b.unit().code().value());
		});
		unranked.sort(Comparator.comparing((Candidate c) -> c.unit().code().value()));
		List<RankingView.Entry> entries = new ArrayList<>();
		for (int i = 0; i < ranked.size(); i++) {
			Candidate candidate = ranked.get(i);
			int rank = 1;
			boolean tied = false;
			for (Candidate other : ranked) {
				int order = other.compare(candidate, by);
				if (order < 0) {
					rank++;
				}
				else if (order == 0 && other != candidate) {
					tied = true;
				}
			}
			entries.add(entry(candidate, rank, tied));
		}
		for (Candidate candidate : unranked) {
			entries.add(entry(candidate, null, false));
		}
		return entries;
	}

	private static RankingView.Entry entry(Candidate candidate, Integer rank, boolean tied) {
		return new RankingView.Entry(candidate.unit().code().value(), candidate.unit().name(), rank, tied,
				candidate.newEnrollments(), candidate.target(), rate(candidate.newEnrollments(), candidate.target()));
	}

	// Drill-down

	@QueryHandler
	public FigureEventsView handle(FindFigureEvents query) {
		String scope = query.scope();
		String field = Figures.field(query.figure());
		int year = query.statisticalYear();
		LocalDate known = query.knownAt();
		LocalDate from = this.calendar.firstDay(year);
		LocalDate to = cut(year, query.asOf());
		Long opening = null;
		if (Figures.isStock(query.figure())) {
			LocalDate before = from.minusDays(1);
			Map<String, Document> documents = read(scope, keysAt(scope, before, known), known);
			opening = at(documents, scope, before, known).getOrDefault(query.figure(), 0L);
		}
		if (to.isBefore(from)) {
			return new FigureEventsView(scope, query.figure(), from, to, 0, query.page(), query.size(), List.of(),
					opening);
		}
		List<String> monthKeys = new ArrayList<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			monthKeys.add(CounterKeys.indexMonth(scope, month));
		}
		TreeMap<LocalDate, Long> perDay = new TreeMap<>();
		Map<LocalDate, List<LocalDate>> recordedDays = new TreeMap<>();
		Map<String, List<String>> dayDocumentIds = new HashMap<>();
		for (Document month : this.store.find(StatisticsProjection.INDEX, monthKeys).values()) {
			if (month.get(CounterKeys.INDEX_WINDOWS) instanceof Document windows) {
				windows.forEach((dayAndLate, list) -> {
					String[] parts = dayAndLate.split("\\|");
					LocalDate day = LocalDate.parse(parts[0]);
					LocalDate recorded = day.plusDays(Long.parseLong(parts[1]));
					List<String> ids = new ArrayList<>();
					((List<?>) list).forEach(
							(window) -> ids.add(CounterKeys.indexEntries(scope, day, ((Number) window).longValue())));
					dayDocumentIds.put(day + "|" + recorded, ids);
				});
			}
			if (month.get(CounterKeys.INDEX_COUNTS) instanceof Document days) {
				Document recorded = (month.get(CounterKeys.INDEX_RECORDED) instanceof Document r) ? r : new Document();
				for (Map.Entry<String, Object> day : days.entrySet()) {
					LocalDate date = LocalDate.parse(day.getKey());
					if (!date.isBefore(from) && !date.isAfter(to) && day.getValue() instanceof Document counts) {
						long count = StatisticsProjection.number(counts, field);
						if (count > 0) {
							perDay.put(date, count);
							List<LocalDate> holding = new ArrayList<>();
							if (recorded.get(day.getKey()) instanceof List<?> list) {
								list.forEach((late) -> holding.add(date.plusDays(((Number) late).longValue())));
							}
							recordedDays.put(date, holding);
						}
					}
				}
			}
		}
		if (known != null) {
			// what was recorded after the known day: read those index days, take their
			// events off the day's count and leave them out of the pages
			List<String> later = new ArrayList<>();
			recordedDays.forEach((day, recorded) -> recorded.stream()
				.filter((r) -> r.isAfter(known))
				.forEach((r) -> later.addAll(ids(dayDocumentIds, day, r))));
			Map<String, Document> laterDocuments = find(later);
			recordedDays.forEach((day, recorded) -> {
				long after = 0;
				for (LocalDate r : recorded) {
					if (r.isAfter(known)) {
						for (String id : ids(dayDocumentIds, day, r)) {
							after += positions(laterDocuments.get(id), day, r, field).size();
						}
					}
				}
				perDay.merge(day, -after, Long::sum);
			});
			perDay.values().removeIf((count) -> count <= 0);
			recordedDays.replaceAll((day, recorded) -> recorded.stream().filter((r) -> !r.isAfter(known)).toList());
		}
		long total = perDay.values().stream().mapToLong(Long::longValue).sum();
		long offset = (long) query.page() * query.size();
		long end = offset + query.size();
		List<LocalDate> pageDays = new ArrayList<>();
		long seen = 0;
		long skip = 0;
		for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
			long next = seen + day.getValue();
			if (next > offset && seen < end) {
				if (pageDays.isEmpty()) {
					skip = offset - seen;
				}
				pageDays.add(day.getKey());
			}
			seen = next;
		}
		List<String> dayKeys = new ArrayList<>();
		for (LocalDate day : pageDays) {
			for (LocalDate recorded : recordedDays.get(day)) {
				dayKeys.addAll(ids(dayDocumentIds, day, recorded));
			}
		}
		Map<String, Document> dayDocuments = find(dayKeys);
		List<Long> positions = new ArrayList<>();
		for (LocalDate day : pageDays) {
			List<Long> behind = new ArrayList<>();
			for (LocalDate recorded : recordedDays.get(day)) {
				for (String id : ids(dayDocumentIds, day, recorded)) {
					behind.addAll(positions(dayDocuments.get(id), day, recorded, field));
				}
			}
			behind.sort(null);
			for (Long position : behind) {
				if (skip > 0) {
					skip--;
				}
				else if (positions.size() < query.size()) {
					positions.add(position);
				}
			}
		}
		return new FigureEventsView(scope, query.figure(), from, to, total, query.page(), query.size(), positions,
				opening);
	}

	/** The index documents of an effective day's entries recorded on a day. */
	private static List<String> ids(Map<String, List<String>> dayDocumentIds, LocalDate day, LocalDate recorded) {
		return dayDocumentIds.getOrDefault(day + "|" + recorded, List.of());
	}

	/**
	 * Index documents by id, read {@value #IDS_PER_READ} ids at a time (the days of a
	 * month share documents: each is read once).
	 */
	private Map<String, Document> find(List<String> wanted) {
		List<String> ids = new ArrayList<>(new LinkedHashSet<>(wanted));
		Map<String, Document> found = new java.util.HashMap<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
			found.putAll(this.store.find(StatisticsProjection.INDEX,
					ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ))));
		}
		return found;
	}

	private static final int IDS_PER_READ = 1000;

	/**
	 * The positions an index document holds for the entries effective on {@code day} and
	 * recorded on {@code recorded}, behind the figure stored in {@code field}.
	 */
	private static List<Long> positions(Document document, LocalDate day, LocalDate recorded, String field) {
		List<Long> positions = new ArrayList<>();
		if (document != null && document.get(CounterKeys.INDEX_GROUPS) instanceof Document days
				&& days.get(CounterKeys.indexGroup(day, recorded)) instanceof Document groups) {
			groups.forEach((fields, group) -> {
				if (Arrays.asList(fields.split(",")).contains(field) && group instanceof List<?> list) {
					list.forEach((position) -> positions.add(((Number) position).longValue()));
				}
			});
		}
		return positions;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? b : a;
	}

	private static Set<String> union(Collection<String> a, Collection<String> b) {
		Set<String> all = new LinkedHashSet<>(a);
		all.addAll(b);
		return all;
	}

}
