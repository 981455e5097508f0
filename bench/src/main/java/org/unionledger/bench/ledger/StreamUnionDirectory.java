package org.unionledger.bench.ledger;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionId;

/**
 * The union directory as the application has it: each look-up reads the union's event
 * stream (one {@code _id}-keyed read), no cache, so the benchmark pays what the
 * application pays.
 */
final class StreamUnionDirectory implements UnionDirectory {

	private final EventStore eventStore;

	StreamUnionDirectory(EventStore eventStore) {
		this.eventStore = eventStore;
	}

	@Override
	public Optional<UnionFacts> find(UnionId unionId) {
		UnionFacts facts = null;
		DomainEventStream stream = this.eventStore.readEvents(unionId.value());
		while (stream.hasNext()) {
			DomainEventMessage<?> message = stream.next();
			Object payload = message.getPayload();
			if (payload instanceof UnionRegistered registered) {
				facts = new UnionFacts(registered.placement(), registered.name(), registered.establishedOn(), null);
			}
			else if (payload instanceof UnionDissolved dissolved && facts != null) {
				facts = new UnionFacts(facts.placement(), facts.name(), facts.establishedOn(),
						dissolved.effectiveDate());
			}
		}
		return Optional.ofNullable(facts);
	}

}
