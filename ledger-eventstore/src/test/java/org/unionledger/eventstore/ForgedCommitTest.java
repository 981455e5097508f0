package org.unionledger.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The probe's forgeries, made with write access to the store and without the key: a
 * commit appended at the head (counter raised, an {@code events} and a {@code streams}
 * document copied from a real commit), one inserted in the middle at a burned position,
 * an event edited together with its stream copy, and a stream copy edited alone. Each is
 * refused by the tracking reader (which delivers everything before it and then stops), by
 * aggregate loads, by the seal (which seals up to it and no further) and by verification,
 * and each raises the integrity alarm.
 * <p>
 * The store: positions 1..5 sealed ({@code member-a} 0..2, {@code member-b},
 * {@code member-c}); then, not sealed yet, 6 ({@code member-d}), 7 (burned), 8
 * ({@code member-a} 3) and 9 ({@code member-e}).
 */
class ForgedCommitTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private final IntegrityAlarm alarm = new IntegrityAlarm();

	private MongoEventStorageEngine engine;

	private EventSeal seal;

	private MongoCollection<Document> events;

	private MongoCollection<Document> streams;

	@BeforeEach
	void storeWithSealedAndUnsealedCommits() {
		mongo.clear();
		this.engine = TestEngines.engineBuilder(mongo.database()).integrityAlarm(this.alarm).build();
		this.seal = new EventSeal(mongo.database(), "", TestEngines.SEAL_KEY,
				Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), this.alarm);
		this.events = mongo.database().getCollection("events");
		this.streams = mongo.database().getCollection("streams");
		this.engine.appendEvents(TestEngines.events("member-a", 0, 3, "w"));
		this.engine.appendEvents(TestEngines.events("member-b", 0, 1, "w"));
		this.engine.appendEvents(TestEngines.events("member-c", 0, 1, "w"));
		assertThat(this.seal.seal().toPosition()).isEqualTo(5);
		this.engine.appendEvents(TestEngines.events("member-d", 0, 1, "w"));
		long burned = this.engine.writer().allocate(1);
		this.engine.writer().tombstone(burned);
		assertThat(burned).isEqualTo(7);
		this.engine.appendEvents(TestEngines.events("member-a", 3, 1, "w"));
		this.engine.appendEvents(TestEngines.events("member-e", 0, 1, "w"));
		assertThat(this.engine.headPosition()).isEqualTo(9);
		assertThat(this.seal.verify().intact()).isTrue();
		assertThat(this.alarm.isRaised()).isFalse();
	}

	@Test
	void aCommitAppendedAtTheHeadIsRefusedEverywhere() {
		this.engine.layout().counters.updateOne(Filters.eq("_id", "global"), Updates.inc("value", 1L));
		forgeCopyOf(4, 10, "member-x");

		assertTrackingStopsAt(10, 9);
		assertLoadRefused("member-x", 10);
		assertSealStopsBefore(10);
		assertVerificationNames(10, EventSeal.Kind.UNAUTHENTICATED);
	}

	@Test
	void aCommitInsertedAtABurnedPositionInTheMiddleIsRefusedEverywhere() {
		this.events.deleteOne(Filters.eq("_id", 7L));
		forgeCopyOf(4, 7, "member-y");

		assertTrackingStopsAt(7, 6);
		assertLoadRefused("member-y", 7);
		assertSealStopsBefore(7);
		assertVerificationNames(7, EventSeal.Kind.UNAUTHENTICATED);
	}

	@Test
	void anEventEditedTogetherWithItsStreamCopyIsRefusedEverywhere() {
		String forged = "{\"aggregate\":\"member-a\",\"seq\":3,\"writer\":\"forger\"}";
		this.events.updateOne(Filters.eq("_id", 8L), Updates.set("events.0.payload", forged));
		this.streams.updateOne(Filters.eq("_id", "member-a:3"), Updates.set("events.0.payload", forged));

		assertTrackingStopsAt(8, 6);
		assertLoadRefused("member-a", 8);
		assertSealStopsBefore(8);
		assertVerificationNames(8, EventSeal.Kind.UNAUTHENTICATED);
	}

	@Test
	void aStreamCopyEditedAloneIsRefusedByLoadsTheSealAndVerification() {
		this.streams.updateOne(Filters.eq("_id", "member-d:0"),
				Updates.set("events.0.payload", "{\"aggregate\":\"member-d\",\"seq\":0,\"writer\":\"forger\"}"));

		assertLoadRefused("member-d", 6);
		assertSealStopsBefore(6);
		assertVerificationNames(6, EventSeal.Kind.STREAM_MISMATCH);
	}

	/**
	 * A forged commit left pending (no stream copy) is never helped into the streams: the
	 * readers stop before it, however long they wait.
	 */
	@Test
	void aForgedPendingCommitIsNeverHelpedIntoTheStreams() {
		this.engine.layout().counters.updateOne(Filters.eq("_id", "global"), Updates.inc("value", 1L));
		forgeCopyOf(4, 10, "member-z");
		this.streams.deleteOne(Filters.eq("_id", "member-z:0"));
		this.events.updateOne(Filters.eq("_id", 10L), Updates.set("state", "pending"));
		MongoEventStorageEngine reader = TestEngines.engineBuilder(mongo.database())
			.gracePeriod(java.time.Duration.ZERO)
			.integrityAlarm(this.alarm)
			.build();

		assertThat(tracked(reader)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 8L, 9L);
		assertThat(tracked(reader)).as("still stopped before it").endsWith(9L);
		assertThat(this.streams.find(Filters.eq("_id", "member-z:0")).first()).as("never helped").isNull();
		assertThat(this.alarm.findings()).anySatisfy((finding) -> {
			assertThat(finding.position()).isEqualTo(10);
			assertThat(finding.detail()).startsWith("pending commit not helped");
		});
	}

	/**
	 * A commit removed from the middle of a stream, which the ledger then writes anew (it
	 * would: the aggregate loads without it), breaks the link of the next commit.
	 */
	@Test
	void aStreamCommitRemovedAndWrittenAnewBreaksTheChain() {
		this.engine.appendEvents(TestEngines.events("member-a", 4, 1, "w"));
		this.streams.deleteOne(Filters.eq("_id", "member-a:3"));
		this.events.replaceOne(Filters.eq("_id", 8L), PreparedCommit.tombstone(8, 0));
		MongoEventStorageEngine otherNode = TestEngines.engineBuilder(mongo.database())
			.integrityAlarm(this.alarm)
			.build();
		otherNode.appendEvents(TestEngines.events("member-a", 3, 1, "refill"));

		assertThatThrownBy(() -> load(otherNode, "member-a")).isInstanceOf(CommitAuthenticationException.class)
			.hasMessageContaining("does not follow the commit before it");
		assertThat(this.seal.verify().problems()).anySatisfy((problem) -> {
			assertThat(problem.kind()).isEqualTo(EventSeal.Kind.UNAUTHENTICATED);
			assertThat(problem.detail()).contains("does not link to the previous commit of aggregate member-a");
		});
	}

	/**
	 * Honest writes verify: single commits, a batch's group commit and another node that
	 * has never loaded the aggregate (it reads the previous commit's authenticator).
	 */
	@Test
	void honestWritesOnEveryPathLinkAndVerify() {
		MongoEventStorageEngine otherNode = TestEngines.engineBuilder(mongo.database())
			.integrityAlarm(this.alarm)
			.build();
		otherNode.appendEvents(TestEngines.events("member-a", 4, 2, "other"));
		try (WriteBatch batch = this.engine.openBatch(List.of("member-a", "member-b"))) {
			List<DomainEventMessage<?>> both = new ArrayList<>(TestEngines.events("member-a", 6, 1, "batch"));
			both.addAll(TestEngines.events("member-b", 1, 2, "batch"));
			this.engine.appendEvents(both);
		}
		this.engine.appendEvents(TestEngines.events("member-b", 3, 1, "w"));

		assertThat(load(this.engine, "member-a")).hasSize(7);
		assertThat(load(otherNode, "member-b")).hasSize(4);
		assertThat(tracked(this.engine)).hasSize(14);
		assertThat(this.seal.seal().refused()).isNull();
		EventSeal.VerificationReport report = this.seal.verify();
		assertThat(report.problems()).isEmpty();
		assertThat(this.alarm.isRaised()).isFalse();
	}

	/**
	 * Copies the commit at {@code source} (events and streams documents, authenticator
	 * included) to {@code position} under another aggregate and event identifier, as the
	 * probe did with a real enrollment.
	 */
	private void forgeCopyOf(long source, long position, String aggregateIdentifier) {
		Document original = this.events.find(Filters.eq("_id", source)).first();
		Document forged = new Document(original);
		List<Document> entries = new ArrayList<>();
		for (Document entry : original.getList("events", Document.class)) {
			Document copy = new Document(entry);
			copy.put("eventId", UUID.randomUUID().toString());
			copy.put("payload",
					entry.getString("payload").replace(original.getString("aggregateId"), aggregateIdentifier));
			entries.add(copy);
		}
		forged.put("_id", position);
		forged.put("aggregateId", aggregateIdentifier);
		forged.put("state", "committed");
		forged.put("events", entries);
		forged.put("eventIds", entries.stream().map((entry) -> entry.getString("eventId")).toList());
		this.events.insertOne(forged);
		this.streams.insertOne(PreparedCommit.streamDocument(forged));
	}

	private void assertTrackingStopsAt(long forged, long lastDelivered) {
		MongoEventStorageEngine reader = TestEngines.engineBuilder(mongo.database()).integrityAlarm(this.alarm).build();
		List<Long> positions = new ArrayList<>();
		Throwable failure = null;
		try (Stream<? extends TrackedEventMessage<?>> stream = reader.readEvents(null, false)) {
			Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
			while (iterator.hasNext()) {
				positions.add(iterator.next().trackingToken().position().orElseThrow());
			}
		}
		catch (CommitAuthenticationException ex) {
			failure = ex;
		}
		assertThat(failure).as("the tracking read refuses the forged commit")
			.isInstanceOf(CommitAuthenticationException.class);
		assertThat(((CommitAuthenticationException) failure).position()).isEqualTo(forged);
		assertThat(positions).as("everything before it is delivered, nothing at or after it")
			.isNotEmpty()
			.allMatch((position) -> position < forged);
		assertThat(positions.get(positions.size() - 1)).isEqualTo(lastDelivered);
		assertAlarmAt(forged);
	}

	private void assertLoadRefused(String aggregateIdentifier, long position) {
		assertThatThrownBy(() -> load(this.engine, aggregateIdentifier))
			.isInstanceOf(CommitAuthenticationException.class)
			.hasMessageContaining("global position " + position);
		assertAlarmAt(position);
	}

	private void assertSealStopsBefore(long position) {
		EventSeal.SealResult result = this.seal.seal();
		assertThat(result.refused()).as("the seal refuses the commit").isNotNull();
		assertThat(result.refused().position()).isEqualTo(position);
		assertThat(result.toPosition()).as("sealed up to the commit before it").isLessThan(position);
		assertThat(mongo.database().getCollection("seal_chain").find(Filters.gte("_id", position)).first())
			.as("nothing at or after it is sealed")
			.isNull();
		assertThat(this.seal.seal().refused().position()).as("and it stays refused").isEqualTo(position);
		assertAlarmAt(position);
	}

	private void assertVerificationNames(long position, EventSeal.Kind kind) {
		EventSeal.VerificationReport report = this.seal.verify();
		assertThat(report.intact()).isFalse();
		assertThat(report.problems()).anySatisfy((problem) -> {
			assertThat(problem.position()).isEqualTo(position);
			assertThat(problem.kind()).isEqualTo(kind);
		});
	}

	private void assertAlarmAt(long position) {
		assertThat(this.alarm.isRaised()).isTrue();
		assertThat(this.alarm.findings()).anySatisfy((finding) -> assertThat(finding.position()).isEqualTo(position));
	}

	private static List<Object> load(MongoEventStorageEngine engine, String aggregateIdentifier) {
		List<Object> payloads = new ArrayList<>();
		engine.readEvents(aggregateIdentifier).asStream().forEach((event) -> payloads.add(event.getPayload()));
		return payloads;
	}

	private static List<Long> tracked(MongoEventStorageEngine engine) {
		try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
			return stream.map((event) -> event.trackingToken().position().orElseThrow()).toList();
		}
	}

}
