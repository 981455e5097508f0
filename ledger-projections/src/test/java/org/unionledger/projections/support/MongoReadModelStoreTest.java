package org.unionledger.projections.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionledger.eventstore.MongoTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoReadModelStoreTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	@BeforeEach
	void clear() {
		mongo.clear();
	}

	/**
	 * 300 documents of 200 KB: 60 MB, more than one reply of the wire protocol may carry
	 * (48 MB). A keyed read of all of them must still return every one (seen at a million
	 * events: a batch prefetch of 1,000 large index documents failed with "reply message
	 * length 48082441 is greater than the maximum").
	 */
	@Test
	void aKeyedReadOfManyLargeDocumentsReturnsThemAll() {
		MongoReadModelStore store = new MongoReadModelStore(mongo.database());
		String filler = "x".repeat(200_000);
		List<Document> documents = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			ids.add("d-" + i);
			documents.add(new Document("_id", "d-" + i).append("filler", filler).append("n", i));
		}
		for (int from = 0; from < documents.size(); from += 50) {
			store.replaceAll("rm_large", documents.subList(from, from + 50));
		}
		ids.add("missing");

		Map<String, Document> found = store.find("rm_large", ids);

		assertThat(found).hasSize(300).doesNotContainKey("missing");
		assertThat(found.get("d-299").getInteger("n")).isEqualTo(299);
	}

	@Test
	void createdDocumentsAreInsertedAndChangedOnesReplaced() {
		MongoReadModelStore store = new MongoReadModelStore(mongo.database());
		store.replaceAll("rm_w", List.of(new Document("_id", "old").append("n", 1)));

		store.writeAll("rm_w", List.of(new Document("_id", "new").append("n", 2)),
				List.of(new Document("_id", "old").append("n", 3)));

		assertThat(store.find("rm_w", List.of("old", "new"))).hasSize(2)
			.hasEntrySatisfying("old", (d) -> assertThat(d.getInteger("n")).isEqualTo(3))
			.hasEntrySatisfying("new", (d) -> assertThat(d.getInteger("n")).isEqualTo(2));
	}

	/**
	 * A document the batch found absent but that exists when the batch writes (written by
	 * an earlier attempt of the batch, or by another writer) fails the write, so the
	 * batch is handled again from what is stored, and nothing after it is written.
	 */
	@Test
	void aCreatedDocumentThatExistsAfterAllFailsTheWriteBeforeTheReplacements() {
		MongoReadModelStore store = new MongoReadModelStore(mongo.database());
		store.replaceAll("rm_w",
				List.of(new Document("_id", "taken").append("n", 1), new Document("_id", "old").append("n", 1)));

		assertThatThrownBy(() -> store.writeAll("rm_w",
				List.of(new Document("_id", "fresh").append("n", 2), new Document("_id", "taken").append("n", 2)),
				List.of(new Document("_id", "old").append("n", 2))))
			.isInstanceOf(com.mongodb.MongoBulkWriteException.class);

		Map<String, Document> stored = store.find("rm_w", List.of("taken", "old", "fresh"));
		assertThat(stored.get("taken").getInteger("n")).isEqualTo(1);
		assertThat(stored.get("old").getInteger("n")).isEqualTo(1);
	}

}
