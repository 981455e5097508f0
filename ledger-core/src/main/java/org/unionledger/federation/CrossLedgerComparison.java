package org.unionledger.federation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionledger.common.Guards.check;
import static org.unionledger.common.Guards.require;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.unionledger.common.Rule;
import org.unionledger.federation.Commands.RecordCrossLedgerComparison;
import org.unionledger.federation.Events.CrossLedgerDoubleCountsFound;
import org.unionledger.membership.MemberId;

/**
 * One comparison with another ledger's fingerprint export (see
 * {@link RecordCrossLedgerComparison}): its own stream, written once.
 */
class CrossLedgerComparison {

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

	@AggregateIdentifier
	private ComparisonId comparisonId;

	CrossLedgerComparison() {
	}

	@CommandHandler
	CrossLedgerComparison(RecordCrossLedgerComparison command, Clock clock) {
		ComparisonId id = require(command.comparisonId(), "comparisonId");
		require(command.otherLedger(), "otherLedger");
		String digest = require(command.digest(), "digest");
		ExportPart part = require(command.part(), "part");
		List<DoubleCount> found = require(command.found(), "found");
		require(command.recordedBy(), "recordedBy");
		check(SHA256_HEX.matcher(digest).matches(), "digest", Rule.REQUIRED,
				"the digest is the export's SHA-256 in lower-case hex");
		check(command.theirs() >= 0 && command.ours() >= 0
				&& found.size() <= Math.min(command.theirs(), command.ours()), "found", Rule.REQUIRED,
				"a comparison finds at most as many persons as either side counts");
		Set<MemberId> members = new HashSet<>();
		for (DoubleCount count : found) {
			check(members.add(count.memberId()), "found", Rule.REQUIRED,
					"member " + count.memberId() + " is found twice in one comparison");
		}
		apply(new CrossLedgerDoubleCountsFound(id, command.otherLedger(), digest, part, command.theirs(),
				command.ours(), List.copyOf(found), clock.instant(), command.recordedBy()));
	}

	@EventSourcingHandler
	void on(CrossLedgerDoubleCountsFound event) {
		this.comparisonId = event.comparisonId();
	}

}
