package org.unionledger.annualreports;

/** How a jurisdiction of the level below stands in its parent's report. */
public enum ChildReportStatus {

	/** Its own report is signed; the parent chains that report's digest. */
	SIGNED,
	/**
	 * It has no figure at all for the year (no union, member, flow or service counted as
	 * of the year's end, at the parent's position), so it has nothing to sign and is
	 * exempt. Should a later event give it figures, the parent's figures change as well,
	 * which raises a flag on the parent's report.
	 */
	EXEMPT_NO_FIGURES

}
