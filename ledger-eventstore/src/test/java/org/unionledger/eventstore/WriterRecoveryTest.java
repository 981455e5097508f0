package org.unionledger.eventstore;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commit protocol step by step, with a writer paused between its steps and readers
 * that help or burn. Readers run with a zero grace period unless a test says otherwise;
 * the writer's steps are called one by one.
 */
class WriterRecoveryTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private MongoEventStorageEngine impatient;

	@BeforeEach
	void clean() {
		mongo.clear();
		this.impatient = TestEngines.engineBuilder(mongo.database()).gracePeriod(Duration.ZERO).build();
	}

	@Test
	void aSlowWriterWhoseCommitAReaderHelpedThroughSucceeds() {
		List<DomainEventMessage<?>> events = TestEngines.events("slow", 0, 2, "slow");
		PreparedCommit commit = PreparedCommit.of(events, TestEngines.SERIALIZER);
		CommitWriter writer = this.impatient.writer();
		long position = writer.allocate(commit.size());
		assertThat(writer.insertEventsDocument(commit, position)).isTrue();

		assertThat(ids(this.impatient.readEvents(null, false).toList())).containsExactlyElementsOf(ids(events));
		writer.commitStream(commit, position);

		assertThat(state(position)).isEqualTo("committed");
		assertThat(ids(this.impatient.readEvents(null, false).toList())).containsExactlyElementsOf(ids(events));
		assertThat(ids(this.impatient.readEvents("slow").asStream().toList())).containsExactlyElementsOf(ids(events));
		assertThat(this.impatient.recoveryCounts()[0]).as("helped").isEqualTo(1);
	}

	@Test
	void aSlowWriterWhosePositionWasBurnedCommitsAtANewOne() {
		List<DomainEventMessage<?>> events = TestEngines.events("late", 0, 1, "late");
		PreparedCommit commit = PreparedCommit.of(events, TestEngines.SERIALIZER);
		CommitWriter writer = this.impatient.writer();
		long burned = writer.allocate(1);
		this.impatient.appendEvents(TestEngines.events("other", 0, 1, "other"));

		assertThat(this.impatient.readEvents(null, false).count()).isEqualTo(1);
		assertThat(writer.insertEventsDocument(commit, burned)).as("the burned position is refused").isFalse();
		long position = writer.write(commit);

		assertThat(position).isGreaterThan(burned);
		assertThat(state(burned)).isEqualTo("aborted");
		List<? extends TrackedEventMessage<?>> delivered = this.impatient.readEvents(null, false).toList();
		assertThat(delivered).hasSize(2);
		assertThat(delivered.get(1).getIdentifier()).isEqualTo(events.get(0).getIdentifier());
		assertThat(delivered.get(1).trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(position));
	}

	@Test
	void aPendingCommitWhoseStreamKeyWasTakenIsAbortedNotDelivered() {
		List<DomainEventMessage<?>> loser = TestEngines.events("contended", 0, 1, "loser");
		PreparedCommit commit = PreparedCommit.of(loser, TestEngines.SERIALIZER);
		CommitWriter writer = this.impatient.writer();
		long position = writer.allocate(1);
		writer.insertEventsDocument(commit, position);
		List<DomainEventMessage<?>> winner = TestEngines.events("contended", 0, 1, "winner");
		this.impatient.appendEvents(winner);

		assertThat(ids(this.impatient.readEvents(null, false).toList())).containsExactlyElementsOf(ids(winner));
		assertThat(state(position)).isEqualTo("aborted");
		assertThat(mongo.database().getCollection("events").find(Filters.eq("_id", position)).first())
			.as("an aborted commit drops its events and event ids")
			.doesNotContainKeys("events", "eventIds");
	}

	@Test
	void withinTheGracePeriodReadersStopAtAPendingCommitAndDeliverNothingAfterIt() {
		MongoEventStorageEngine patient = TestEngines.engineBuilder(mongo.database())
			.gracePeriod(Duration.ofHours(1))
			.build();
		this.impatient.appendEvents(TestEngines.events("before", 0, 1, "w"));
		List<DomainEventMessage<?>> pendingEvents = TestEngines.events("pending", 0, 1, "w");
		PreparedCommit pending = PreparedCommit.of(pendingEvents, TestEngines.SERIALIZER);
		long position = patient.writer().allocate(1);
		patient.writer().insertEventsDocument(pending, position);
		long missing = patient.writer().allocate(1);
		List<DomainEventMessage<?>> after = TestEngines.events("after", 0, 1, "w");
		patient.appendEvents(after);

		assertThat(patient.readEvents(null, false).count()).as("only the event before the pending commit").isEqualTo(1);

		patient.writer().commitStream(pending, position);
		assertThat(patient.readEvents(null, false).count()).as("stuck at the missing position").isEqualTo(2);

		assertThat(this.impatient.readEvents(null, false).count()).as("burned by an impatient reader").isEqualTo(3);
		assertThat(state(missing)).isEqualTo("aborted");
		assertThat(patient.readEvents(new GlobalSequenceTrackingToken(position), false).toList())
			.extracting(EventMessage::getIdentifier)
			.containsExactlyElementsOf(ids(after));
	}

	private static String state(long position) {
		Document document = mongo.database().getCollection("events").find(Filters.eq("_id", position)).first();
		return (document != null) ? document.getString("state") : null;
	}

	private static List<String> ids(List<? extends EventMessage<?>> events) {
		return events.stream().map(EventMessage::getIdentifier).toList();
	}

}
