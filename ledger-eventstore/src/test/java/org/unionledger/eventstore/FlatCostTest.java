package org.unionledger.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Structural cost check: records every command the driver sends and asserts that
 * appending, loading aggregates, snapshots and tracking (including helping and burning)
 * only ever filter on {@code _id}, by equality or {@code $in}: nothing that makes the
 * embedded server scan, and nothing a real MongoDB needs an extra index for.
 */
class FlatCostTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final Set<String> WITHOUT_FILTER = Set.of("insert", "getMore", "killCursors", "endSessions", "hello",
			"isMaster", "ismaster", "ping", "buildInfo");

	private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();

	private MongoClient client;

	private MongoDatabase database;

	@BeforeEach
	void recordingClient() {
		mongo.clear();
		CommandListener listener = new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				FlatCostTest.this.commands.add(event.getCommand().clone());
			}
		};
		this.client = mongo.newClient((settings) -> settings.addCommandListener(listener));
		this.database = mongo.databaseOf(this.client);
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void appendingLoadingAndTrackingOnlyFilterOnId() {
		MongoEventStorageEngine engine = TestEngines.engineBuilder(this.database).gracePeriod(Duration.ZERO).build();
		this.commands.clear();

		engine.appendEvents(TestEngines.events("a", 0, 3, "w"));
		engine.appendEvents(TestEngines.events("a", 3, 1, "w"));
		engine.appendEvents(TestEngines.events("b", 0, 2, "w"));
		engine.appendEvents(GenericEventMessage.asEventMessage("no aggregate"));
		assertThatThrownBy(() -> engine.appendEvents(TestEngines.events("a", 3, 1, "w")))
			.isInstanceOf(ConcurrencyException.class);
		var duplicateId = TestEngines.events("c", 0, 1, "w").get(0);
		engine.appendEvents(duplicateId);
		assertThatThrownBy(() -> engine.appendEvents(duplicateId)).isInstanceOf(AggregateStreamCreationException.class);
		engine.storeSnapshot(TestEngines.events("a", 3, 1, "snapshotter").get(0));

		assertThat(engine.readEvents("a").asStream().count()).isEqualTo(4);
		assertThat(engine.readEvents("a", 1).asStream().count()).as("from inside a commit").isEqualTo(3);
		assertThat(engine.readEvents("a", 4).asStream().count()).as("after the snapshot").isZero();
		assertThat(engine.readSnapshot("a")).isPresent();
		assertThat(engine.lastSequenceNumberFor("b")).contains(1L);

		simulateCrashedWriters(engine);
		assertThat(engine.readEvents(null, true).count()).isEqualTo(9);
		TrackingToken insideCommit = new GlobalSequenceTrackingToken(2);
		assertThat(engine.readEvents(insideCommit, false).count()).isEqualTo(7);
		engine.createHeadToken();
		engine.createTailToken();
		engine.createTokenAt(Instant.now().minusSeconds(60));

		assertThat(engine.recoveryCounts()[0]).as("helped").isEqualTo(1);
		assertThat(engine.recoveryCounts()[1]).as("burned").isEqualTo(2);
		assertOnlyIdFilters(Set.of("_id"));
	}

	@Test
	void loadingAnAggregateOfTenCommitsIsOneFind() {
		MongoEventStorageEngine engine = TestEngines.engine(this.database);
		for (int seq = 0; seq < 10; seq++) {
			engine.appendEvents(TestEngines.events("ten", seq, 1, "w"));
		}
		this.commands.clear();

		assertThat(engine.readEvents("ten").asStream().count()).isEqualTo(10);

		assertThat(this.commands).extracting(FlatCostTest::name).containsExactly("find");
	}

	@Test
	void aTokenStoredByItsOwnerIsOneUpdate() {
		MongoTokenStore store = TestEngines.tokenStore(this.database, "node");
		store.initializeTokenSegments("p", 1);
		store.fetchToken("p", 0);
		this.commands.clear();

		store.storeToken(new GlobalSequenceTrackingToken(1), "p", 0);
		store.extendClaim("p", 0);

		assertThat(this.commands).extracting(FlatCostTest::name).containsExactly("update", "update");
	}

	@Test
	void theTokenStoreFiltersOnIdAndTheVersionOrOwnerOnly() {
		MongoTokenStore store = TestEngines.tokenStore(this.database, "node");
		this.commands.clear();

		store.initializeTokenSegments("p", 2);
		store.fetchToken("p", 0);
		store.storeToken(new GlobalSequenceTrackingToken(1), "p", 0);
		store.extendClaim("p", 0);
		store.fetchAvailableSegments("p");
		store.fetchSegments("p");
		store.initializeSegment(null, "p", 2);
		store.fetchToken("p", 2);
		store.deleteToken("p", 2);
		store.releaseClaim("p", 0);
		store.retrieveStorageIdentifier();

		assertOnlyIdFilters(Set.of("_id", "v", "owner"));
	}

	/**
	 * One writer dies after taking two positions, another after inserting its pending
	 * commit.
	 */
	private static void simulateCrashedWriters(MongoEventStorageEngine engine) {
		engine.writer().allocate(2);
		PreparedCommit commit = PreparedCommit.of(TestEngines.events("d", 0, 1, "crashed"), TestEngines.SERIALIZER);
		long position = engine.writer().allocate(1);
		engine.layout().events.insertOne(commit.eventsDocument(position, 0, TestEngines.AUTHENTICATOR));
	}

	private void assertOnlyIdFilters(Set<String> allowedKeys) {
		List<String> offending = new ArrayList<>();
		for (BsonDocument command : this.commands) {
			for (BsonDocument filter : filtersOf(command)) {
				if (!allowedKeys.containsAll(filter.keySet()) || !filter.containsKey("_id")
						|| !isEqualityOrIn(filter.get("_id"))) {
					offending.add(command.toJson());
				}
			}
		}
		assertThat(offending).isEmpty();
		assertThat(this.commands).isNotEmpty();
	}

	private static boolean isEqualityOrIn(BsonValue value) {
		if (!value.isDocument()) {
			return true;
		}
		BsonDocument operator = value.asDocument();
		return operator.keySet().equals(Set.of("$in"));
	}

	private static String name(BsonDocument command) {
		return command.getFirstKey();
	}

	private static List<BsonDocument> filtersOf(BsonDocument command) {
		String name = name(command);
		List<BsonDocument> filters = new ArrayList<>();
		switch (name) {
			case "find" -> filters.add(command.getDocument("filter", new BsonDocument()));
			case "findAndModify" -> filters.add(command.getDocument("query", new BsonDocument()));
			case "update" ->
				command.getArray("updates").forEach((update) -> filters.add(update.asDocument().getDocument("q")));
			case "delete" ->
				command.getArray("deletes").forEach((delete) -> filters.add(delete.asDocument().getDocument("q")));
			default -> {
				if (!WITHOUT_FILTER.contains(name)) {
					filters.add(new BsonDocument("unexpected command " + name, command));
				}
			}
		}
		return filters;
	}

}
