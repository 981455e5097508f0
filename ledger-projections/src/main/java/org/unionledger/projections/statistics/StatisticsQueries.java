package org.unionledger.projections.statistics;

import java.time.LocalDate;

import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.targets.TargetSource;

/** Queries answered from the statistics read model. */
public final class StatisticsQueries {

	private StatisticsQueries() {
	}

	/**
	 * Every figure of a scope for a statistical year. Stocks are counted as of
	 * {@code asOf}, flows from the year's first day to {@code asOf}; {@code asOf}
	 * defaults to today and is capped at the year's last day. With {@code knownAt}, only
	 * what had been recorded by the end of that day (in the ledger's zone) counts, and
	 * the answer also shows what was recorded later.
	 *
	 * @param scope {@code U:<unionId>} or {@code J:<code>} (see {@link ScopeKeys})
	 * @param statisticalYear the year
	 * @param asOf effective date, or {@code null}
	 * @param knownAt recorded date, or {@code null} for everything recorded
	 */
	public record FindStatistics(String scope, int statisticalYear, LocalDate asOf, LocalDate knownAt) {
	}

	/**
	 * The units directly below a jurisdiction (cities of a province, counties and zones
	 * of a city), ranked for a statistical year.
	 *
	 * @param parent the jurisdiction whose children are ranked
	 * @param statisticalYear the year
	 * @param by what they are ranked by
	 * @param source whose target completion rates compare with
	 * @param asOf effective date the new enrollments and targets are counted to, or
	 * {@code null} for the year's end or today
	 * @param knownAt recorded day up to which entries count, or {@code null} for all
	 */
	public record FindRanking(JurisdictionCode parent, int statisticalYear, RankingBy by, TargetSource source,
			LocalDate asOf, LocalDate knownAt) {

		public FindRanking(JurisdictionCode parent, int statisticalYear, RankingBy by, TargetSource source) {
			this(parent, statisticalYear, by, source, null, null);
		}

	}

	/** What a ranking orders by. */
	public enum RankingBy {

		/**
		 * New enrollments ÷ target, highest first; units without a target come last,
		 * unranked.
		 */
		COMPLETION,
		/** New enrollments, most first. */
		NEW_ENROLLMENTS

	}

	/**
	 * A page of the global positions of the events behind a figure: for a flow, the
	 * events counted in it from the year's first day to {@code asOf}; for a stock, the
	 * events that changed it in that period (its value before the year is given as the
	 * opening balance). Ordered by effective date, then position. With {@code knownAt},
	 * only the events recorded by the end of that day (in the ledger's zone), and the
	 * opening balance as known then: the events behind the figure as it was known at that
	 * time.
	 *
	 * @param scope the scope
	 * @param figure a name from {@link Figures}
	 * @param statisticalYear the year
	 * @param asOf effective date, or {@code null} for today (capped at the year's end)
	 * @param knownAt recorded day up to which events count, or {@code null} for all
	 * @param page page number from 0
	 * @param size events per page
	 */
	public record FindFigureEvents(String scope, String figure, int statisticalYear, LocalDate asOf, LocalDate knownAt,
			int page, int size) {
	}

	/**
	 * The flows of a scope month by month over a statistical year up to {@code asOf}: per
	 * calendar month (the first and last cut at the year's bounds and at {@code asOf})
	 * the new enrollments, re-enrollments, transfers in and out and terminations
	 * effective in it; with {@code knownAt}, also as known at the end of that recorded
	 * day.
	 *
	 * @param scope the scope
	 * @param statisticalYear the year
	 * @param asOf effective date, or {@code null} for today (capped at the year's end)
	 * @param knownAt recorded day, or {@code null}
	 */
	public record FindMonthlyFlows(String scope, int statisticalYear, LocalDate asOf, LocalDate knownAt) {
	}

}
