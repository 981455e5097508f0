package org.unionledger.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
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

	/**
	 * Sixteen threads released at once, twenty times: four race for one stream key, four
	 * append the same event identifier under four aggregates, eight append commits of
	 * their own. Commits written in one group keep their own outcomes: exactly one winner
	 * per race, every other commit stored, nothing else, in one gapless order.
	 */
	@Test
	void commitsWrittenTogetherKeepTheirOwnOutcomes() throws Exception {
		int threads = 16;
		int rounds = 20;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		java.util.Set<String> stored = java.util.concurrent.ConcurrentHashMap.newKeySet();
		java.util.concurrent.atomic.AtomicInteger lost = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
		try {
			for (int round = 0; round < rounds; round++) {
				java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
				DomainEventMessage<?> shared = TestEngines.events("shared-" + round, 0, 1, "w").get(0);
				List<java.util.concurrent.Future<?>> done = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					List<? extends DomainEventMessage<?>> events;
					if (t < 4) {
						events = TestEngines.events("race-" + round, 0, 1, "t" + t);
					}
					else if (t < 8) {
						events = List.of(new GenericDomainEventMessage<>(shared.getType(), "copy-" + round + "-" + t, 0,
								shared.getPayload(), shared.getMetaData(), shared.getIdentifier(),
								shared.getTimestamp()));
					}
					else {
						events = TestEngines.events("own-" + round + "-" + t, 0, 2, "t" + t);
					}
					done.add(pool.submit(() -> {
						start.await();
						try {
							this.engine.appendEvents(events);
							events.forEach(e -> stored.add(e.getAggregateIdentifier() + "/" + e.getIdentifier()));
						}
						catch (AggregateStreamCreationException | ConcurrencyException ex) {
							lost.incrementAndGet();
						}
						catch (RuntimeException ex) {
							failed.incrementAndGet();
						}
						return null;
					}));
				}
				for (java.util.concurrent.Future<?> future : done) {
					future.get(1, java.util.concurrent.TimeUnit.MINUTES);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(failed).hasValue(0);
		assertThat(lost).as("three losers per race, per round").hasValue(rounds * 6);
		List<? extends TrackedEventMessage<?>> global = this.engine.readEvents(null, false).toList();
		assertThat(global).hasSize(rounds * (1 + 1 + 8 * 2));
		assertThat(global)
			.extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier() + "/" + e.getIdentifier())
			.containsExactlyInAnyOrderElementsOf(stored);
		for (int round = 0; round < rounds; round++) {
			assertThat(this.engine.readEvents("race-" + round).asStream().count()).isEqualTo(1);
		}
		assertThat(this.engine.groupCommits()[0]).as("groups of more than one commit were written").isPositive();
		System.out.printf("group commit: %d groups, %d commits in them, %d positions for %d events%n",
				this.engine.groupCommits()[0], this.engine.groupCommits()[1], this.engine.headPosition(),
				global.size());
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
