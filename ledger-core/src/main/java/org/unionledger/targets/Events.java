package org.unionledger.targets;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.JurisdictionCode;

/** Events of the target feature. */
public final class Events {

	private Events() {
	}

	/**
	 * A target was set or changed. From {@code effectiveDate} on, the target of
	 * {@code source} is {@code target}; {@code previousTarget} is the one it replaced, or
	 * {@code null} for the first.
	 */
	@Revision("1")
	public record EnrollmentTargetSet(JurisdictionCode jurisdictionCode, int statisticalYear, TargetSource source,
			long target, Long previousTarget, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements TargetEvent {
	}

}
