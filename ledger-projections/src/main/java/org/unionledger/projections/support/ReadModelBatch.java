package org.unionledger.projections.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.axonframework.eventhandling.TrackingToken;
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

	/**
	 * The token stores deferred until the documents are written, by processor and
	 * segment: when batches are carried (see {@link ReadModelTransactionManager}), only
	 * the last token of each segment is stored.
	 */
	private final Map<String, Runnable> tokenStores = new LinkedHashMap<>();

	/** The token the running transaction stored, {@code null} if none. */
	private TrackingToken tokenOfTransaction;

	/** The processor that stored it. */
	private String processorOfTransaction;

	/** The processor's transactions handled into this batch since it was last written. */
	private int transactions;

	/**
	 * When the first transaction since the last write began ({@link System#nanoTime}).
	 */
	private long since;

	/** Handlers' own state for this batch (see {@link #deferred}), by owner. */
	private final Map<Object, Object> deferred = new java.util.IdentityHashMap<>();

	/** The flushes of {@link #deferred} state, in the order the states were made. */
	private final List<Runnable> beforeWrite = new ArrayList<>();

	/** Documents this batch created because the store had none with their id. */
	private final Set<Document> created = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

	/**
	 * While a dry run collects ids (see {@link #prefetchWhatIsUsedBy}), the ids asked
	 * for.
	 */
	private Map<String, Set<String>> wanted;

	/**
	 * Whether the running dry run read the content of a document not loaded yet: only
	 * then may another dry run, over the loaded documents, ask for other ids.
	 */
	private boolean readUnloaded;

	/**
	 * Dry runs per batch: the second one sees the documents the first loaded and so finds
	 * those named in their content (a member's holding union, say).
	 */
	private static final int DRY_RUNS = 3;

	/**
	 * Most ids in one {@code _id $in} read: the embedded server checks every document it
	 * finds against the whole list, so k ids cost k² comparisons; 256 per read moved
	 * about twice as many documents per second as 1,000 on its memory backend.
	 */
	public static final int MAX_IDS_PER_READ = 256;

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
		if (this.wanted != null) {
			want(collection, List.of(id));
			if (document == null) {
				this.readUnloaded = true;
				return empty(id);
			}
			return InMemoryReadModelStore.copy(document);
		}
		if (document == null) {
			document = this.store.find(collection, List.of(id)).get(id);
			if (document == null) {
				document = created(id);
			}
			byId.put(id, document);
		}
		return document;
	}

	/**
	 * One field of a document, for reading only: what {@link #document} would hold in
	 * that field, without handing out (and, in a dry run, copying) the whole document. A
	 * caller must not change the value it gets.
	 */
	public Object field(String collection, String id, String field) {
		if (this.wanted != null) {
			want(collection, List.of(id));
			Document document = this.documents.getOrDefault(collection, Map.of()).get(id);
			if (document == null) {
				this.readUnloaded = true;
				return null;
			}
			return InMemoryReadModelStore.copyValue(document.get(field));
		}
		return document(collection, id).get(field);
	}

	/**
	 * Loads, with one {@code _id $in} read, those of the documents that this batch has
	 * not loaded yet, so that the following {@link #document} calls need no round trip.
	 */
	public void prefetch(String collection, Collection<String> ids) {
		if (this.wanted != null) {
			want(collection, ids);
			return;
		}
		Map<String, Document> byId = this.documents.computeIfAbsent(collection, c -> new LinkedHashMap<>());
		List<String> missing = new ArrayList<>();
		for (String id : ids) {
			if (!byId.containsKey(id)) {
				missing.add(id);
			}
		}
		for (int from = 0; from < missing.size(); from += MAX_IDS_PER_READ) {
			List<String> chunk = missing.subList(from, Math.min(missing.size(), from + MAX_IDS_PER_READ));
			Map<String, Document> found = this.store.find(collection, chunk);
			for (String id : chunk) {
				Document document = found.get(id);
				byId.put(id, (document != null) ? document : created(id));
			}
		}
	}

	/**
	 * Runs {@code dryRun} (handlers over the events of the batch to come) with every read
	 * and change only noted, then loads every document it asked for with as few
	 * {@code _id $in} reads as possible. The dry run changes nothing: a change is not
	 * applied, a document not loaded yet is handed out empty and not kept. Documents that
	 * a handler finds only through another document's content are missed and loaded when
	 * the real run asks for them, so prefetching saves round trips and never changes a
	 * result.
	 */
	public void prefetchWhatIsUsedBy(Runnable dryRun) {
		if (this.wanted != null) {
			dryRun.run();
			return;
		}
		for (int round = 0; round < DRY_RUNS; round++) {
			Map<String, Set<String>> collected = new LinkedHashMap<>();
			this.wanted = collected;
			this.readUnloaded = false;
			try {
				dryRun.run();
			}
			finally {
				this.wanted = null;
			}
			boolean contentMissed = this.readUnloaded;
			boolean more = false;
			for (Map.Entry<String, Set<String>> entry : collected.entrySet()) {
				Map<String, Document> loaded = this.documents.getOrDefault(entry.getKey(), Map.of());
				more |= !loaded.keySet().containsAll(entry.getValue());
				prefetch(entry.getKey(), entry.getValue());
			}
			if (!more || !contentMissed) {
				// every document asked for is loaded now; or no handler read a document
				// that was not loaded, so another dry run would ask for the same ids
				return;
			}
		}
	}

	private void want(String collection, Collection<String> ids) {
		this.wanted.computeIfAbsent(collection, c -> new LinkedHashSet<>()).addAll(ids);
	}

	private static Document empty(String id) {
		return new Document("_id", id).append(LAST_POSITION, -1L);
	}

	/** An empty document for an id the store has none for, written as an insert. */
	private Document created(String id) {
		Document document = empty(id);
		this.created.add(document);
		return document;
	}

	/**
	 * Applies a change for the event at {@code position} to a document unless the
	 * document has already seen that event.
	 * @return whether the change was applied
	 */
	public boolean apply(String collection, String id, long position, Consumer<Document> change) {
		if (this.wanted != null) {
			want(collection, List.of(id));
			return false;
		}
		Document document = document(collection, id);
		if (((Number) document.getOrDefault(LAST_POSITION, -1L)).longValue() >= position) {
			return false;
		}
		change.accept(document);
		document.put(LAST_POSITION, position);
		this.dirty.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
		return true;
	}

	/**
	 * Whether a dry run is collecting the ids to prefetch (see
	 * {@link #prefetchWhatIsUsedBy}): changes are not applied then, and a handler may
	 * skip work whose documents it loads itself later.
	 */
	public boolean dryRun() {
		return this.wanted != null;
	}

	/**
	 * A handler's own state for this batch, made on first use for {@code owner}: changes
	 * it gathers over the batch's events and hands to the documents in {@code flush},
	 * which runs once when the batch commits, before the documents are written (and not
	 * at all if the batch is rolled back). A flush changes documents through
	 * {@link #apply}, with each event's position as usual, so that the documents'
	 * {@code lastPosition} keeps every event counting exactly once; it may
	 * {@link #prefetch} them first.
	 */
	@SuppressWarnings("unchecked")
	public <T> T deferred(Object owner, java.util.function.Supplier<T> create, Consumer<T> flush) {
		Object state = this.deferred.get(owner);
		if (state == null) {
			T made = create.get();
			this.deferred.put(owner, made);
			this.beforeWrite.add(() -> flush.accept(made));
			return made;
		}
		return (T) state;
	}

	/**
	 * Stores a processor's token once all documents are written: {@code store} replaces
	 * an earlier store of the same processor and segment not run yet.
	 * @param ofABatch whether the processor stores it for a batch of events it handled
	 * (inside the batch's unit of work), not for a reset or for events it skipped
	 */
	void storeTokenAfterWrite(String processor, int segment, TrackingToken token, boolean ofABatch, Runnable store) {
		this.tokenStores.remove(processor + "/" + segment);
		this.tokenStores.put(processor + "/" + segment, store);
		if (ofABatch && this.tokenOfTransaction == null && this.processorOfTransaction == null) {
			this.tokenOfTransaction = token;
			this.processorOfTransaction = processor;
		}
		else {
			// a second token in one transaction, or one stored for no batch: the
			// transaction is written, never carried
			this.tokenOfTransaction = null;
			this.processorOfTransaction = "";
		}
	}

	/** A transaction of the processor begins on this batch. */
	void beginTransaction() {
		if (this.transactions == 0) {
			this.since = System.nanoTime();
		}
		this.transactions++;
		this.tokenOfTransaction = null;
		this.processorOfTransaction = null;
	}

	/** The token the running transaction stored, {@code null} if none. */
	TrackingToken tokenOfTransaction() {
		return this.tokenOfTransaction;
	}

	/**
	 * The processor that stored the running transaction's token, {@code null} if none.
	 */
	String processorOfTransaction() {
		return this.processorOfTransaction;
	}

	/** Transactions handled into this batch since it was last written. */
	int transactions() {
		return this.transactions;
	}

	/** Documents held in memory. */
	int documentCount() {
		int count = 0;
		for (Map<String, Document> byId : this.documents.values()) {
			count += byId.size();
		}
		return count;
	}

	/** Nanoseconds since the first transaction after the last write began. */
	long age() {
		return (this.transactions == 0) ? 0 : System.nanoTime() - this.since;
	}

	void write() {
		for (Runnable flush : this.beforeWrite) {
			flush.run();
		}
		this.beforeWrite.clear();
		this.deferred.clear();
		for (Map.Entry<String, Set<String>> entry : this.dirty.entrySet()) {
			Map<String, Document> byId = this.documents.get(entry.getKey());
			List<Document> created = new ArrayList<>();
			List<Document> changed = new ArrayList<>(entry.getValue().size());
			for (String id : entry.getValue()) {
				Document document = byId.get(id);
				(this.created.contains(document) ? created : changed).add(document);
			}
			this.store.writeAll(entry.getKey(), created, changed);
		}
		this.documents.clear();
		this.dirty.clear();
		this.created.clear();
		List<Runnable> stores = new ArrayList<>(this.tokenStores.values());
		this.tokenStores.clear();
		this.transactions = 0;
		this.tokenOfTransaction = null;
		for (Runnable store : stores) {
			store.run();
		}
	}

}
