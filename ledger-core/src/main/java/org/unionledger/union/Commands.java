package org.unionledger.union;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.JurisdictionCode;

/** Commands of the grassroots-union feature. */
public final class Commands {

	private Commands() {
	}

	/**
	 * Register a grassroots union under a county-level jurisdiction. The id is the
	 * caller's.
	 */
	public record RegisterUnion(@TargetAggregateIdentifier UnionId unionId, String name, UnionType type, Sector sector,
			JurisdictionCode jurisdictionCode, LocalDate establishedOn, RecordedBy recordedBy) {
	}

	/**
	 * Rename a union from a date on; its id, placement and figures stay as they are.
	 * {@code reason} is optional (e.g. the enterprise's new registered name).
	 */
	public record RenameUnion(@TargetAggregateIdentifier UnionId unionId, String name, LocalDate effectiveDate,
			String reason, RecordedBy recordedBy) {
	}

	/** Dissolve a union; from that date no one can enroll or transfer into it. */
	public record DissolveUnion(@TargetAggregateIdentifier UnionId unionId, LocalDate effectiveDate, String reason,
			RecordedBy recordedBy) {
	}

	/**
	 * Move a union to another county-level jurisdiction from {@code effectiveDate} on (a
	 * day after today), e.g. when the division table's new version replaces its county's
	 * code; {@code reason} is optional.
	 */
	public record MoveUnion(@TargetAggregateIdentifier UnionId unionId, JurisdictionCode jurisdictionCode,
			LocalDate effectiveDate, String reason, RecordedBy recordedBy) {
	}

}
