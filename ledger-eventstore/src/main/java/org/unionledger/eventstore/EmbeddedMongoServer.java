package org.unionledger.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB-wire server (mongo-java-server) on 127.0.0.1, for running without
 * a MongoDB installation. Two backends: {@link #inMemory(int) memory} (gone on close) and
 * {@link #h2File(Path, int) H2 file} (survives restarts). It enforces unique indexes but
 * ignores others, has no transactions, and answers every query that is not a pure
 * {@code _id} lookup by scanning the collection; {@link MongoEventStorageEngine} and
 * {@link MongoTokenStore} are built for exactly that.
 * <p>
 * The H2 backend commits its MVStore to the file after every write command, before the
 * write is acknowledged, and at no other time. mongo-java-server's own H2 backend leaves
 * that to the MVStore's background auto-commit (about a second later): a {@code kill -9}
 * then lost acknowledged writes, and, because the background commit does not capture all
 * maps at one instant, could keep a later write of a client without an earlier one (an
 * events document marked committed without its streams document). A commit must not catch
 * a write half-way either: an insert puts the document first and its index entries after,
 * so a commit between the two leaves in the file a document that no {@code _id} read
 * finds and that no later insert of the same {@code _id} can replace (it fails with an
 * internal error, not a duplicate key). Write commands therefore run one at a time, each
 * followed by its commit, and the background auto-commit is off. Every acknowledged write
 * survives a process crash, whole, in the order it was acknowledged (the file is not
 * fsync'ed per write: a power loss can still lose the last writes), except an update sent
 * with write concern {@code j: false}, which the client said it can lose: it is answered
 * before its commit and committed with the next write or within a second (see
 * {@link CommittingH2Backend}). The file still holds a prefix of the writes in order.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

	private final MongoBackend backend;

	private final MongoServer server;

	private final InetSocketAddress address;

	private final String description;

	/** The H2 file a writable store keeps its data in, or null. */
	private Path file;

	private EmbeddedMongoServer(MongoBackend backend, int port, String description) {
		this.backend = backend;
		this.server = new MongoServer(backend);
		this.server.bind("127.0.0.1", port);
		this.address = this.server.getLocalAddress();
		this.description = description;
	}

	/** A memory-backed server; {@code port} 0 picks a free port. */
	public static EmbeddedMongoServer inMemory(int port) {
		return new EmbeddedMongoServer(new MemoryBackend(), port, "memory");
	}

	/**
	 * A server storing its data in the H2 MVStore file {@code file} (created with its
	 * folders when missing), which a later server on the same file reads back.
	 * {@code port} 0 picks a free port.
	 */
	public static EmbeddedMongoServer h2File(Path file, int port) {
		return h2File(file, "", port);
	}

	/**
	 * {@link #h2File(Path, int)} with H2 reaching the file through the H2 file system
	 * {@code h2FileSystem} (a prefix such as {@code "diskfull:"} registered with H2's
	 * {@code FilePath.register}; empty for the plain disk): the seam through which tests
	 * inject a full disk below the store.
	 */
	public static EmbeddedMongoServer h2File(Path file, String h2FileSystem, int port) {
		Path absolute = file.toAbsolutePath();
		try {
			if (absolute.getParent() != null) {
				Files.createDirectories(absolute.getParent());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the folder of " + absolute, ex);
		}
		String fileName = h2FileSystem + absolute;
		EmbeddedMongoServer server = new EmbeddedMongoServer(
				new ReopeningH2Backend(() -> StoreFileCheck.open(absolute, () -> new CommittingH2Backend(fileName)),
						absolute.toString()),
				port, "h2 file " + absolute);
		server.file = absolute;
		ownerOnly(absolute.getParent(), "rwx------");
		ownerOnly(absolute, "rw-------");
		Map<String, Long> torn = server.documentsUnreachableById();
		if (!torn.isEmpty()) {
			LoggerFactory.getLogger(EmbeddedMongoServer.class)
				.error("The store file {} holds documents that no _id read finds, per collection: {}. A crash of a "
						+ "version before the whole-write commits can leave them (a write caught half-way); an insert "
						+ "of such an _id fails with an internal error, and a stream reader that meets one in the "
						+ "events collection stops. Restore the file from a copy taken while no ledger ran; this "
						+ "version detects such documents but does not repair them.", absolute, torn);
		}
		return server;
	}

	/**
	 * Restricts a file or folder of the store to its owner: the file holds every member's
	 * events (personal data encrypted, but who enrolled where in the clear). No-op where
	 * the file system has no POSIX permissions.
	 */
	private static void ownerOnly(Path path, String permissions) {
		if (path == null) {
			return;
		}
		try {
			Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the platform's defaults apply.
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot restrict " + path + " to its owner", ex);
		}
	}

	/**
	 * For an H2 store: the collections ({@code database.collection}) that hold more
	 * documents than their {@code _id} index has entries, with the difference: documents
	 * that a write torn by a crash left behind (see the class comment). Empty when there
	 * are none, and for the memory backend. Costs one look-up per collection.
	 */
	public Map<String, Long> documentsUnreachableById() {
		H2Backend h2 = h2();
		if (h2 == null) {
			return Map.of();
		}
		MVStore store = h2.getMvStore();
		Map<String, Long> torn = new TreeMap<>();
		for (String name : store.getMapNames()) {
			if (!name.startsWith(DATA_MAP_PREFIX) || name.contains("._index_")) {
				continue;
			}
			String collection = name.substring(DATA_MAP_PREFIX.length());
			String index = collection + "._index__id_";
			if (!store.hasMap(index)) {
				continue;
			}
			// Opened as the backend opens them: H2 keeps the first opening's types.
			long documents = openAsTheBackendDoes(store, name).sizeAsLong();
			long indexed = openAsTheBackendDoes(store, index).sizeAsLong();
			if (documents != indexed) {
				torn.put(collection, documents - indexed);
			}
		}
		return torn;
	}

	/**
	 * For an H2 file store: the MVStore commits made and the write commands they covered
	 * so far (fewer commits than commands when writers queued up); empty otherwise.
	 */
	public java.util.Optional<long[]> h2Commits() {
		if (h2() instanceof CommittingH2Backend h2) {
			return java.util.Optional.of(new long[] { h2.commits(), h2.writeCommands() });
		}
		return java.util.Optional.empty();
	}

	/**
	 * mongo-java-server's H2 backend names a collection's data map
	 * {@code databases.<db>.<collection>} and its {@code _id} index
	 * {@code <db>.<collection>._index__id_}.
	 */
	private static final String DATA_MAP_PREFIX = "databases.";

	/**
	 * A server that reads the H2 file {@code file} without writing to it: the MVStore is
	 * opened read-only (a shared lock on the file), so every write command fails and the
	 * file is left exactly as it was. A process that has the file open for writing (a
	 * running ledger) holds an exclusive lock; then this throws
	 * {@link StoreLockedException}.
	 */
	public static EmbeddedMongoServer h2FileReadOnly(Path file, int port) {
		Path absolute = file.toAbsolutePath();
		if (!Files.isRegularFile(absolute)) {
			throw new IllegalArgumentException("no store file " + absolute);
		}
		MVStore store;
		try {
			store = new MVStore.Builder().fileName(absolute.toString()).readOnly().cacheSize(cacheMegabytes()).open();
		}
		catch (MVStoreException ex) {
			if (ex.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
				throw new StoreLockedException(absolute, ex);
			}
			throw ex;
		}
		return new EmbeddedMongoServer(new ReadOnlyH2Backend(store), port, "h2 file (read only) " + absolute);
	}

	/**
	 * Checks that the H2 file {@code file}, when it exists, can be the ledger's store:
	 * not empty, an H2 store, not truncated, readable (every entry of every map read with
	 * {@code full}). Reads only. A missing file passes (a new store).
	 * @throws StoreFileDamagedException when it is damaged
	 * @throws StoreLockedException when a process has it open for writing
	 */
	public static void checkStoreFile(Path file, boolean full) {
		StoreFileCheck.check(file.toAbsolutePath(), full);
	}

	/** The H2 file is held by another process (e.g. a running ledger). */
	public static final class StoreLockedException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		StoreLockedException(Path file, Throwable cause) {
			super("the store file " + file + " is locked by another process (a running ledger?); stop it, "
					+ "or point at a MongoDB the ledger writes to", cause);
		}

	}

	/** Whether the backend holds writes not yet committed to its file (H2 only). */
	boolean hasUncommittedWrites() {
		H2Backend h2 = h2();
		return h2 != null && h2.getMvStore().hasUnsavedChanges();
	}

	/** The H2 backend in use (the reopened one after a failure), or null. */
	private H2Backend h2() {
		if (this.backend instanceof ReopeningH2Backend reopening) {
			return reopening.current();
		}
		return (this.backend instanceof H2Backend h2) ? h2 : null;
	}

	/**
	 * Space on the disk of an H2 file store below which it counts as unable to write. H2
	 * first writes into the free space inside its file, and a small write (a probe, a
	 * token update) can fit there while a commit of a few documents no longer does: on a
	 * full disk such small writes succeed between refused ones.
	 */
	public static final long MIN_FREE_BYTES = 64L << 20;

	/**
	 * Why the store cannot write now, or empty when it can: for an H2 file store, a write
	 * it refused with no write taken since (a store that refused one tries a small write
	 * first, so that it answers for now, not for the last client's write; a store that
	 * can write is not written to), or less than {@link #MIN_FREE_BYTES} left on its
	 * disk. Always empty for the memory backend.
	 */
	public java.util.Optional<String> writeFault() {
		if (!(this.backend instanceof ReopeningH2Backend reopening)) {
			return java.util.Optional.empty();
		}
		java.util.Optional<String> refused = reopening.writeFault().isPresent() ? reopening.probe()
				: java.util.Optional.empty();
		if (refused.isPresent()) {
			return refused;
		}
		try {
			long free = Files.getFileStore(this.file.getParent()).getUsableSpace();
			if (free < MIN_FREE_BYTES) {
				return java.util.Optional.of("only " + free + " bytes left on the disk of " + this.file);
			}
		}
		catch (IOException ex) {
			return java.util.Optional.of("the disk of " + this.file + " cannot be asked for its free space: " + ex);
		}
		return java.util.Optional.empty();
	}

	/** Times an H2 file store was reopened after a failure of its file. */
	public long reopens() {
		return (this.backend instanceof ReopeningH2Backend reopening) ? reopening.reopens() : 0;
	}

	/** {@code mongodb://127.0.0.1:<port>}. */
	public String connectionString() {
		return "mongodb://127.0.0.1:" + port();
	}

	public int port() {
		return this.address.getPort();
	}

	/** Closes client connections and the backend; an H2 file is flushed and closed. */
	@Override
	public void close() {
		this.server.shutdownNow();
	}

	@Override
	public String toString() {
		return "EmbeddedMongoServer[" + this.description + " on " + connectionString() + "]";
	}

	/**
	 * mongo-java-server's H2 backend with its unique indexes kept in maps ordered by
	 * {@link SerializedKeyOrder}: the same order as before, without serializing both keys
	 * at every comparison.
	 */
	static class KeyOrderedH2Backend extends H2Backend {

		KeyOrderedH2Backend(MVStore store) {
			super(store);
		}

		@Override
		protected MongoDatabase openOrCreateDatabase(String databaseName) {
			return new KeyOrderedDatabase(databaseName);
		}

		/** A database whose unique indexes use the backend's key order. */
		private final class KeyOrderedDatabase extends H2Database {

			KeyOrderedDatabase(String databaseName) {
				super(databaseName, getMvStore(), getCursorRegistry());
			}

			@Override
			protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				MVMap<KeyValue, Object> map = getMvStore()
					.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName, indexMap());
				return new SerializedKeyOrder.Index(map, indexName, keys, sparse);
			}

			/** Documents kept as BSON ({@link BsonDocumentValues}). */
			@Override
			protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
				String fullName = getFullCollectionNamespace(collectionName);
				MVMap<Object, Object> data = getMvStore().openMap(DATA_MAP_PREFIX + fullName, dataMap());
				MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
				return new BsonCollection(this, collectionName, options, data, meta, getCursorRegistry());
			}

		}

		/**
		 * A collection whose documents its map keeps as BSON
		 * ({@link BsonDocumentValues.Stored}): each read decodes a copy, each insert and
		 * update encodes the document once. mongo-java-server's own collection keeps the
		 * decoded documents in the map and changes them in place before it puts them
		 * back; here what a command changes is its own copy until it is put back.
		 */
		private static final class BsonCollection extends H2Collection {

			private static final String ID_FIELD = "_id";

			private final MVMap<Object, Object> data;

			@SuppressWarnings({ "unchecked", "rawtypes" })
			BsonCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, ?> data,
					MVMap<String, Object> meta, CursorRegistry cursors) {
				super(database, name, options, (MVMap) data, meta, cursors);
				this.data = (MVMap<Object, Object>) data;
			}

			@Override
			protected Object addDocumentInternal(Document document) {
				Object key = (getIdField() != null) ? Utils.getSubdocumentValue(document, getIdField())
						: java.util.UUID.randomUUID();
				Object previous = this.data.put(Missing.ofNullable(key), BsonDocumentValues.stored(document));
				if (previous != null) {
					throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
				}
				return key;
			}

			@Override
			protected Document getDocument(Object position) {
				return BsonDocumentValues.document(this.data.get(position));
			}

			@Override
			protected void removeDocument(Object position) {
				if (this.data.remove(position) == null) {
					throw new java.util.NoSuchElementException("No document with key " + position);
				}
			}

			@Override
			protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
				return this.data.entrySet()
					.stream()
					.map((entry) -> new DocumentWithPosition<>(BsonDocumentValues.document(entry.getValue()),
							entry.getKey()));
			}

			@Override
			protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
					int batchSize, Document fieldSelector) {
				Stream<Document> documents;
				if (isNaturalDescending(orderBy)) {
					documents = streamAllDocumentsWithPosition()
						.sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
						.map(DocumentWithPosition::getDocument);
				}
				else {
					documents = this.data.values().stream().map(BsonDocumentValues::document);
				}
				return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize,
						fieldSelector);
			}

			@Override
			protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
				this.data.put(Missing.ofNullable(position), BsonDocumentValues.stored(newDocument));
			}

			/**
			 * A whole document replaced by its string {@code _id} (how the read models
			 * write) in a collection indexed by {@code _id} alone: the stored document is
			 * decoded once, the replacement applied to it, and its bytes put in place,
			 * unless they are the bytes it had. mongo-java-server's path cloned the
			 * stored document twice and compared every index's keys for each replacement
			 * (about a third of the embedded server's samples while the demo is seeded).
			 * Any other update, a replacement changing {@code _id} or one that would
			 * insert, takes that path.
			 */
			@Override
			public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
					boolean isMulti, boolean isUpsert, Oplog oplog) {
				Object id = replacedId(selector, update, isMulti);
				Object stored = (id != null) ? this.data.get(id) : null;
				if (stored == null) {
					return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
				}
				// As mongo-java-server does it: the stored
				// document keeps the order of its fields, drops
				// those the replacement lacks and takes the new
				// values. It is written, and counts as modified,
				// unless that gives the bytes it had (the server
				// compares numbers by value there: an int replaced
				// by an equal long is not modified in its path and
				// is modified here).
				Document merged = BsonDocumentValues.document(stored);
				merged.keySet().removeIf((key) -> !ID_FIELD.equals(key) && !update.containsKey(key));
				update.forEach((key, value) -> {
					if (!ID_FIELD.equals(key)) {
						merged.put(key, value);
					}
				});
				Object written = BsonDocumentValues.stored(merged);
				if (written.equals(stored)) {
					return replaced(selector, update, oplog, id, false);
				}
				this.data.put(id, written);
				return replaced(selector, update, oplog, id, true);
			}

			private Document replaced(Document selector, Document update, Oplog oplog, Object id, boolean modified) {
				oplog.handleUpdate(getFullName(), selector, update, modified ? List.of(id) : List.of());
				Document result = new Document();
				result.put("n", 1);
				result.put("nModified", modified ? 1 : 0);
				return result;
			}

			/**
			 * The string {@code _id} a replacement of one document names, or {@code null}
			 * when the update is not one this collection replaces itself.
			 */
			private Object replacedId(Document selector, Document update, boolean isMulti) {
				if (isMulti || selector.size() != 1 || !(selector.get(ID_FIELD) instanceof String id)
						|| update.isEmpty() || !ID_FIELD.equals(getIdField())) {
					return null;
				}
				for (String key : update.keySet()) {
					if (key.startsWith("$")) {
						return null;
					}
				}
				Object newId = update.get(ID_FIELD);
				if (newId != null && !id.equals(newId)) {
					return null;
				}
				for (Index<Object> index : getIndexes()) {
					if (index.getKeys().size() != 1 || !ID_FIELD.equals(index.getKeys().get(0).getKey())) {
						return null;
					}
				}
				return id;
			}

			/**
			 * No running total of the collection's BSON size: the server would encode
			 * every inserted document, and both the old and the new one of every update,
			 * only to measure them (besides the encoding that stores them), and write the
			 * total into the collection's meta map, one more changed page per collection
			 * and commit. Nothing of the ledger reads it ({@code collStats} and
			 * {@code validate} report the size the file had when this was introduced).
			 */
			@Override
			protected boolean tracksDataSize() {
				return false;
			}

		}

	}

	/**
	 * Megabytes of H2's page cache: the system property {@code ledger.h2.cache-mb}, else
	 * an eighth of the maximum heap, at least H2's default of 16. A page that falls out
	 * of the cache is read and decoded again on its next use, so a store larger than the
	 * cache pays for every miss.
	 */
	static int cacheMegabytes() {
		String configured = System.getProperty("ledger.h2.cache-mb");
		if (configured != null && !configured.isBlank()) {
			return Math.max(1, Integer.parseInt(configured.trim()));
		}
		return (int) Math.max(16, Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024));
	}

	/**
	 * Opens a map of an H2 store with the types the backend gives it (documents as BSON,
	 * index keys in {@link SerializedKeyOrder}, H2's defaults for the rest): H2 keeps the
	 * types of a map's first opening, and a reader with other types misreads it.
	 */
	static MVMap<?, ?> openAsTheBackendDoes(MVStore store, String name) {
		if (name.contains("._index_")) {
			return store.openMap(name, indexMap());
		}
		if (name.startsWith(DATA_MAP_PREFIX)) {
			return store.openMap(name, dataMap());
		}
		return store.openMap(name);
	}

	/**
	 * How long H2 keeps a replaced chunk before reusing its space: the system property
	 * {@code ledger.h2.retention-ms}, else 2,000 ms.
	 */
	static int retentionMillis() {
		String configured = System.getProperty("ledger.h2.retention-ms");
		if (configured != null && !configured.isBlank()) {
			return Math.max(0, Integer.parseInt(configured.trim()));
		}
		return 2_000;
	}

	/** How a unique index's map is opened: keys in {@link SerializedKeyOrder}. */
	private static MVMap.Builder<KeyValue, Object> indexMap() {
		return new MVMap.Builder<KeyValue, Object>().keyType(KEY_ORDER);
	}

	/** How a collection's data map is opened: documents as BSON. */
	private static MVMap.Builder<Object, Object> dataMap() {
		return new MVMap.Builder<Object, Object>().valueType(new BsonDocumentValues());
	}

	/**
	 * One key order for every H2 backend of the process: equal keys have equal bytes in
	 * any store, so the keys it remembers serve them all.
	 */
	private static final SerializedKeyOrder KEY_ORDER = new SerializedKeyOrder();

	/**
	 * An H2 backend on a read-only MVStore that refuses every command that writes (code
	 * 13, Unauthorized) instead of applying it in memory.
	 */
	private static final class ReadOnlyH2Backend extends KeyOrderedH2Backend {

		ReadOnlyH2Backend(MVStore store) {
			super(store);
		}

		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			if (CommittingH2Backend.WRITES.contains(command.toLowerCase(Locale.ROOT))) {
				throw new MongoServerError(13, "Unauthorized", "this store is opened read-only");
			}
			return super.handleCommand(channel, databaseName, command, query);
		}

	}

	/**
	 * The H2 backend that runs write commands one at a time and answers none before the
	 * MVStore commit that holds it, on a store whose background auto-commit is off: the
	 * file only ever holds whole write commands, and every acknowledged write is in it.
	 * <p>
	 * <b>Group commit.</b> A commit is made only between write commands, by the writer
	 * that holds the write lock. A writer that finishes its command while other writers
	 * wait for the lock leaves the commit to them and waits until a commit covers its
	 * command; the last writer of such a run commits for all of them. A writer alone
	 * commits at once, as before. So a {@code kill -9} can lose only commands no client
	 * was answered for, never part of one.
	 * <p>
	 * <b>Failed commit.</b> When a commit fails (the file cannot be written: a full
	 * disk), every command it was to cover fails, not only the one of the writer that
	 * made it, and so does every later command: the MVStore has closed itself. The store
	 * is then dropped and reopened from its file by {@link ReopeningH2Backend}.
	 * <p>
	 * <b>Unjournaled updates.</b> An {@code update} command whose write concern says
	 * {@code j: false} is answered as soon as it ran, without a commit of its own: the
	 * next write command's commit, or a commit at most {@link #UNJOURNALED_COMMIT_MILLIS}
	 * later when no write follows, holds it. Commits cover every write run before them,
	 * in order, so a crash loses at most the last such updates, never an acknowledged
	 * write of any other kind and never one without the writes before it. The ledger's
	 * token store sends a processor's forward moves so (a lost one replays events its
	 * read models ignore); without that write concern every update is committed before
	 * its answer.
	 */
	static final class CommittingH2Backend extends KeyOrderedH2Backend {

		static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
				"createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

		/**
		 * Most write commands one commit covers, so that a steady queue still commits.
		 */
		static final int MAX_UNCOMMITTED = 64;

		/**
		 * At most this long after an unjournaled update that no write followed, a commit
		 * holds it.
		 */
		static final long UNJOURNALED_COMMIT_MILLIS = 1000;

		/**
		 * Commits unjournaled updates that no write followed; a daemon thread started
		 * with the first of them.
		 */
		private volatile java.util.concurrent.ScheduledExecutorService committer;

		/**
		 * Whether a commit of unjournaled updates is scheduled; guarded by
		 * {@link #writes}.
		 */
		private boolean commitScheduled;

		/**
		 * Writers waiting for a commit to cover their command; guarded by
		 * {@link #writes}.
		 */
		private int awaitingCommit;

		/**
		 * The map a {@link #probe()} writes to (not a collection: no database prefix).
		 */
		private static final String PROBE_MAP = "ledger.probe";

		private final ReentrantLock writes = new ReentrantLock();

		private final java.util.concurrent.locks.Condition committedMore = this.writes.newCondition();

		/** Write commands run so far; guarded by {@link #writes}. */
		private long executed;

		/**
		 * Write commands a commit was made for (or failed for); guarded by
		 * {@link #writes}.
		 */
		private long committed;

		/** Write commands a commit holds in the file; guarded by {@link #writes}. */
		private long durable;

		/** Why the last commit failed, or null; guarded by {@link #writes}. */
		private RuntimeException commitFailure;

		private long commits;

		/** Least time between two compactions. */
		static final long COMPACT_INTERVAL_NANOS = 1_000_000_000L;

		/**
		 * Below this percentage of live data in the file's chunks, live pages of sparse
		 * chunks are rewritten.
		 */
		static final int COMPACT_FILL_RATE = 60;

		/** Bytes of live pages one compaction rewrites at most. */
		static final int COMPACT_WRITE = 2 << 20;

		/**
		 * When the file was last looked at for compaction; guarded by {@link #writes}.
		 */
		private long lastCompaction = System.nanoTime();

		private long compactions;

		/**
		 * The store with H2's background thread off (commits are ours, see above), so its
		 * housekeeping is ours too: chunks are reused as soon as nothing lives in them
		 * after {@link #retentionMillis()} (2 s; H2's default is 45 s), and at most once
		 * a second, after a commit, when less than {@value #COMPACT_FILL_RATE}% of the
		 * chunks' bytes are live, up to 2 MB of live pages are moved out of sparse chunks
		 * (so compaction costs at most about 2 MB of writes a second, like H2's own
		 * background housekeeping). Without it, a commit per write command and H2's
		 * default 45 s retention let the file grow with every write: 6.9 GB for about
		 * 150,000 members in the bench (bench/RESULTS.md, run 7).
		 * <p>
		 * The file then holds about the last 2 s of chunk writes beyond its live data (H2
		 * writes each commit's changed pages anew). A copy of the file taken while the
		 * ledger writes is whole only if it takes less than the retention; back up a
		 * stopped ledger's file, as docs/store.md says. Against a killed process every
		 * retention is safe (the operating system holds what was written); against a
		 * power cut an H2 file committed without a sync never was.
		 */
		CommittingH2Backend(String fileName) {
			super(new MVStore.Builder().fileName(fileName).autoCommitDisabled().cacheSize(cacheMegabytes()).open());
			getMvStore().setRetentionTime(retentionMillis());
		}

		/**
		 * Writes run one at a time under the write lock, each committed; reads run beside
		 * them. A read sees the version current when it starts, and H2 frees a chunk once
		 * none of the last few versions uses it, unless a reader has registered the
		 * version it reads: with a commit per write, a read that scans for longer than a
		 * few commits (a filter other than {@code _id} over a large collection, while
		 * compaction empties old chunks) would otherwise find its pages' chunk gone
		 * ("Chunk … not found"), which the bench met at a million members. So every read
		 * registers its version for as long as it runs (H2's own transactions do the
		 * same).
		 */
		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
				MVStore store = getMvStore();
				MVStore.TxCounter reading = store.registerVersionUsage();
				try {
					return super.handleCommand(channel, databaseName, command, query);
				}
				finally {
					store.deregisterVersionUsage(reading);
				}
			}
			return write(() -> super.handleCommand(channel, databaseName, command, query), unjournaled(command, query));
		}

		/**
		 * Whether the command is an update its client sent with write concern
		 * {@code j: false}.
		 */
		static boolean unjournaled(String command, Document query) {
			return "update".equalsIgnoreCase(command) && query.get("writeConcern") instanceof Document concern
					&& Boolean.FALSE.equals(concern.get("j"));
		}

		/**
		 * Runs a write under the write lock and returns once a commit holds it; throws
		 * when that commit failed.
		 */
		private <T> T write(java.util.function.Supplier<T> write) {
			return write(write, false);
		}

		/**
		 * Runs a write under the write lock and returns once a commit holds it, or, when
		 * {@code unjournaled}, once it ran (a commit within a second holds it); throws
		 * when that commit failed.
		 */
		private <T> T write(java.util.function.Supplier<T> write, boolean unjournaled) {
			this.writes.lock();
			try {
				if (this.commitFailure != null) {
					throw failedCommit();
				}
				long mine;
				T result;
				try {
					result = write.get();
				}
				finally {
					mine = ++this.executed;
					if (unjournaled) {
						// the last of a run of writers commits for the others, whatever
						// it wrote
						boolean othersWait = this.awaitingCommit > 0 && !this.writes.hasQueuedThreads();
						if (othersWait || this.executed - this.committed >= MAX_UNCOMMITTED) {
							commitAll();
						}
						else {
							scheduleCommit();
						}
					}
					else {
						if (!this.writes.hasQueuedThreads() || this.executed - this.committed >= MAX_UNCOMMITTED) {
							commitAll();
						}
						awaitCommitOf(mine);
					}
				}
				return result;
			}
			finally {
				this.writes.unlock();
			}
		}

		/**
		 * Makes sure a commit follows within {@link #UNJOURNALED_COMMIT_MILLIS}; the
		 * caller holds the write lock.
		 */
		private void scheduleCommit() {
			if (this.commitScheduled) {
				return;
			}
			if (this.committer == null) {
				this.committer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor((task) -> {
					Thread thread = new Thread(task, "h2-unjournaled-commit");
					thread.setDaemon(true);
					return thread;
				});
			}
			this.commitScheduled = true;
			this.committer.schedule(this::commitUnjournaled, UNJOURNALED_COMMIT_MILLIS,
					java.util.concurrent.TimeUnit.MILLISECONDS);
		}

		/** Commits the unjournaled updates that no write has committed since. */
		private void commitUnjournaled() {
			this.writes.lock();
			try {
				this.commitScheduled = false;
				if (this.executed > this.committed && this.commitFailure == null && !getMvStore().isClosed()) {
					commitAll();
				}
			}
			catch (RuntimeException ex) {
				LoggerFactory.getLogger(EmbeddedMongoServer.class)
					.error("Committing updates sent without journaling failed; the store refuses writes until "
							+ "it is reopened", ex);
			}
			finally {
				this.writes.unlock();
			}
		}

		/**
		 * Writes to a map of its own and commits: whether the file can be written now.
		 * @throws RuntimeException when it cannot
		 */
		void probe() {
			write(() -> getMvStore().<String, Long>openMap(PROBE_MAP).merge("probes", 1L, Long::sum));
		}

		/** Whether a commit failed or the MVStore closed itself (it cannot be used). */
		boolean failed() {
			return getMvStore().isClosed() || getMvStore().getPanicException() != null || commitFailed();
		}

		private boolean commitFailed() {
			this.writes.lock();
			try {
				return this.commitFailure != null;
			}
			finally {
				this.writes.unlock();
			}
		}

		/**
		 * Drops the store without writing anything: what it holds beyond its file was
		 * never acknowledged, or only as an unjournaled update.
		 */
		void abandon() {
			if (this.committer != null) {
				this.committer.shutdownNow();
			}
			getMvStore().closeImmediately();
		}

		private RuntimeException failedCommit() {
			return new IllegalStateException("the commit of this write failed", this.commitFailure);
		}

		/** Commits every command run so far; the caller holds the write lock. */
		private void commitAll() {
			long upTo = this.executed;
			try {
				if (this.commitFailure != null) {
					throw failedCommit();
				}
				commit();
				this.durable = upTo;
				if (System.nanoTime() - this.lastCompaction >= COMPACT_INTERVAL_NANOS) {
					this.lastCompaction = System.nanoTime();
					compactIfSparse();
				}
			}
			catch (RuntimeException ex) {
				if (this.commitFailure == null) {
					this.commitFailure = ex;
				}
				throw ex;
			}
			finally {
				this.committed = upTo;
				this.commits++;
				this.committedMore.signalAll();
			}
		}

		/**
		 * Moves live pages out of sparse chunks and commits that; the caller holds the
		 * write lock, between write commands. A failure is the store's failure (the next
		 * writes fail and the store is reopened), not that of the writes already
		 * committed.
		 */
		private void compactIfSparse() {
			MVStore store = getMvStore();
			if (store.getFileStore().getChunksFillRate() >= COMPACT_FILL_RATE) {
				return;
			}
			try {
				if (store.compact(COMPACT_FILL_RATE, COMPACT_WRITE)) {
					commit();
					this.compactions++;
				}
			}
			catch (RuntimeException ex) {
				LoggerFactory.getLogger(EmbeddedMongoServer.class).error("Compacting the store file failed", ex);
				this.commitFailure = ex;
			}
		}

		/** Compactions made so far. */
		long compactions() {
			this.writes.lock();
			try {
				return this.compactions;
			}
			finally {
				this.writes.unlock();
			}
		}

		/**
		 * Waits, the write lock released meanwhile, until a commit covers the command;
		 * commits itself if no writer is left to do it. Throws when the commit that
		 * covers it failed.
		 */
		private void awaitCommitOf(long command) {
			boolean interrupted = false;
			this.awaitingCommit++;
			try {
				while (this.committed < command) {
					if (!this.writes.hasQueuedThreads()) {
						commitAll();
						break;
					}
					try {
						this.committedMore.await(50, java.util.concurrent.TimeUnit.MILLISECONDS);
					}
					catch (InterruptedException ex) {
						interrupted = true;
					}
				}
			}
			finally {
				this.awaitingCommit--;
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			if (this.durable < command) {
				throw failedCommit();
			}
		}

		/** Commits made so far (each covering one or more write commands). */
		long commits() {
			this.writes.lock();
			try {
				return this.commits;
			}
			finally {
				this.writes.unlock();
			}
		}

		/** Write commands run so far. */
		long writeCommands() {
			this.writes.lock();
			try {
				return this.executed;
			}
			finally {
				this.writes.unlock();
			}
		}

		/**
		 * Closes (and so stores) between write commands, never inside one. A read that
		 * ended while a commit held the store's lock could not drop the version it had
		 * kept (H2 tries the lock and leaves it for the next version change): with no
		 * change left to commit, the store would close still keeping it (an assertion of
		 * H2's close when assertions are on). Registering and deregistering a reader
		 * here, with no commit running, drops it.
		 */
		@Override
		public void close() {
			this.writes.lock();
			try {
				MVStore store = getMvStore();
				if (!store.isClosed()) {
					store.deregisterVersionUsage(store.registerVersionUsage());
				}
				if (this.committer != null) {
					this.committer.shutdownNow();
				}
				super.close();
			}
			finally {
				this.writes.unlock();
			}
		}

	}

}
