package org.unionledger.projections.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.unionledger.projections.statistics.StatisticsQueries.RankingBy;
import org.unionledger.targets.TargetSource;

/**
 * The children of a jurisdiction ranked for a statistical year. Ties share a rank and the
 * next rank skips (1, 1, 3); tied entries are flagged.
 *
 * @param parent the jurisdiction code whose children are ranked
 * @param statisticalYear the year
 * @param by what they are ranked by
 * @param source the target source completion rates compare with
 * @param asOf the effective date counted to, or {@code null} for the year's end or today
 * @param knownAt the recorded day counted to, or {@code null} for everything recorded
 * @param entries best first; unranked entries (no positive target) last, by code
 */
public record RankingView(String parent, int statisticalYear, RankingBy by, TargetSource source, LocalDate asOf,
		LocalDate knownAt, List<Entry> entries) {

	/**
	 * One ranked unit.
	 *
	 * @param code its code
	 * @param name its name
	 * @param rank its rank from 1, or {@code null} when it cannot be ranked
	 * @param tied whether another unit shares the rank
	 * @param newEnrollments new enrollments in the year
	 * @param target the target of the source, or {@code null}
	 * @param completionRate new enrollments ÷ target to 4 places, or {@code null}
	 */
	public record Entry(String code, String name, Integer rank, boolean tied, long newEnrollments, Long target,
			BigDecimal completionRate) {
	}

}
