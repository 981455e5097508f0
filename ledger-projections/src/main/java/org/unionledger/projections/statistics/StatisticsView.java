package org.unionledger.projections.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.unionledger.targets.TargetSource;

/**
 * The answer to a statistics query: every non-zero figure of a scope for a statistical
 * year, with the enrollment targets and completion rates.
 *
 * @param scope the scope
 * @param statisticalYear the year
 * @param from the year's first day: flows count from here
 * @param asOf stocks are as of this day and flows count up to it
 * @param knownAt the recorded day the figures are limited to, or {@code null}
 * @param figures non-zero figures by name (amounts in fen)
 * @param recordedLater with {@code knownAt}: the non-zero differences between the figures
 * as known now and as known then, i.e. what late or backdated entries changed; otherwise
 * {@code null}
 * @param completion one entry per target source (jurisdictions only)
 */
public record StatisticsView(String scope, int statisticalYear, LocalDate from, LocalDate asOf, LocalDate knownAt,
		Map<String, Long> figures, Map<String, Long> recordedLater, List<Completion> completion) {

	/** A figure's value, zero when absent. */
	public long figure(String name) {
		return this.figures.getOrDefault(name, 0L);
	}

	/**
	 * Completion of one target.
	 *
	 * @param source who set the target
	 * @param target the target in force on {@code asOf} (as known at {@code knownAt}), or
	 * {@code null} if none was set
	 * @param targetEffectiveDate when that target took effect
	 * @param newEnrollments new enrollments counted so far
	 * @param rate new enrollments ÷ target to 4 decimal places, or {@code null} without a
	 * positive target
	 */
	public record Completion(TargetSource source, Long target, LocalDate targetEffectiveDate, long newEnrollments,
			BigDecimal rate) {
	}

}
