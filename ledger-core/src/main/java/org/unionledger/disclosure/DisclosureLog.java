package org.unionledger.disclosure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionledger.common.Guards.check;
import static org.unionledger.common.Guards.require;

import java.time.Clock;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.unionledger.common.Rule;
import org.unionledger.common.Text;
import org.unionledger.disclosure.Commands.RecordDisclosure;
import org.unionledger.disclosure.Events.PersonalDataDisclosed;

/**
 * The record of who was shown one member's unmasked personal data, and why. Kept apart
 * from the membership so that reading data never changes the membership's stream.
 */
class DisclosureLog {

	@AggregateIdentifier
	private DisclosureLogId logId;

	DisclosureLog() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(RecordDisclosure command, Clock clock) {
		DisclosureLogId logId = require(command.logId(), "logId");
		var memberId = require(command.memberId(), "memberId");
		require(command.disclosedTo(), "disclosedTo");
		check(logId.equals(DisclosureLogId.of(memberId)), "logId", Rule.DISCLOSURE_LOG_MISMATCH,
				"a disclosure belongs in the log of the member whose data is shown");
		String purpose = Text.clean(require(command.purpose(), "purpose"), "purpose", true);
		check(!purpose.isEmpty(), "purpose", Rule.PURPOSE_BLANK, "state why the personal data is read");
		check(purpose.codePointCount(0, purpose.length()) <= RecordDisclosure.MAX_PURPOSE_LENGTH, "purpose",
				Rule.PURPOSE_TOO_LONG,
				"the purpose must not exceed " + RecordDisclosure.MAX_PURPOSE_LENGTH + " characters");
		apply(new PersonalDataDisclosed(logId, memberId, purpose, clock.instant(), command.disclosedTo()));
	}

	@EventSourcingHandler
	void on(PersonalDataDisclosed event) {
		this.logId = event.logId();
	}

}
