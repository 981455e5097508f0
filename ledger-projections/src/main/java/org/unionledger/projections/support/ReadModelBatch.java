package org.unionledger.projections.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.bson.Document;

/**
 * The read-model documents a processor touches while it handles one batch of events. Each
 * document is read once by {@code _id}, changed in memory, and written back by
 * {@code _id} when the batch commits; only then is the processor's token stored (see
 * {@link ReadModelTransactionManager}). A crash in between redelivers the batch, and each
 * document's {@code lastPosition} makes re-applying an event a no-op, so every event
 * counts exactly once without transactions.
 * <p>
 * A handler that changes a document must do so in one {@link #apply} per event: a second
 * {@code apply} of the same event to the same document is ignored, as a redelivery would
 * be. A handler that derives changes from other documents (rather than from the event
 * alone) must derive them from what those documents held <em>before</em> the event, as
 * they may already include it after a partly written batch.
 */
public final class ReadModelBatch {

	/** Field holding the global position of the last event applied to a document. */
	public static final String LAST_POSITION = "lastPosition";

	private static final ThreadLocal<ReadModelBatch> CURRENT = new ThreadLocal<>();

	private final ReadModelStore store;

	private final Map<String, Map<String, Document>> documents = new LinkedHashMap<>();

	private final Map<String, Set<String>> dirty = new LinkedHashMap<>();

	private final List<Runnable> afterWrite = new ArrayList<>();

	ReadModelBatch(ReadModelStore store) {
		this.store = store;
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
		Document document = byId.get(id);
		if (document == null) {
			document = this.store.find(collection, List.of(id)).get(id);
			if (document == null) {
				document = empty(id);
			}
			byId.put(id, document);
		}
		return document;
	}

	/**
	 * Loads, with one {@code _id $in} read, those of the documents that this batch has
	 * not loaded yet, so that the following {@link #document} calls need no round trip.
	 */
	public void prefetch(String collection, Collection<String> ids) {
		Map<String, Document> byId = this.documents.computeIfAbsent(collection, c -> new LinkedHashMap<>());
		List<String> missing = new ArrayList<>();
		for (String id : ids) {
			if (!byId.containsKey(id)) {
				missing.add(id);
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		Map<String, Document> found = this.store.find(collection, missing);
		for (String id : missing) {
			Document document = found.get(id);
			byId.put(id, (document != null) ? document : empty(id));
		}
	}

	private static Document empty(String id) {
		return new Document("_id", id).append(LAST_POSITION, -1L);
	}

	/**
	 * Applies a change for the event at {@code position} to a document unless the
	 * document has already seen that event.
	 * @return whether the change was applied
	 */
	public boolean apply(String collection, String id, long position, Consumer<Document> change) {
		Document document = document(collection, id);
		if (((Number) document.getOrDefault(LAST_POSITION, -1L)).longValue() >= position) {
			return false;
		}
		change.accept(document);
		document.put(LAST_POSITION, position);
		this.dirty.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
		return true;
	}

	/** Runs once all documents are written, e.g. storing the processor's token. */
	void afterWrite(Runnable action) {
		this.afterWrite.add(action);
	}

	void write() {
		for (Map.Entry<String, Set<String>> entry : this.dirty.entrySet()) {
			Map<String, Document> byId = this.documents.get(entry.getKey());
			List<Document> changed = new ArrayList<>(entry.getValue().size());
			for (String id : entry.getValue()) {
				changed.add(byId.get(id));
			}
			this.store.replaceAll(entry.getKey(), changed);
		}
		this.documents.clear();
		this.dirty.clear();
		for (Runnable action : this.afterWrite) {
			action.run();
		}
		this.afterWrite.clear();
	}

}
