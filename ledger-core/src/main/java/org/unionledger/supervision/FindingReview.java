package org.unionledger.supervision;

import java.time.Clock;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.unionledger.common.Guards;
import org.unionledger.common.Rule;
import org.unionledger.common.Text;
import org.unionledger.supervision.Commands.DecideFinding;
import org.unionledger.supervision.Events.FindingDecided;

/**
 * A supervisor's decision on one finding. A finding is decided once; the decision and its
 * reason are facts in the ledger like any other.
 */
class FindingReview {

	@AggregateIdentifier
	private String id;

	private FindingDecision decision;

	FindingReview() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(DecideFinding command, Clock clock) {
		Guards.require(command.findingId(), "findingId");
		FindingDecision decided = Guards.require(command.decision(), "decision");
		String reason = Text.clean(Guards.require(command.reason(), "reason"), "reason", true);
		Guards.require(command.recordedBy(), "recordedBy");
		Guards.check(!reason.isBlank() && reason.length() <= 1000, "reason", Rule.REQUIRED,
				"give the reason for the decision (at most 1000 characters)");
		Guards.check(this.decision == null, "findingId", Rule.FINDING_ALREADY_DECIDED,
				"the finding was already " + this.decision);
		AggregateLifecycle.apply(new FindingDecided(command.findingId(), decided, reason.strip(), clock.instant(),
				command.recordedBy()));
	}

	@EventSourcingHandler
	void on(FindingDecided event) {
		this.id = event.findingId().toString();
		this.decision = event.decision();
	}

}
