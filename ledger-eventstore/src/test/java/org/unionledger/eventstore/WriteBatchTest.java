package org.unionledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write batch reads its aggregates' streams together and appends their commits
 * together, each commit keeping its own outcome: a stream key another writer took is a
 * conflict of that aggregate alone, and the global stream holds exactly the commits that
 * won, once each, in order.
 */
class WriteBatchTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private MongoEventStorageEngine engine;

	private MongoEventStorageEngine otherNode;

	@BeforeEach
	void clean() {
		mongo.clear();
		this.engine = TestEngines.engine(mongo.database());
		this.otherNode = TestEngines.engine(mongo.database());
	}

	@Test
	void aBatchHoldsItsAggregatesWholeStreamsAndAnswersLoadsFromThem() {
		this.engine.appendEvents(TestEngines.events("a", 0, 2, "w"));
		this.engine.appendEvents(TestEngines.events("a", 2, 1, "w"));
		this.engine.appendEvents(TestEngines.events("b", 0, 1, "w"));
		try (WriteBatch batch = this.engine.openBatch(List.of("a", "b", "new"))) {
			// Written by another node after the batch read them: the batch answers
			// from what it read, as a load just before that write would.
			this.otherNode.appendEvents(TestEngines.events("a", 3, 1, "other"));
			assertThat(sequences("a", 0)).containsExactly(0L, 1L, 2L);
			assertThat(sequences("a", 2)).containsExactly(2L);
			assertThat(sequences("b", 0)).containsExactly(0L);
			assertThat(sequences("new", 0)).isEmpty();
		}
		assertThat(sequences("a", 0)).containsExactly(0L, 1L, 2L, 3L);
	}

	@Test
	void aStreamNotNamedIsReadOnceAndThenHeld() {
		this.engine.appendEvents(TestEngines.events("union", 0, 1, "w"));
		try (WriteBatch batch = this.engine.openBatch(List.of())) {
			assertThat(sequences("union", 0)).containsExactly(0L);
			this.otherNode.appendEvents(TestEngines.events("union", 1, 1, "other"));
			assertThat(sequences("union", 0)).containsExactly(0L);
		}
		assertThat(sequences("union", 0)).containsExactly(0L, 1L);
	}

	@Test
	void commitsOfOneCallAreWrittenTogetherAndALostStreamKeyFailsOnlyItsAggregate() {
		this.engine.appendEvents(TestEngines.events("taken", 0, 1, "w"));
		long groupsBefore = this.engine.groupCommits()[0];
		List<EventMessage<?>> events = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			events.addAll(TestEngines.events("p" + i, 0, 1 + i % 3, "batch"));
		}
		events.addAll(TestEngines.events("taken", 1, 2, "batch"));
		try (WriteBatch batch = this.engine.openBatch(List.of("taken"))) {
			// A single command of another node wins "taken" meanwhile.
			this.otherNode.appendEvents(TestEngines.events("taken", 1, 1, "winner"));
			this.engine.appendEvents(events);
			assertThat(batch.conflicts()).containsExactly("taken");
		}
		assertThat(this.engine.groupCommits()[0]).isGreaterThan(groupsBefore);
		List<TrackedEventMessage<?>> all = this.engine.readEvents(new GlobalSequenceTrackingToken(0), false)
			.collect(Collectors.toList());
		long expected = 1 + 1 + events.size() - 2;
		assertThat(all).hasSize((int) expected);
		for (int i = 0; i < all.size(); i++) {
			assertThat(all.get(i).trackingToken().position()).hasValue(i + 1L);
		}
		assertThat(sequences("taken", 0)).containsExactly(0L, 1L);
		assertThat(((TestEngines.Recorded) this.engine.readEvents("taken", 1).next().getPayload()).writer())
			.isEqualTo("winner");
		assertThat(sequences("p39", 0)).containsExactly(0L);
		assertThat(sequences("p38", 0)).containsExactly(0L, 1L, 2L);
	}

	@Test
	void aThreadHoldsOneBatchAtATimeAndOtherThreadsAreNotServedFromIt() throws Exception {
		this.engine.appendEvents(TestEngines.events("a", 0, 1, "w"));
		try (WriteBatch batch = this.engine.openBatch(List.of("a"))) {
			assertThatThrownBy(() -> this.engine.openBatch(List.of("b"))).isInstanceOf(IllegalStateException.class);
			this.otherNode.appendEvents(TestEngines.events("a", 1, 1, "other"));
			List<Long> seenElsewhere = new ArrayList<>();
			Thread thread = new Thread(() -> seenElsewhere.addAll(sequences("a", 0)));
			thread.start();
			thread.join();
			assertThat(seenElsewhere).containsExactly(0L, 1L);
			// Appends on another thread are written as usual, not into the batch.
			Thread writer = new Thread(() -> this.engine.appendEvents(TestEngines.events("c", 0, 1, "w")));
			writer.start();
			writer.join();
			assertThat(batch.conflicts()).isEmpty();
		}
		assertThat(sequences("c", 0)).containsExactly(0L);
	}

	private List<Long> sequences(String aggregate, long from) {
		List<Long> sequences = new ArrayList<>();
		this.engine.readEvents(aggregate, from)
			.asStream()
			.map(DomainEventMessage::getSequenceNumber)
			.forEach(sequences::add);
		return sequences;
	}

}
