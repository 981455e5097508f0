package org.unionledger.projections.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * Read models in MongoDB: reads are one {@code _id} equality or {@code _id $in}, writes
 * one bulk of upserting replacements by {@code _id} per collection.
 */
public final class MongoReadModelStore implements ReadModelStore {

	/**
	 * Documents per reply of a keyed read. The embedded server does not cut a reply at
	 * the wire protocol's 48 MB limit as MongoDB does, and read-model documents can be
	 * large (an index day of a province), so a read of many ids is fetched in replies of
	 * at most this many documents.
	 */
	static final int MAX_DOCUMENTS_PER_REPLY = 100;

	private final MongoDatabase database;

	public MongoReadModelStore(MongoDatabase database) {
		this.database = database;
	}

	@Override
	public Map<String, Document> find(String collection, Collection<String> ids) {
		Map<String, Document> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		var query = (ids.size() == 1) ? Filters.eq("_id", ids.iterator().next()) : Filters.in("_id", ids);
		for (Document document : this.database.getCollection(collection)
			.find(query)
			.batchSize(Math.min(Math.max(ids.size(), 2), MAX_DOCUMENTS_PER_REPLY))) {
			found.put(document.getString("_id"), document);
		}
		return found;
	}

	@Override
	public void scan(String collection, Consumer<Document> action) {
		for (Document document : this.database.getCollection(collection).find().batchSize(MAX_DOCUMENTS_PER_REPLY)) {
			action.accept(document);
		}
	}

	@Override
	public void replaceAll(String collection, List<Document> documents) {
		if (documents.isEmpty()) {
			return;
		}
		ReplaceOptions upsert = new ReplaceOptions().upsert(true);
		List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
		for (Document document : documents) {
			writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, upsert));
		}
		this.database.getCollection(collection).bulkWrite(writes);
	}

	/**
	 * Inserts the created documents and replaces the changed ones, in one ordered bulk
	 * write: a replacement with upsert costs the embedded server a look-up and an update
	 * computation per document, an insert only the insert. A created document that exists
	 * after all fails the bulk write at that document, before the replacements.
	 */
	@Override
	public void writeAll(String collection, List<Document> created, List<Document> changed) {
		if (created.isEmpty()) {
			replaceAll(collection, changed);
			return;
		}
		ReplaceOptions upsert = new ReplaceOptions().upsert(true);
		List<WriteModel<Document>> writes = new ArrayList<>(created.size() + changed.size());
		for (Document document : created) {
			writes.add(new InsertOneModel<>(document));
		}
		for (Document document : changed) {
			writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, upsert));
		}
		this.database.getCollection(collection).bulkWrite(writes);
	}

}
