package org.unionledger.projections.supervision;

/** What a supervisor's finding is about. */
public enum FindingKind {

	/**
	 * A second enrollment of a person with a live membership was refused (which union
	 * tried, when).
	 */
	DUPLICATE_ENROLLMENT_ATTEMPT,
	/** A membership ended and the person enrolled at another union within the window. */
	TERMINATION_THEN_ENROLLMENT,
	/** Written more than the threshold after it took effect. */
	BACKDATED_RECORD,
	/** Written in a later statistical year than the one it counts in. */
	CROSSES_YEAR_BOUNDARY,
	/** An enrollment into a union that was already dissolved when it was recorded. */
	ENROLLMENT_INTO_DISSOLVED_UNION

}
