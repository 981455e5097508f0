package org.unionledger.targets;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.JurisdictionCode;

/** Commands of the target feature. */
public final class Commands {

	private Commands() {
	}

	/**
	 * Set (or change) the number of new enrollments a jurisdiction is to reach in a
	 * statistical year, for one source. {@code targetId} must be
	 * {@code TargetId.of(jurisdictionCode, statisticalYear)}.
	 */
	public record SetEnrollmentTarget(@TargetAggregateIdentifier TargetId targetId, JurisdictionCode jurisdictionCode,
			int statisticalYear, TargetSource source, long target, LocalDate effectiveDate, RecordedBy recordedBy) {
	}

}
