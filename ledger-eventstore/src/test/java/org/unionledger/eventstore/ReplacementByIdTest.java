package org.unionledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 store replaces a document named by its string {@code _id} itself (how
 * the read models write), and answers as mongo-java-server's own path does: the same
 * results and the same documents as the memory backend for random replacements, upserts,
 * unchanged and reordered documents; an {@code _id} changed, an insert, or a collection
 * with another unique index still take the server's path.
 */
class ReplacementByIdTest {

	@Test
	void randomReplacementsAnswerAndStoreAsTheServersOwnPath(@TempDir Path folder) {
		try (EmbeddedMongoServer h2 = EmbeddedMongoServer.h2File(folder.resolve("store.mv.db"), 0);
				EmbeddedMongoServer memory = EmbeddedMongoServer.inMemory(0);
				MongoClient ours = MongoStores.openClient(h2.connectionString());
				MongoClient theirs = MongoStores.openClient(memory.connectionString())) {
			Random random = new Random(20261206);
			List<String> results = new ArrayList<>();
			List<String> expected = new ArrayList<>();
			for (int i = 0; i < 3_000; i++) {
				String id = "C:" + random.nextInt(40);
				Document replacement = replacement(random, id);
				boolean upsert = random.nextBoolean();
				results.add(describe(collection(ours).replaceOne(Filters.eq("_id", id), replacement,
						new ReplaceOptions().upsert(upsert))));
				expected.add(describe(collection(theirs).replaceOne(Filters.eq("_id", id), replacement,
						new ReplaceOptions().upsert(upsert))));
			}
			assertThat(results).isEqualTo(expected);
			assertThat(results).as("some replaced, some unchanged, some inserted")
				.anyMatch((r) -> r.startsWith("1/1"))
				.anyMatch((r) -> r.startsWith("1/0"))
				.anyMatch((r) -> r.contains("upserted"));
			List<Document> stored = collection(ours).find().sort(new Document("_id", 1)).into(new ArrayList<>());
			List<Document> theirsStored = collection(theirs).find()
				.sort(new Document("_id", 1))
				.into(new ArrayList<>());
			assertThat(stored).isEqualTo(theirsStored);
			assertThat(stored).as("fields in the server's order")
				.map((d) -> List.copyOf(d.keySet()))
				.isEqualTo(theirsStored.stream().map((d) -> List.copyOf(d.keySet())).toList());
		}
	}

	@Test
	void aReplacementIsKeptAfterTheStoreIsReopenedAndKeepsItsIdFirst(@TempDir Path folder) {
		Path file = folder.resolve("store.mv.db");
		try (EmbeddedMongoServer h2 = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(h2.connectionString())) {
			collection(client).insertOne(new Document("_id", "M:1").append("n", 1L));
			UpdateResult replaced = collection(client).replaceOne(Filters.eq("_id", "M:1"),
					new Document("n", 2L).append("_id", "M:1").append("名", "长安区"));
			assertThat(replaced.getMatchedCount()).isEqualTo(1);
			assertThat(replaced.getModifiedCount()).isEqualTo(1);
		}
		try (EmbeddedMongoServer h2 = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(h2.connectionString())) {
			Document read = collection(client).find(Filters.eq("_id", "M:1")).first();
			assertThat(read).isEqualTo(new Document("_id", "M:1").append("n", 2L).append("名", "长安区"));
			assertThat(read.keySet()).containsExactly("_id", "n", "名");
		}
	}

	@Test
	void whatTheServersPathRefusesIsStillRefused(@TempDir Path folder) {
		try (EmbeddedMongoServer h2 = EmbeddedMongoServer.h2File(folder.resolve("store.mv.db"), 0);
				MongoClient client = MongoStores.openClient(h2.connectionString())) {
			MongoCollection<Document> documents = collection(client);
			documents.insertOne(new Document("_id", "a").append("k", "x"));
			assertThatThrownBy(() -> documents.replaceOne(Filters.eq("_id", "a"), new Document("_id", "b")))
				.as("an _id changed by a replacement")
				.isInstanceOf(MongoWriteException.class)
				.hasMessageContaining("_id");
			assertThat(documents.find(Filters.eq("_id", "a")).first()).containsEntry("k", "x");

			MongoCollection<Document> claims = client.getDatabase("test").getCollection("claims");
			claims.createIndex(Indexes.ascending("person"), new IndexOptions().unique(true));
			claims.insertOne(new Document("_id", "c1").append("person", "p1"));
			claims.insertOne(new Document("_id", "c2").append("person", "p2"));
			assertThatThrownBy(
					() -> claims.replaceOne(Filters.eq("_id", "c2"), new Document("_id", "c2").append("person", "p1")))
				.as("another unique index")
				.isInstanceOf(MongoWriteException.class)
				.hasMessageContaining("duplicate key");
			assertThat(claims.find(Filters.eq("_id", "c2")).first()).containsEntry("person", "p2");
			claims.replaceOne(Filters.eq("_id", "c2"), new Document("_id", "c2").append("person", "p3"));
			claims.insertOne(new Document("_id", "c3").append("person", "p2"));
			assertThat(claims.countDocuments()).isEqualTo(3);
		}
	}

	private static Document replacement(Random random, String id) {
		Document document = new Document();
		int fields = random.nextInt(3);
		// the same few contents again and again, so that many replacements change
		// nothing; sometimes in another order, sometimes with the _id, sometimes without
		if (random.nextInt(3) == 0) {
			document.put("_id", id);
		}
		if (random.nextBoolean()) {
			document.put("a", (long) fields);
			document.put("b", List.of("x", fields));
		}
		else {
			document.put("b", List.of("x", fields));
			document.put("a", (long) fields);
		}
		if (fields == 2) {
			document.put("d", new Document("n", 1).append("名", "石家庄"));
		}
		return document;
	}

	private static String describe(UpdateResult result) {
		return result.getMatchedCount() + "/" + result.getModifiedCount()
				+ ((result.getUpsertedId() != null) ? " upserted " + result.getUpsertedId() : "");
	}

	private static MongoCollection<Document> collection(MongoClient client) {
		return client.getDatabase("test").getCollection("documents");
	}

}
