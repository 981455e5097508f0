package org.unionledger.seeds;

import java.time.LocalDate;

import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.targets.TargetSource;

/**
 * An enrollment target the demo sets, or amends, as the level that owns it: a province's
 * admin assigns to its cities, a city's admin to its counties and zones, and each level
 * sets its own (SELF_SET). A second entry for the same jurisdiction, year and source is
 * an amendment.
 *
 * @param jurisdictionCode the jurisdiction the target is for
 * @param statisticalYear the year
 * @param source who sets it
 * @param target new enrollments to reach
 * @param effectiveDate from when it applies; it is recorded on that day
 * @param setBy the demo user who sets it (recorded in the event)
 */
public record TargetSeed(JurisdictionCode jurisdictionCode, int statisticalYear, TargetSource source, long target,
		LocalDate effectiveDate, String setBy) {

}
