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

}
