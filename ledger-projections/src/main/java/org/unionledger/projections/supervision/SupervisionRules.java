package org.unionledger.projections.supervision;

import java.time.ZoneId;

/**
 * Thresholds of the double-count hunt.
 *
 * @param backdatedDays a record is backdated when it is written more than this many days
 * after it took effect
 * @param reEnrollmentWindowDays a termination followed within this many days by an
 * enrollment at another union looks like a transfer counted as a membership ended and a
 * new one begun
 * @param zone the zone that turns recorded instants into dates
 */
public record SupervisionRules(int backdatedDays, int reEnrollmentWindowDays, ZoneId zone) {

	/** 30 days, 90 days, Asia/Shanghai. */
	public static final SupervisionRules DEFAULT = new SupervisionRules(30, 90, ZoneId.of("Asia/Shanghai"));

}
