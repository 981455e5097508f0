package org.unionledger.eventstore;

import static org.axonframework.common.ExceptionUtils.findException;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 store as a backend that outlives failures of its file. H2's MVStore
 * closes itself for good when a write to its file fails (a full disk): every later read
 * and write then fails with "This store is closed". This backend answers the command that
 * met the failure, and every command while the file cannot be opened, with error
 * {@value StoreFaults#STORE_UNAVAILABLE} and reopens the store from its file: what the
 * file holds is the last commit, which covers exactly the write commands acknowledged so
 * far ({@link EmbeddedMongoServer.CommittingH2Backend} answers none before its commit,
 * and fails every command of a commit that fails). So reads go on at once, writes are
 * tried again on the reopened store and succeed as soon as the disk has room: nothing
 * acknowledged is lost (but unjournaled updates not yet committed, see
 * {@link EmbeddedMongoServer}), nothing refused is kept, and no restart is needed.
 * <p>
 * {@link #writeFault()} says whether the store can write: it cannot from a failed write
 * until a later write (or a {@link #probe() probe}) commits.
 */
final class ReopeningH2Backend implements MongoBackend {

	private static final Logger logger = LoggerFactory.getLogger(ReopeningH2Backend.class);

	private final Supplier<EmbeddedMongoServer.CommittingH2Backend> opener;

	private final String file;

	/** Commands hold it shared; reopening holds it alone. */
	private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();

	/** The open store; null while it cannot be opened. Guarded by {@link #swap}. */
	private EmbeddedMongoServer.CommittingH2Backend current;

	private boolean closed;

	/** Why the store cannot write, or null while it can. */
	private volatile String fault;

	private final AtomicLong reopens = new AtomicLong();

	ReopeningH2Backend(Supplier<EmbeddedMongoServer.CommittingH2Backend> opener, String file) {
		this.opener = opener;
		this.file = file;
		this.current = opener.get();
	}

	/** The open store, or null while it cannot be opened. */
	EmbeddedMongoServer.CommittingH2Backend current() {
		this.swap.readLock().lock();
		try {
			return this.current;
		}
		finally {
			this.swap.readLock().unlock();
		}
	}

	/** Why the store cannot write now; empty while it can. */
	java.util.Optional<String> writeFault() {
		return java.util.Optional.ofNullable(this.fault);
	}

	/** Times the store was reopened after a failure. */
	long reopens() {
		return this.reopens.get();
	}

	/**
	 * Tries a small write and its commit (not a document: a map of its own), so that a
	 * store that could not write finds out that it can again without waiting for a
	 * client's write; returns why it cannot write, or empty when it can.
	 */
	java.util.Optional<String> probe() {
		try {
			call((backend) -> {
				backend.probe();
				return null;
			}, true);
		}
		catch (MongoServerError ex) {
			if (ex.getCode() != StoreFaults.STORE_UNAVAILABLE) {
				throw ex;
			}
		}
		return writeFault();
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		boolean write = EmbeddedMongoServer.CommittingH2Backend.WRITES.contains(command.toLowerCase(Locale.ROOT));
		// an unjournaled update is answered before its commit:
		// taken, it proves nothing of the file
		boolean committed = write && !EmbeddedMongoServer.CommittingH2Backend.unjournaled(command, query);
		return call((backend) -> backend.handleCommand(channel, database, command, query), write, committed);
	}

	@Override
	public Document handleMessage(MongoMessage message) {
		Document query = message.getDocument();
		return handleCommand(message.getChannel(), message.getDatabaseName(), query.keySet().iterator().next(), query);
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		return call((backend) -> backend.handleQuery(query), false);
	}

	@Override
	public void dropDatabase(String database) {
		call((backend) -> {
			backend.dropDatabase(database);
			return null;
		}, true);
	}

	@Override
	public Collection<Document> getCurrentOperations(MongoQuery query) {
		return call((backend) -> backend.getCurrentOperations(query), false);
	}

	@Override
	public Document getServerStatus() {
		return call(MongoBackend::getServerStatus, false);
	}

	@Override
	public MongoDatabase resolveDatabase(String database) {
		return call((backend) -> backend.resolveDatabase(database), false);
	}

	@Override
	public void handleClose(Channel channel) {
		EmbeddedMongoServer.CommittingH2Backend backend = current();
		if (backend != null) {
			backend.handleClose(channel);
		}
	}

	@Override
	public void closeCursors(List<Long> cursorIds) {
		EmbeddedMongoServer.CommittingH2Backend backend = current();
		if (backend != null) {
			backend.closeCursors(cursorIds);
		}
	}

	@Override
	public Clock getClock() {
		EmbeddedMongoServer.CommittingH2Backend backend = current();
		return (backend != null) ? backend.getClock() : Clock.systemUTC();
	}

	/** No oplog: the ledger does not use change streams. */
	@Override
	public void enableOplog() {
		throw new UnsupportedOperationException("the embedded store keeps no oplog");
	}

	@Override
	public void disableOplog() {
		// none kept
	}

	@Override
	public MongoBackend version(MongoVersion version) {
		throw new UnsupportedOperationException("the embedded store answers as its default version");
	}

	/** Closes the store normally (a final commit), between write commands. */
	@Override
	public void close() {
		this.swap.writeLock().lock();
		try {
			this.closed = true;
			if (this.current != null) {
				this.current.close();
				this.current = null;
			}
		}
		finally {
			this.swap.writeLock().unlock();
		}
	}

	/**
	 * Runs {@code command} on the open store. When the store fails under it (its file
	 * cannot be written, so the MVStore closed itself), reopens the store and answers
	 * {@link StoreFaults#STORE_UNAVAILABLE}; a command that does not write and did not
	 * cause the failure is tried once more on the reopened store.
	 */
	private <T> T call(Function<EmbeddedMongoServer.CommittingH2Backend, T> command, boolean write) {
		return call(command, write, write);
	}

	/**
	 * As {@link #call(Function, boolean)}; a write taken clears the store's fault only
	 * when {@code committed} (answered after its commit).
	 */
	private <T> T call(Function<EmbeddedMongoServer.CommittingH2Backend, T> command, boolean write, boolean committed) {
		for (int attempt = 1;; attempt++) {
			EmbeddedMongoServer.CommittingH2Backend used;
			this.swap.readLock().lock();
			try {
				if (this.closed) {
					throw new MongoServerError(StoreFaults.STORE_UNAVAILABLE, "OutOfDiskSpace",
							"the store " + this.file + " is closed");
				}
				used = this.current;
				if (used != null) {
					try {
						T result = command.apply(used);
						if (committed) {
							storeWrote();
						}
						return result;
					}
					catch (RuntimeException ex) {
						if (!used.failed() && !isFileFailure(ex)) {
							throw ex;
						}
						storeFailed(ex);
					}
				}
			}
			finally {
				this.swap.readLock().unlock();
			}
			reopen(used);
			if ((write && used != null) || attempt == 2) {
				throw new MongoServerError(StoreFaults.STORE_UNAVAILABLE, "OutOfDiskSpace",
						"the store " + this.file + " cannot write: " + this.fault);
			}
		}
	}

	private static boolean isFileFailure(Throwable ex) {
		return findException(ex, (cause) -> cause instanceof java.io.IOException || cause instanceof MVStoreException)
			.isPresent();
	}

	private void storeWrote() {
		if (this.fault != null) {
			this.fault = null;
			logger.warn("The store {} writes again", this.file);
		}
	}

	private void storeFailed(Throwable ex) {
		Throwable root = findException(ex, (cause) -> cause.getCause() == null).orElse(ex);
		String reason = (root.getMessage() != null) ? root.getMessage() : root.toString();
		if (this.fault == null) {
			logger.error(
					"The store {} cannot write ({}): writes are refused as 'store unavailable' until it can; "
							+ "the store is reopened from its file, which holds every acknowledged write",
					this.file, reason, ex);
		}
		this.fault = reason;
	}

	/**
	 * Replaces {@code failed} (the store a command saw fail, or null when none was open)
	 * by the store its file holds; no-op when another command did so already. The failed
	 * store is dropped without writing: what it held beyond its file was never
	 * acknowledged.
	 */
	private void reopen(EmbeddedMongoServer.CommittingH2Backend failed) {
		this.swap.writeLock().lock();
		try {
			if (this.closed || this.current != failed) {
				return;
			}
			if (failed != null) {
				failed.abandon();
				this.current = null;
			}
			try {
				this.current = this.opener.get();
				this.reopens.incrementAndGet();
				logger.warn("Reopened the store {} from its file", this.file);
			}
			catch (RuntimeException ex) {
				storeFailed(ex);
				logger.debug("The store {} cannot be reopened yet", this.file, ex);
			}
		}
		finally {
			this.swap.writeLock().unlock();
		}
	}

}
