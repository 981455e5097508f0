package org.unionledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class LedgerEventStoreTest {

	private static EmbeddedEventStore.Builder builder() {
		return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine());
	}

	/**
	 * What loading each aggregate sees inside a batch-like unit of work: events stored
	 * before, then those staged by earlier nested units of work (one of them rolled
	 * back), read after every step, as a command batch does.
	 */
	private static List<List<String>> story(Supplier<EventStore> stores) {
		EventStore store = stores.get();
		try {
			store.publish(event("m-1", 0, "stored"));
			List<List<String>> seen = new ArrayList<>();
			UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
			long[] next = { 1, 0, 0 };
			for (int i = 0; i < 300; i++) {
				String aggregate = "m-" + (1 + i % 3);
				int which = i % 3;
				// a command in its own nested unit of work loads its aggregate, applies
				// an
				// event and loads it again
				UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
				List<String> before = read(store, aggregate);
				store.publish(event(aggregate, next[which], "step " + i));
				List<String> events = read(store, aggregate);
				assertThat(events).as("step %d sees its own event after what it loaded", i).hasSize(before.size() + 1);
				assertThat(events.subList(0, before.size())).isEqualTo(before);
				if (i % 50 == 7) {
					command.rollback();
				}
				else {
					next[which]++;
					command.commit();
				}
				seen.add(events);
				seen.add(read(store, aggregate));
			}
			batch.commit();
			seen.add(read(store, "m-1"));
			return seen;
		}
		finally {
			((EmbeddedEventStore) store).shutDown();
		}
	}

	private static List<String> read(EventStore store, String aggregate) {
		List<String> events = new ArrayList<>();
		store.readEvents(aggregate).asStream().forEach((e) -> events.add(e.getPayload() + "@" + e.getSequenceNumber()));
		return events;
	}

	private static DomainEventMessage<String> event(String aggregate, long sequence, String payload) {
		return new GenericDomainEventMessage<>("Member", aggregate, sequence, payload);
	}

	@Test
	void aBatchSeesTheSameStagedEventsAsWithAxonsOwnStore() {
		List<List<String>> axons = story(() -> builder().build());
		List<List<String>> ours = story(() -> LedgerEventStore.of(builder()));

		assertThat(ours).isEqualTo(axons);
		// the last step's aggregate is m-3: steps 2, 5, … 299, of which 107 and 257
		// rolled back
		assertThat(ours.get(599)).as("the last aggregate loaded sees its staged events, none rolled back")
			.hasSize(98)
			.startsWith("step 2@0", "step 5@1")
			.noneMatch((e) -> e.startsWith("step 107@") || e.startsWith("step 257@"));
		assertThat(ours.get(600)).as("stored after the batch").startsWith("stored@0", "step 0@1", "step 3@2");
	}

	@Test
	void theStagedEventsAreGatheredHereNotByAxonsQuadraticWalk() {
		LedgerEventStore store = LedgerEventStore.of(builder());
		try {
			assertThat(store.gathersInLinearTime())
				.as("Axon keeps the name of a unit of work's staged events where the store reads it")
				.isTrue();
		}
		finally {
			store.shutDown();
		}
	}

}
