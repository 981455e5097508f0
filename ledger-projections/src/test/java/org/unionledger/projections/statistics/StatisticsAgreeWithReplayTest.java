package org.unionledger.projections.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.projections.consistency.ReferenceStatistics;
import org.unionledger.projections.statistics.StatisticsQueries.FindFigureEvents;
import org.unionledger.projections.statistics.StatisticsQueries.FindStatistics;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.UnionPlacement;

/**
 * Property: for random lawful event streams with many backdated entries, the dated
 * counters answer every figure of every scope, as of any date and as known at any
 * recorded day, exactly as a brute-force replay of the events does.
 */
class StatisticsAgreeWithReplayTest {

	private static final StatisticalCalendar CALENDAR = StatisticalCalendar.ACFTU;

	@ParameterizedTest(name = "story {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
	void countersAgreeWithABruteForceReplayForManyDatesAndRecordedDays(long seed) {
		// odd stories have unions moving to other jurisdictions
		List<Object> events = (seed % 2 == 1) ? LedgerStory.generateWithMoves(seed, 450)
				: LedgerStory.generate(seed, 450);
		LocalDate lastRecorded = LedgerStory.START.plusYears(3);
		Clock clock = Clock.fixed(lastRecorded.plusDays(1).atStartOfDay(LedgerStory.ZONE).toInstant(),
				LedgerStory.ZONE);
		Feeder feeder = new Feeder(new StatisticsProjection(null, CALENDAR, LedgerStory.ZONE));
		Random random = new Random(seed);
		feedInRandomBatches(feeder, events, random);
		StatisticsQueryHandler counters = new StatisticsQueryHandler(feeder.store, CALENDAR,
				JurisdictionTable.bundled(), clock);
		ReferenceStatistics replay = new ReferenceStatistics(CALENDAR, LedgerStory.ZONE);
		events.forEach(replay::add);

		int compared = 0;
		int withLateEntries = 0;
		for (int i = 0; i < 30; i++) {
			LocalDate asOf = LedgerStory.START.plusDays(random.nextInt(800));
			LocalDate knownAt = switch (i % 3) {
				case 0 -> null;
				case 1 -> asOf.plusDays(random.nextInt(120));
				default -> asOf.minusDays(random.nextInt(200));
			};
			int year = CALENDAR.yearOf(asOf) - ((i % 4 == 0) ? 1 : 0);
			LocalDate cut = asOf.isAfter(CALENDAR.lastDay(year)) ? CALENDAR.lastDay(year) : asOf;
			Map<String, Map<String, Long>> expected = replay.figures(year, cut, knownAt);
			Map<String, Map<String, Long>> expectedNow = replay.figures(year, cut, null);
			for (String scope : scopes()) {
				StatisticsView view = counters.handle(new FindStatistics(scope, year, asOf, knownAt));
				assertThat(view.figures()).as("%s, year %d, as of %s, known at %s", scope, year, asOf, knownAt)
					.isEqualTo(expected.getOrDefault(scope, Map.of()));
				if (knownAt != null) {
					assertThat(view.recordedLater()).as("recorded after %s: %s as of %s", knownAt, scope, asOf)
						.isEqualTo(difference(expectedNow.getOrDefault(scope, Map.of()),
								expected.getOrDefault(scope, Map.of())));
					withLateEntries += view.recordedLater().isEmpty() ? 0 : 1;
				}
				compared++;
				if (ScopeKeys.jurisdictionOf(scope) != null) {
					Map<TargetSource, Long> targets = replay.targets(scope.substring(2), year, cut, knownAt);
					for (StatisticsView.Completion completion : view.completion()) {
						assertThat(completion.target()).as("target %s of %s", completion.source(), scope)
							.isEqualTo(targets.get(completion.source()));
					}
				}
			}
		}
		assertThat(compared).isEqualTo(30 * scopes().size());
		assertThat(withLateEntries).as("answers where entries recorded later make a difference").isGreaterThan(20);
		assertThat(events.stream()
			.filter(e -> e instanceof MemberEnrolled m
					&& m.effectiveDate().isBefore(m.recordedAt().atZone(LedgerStory.ZONE).toLocalDate())))
			.as("the story has backdated entries")
			.hasSizeGreaterThan(10);
		if (seed % 2 == 1) {
			assertThat(events).as("unions move within a city, to another city and to another province")
				.filteredOn(org.unionledger.union.Events.UnionMoved.class::isInstance)
				.hasSize(3);
		}
		assertThat(events).as("the story moves members to and from other ledgers")
			.anyMatch(
					(e) -> e instanceof org.unionledger.membership.Events.MemberTransferredToLedger t && t.wasOnHold())
			.anyMatch(
					(e) -> e instanceof org.unionledger.membership.Events.MemberTransferredToLedger t && !t.wasOnHold())
			.anyMatch((e) -> e instanceof org.unionledger.membership.Events.MemberTransferredInFromLedger);
	}

	/**
	 * Seed 8 feeds its events 997 positions apart: a month's entries fall into many
	 * windows of the index (see {@link CounterKeys#INDEX_WINDOW}).
	 */
	@ParameterizedTest(name = "story {0}")
	@ValueSource(longs = { 7, 8 })
	void drillDownListsExactlyTheEventsBehindAFigurePageByPage(long seed) {
		List<Object> events = LedgerStory.generate(seed, 400);
		long stride = (seed == 8) ? 997 : 1;
		StatisticsQueryHandler counters = fed(events, stride);
		int differentWhenKnownEarlier = 0;
		for (String scope : List.of("J:13", "J:1301", "U:changan-site")) {
			for (int year : new int[] { 2025, 2026 }) {
				LocalDate asOf = CALENDAR.lastDay(year).minusDays(40);
				// as known now, and at the days a quarter, half and three quarters of the
				// year's enrollments had been recorded
				List<LocalDate> recordedDays = new ArrayList<>();
				for (Object event : events) {
					if (event instanceof MemberEnrolled e && !e.effectiveDate().isBefore(CALENDAR.firstDay(year))
							&& !e.effectiveDate().isAfter(asOf)) {
						recordedDays.add(e.recordedAt().atZone(LedgerStory.ZONE).toLocalDate());
					}
				}
				recordedDays.sort(null);
				List<LocalDate> knownAts = new ArrayList<>();
				knownAts.add(null);
				for (int quarter = 1; quarter <= 3 && !recordedDays.isEmpty(); quarter++) {
					knownAts.add(recordedDays.get(recordedDays.size() * quarter / 4));
				}
				for (LocalDate knownAt : knownAts) {
					List<Long> expected = new ArrayList<>();
					for (int i = 0; i < events.size(); i++) {
						if (events.get(i) instanceof MemberEnrolled e && ScopeKeys.chain(e.union()).contains(scope)
								&& !e.effectiveDate().isBefore(CALENDAR.firstDay(year))
								&& !e.effectiveDate().isAfter(asOf) && (knownAt == null
										|| !e.recordedAt().atZone(LedgerStory.ZONE).toLocalDate().isAfter(knownAt))) {
							expected.add((i + 1L) * stride);
						}
					}
					expected.sort((a, b) -> {
						LocalDate da = ((MemberEnrolled) events.get((int) (a / stride - 1))).effectiveDate();
						LocalDate db = ((MemberEnrolled) events.get((int) (b / stride - 1))).effectiveDate();
						return (da.equals(db)) ? Long.compare(a, b) : da.compareTo(db);
					});
					List<Long> paged = new ArrayList<>();
					long total = -1;
					for (int page = 0; page < 50; page++) {
						FigureEventsView view = counters
							.handle(new FindFigureEvents(scope, Figures.NEW, year, asOf, knownAt, page, 7));
						total = view.total();
						if (view.positions().isEmpty()) {
							break;
						}
						paged.addAll(view.positions());
					}
					assertThat(paged).as("%s %d known at %s", scope, year, knownAt).isEqualTo(expected);
					assertThat(total).isEqualTo(expected.size());
					assertThat(counters.handle(new FindStatistics(scope, year, asOf, knownAt)).figure(Figures.NEW))
						.isEqualTo(expected.size());
					if (knownAt != null && expected.size() != counters
						.handle(new FindFigureEvents(scope, Figures.NEW, year, asOf, null, 0, 1))
						.total()) {
						differentWhenKnownEarlier++;
					}
				}
			}
		}
		assertThat(differentWhenKnownEarlier).as("pages that leave out events recorded later").isGreaterThan(3);
	}

	/**
	 * A stock's opening balance as known at a day leaves out what was recorded after it.
	 */
	@Test
	void drillDownOfAStockOpensWithItsBalanceAsKnownThen() {
		List<Object> events = LedgerStory.generate(7, 400);
		StatisticsQueryHandler counters = fed(events);
		int differences = 0;
		for (int year : new int[] { 2025, 2026 }) {
			LocalDate dayBefore = CALENDAR.firstDay(year).minusDays(1);
			for (LocalDate knownAt : List.of(dayBefore.minusDays(30), dayBefore, dayBefore.plusDays(45))) {
				long opening = counters.handle(new FindFigureEvents("J:13", Figures.ACTIVE, year, null, knownAt, 0, 5))
					.openingBalance();
				assertThat(opening).as("%d known at %s", year, knownAt)
					.isEqualTo(counters.handle(new FindStatistics("J:13", year - 1, dayBefore, knownAt))
						.figure(Figures.ACTIVE));
				if (opening != counters.handle(new FindFigureEvents("J:13", Figures.ACTIVE, year, null, null, 0, 5))
					.openingBalance()) {
					differences++;
				}
			}
		}
		assertThat(differences).as("openings that differ as known earlier").isGreaterThan(0);
	}

	/**
	 * Queries over the story's events fed in batches of 37, three years after it starts.
	 */
	private static StatisticsQueryHandler fed(List<Object> events) {
		return fed(events, 1);
	}

	/** The same, event {@code i} at position {@code (i + 1) * stride}. */
	private static StatisticsQueryHandler fed(List<Object> events, long stride) {
		Clock clock = Clock.fixed(LedgerStory.START.plusYears(3).atStartOfDay(LedgerStory.ZONE).toInstant(),
				LedgerStory.ZONE);
		Feeder feeder = Feeder.strided(stride, new StatisticsProjection(null, CALENDAR, LedgerStory.ZONE));
		feeder.all(events, 37);
		if (stride > CounterKeys.INDEX_WINDOW / 20) {
			assertThat(feeder.store.all(StatisticsProjection.INDEX)
				.keySet()
				.stream()
				.filter((id) -> id.startsWith("J:13|i|d|"))
				.map((id) -> id.substring(0, id.lastIndexOf('|')))
				.distinct()
				.count())
				.as("an effective month's index split over windows")
				.isLessThan(feeder.store.all(StatisticsProjection.INDEX)
					.keySet()
					.stream()
					.filter((id) -> id.startsWith("J:13|i|d|"))
					.count());
		}
		return new StatisticsQueryHandler(feeder.store, CALENDAR, JurisdictionTable.bundled(), clock);
	}

	/**
	 * Batches of random size; now and then a batch is handled again, as after a crash.
	 */
	static void feedInRandomBatches(Feeder feeder, List<Object> events, Random random) {
		int from = 0;
		while (from < events.size()) {
			int to = Math.min(events.size(), from + 1 + random.nextInt(60));
			feeder.batch(events, from, to);
			if (random.nextInt(4) == 0) {
				int again = Math.max(0, from - random.nextInt(20));
				feeder.batch(events, again, to);
			}
			from = to;
		}
	}

	static Set<String> scopes() {
		Set<String> scopes = new LinkedHashSet<>();
		for (UnionPlacement union : LedgerStory.UNIONS) {
			scopes.addAll(ScopeKeys.chain(union));
		}
		return scopes;
	}

	private static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> then) {
		Map<String, Long> difference = new java.util.TreeMap<>();
		Set<String> names = new LinkedHashSet<>(now.keySet());
		names.addAll(then.keySet());
		for (String name : names) {
			long value = now.getOrDefault(name, 0L) - then.getOrDefault(name, 0L);
			if (value != 0) {
				difference.put(name, value);
			}
		}
		return difference;
	}

}
