package org.unionledger.supervision;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.unionledger.common.RecordedBy;

/** Events of the supervision feature. */
public final class Events {

	private Events() {
	}

	/** A supervisor decided a finding. */
	@Revision("1")
	public record FindingDecided(FindingId findingId, FindingDecision decision, String reason, Instant recordedAt,
			RecordedBy recordedBy) implements FindingEvent {
	}

}
