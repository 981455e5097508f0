package org.unionledger.eventstore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything survives new client and engine objects, and (H2 backend) a restart of the
 * embedded server: all events are there, and a tracking processor with
 * {@link MongoTokenStore} resumes where it stopped without handling any event twice.
 */
class RestartTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void newClientsAndEnginesSeeEverythingAndTheProcessorResumes() throws Exception {
		mongo.clear();
		List<String> handled = Projector.newLog();
		List<String> written = new ArrayList<>();

		try (MongoClient first = mongo.newClient((settings) -> {
		})) {
			runPhase(mongo.databaseOf(first), "node-1", 0, written, handled);
		}
		try (MongoClient second = mongo.newClient((settings) -> {
		})) {
			runPhase(mongo.databaseOf(second), "node-2", 1, written, handled);
		}

		assertThat(handled).hasSize(written.size()).doesNotHaveDuplicates();
		assertThat(new HashSet<>(handled)).isEqualTo(new HashSet<>(written));
	}

	@Test
	void anH2BackedServerKeepsEventsAndTokensAcrossARestart(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("ledger.mv.db");
		List<String> handled = Projector.newLog();
		List<String> written = new ArrayList<>();

		for (int phase = 0; phase < 2; phase++) {
			try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(file, 0);
					MongoClient client = MongoStores.openClient(server.connectionString())) {
				runPhase(client.getDatabase("ledger"), "node-" + phase, phase, written, handled);
			}
		}

		assertThat(handled).hasSize(written.size()).doesNotHaveDuplicates();
		assertThat(new HashSet<>(handled)).isEqualTo(new HashSet<>(written));
	}

	/**
	 * Checks that everything written before is there, appends 40 aggregates of 3 to 5
	 * events, lets the processor catch up and stops it.
	 */
	private static void runPhase(MongoDatabase database, String nodeId, int phase, List<String> written,
			List<String> handled) throws InterruptedException {
		MongoEventStorageEngine engine = TestEngines.engine(database);
		assertThat(engine.readEvents(null, false).map(EventMessage::getIdentifier).toList())
			.as("all events of earlier phases")
			.containsExactlyElementsOf(written);
		int handledBefore = handled.size();

		for (int a = 0; a < 40; a++) {
			String aggregate = "account-" + a;
			long next = engine.lastSequenceNumberFor(aggregate).map((last) -> last + 1).orElse(0L);
			assertThat(next).isEqualTo(phase * (3 + a % 3));
			var events = TestEngines.events(aggregate, next, 3 + a % 3, nodeId);
			engine.appendEvents(events);
			events.forEach((event) -> written.add(event.getIdentifier()));
		}
		MongoTokenStore tokenStore = TestEngines.tokenStore(database, nodeId);
		try (Projector projector = new Projector("projection", engine, tokenStore, handled).start()) {
			Projector.await(() -> handled.size() >= written.size(), TIMEOUT);
		}
		assertThat(handled.subList(handledBefore, handled.size())).as("phase %d handles only its new events", phase)
			.containsExactlyElementsOf(written.subList(handledBefore, written.size()));
		assertThat(tokenStore.fetchToken("projection", 0))
			.isEqualTo(new GlobalSequenceTrackingToken(engine.headPosition()));
		tokenStore.releaseClaim("projection", 0);
	}

}
