package org.unionledger.projections.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * The read-model documents a processor touches while it handles one batch of events. Each
 * document is read once by {@code _id}, changed in memory, and written back by
 * {@code _id} when the batch commits; only then is the processor's token stored (see
 * {@link ReadModelTransactionManager}). A crash in between redelivers the batch, and each
 * document's {@code lastPosition} makes re-applying an event a no-op, so every event
 * counts exactly once without transactions.
 */
public final class ReadModelBatch {

	/** Field holding the global position of the last event applied to a document. */
	public static final String LAST_POSITION = "lastPosition";

	private static final ThreadLocal<ReadModelBatch> CURRENT = new ThreadLocal<>();

	private final MongoDatabase database;

	private final Map<String, Map<String, Document>> documents = new LinkedHashMap<>();

	private final List<Runnable> afterWrite = new ArrayList<>();

	ReadModelBatch(MongoDatabase database) {
		this.database = database;
	}

	/** The batch bound to this thread by a running read-model transaction. */
	public static ReadModelBatch current() {
		ReadModelBatch batch = CURRENT.get();
		if (batch == null) {
			throw new IllegalStateException("read models change only inside a ReadModelTransactionManager transaction");
		}
		return batch;
	}

	static ReadModelBatch bound() {
		return CURRENT.get();
	}

	void bind() {
		CURRENT.set(this);
	}

	void unbind() {
		CURRENT.remove();
	}

	/**
	 * The document with this id in the collection, loaded on first use or created empty
	 * (with {@code lastPosition} -1).
	 */
	public Document document(String collection, String id) {
		Map<String, Document> byId = this.documents.computeIfAbsent(collection, c -> new LinkedHashMap<>());
		return byId.computeIfAbsent(id, key -> {
			Document found = this.database.getCollection(collection).find(Filters.eq("_id", key)).first();
			return (found != null) ? found : new Document("_id", key).append(LAST_POSITION, -1L);
		});
	}

	/**
	 * Applies a change for the event at {@code position} to a document unless the
	 * document has already seen that event.
	 * @return whether the change was applied
	 */
	public boolean apply(String collection, String id, long position, java.util.function.Consumer<Document> change) {
		Document document = document(collection, id);
		if (document.get(LAST_POSITION, -1L) >= position) {
			return false;
		}
		change.accept(document);
		document.put(LAST_POSITION, position);
		return true;
	}

	/** Runs once all documents are written, e.g. storing the processor's token. */
	void afterWrite(Runnable action) {
		this.afterWrite.add(action);
	}

	void write() {
		ReplaceOptions upsert = new ReplaceOptions().upsert(true);
		for (Map.Entry<String, Map<String, Document>> entry : this.documents.entrySet()) {
			if (entry.getValue().isEmpty()) {
				continue;
			}
			List<WriteModel<Document>> writes = new ArrayList<>(entry.getValue().size());
			for (Document document : entry.getValue().values()) {
				writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, upsert));
			}
			MongoCollection<Document> collection = this.database.getCollection(entry.getKey());
			collection.bulkWrite(writes);
		}
		this.documents.clear();
		for (Runnable action : this.afterWrite) {
			action.run();
		}
		this.afterWrite.clear();
	}

}
