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
	ENROLLMENT_INTO_DISSOLVED_UNION,
	/**
	 * A union's new enrollments effective in the last days before the statistical year's
	 * end are far above its own rate over the rest of the year (see
	 * {@link SupervisionRules}); one per union, year and window length. Evaluated when
	 * asked, from per-day counts.
	 */
	BURST_BEFORE_DEADLINE,
	/**
	 * A transfer credential expired without being accepted: the member stayed at the
	 * issuing union, stranded between two unions. Expiry is time passing, not an event:
	 * it is evaluated when asked, against the ledger's clock. A credential presented late
	 * and refused is still expired unused. One per credential.
	 */
	CREDENTIAL_EXPIRED_UNUSED,
	/**
	 * A person counted here is, by another ledger's fingerprint export, counted there too
	 * (which union there, which comparison found it). One per member and comparison.
	 */
	CROSS_LEDGER_DOUBLE_COUNT(FindingCorrection.END_MEMBERSHIP_HERE),
	/**
	 * A person whose membership left this ledger for another one (on that ledger's
	 * receipt) was enrolled here again as a returning member instead of coming back with
	 * a credential of that ledger: unless their membership there ended, they are counted
	 * in both ledgers. Raised whatever the time between and whichever union enrolls them.
	 */
	RE_ENROLLED_AFTER_LEAVING_FOR_LEDGER(FindingCorrection.END_MEMBERSHIP_HERE);

	private final FindingCorrection correction;

	FindingKind() {
		this(FindingCorrection.FIRST_ENROLLMENT_AS_TRANSFER_IN);
	}

	FindingKind(FindingCorrection correction) {
		this.correction = correction;
	}

	/** How a confirmed finding of this kind is corrected. */
	public FindingCorrection correction() {
		return this.correction;
	}

}
