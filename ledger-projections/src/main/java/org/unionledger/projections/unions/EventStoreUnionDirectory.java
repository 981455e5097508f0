package org.unionledger.projections.unions;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionId;

/**
 * The union directory read straight from each union's event stream (one {@code _id}-keyed
 * read), so a union is known to every node the moment its registration is stored: no read
 * model lag between registering a union and enrolling into it.
 */
public class EventStoreUnionDirectory implements UnionDirectory {

	private final EventStore eventStore;

	public EventStoreUnionDirectory(EventStore eventStore) {
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
