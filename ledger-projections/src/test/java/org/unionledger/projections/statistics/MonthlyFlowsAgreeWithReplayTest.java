package org.unionledger.projections.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.consistency.ReferenceStatistics;
import org.unionledger.projections.statistics.StatisticsQueries.FindMonthlyFlows;
import org.unionledger.statistics.StatisticalCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: the monthly flows (new enrollments with transfers in apart, re-enrollments,
 * transfers out, terminations) of every scope are, month by month, the differences of a
 * brute-force replay's year-to-date flows at the months' ends, as recorded now and as
 * known at a day.
 */
class MonthlyFlowsAgreeWithReplayTest {

	private static final StatisticalCalendar CALENDAR = StatisticalCalendar.ACFTU;

	@ParameterizedTest(name = "story {0}")
	@ValueSource(longs = { 7, 8 })
	void eachMonthIsTheReplaysDifferenceBetweenMonthEnds(long seed) {
		List<Object> events = LedgerStory.generateWithMoves(seed, 450);
		LocalDate lastRecorded = LedgerStory.START.plusYears(3);
		Clock clock = Clock.fixed(lastRecorded.plusDays(1).atStartOfDay(LedgerStory.ZONE).toInstant(),
				LedgerStory.ZONE);
		Feeder feeder = new Feeder(new StatisticsProjection(null, CALENDAR, LedgerStory.ZONE));
		feeder.all(events, 50);
		StatisticsQueryHandler counters = new StatisticsQueryHandler(feeder.store, CALENDAR,
				JurisdictionTable.bundled(), clock);
		ReferenceStatistics replay = new ReferenceStatistics(CALENDAR, LedgerStory.ZONE);
		events.forEach(replay::add);
		int year = CALENDAR.yearOf(LedgerStory.START.plusDays(60));
		LocalDate asOf = CALENDAR.lastDay(year).minusDays(40);
		long nonZero = 0;
		for (LocalDate knownAt : new LocalDate[] { null, asOf.minusDays(60) }) {
			for (String scope : StatisticsAgreeWithReplayTest.scopes()) {
				MonthlyFlowsView view = counters.handle(new FindMonthlyFlows(scope, year, asOf, knownAt));
				assertThat(view.months()).hasSize(11);
				Map<String, Long> before = Map.of();
				for (MonthlyFlowsView.Month month : view.months()) {
					Map<String, Long> end = replay.figures(year, month.to(), knownAt).getOrDefault(scope, Map.of());
					Map<String, Long> figures = (knownAt != null) ? month.knownAtFigures() : month.figures();
					for (String figure : StatisticsQueryHandler.MONTHLY_FIGURES) {
						long expected = end.getOrDefault(figure, 0L) - before.getOrDefault(figure, 0L);
						assertThat(figures.get(figure))
							.as("%s %s %s known at %s", scope, month.month(), figure, knownAt)
							.isEqualTo(expected);
						nonZero += (expected != 0) ? 1 : 0;
					}
					before = end;
				}
			}
		}
		System.out.printf("story %d, year %d: %d non-zero monthly flows agree with the replay%n", seed, year, nonZero);
		assertThat(nonZero).as("the story moves members in many months").isGreaterThan(50);
	}

}
