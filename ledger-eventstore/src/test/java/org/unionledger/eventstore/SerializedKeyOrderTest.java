package org.unionledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 store's faster index key order is H2's own order: the same sign for
 * every pair of keys, and a file written with H2's order is read and extended with ours,
 * every document found by its {@code _id}.
 */
class SerializedKeyOrderTest {

	@Test
	void everyPairOfKeysComparesAsH2ComparesThem() {
		Random random = new Random(11);
		List<KeyValue> keys = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			keys.add(switch (i % 5) {
				case 0 -> new KeyValue((long) random.nextInt(1_000_000));
				case 1 -> new KeyValue("m-" + Long.toString(random.nextLong(), 36));
				case 2 -> new KeyValue("U:union-" + random.nextInt(50) + "|sy|" + (2020 + random.nextInt(8)));
				case 3 -> new KeyValue(random.nextInt(1000), "x" + random.nextInt(9));
				default -> new KeyValue(new de.bwaldvogel.mongo.bson.ObjectId());
			});
		}
		keys.add(keys.get(3));
		keys.add(new KeyValue(keys.get(7).get(0)));
		SerializedKeyOrder ours = new SerializedKeyOrder();
		ObjectDataType h2 = new ObjectDataType();
		for (KeyValue a : keys) {
			for (KeyValue b : keys) {
				assertThat(Integer.signum(ours.compare(a, b))).as("%s vs %s", a, b)
					.isEqualTo(Integer.signum(h2.compare(a, b)));
			}
		}
	}

	@Test
	void aFileWrittenWithH2sOrderIsReadAndExtendedWithOurs(@TempDir Path folder) {
		Path file = folder.resolve("store.mv.db");
		List<Object> ids = new ArrayList<>();
		Random random = new Random(5);
		// The ledger's _ids: numbers (positions) and text. (Not ObjectIds: with them the
		// stock backend, whose background auto-commit serializes pages while a writer
		// compares serialized keys, fails now and then with "Can not compare" inside H2's
		// shared ObjectDataType, whatever the index order.)
		for (int i = 0; i < 3_000; i++) {
			ids.add((i % 2 == 0) ? (long) i * 7919 % 100_003
					: "key-" + Integer.toString(random.nextInt(), 36) + "-" + i);
		}
		// Written by the stock backend, with H2's own key order.
		H2Backend stock = new H2Backend(file.toString());
		MongoServer server = new MongoServer(stock);
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoStores.openClient("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
			insert(client, ids.subList(0, 2_000));
		}
		server.shutdownNow();
		// Read and extended with ours.
		try (EmbeddedMongoServer ours = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(ours.connectionString())) {
			assertEveryIdFound(client, ids.subList(0, 2_000));
			insert(client, ids.subList(2_000, 3_000));
			assertEveryIdFound(client, ids);
			assertThat(ours.documentsUnreachableById()).isEmpty();
		}
		// Read back by ours after the restart. (Not by the stock backend any more: the
		// documents are now BSON, see BsonDocumentValuesTest.)
		try (EmbeddedMongoServer again = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(again.connectionString())) {
			assertEveryIdFound(client, ids);
			assertThat(again.documentsUnreachableById()).isEmpty();
		}
	}

	private static void insert(MongoClient client, List<Object> ids) {
		MongoCollection<Document> collection = client.getDatabase("test").getCollection("documents");
		for (int from = 0; from < ids.size(); from += 250) {
			List<Document> documents = new ArrayList<>();
			for (Object id : ids.subList(from, Math.min(ids.size(), from + 250))) {
				documents.add(new Document("_id", id).append("value", String.valueOf(id)));
			}
			collection.insertMany(documents);
		}
	}

	private static void assertEveryIdFound(MongoClient client, List<Object> ids) {
		MongoCollection<Document> collection = client.getDatabase("test").getCollection("documents");
		assertThat(collection.countDocuments()).isEqualTo(ids.size());
		for (Object id : ids) {
			Document found = collection.find(Filters.eq("_id", id)).first();
			assertThat(found).as("document %s", id).isNotNull();
			assertThat(found.getString("value")).isEqualTo(String.valueOf(id));
		}
	}

}
