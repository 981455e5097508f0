package org.unionledger.eventstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an audit needs from a stopped ledger's store: the H2 file opened read-only (writes
 * refused, the file unchanged, a running ledger's lock named), and the committed events
 * read range by range without resolving anything.
 */
class ReadOnlyAuditReadTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	@Test
	void aReadOnlyServerReadsTheFileRefusesWritesAndLeavesItUnchanged(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("ledger.mv.db");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			TestEngines.engine(client.getDatabase("d")).appendEvents(TestEngines.events("a-1", 0, 3, "w"));
		}
		byte[] before = Files.readAllBytes(file);
		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2FileReadOnly(file, 0);
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoDatabase database = client.getDatabase("d");
			assertThat(database.getCollection("events").find(new Document("_id", 1L)).first()).isNotNull();
			assertThatThrownBy(() -> database.getCollection("events").insertOne(new Document("_id", 99L)))
				.isInstanceOf(MongoException.class);
		}
		assertThat(Files.readAllBytes(file)).isEqualTo(before);
	}

	@Test
	void aFileHeldByAWritingServerIsReportedAsLocked(@TempDir Path folder) {
		Path file = folder.resolve("ledger.mv.db");
		try (EmbeddedMongoServer writer = EmbeddedMongoServer.h2File(file, 0)) {
			assertThatThrownBy(() -> EmbeddedMongoServer.h2FileReadOnly(file, 0))
				.isInstanceOf(EmbeddedMongoServer.StoreLockedException.class)
				.hasMessageContaining("locked by another process");
		}
		assertThatThrownBy(() -> EmbeddedMongoServer.h2FileReadOnly(folder.resolve("none.mv.db"), 0))
			.hasMessageContaining("no store file");
	}

	@Test
	void rangesReadEveryCommittedEventOnceAcrossCommitsThatStraddleARangeEnd() {
		MongoEventStorageEngine engine = TestEngines.engine(mongo.database());
		engine.appendEvents(TestEngines.events("a-1", 0, 2, "w"));
		engine.appendEvents(TestEngines.events("a-2", 0, 5, "w"));
		engine.appendEvents(TestEngines.events("a-1", 2, 1, "w"));
		long head = engine.headPosition();
		assertThat(head).isEqualTo(8);
		List<Long> positions = new ArrayList<>();
		long next = 1;
		while (next <= head) {
			MongoEventStorageEngine.CommittedRange range = engine.readCommittedRange(next, next + 2);
			for (TrackedEventMessage<?> event : range.events()) {
				positions.add(event.trackingToken().position().orElseThrow());
				assertThat(event.getPayload()).isInstanceOf(TestEngines.Recorded.class);
			}
			next = range.nextPosition();
		}
		assertThat(positions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);

	}

}
