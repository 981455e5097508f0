package org.unionledger.projections.members;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.unionledger.membership.MemberDirectory;
import org.unionledger.membership.MemberId;

/**
 * The member directory read straight from the member's event stream (one
 * {@code _id}-keyed read), so a command sees every change stored before it, with no read
 * model lag.
 */
public class EventStoreMemberDirectory implements MemberDirectory {

	private final EventStore eventStore;

	public EventStoreMemberDirectory(EventStore eventStore) {
		this.eventStore = eventStore;
	}

	@Override
	public Optional<Standing> standingOn(MemberId memberId, LocalDate date) {
		List<Object> payloads = new ArrayList<>();
		DomainEventStream stream = this.eventStore.readEvents(memberId.value());
		while (stream.hasNext()) {
			payloads.add(stream.next().getPayload());
		}
		return Standing.asOf(payloads, date);
	}

}
