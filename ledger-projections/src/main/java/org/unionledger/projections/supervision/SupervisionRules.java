package org.unionledger.projections.supervision;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * Thresholds of the double-count hunt.
 *
 * @param backdatedDays a record is backdated when it is written more than this many days
 * after it took effect
 * @param reEnrollmentWindowDays a termination followed within this many days by an
 * enrollment at another union looks like a transfer counted as a membership ended and a
 * new one begun
 * @param burstWindowDays {@code N}: the last {@code N} days of a statistical year (up to
 * its last day, the deadline) form the window a burst is looked for in
 * @param burstFactor a union's new enrollments effective in the window are a burst when
 * they exceed this many times what its own rate over the rest of the year predicts for
 * the window
 * @param burstMinEnrollments ... and when they are at least this many (a union that
 * enrolls two people in the window is no burst, whatever its baseline)
 * @param zone the zone that turns recorded instants into dates
 */
public record SupervisionRules(int backdatedDays, int reEnrollmentWindowDays, int burstWindowDays,
		BigDecimal burstFactor, int burstMinEnrollments, ZoneId zone) {

	/** 30 days, 90 days, bursts over 14 days of 3 times the baseline and 10 or more. */
	public static final SupervisionRules DEFAULT = new SupervisionRules(30, 90, ZoneId.of("Asia/Shanghai"));

	public SupervisionRules {
		if (burstWindowDays < 1 || burstWindowDays > 180) {
			throw new IllegalArgumentException("the burst window is 1 to 180 days");
		}
		if (burstFactor == null || burstFactor.signum() <= 0 || burstMinEnrollments < 1) {
			throw new IllegalArgumentException("the burst factor is positive and the minimum at least 1");
		}
	}

	/** The default burst thresholds (14 days, factor 3, at least 10) with these. */
	public SupervisionRules(int backdatedDays, int reEnrollmentWindowDays, ZoneId zone) {
		this(backdatedDays, reEnrollmentWindowDays, 14, BigDecimal.valueOf(3), 10, zone);
	}

}
