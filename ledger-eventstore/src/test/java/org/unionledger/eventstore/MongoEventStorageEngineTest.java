package org.unionledger.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour of {@link MongoEventStorageEngine} beyond Axon's contract tests. */
class MongoEventStorageEngineTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private MongoEventStorageEngine engine;

	@BeforeEach
	void clean() {
		mongo.clear();
		this.engine = TestEngines.engine(mongo.database());
	}

	@Test
	void serializersAreRequiredRatherThanFallingBackToXStream() {
		assertThatThrownBy(() -> MongoEventStorageEngine.builder().database(mongo.database()).build())
			.isInstanceOf(AxonConfigurationException.class);
		assertThatThrownBy(() -> MongoEventStorageEngine.builder()
			.eventSerializer(TestEngines.SERIALIZER)
			.snapshotSerializer(TestEngines.SERIALIZER)
			.build()).isInstanceOf(AxonConfigurationException.class);
	}

	@Test
	void oneCallIsOneCommitPerAggregateAndOneForEventsWithoutAggregate() {
		List<EventMessage<?>> events = new ArrayList<>();
		events.add(TestEngines.events("a", 0, 1, "w").get(0));
		events.add(TestEngines.events("b", 0, 1, "w").get(0));
		events.add(GenericEventMessage.asEventMessage("tick"));
		events.add(TestEngines.events("a", 1, 1, "w").get(0));

		this.engine.appendEvents(events);

		List<? extends TrackedEventMessage<?>> global = this.engine.readEvents(null, false).toList();
		assertThat(global).extracting(EventMessage::getIdentifier)
			.containsExactly(events.get(0).getIdentifier(), events.get(3).getIdentifier(),
					events.get(1).getIdentifier(), events.get(2).getIdentifier());
		assertThat(global).extracting(TrackedEventMessage::trackingToken)
			.containsExactly(new GlobalSequenceTrackingToken(1), new GlobalSequenceTrackingToken(2),
					new GlobalSequenceTrackingToken(3), new GlobalSequenceTrackingToken(4));
		assertThat(mongo.database().getCollection("events").countDocuments()).isEqualTo(3);
		assertThat(this.engine.headPosition()).isEqualTo(4);
	}

	@Test
	void aResumedReaderContinuesInsideAMultiEventCommit() {
		List<DomainEventMessage<?>> events = TestEngines.events("a", 0, 50, "w");
		this.engine.appendEvents(events);

		for (long token = 0; token <= 50; token += 7) {
			assertThat(this.engine.readEvents(new GlobalSequenceTrackingToken(token), false).toList())
				.extracting(EventMessage::getIdentifier)
				.containsExactlyElementsOf(
						events.subList((int) token, 50).stream().map(EventMessage::getIdentifier).toList());
		}
	}

	@Test
	void committedEventsAreReadBackByTheirGlobalPositionsEvenInsideACommit() {
		List<DomainEventMessage<?>> events = new ArrayList<>(TestEngines.events("a", 0, 10, "w"));
		this.engine.appendEvents(events);
		DomainEventMessage<?> single = TestEngines.events("b", 0, 1, "w").get(0);
		this.engine.appendEvents(single);
		this.engine.writer().tombstone(this.engine.writer().allocate(1));

		List<TrackedEventMessage<?>> read = this.engine.readCommittedEvents(List.of(11L, 7L, 1L, 12L, 99L, 7L));

		assertThat(read).extracting(TrackedEventMessage::trackingToken)
			.containsExactly(new GlobalSequenceTrackingToken(1), new GlobalSequenceTrackingToken(7),
					new GlobalSequenceTrackingToken(11));
		assertThat(read).extracting(EventMessage::getIdentifier)
			.containsExactly(events.get(0).getIdentifier(), events.get(6).getIdentifier(), single.getIdentifier());
		assertThat(read.get(1).getPayload()).isEqualTo(events.get(6).getPayload());
		assertThat(this.engine.readCommittedEvents(List.of())).isEmpty();
	}

	@Test
	void anAggregateLoadStartingInsideALargeCommitLooksFurtherBack() {
		this.engine.appendEvents(TestEngines.events("a", 0, 300, "w"));
		this.engine.appendEvents(TestEngines.events("a", 300, 2, "w"));

		assertThat(this.engine.readEvents("a", 250).asStream().map(DomainEventMessage::getSequenceNumber).toList())
			.containsExactlyElementsOf(sequence(250, 302));
		assertThat(this.engine.readEvents("a", 302).asStream().count()).isZero();
		assertThat(this.engine.readEvents("a", 400).asStream().count()).isZero();
	}

	@Test
	void theLastSequenceNumberStartsFromTheSnapshot() {
		this.engine.appendEvents(TestEngines.events("a", 0, 5, "w"));
		assertThat(this.engine.lastSequenceNumberFor("a")).contains(4L);

		this.engine.storeSnapshot(TestEngines.events("a", 2, 1, "snapshotter").get(0));
		this.engine.appendEvents(TestEngines.events("a", 5, 3, "w"));

		assertThat(this.engine.lastSequenceNumberFor("a")).contains(7L);
		assertThat(this.engine.lastSequenceNumberFor("unknown")).isEmpty();
	}

	@Test
	void aTokenAtATimeFindsTheFirstCommitAtOrAfterIt() {
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		List<String> identifiers = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			DomainEventMessage<?> event = TestEngines.event("a" + (i % 7), i / 7, start.plusSeconds(i));
			this.engine.appendEvents(event);
			identifiers.add(event.getIdentifier());
			if (i % 50 == 0) {
				this.engine.writer().tombstone(this.engine.writer().allocate(1));
			}
		}

		for (int i : new int[] { 0, 1, 49, 50, 51, 123, 299 }) {
			assertThat(this.engine.readEvents(this.engine.createTokenAt(start.plusSeconds(i)), false)
				.findFirst()
				.map(EventMessage::getIdentifier)).contains(identifiers.get(i));
		}
		assertThat(this.engine.readEvents(this.engine.createTokenAt(start.plusSeconds(300)), false).count()).isZero();
		assertThat(this.engine.readEvents(this.engine.createTokenAt(start.minusSeconds(1)), false).count())
			.isEqualTo(300);
	}

	@Test
	void anOlderSnapshotNeverReplacesANewerOne() {
		this.engine.storeSnapshot(TestEngines.events("a", 9, 1, "snapshotter").get(0));
		this.engine.storeSnapshot(TestEngines.events("a", 4, 1, "snapshotter").get(0));

		assertThat(this.engine.readSnapshot("a")).map(DomainEventMessage::getSequenceNumber).contains(9L);
	}

	/**
	 * Without snapshots in the store, loading skips the snapshot read; an engine that
	 * stores one, or is built on a store that holds one, reads them; an engine that
	 * cannot know of another's snapshot loads the whole stream, to the same events.
	 */
	@Test
	void snapshotsAreReadOnceTheStoreHoldsAny() {
		MongoEventStorageEngine builtBefore = TestEngines.engine(mongo.database());
		this.engine.appendEvents(TestEngines.events("a", 0, 5, "w"));
		assertThat(this.engine.readSnapshot("a")).isEmpty();

		this.engine.storeSnapshot(TestEngines.events("a", 3, 1, "snapshotter").get(0));

		assertThat(this.engine.readSnapshot("a")).map(DomainEventMessage::getSequenceNumber).contains(3L);
		assertThat(TestEngines.engine(mongo.database()).readSnapshot("a")).map(DomainEventMessage::getSequenceNumber)
			.contains(3L);
		assertThat(builtBefore.readSnapshot("a")).isEmpty();
		assertThat(builtBefore.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber))
			.containsExactly(0L, 1L, 2L, 3L, 4L);
	}

	@Test
	void runsWithGapsInTheirSequenceNumbersBecomeSeparateCommits() {
		List<DomainEventMessage<?>> events = new ArrayList<>(TestEngines.events("a", 0, 2, "w"));
		events.addAll(TestEngines.events("a", 2, 2, "w"));

		this.engine.appendEvents(events);

		assertThat(mongo.database().getCollection("streams").countDocuments()).isEqualTo(1);
		assertThat(this.engine.readEvents("a").asStream().count()).isEqualTo(4);
	}

	private static List<Long> sequence(long from, long toExclusive) {
		List<Long> sequence = new ArrayList<>();
		for (long s = from; s < toExclusive; s++) {
			sequence.add(s);
		}
		return sequence;
	}

}
