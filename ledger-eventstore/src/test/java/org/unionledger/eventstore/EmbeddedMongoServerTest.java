package org.unionledger.eventstore;

import java.nio.file.Path;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoServerTest {

	@Test
	void theMemoryBackendForgetsOnClose() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory(0);
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			assertThat(server.connectionString()).startsWith("mongodb://127.0.0.1:").endsWith(":" + server.port());
			client.getDatabase("d").getCollection("c").insertOne(new Document("_id", 1));
			assertThat(client.getDatabase("d").getCollection("c").countDocuments()).isEqualTo(1);
		}
	}

	@Test
	void theH2BackendCommitsEveryWriteToItsFileBeforeAcknowledgingIt(@TempDir Path folder) {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(folder.resolve("store.mv.db"), 0);
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoCollection<Document> collection = client.getDatabase("d").getCollection("c");
			collection.insertOne(new Document("_id", 1));
			assertThat(server.hasUncommittedWrites()).as("after insertOne").isFalse();
			collection.updateOne(new Document("_id", 1), new Document("$set", new Document("v", 2)));
			assertThat(server.hasUncommittedWrites()).as("after updateOne").isFalse();
			collection.findOneAndUpdate(new Document("_id", 1), new Document("$inc", new Document("v", 1)));
			assertThat(server.hasUncommittedWrites()).as("after findOneAndUpdate").isFalse();
			collection.deleteOne(new Document("_id", 1));
			assertThat(server.hasUncommittedWrites()).as("after deleteOne").isFalse();
		}
	}

	@Test
	void theH2BackendKeepsDataAcrossServers(@TempDir Path folder) {
		Path file = folder.resolve("nested/store.mv.db");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			client.getDatabase("d").getCollection("c").insertOne(new Document("_id", 1).append("v", "kept"));
		}
		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoCollection<Document> collection = client.getDatabase("d").getCollection("c");
			assertThat(collection.find(new Document("_id", 1)).first()).containsEntry("v", "kept");
		}
	}

	@Test
	void storeClientsWriteToTheMajorityUnlessTheConnectionStringSaysOtherwise() {
		assertThat(MongoStores.settings("mongodb://127.0.0.1:1").build().getWriteConcern())
			.isEqualTo(WriteConcern.MAJORITY.withJournal(true));
		assertThat(MongoStores.settings("mongodb://127.0.0.1:1/?w=1").build().getWriteConcern().getW()).isEqualTo(1);
		assertThat(MongoStores.settings("mongodb://127.0.0.1:1").build().getReadPreference())
			.isEqualTo(ReadPreference.primary());
		assertThat(MongoStores.databaseName("mongodb://h/ledger?w=1", "x")).isEqualTo("ledger");
		assertThat(MongoStores.databaseName("mongodb://h", "x")).isEqualTo("x");
	}

}
