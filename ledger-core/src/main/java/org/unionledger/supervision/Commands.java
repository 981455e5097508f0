package org.unionledger.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.common.RecordedBy;

/** Commands of the supervision feature. */
public final class Commands {

	private Commands() {
	}

	/** A supervisor confirms or dismisses a finding, giving the reason. */
	public record DecideFinding(@TargetAggregateIdentifier FindingId findingId, FindingDecision decision, String reason,
			RecordedBy recordedBy) {
	}

}
