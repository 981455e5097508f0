package org.unionledger.annualreports;

/**
 * Entry point for wiring: the aggregate stays package-private (its API is the commands),
 * configuration names it through {@link #aggregateType()}. Its command handler expects a
 * {@code java.time.Clock}, a {@code org.unionledger.jurisdiction.JurisdictionTable} and a
 * {@code org.unionledger.statistics.StatisticalCalendar} as injectable resources.
 */
public final class AnnualReports {

	private AnnualReports() {
	}

	public static Class<?> aggregateType() {
		return AnnualReport.class;
	}

}
