package org.unionledger.projections.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The flows of a scope month by month over a statistical year (see
 * {@link StatisticsQueries.FindMonthlyFlows}).
 *
 * @param scope the scope
 * @param statisticalYear the year
 * @param from the year's first day
 * @param asOf the last day counted
 * @param knownAt the recorded day of the comparison, or {@code null}
 * @param months one entry per calendar month from the year's first to {@code asOf}
 */
public record MonthlyFlowsView(String scope, int statisticalYear, LocalDate from, LocalDate asOf, LocalDate knownAt,
		List<Month> months) {

	/**
	 * One month's flows.
	 *
	 * @param month the calendar month
	 * @param from its first counted day
	 * @param to its last counted day
	 * @param figures new enrollments, re-enrollments, transfers in and out, terminations
	 * effective in it, as recorded now
	 * @param knownAtFigures the same as known at the end of {@code knownAt}, or
	 * {@code null}
	 */
	public record Month(YearMonth month, LocalDate from, LocalDate to, Map<String, Long> figures,
			Map<String, Long> knownAtFigures) {
	}

}
