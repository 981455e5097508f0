package org.unionledger.projections.unions;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionEvent;
import org.unionledger.union.UnionHistory;
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
		UnionHistory history = new UnionHistory();
		DomainEventStream stream = this.eventStore.readEvents(unionId.value());
		while (stream.hasNext()) {
			DomainEventMessage<?> message = stream.next();
			if (message.getPayload() instanceof UnionEvent event) {
				history.add(event);
			}
		}
		return history.facts();
	}

}
