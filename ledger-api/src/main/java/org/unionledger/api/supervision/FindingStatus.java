package org.unionledger.api.supervision;

import org.unionledger.projections.supervision.Finding;

/**
 * Where a finding stands for the findings' filter: open, confirmed (and not yet
 * corrected), dismissed, or confirmed and corrected by a compensating event.
 */
public enum FindingStatus {

	/** Not yet decided. */
	OPEN,
	/** Confirmed by a supervisor, not corrected. */
	CONFIRMED,
	/** Dismissed by a supervisor. */
	DISMISSED,
	/** Confirmed and corrected by a compensating event. */
	CORRECTED;

	/** The status of a finding. */
	public static FindingStatus of(Finding finding) {
		if (finding.correctedBy() != null) {
			return CORRECTED;
		}
		return switch (String.valueOf(finding.status())) {
			case "CONFIRMED" -> CONFIRMED;
			case "DISMISSED" -> DISMISSED;
			default -> OPEN;
		};
	}

}
