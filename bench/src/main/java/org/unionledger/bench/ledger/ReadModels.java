package org.unionledger.bench.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.unionledger.projections.credentials.CredentialProjection;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.summary.SummaryProjection;

/** Every read-model document, for comparing read models before and after a replay. */
public final class ReadModels {

	private ReadModels() {
	}

	/** The documents of each read-model collection, sorted by {@code _id}. */
	public static Map<String, List<Document>> snapshot(MongoDatabase database) {
		Map<String, List<Document>> snapshot = new LinkedHashMap<>();
		List<String> collections = new ArrayList<>(
				List.of(SummaryProjection.COLLECTION, CredentialProjection.COLLECTION));
		collections.addAll(StatisticsProjection.COLLECTIONS);
		for (String collection : collections) {
			snapshot.put(collection,
					database.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
		}
		return snapshot;
	}

	/** A summary document's {@code activeMembers}, 0 when absent. */
	public static long active(MongoDatabase database, String key) {
		Document document = database.getCollection(SummaryProjection.COLLECTION).find(new Document("_id", key)).first();
		return (document == null) ? 0 : ((Number) document.getOrDefault("activeMembers", 0L)).longValue();
	}

}
