package org.unionledger.eventstore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one commit: allocate positions, insert the pending {@code events} document,
 * insert the {@code streams} document (the commit point), mark the {@code events}
 * document committed. Also holds the state transitions that readers apply when they
 * resolve or help a commit, so that writer and readers decide the same way.
 * <p>
 * <b>Group commit.</b> Commits that threads of one engine hand in while another group is
 * being written wait and are written together, by whichever of their threads gets the
 * writer next: one counter increment for all their positions, one unordered
 * {@code insertMany} of their events documents, one of their streams documents, one
 * {@code updateMany} marking them committed. Each commit of a group keeps the protocol's
 * steps and its own outcome: a commit whose stream key or event identifier is taken fails
 * alone, exactly as a commit written alone would, and the others of its group commit. A
 * thread writing alone writes at once; waiting only happens behind a group in flight.
 */
final class CommitWriter {

	private static final Logger logger = LoggerFactory.getLogger(CommitWriter.class);

	/**
	 * How often a writer takes new positions after readers burned the ones it had
	 * allocated.
	 */
	static final int MAX_POSITION_ATTEMPTS = 5;

	/** Most commits written as one group. */
	static final int MAX_GROUP = 256;

	/** Commits handed in and not yet taken into a group. */
	private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();

	/** Held by the thread writing a group. */
	private final ReentrantLock groupLock = new ReentrantLock();

	private final AtomicLong groups = new AtomicLong();

	private final AtomicLong groupedCommits = new AtomicLong();

	private final StoreLayout layout;

	private final AtomicLong repositioned = new AtomicLong();

	private final Clock clock;

	/**
	 * Positions of commits the store refused (see {@link #refused}): this engine's
	 * readers abort them instead of helping them through. Guarded by itself, as is
	 * {@link #helping}.
	 */
	private final java.util.Set<Long> abandoned = new java.util.HashSet<>();

	/** Positions this engine's readers are helping through right now. */
	private final java.util.Set<Long> helping = new java.util.HashSet<>();

	/**
	 * Authenticates each commit as it is laid out (inside the documents written anyway:
	 * no round trip of its own), or {@code null} for none.
	 */
	private final CommitAuthenticator authenticator;

	CommitWriter(StoreLayout layout, Clock clock, CommitAuthenticator authenticator) {
		this.layout = layout;
		this.clock = clock;
		this.authenticator = authenticator;
	}

	/** Groups of more than one commit written, and the commits in them. */
	long[] groupStatistics() {
		return new long[] { this.groups.get(), this.groupedCommits.get() };
	}

	/** Commits that had to take new positions because readers burned theirs. */
	long repositionedCommits() {
		return this.repositioned.get();
	}

	/**
	 * Allocates {@code n} consecutive global positions and returns the first. Asks for
	 * the document as it was before the increment: mongo-java-server 1.47 answers "after"
	 * with its live document, which it encodes outside the collection lock, so two
	 * concurrent increments can both be answered with the later value.
	 */
	long allocate(int n) {
		for (int attempt = 1;; attempt++) {
			try {
				Document before = this.layout.counters.findOneAndUpdate(
						Filters.eq(StoreLayout.ID, StoreLayout.GLOBAL_COUNTER),
						Updates.inc(StoreLayout.VALUE, (long) n),
						new FindOneAndUpdateOptions().upsert(true)
							.returnDocument(ReturnDocument.BEFORE)
							.projection(Projections.include(StoreLayout.VALUE)));
				return ((before != null) ? StoreLayout.number(before, StoreLayout.VALUE) : 0) + 1;
			}
			catch (MongoException ex) {
				// Two first-ever upserts may race on a real server; the loser finds the
				// document on retry.
				if (attempt == 3 || !MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
					throw new EventStoreException("Could not allocate global positions", ex);
				}
			}
		}
	}

	long head() {
		Document counter = this.layout.counters.find(Filters.eq(StoreLayout.ID, StoreLayout.GLOBAL_COUNTER))
			.projection(Projections.include(StoreLayout.VALUE))
			.first();
		return (counter != null) ? StoreLayout.number(counter, StoreLayout.VALUE) : 0;
	}

	/**
	 * Writes the commit, alone or in a group with commits other threads hand in
	 * meanwhile; returns its first global position.
	 * @throws CommitConflict when the aggregate's stream key or an event identifier is
	 * taken
	 */
	long write(PreparedCommit commit) {
		Outcome outcome = writeAll(List.of(commit)).get(0);
		if (outcome.failure() != null) {
			throw outcome.failure();
		}
		return outcome.position();
	}

	/**
	 * Writes several commits together (in groups of at most {@value #MAX_GROUP}, joined
	 * by commits other threads hand in meanwhile), each with its own outcome: committed
	 * at a position, or failed (a {@link CommitConflict} when its stream key or an event
	 * identifier is taken) while the others commit. The outcomes are in the order of
	 * {@code commits}.
	 */
	List<Outcome> writeAll(List<PreparedCommit> commits) {
		List<Queued> mine = new ArrayList<>(commits.size());
		for (PreparedCommit commit : commits) {
			Queued queued = new Queued(commit);
			mine.add(queued);
			this.queue.add(queued);
		}
		this.groupLock.lock();
		try {
			while (mine.stream().anyMatch((queued) -> !queued.done)) {
				List<Queued> group = new ArrayList<>();
				for (Queued next; group.size() < MAX_GROUP && (next = this.queue.poll()) != null;) {
					group.add(next);
				}
				if (group.isEmpty()) {
					throw new IllegalStateException("a commit was neither written nor queued");
				}
				writeGroup(group);
			}
		}
		finally {
			this.groupLock.unlock();
		}
		List<Outcome> outcomes = new ArrayList<>(mine.size());
		for (Queued queued : mine) {
			outcomes.add(new Outcome(queued.position, queued.failure));
		}
		return outcomes;
	}

	/**
	 * The outcome of one commit handed to {@link #writeAll}.
	 *
	 * @param position its first global position, when committed
	 * @param failure why it failed, or {@code null} when committed
	 */
	record Outcome(long position, RuntimeException failure) {
	}

	/** Writes one commit on its own, taking new positions when readers burned its own. */
	private long writeAlone(PreparedCommit commit) {
		for (int attempt = 1;; attempt++) {
			long position = allocate(commit.size());
			boolean inserted;
			try {
				inserted = insertEventsDocument(commit, position);
			}
			catch (MongoException ex) {
				if (StoreFaults.isStoreUnavailable(ex)) {
					abandon(position);
				}
				throw ex;
			}
			if (inserted) {
				if (commit.isDomain()) {
					commitStream(commit, position);
				}
				return position;
			}
			if (attempt == MAX_POSITION_ATTEMPTS) {
				throw new EventStoreException("Readers burned the positions allocated for the commit of event ["
						+ commit.firstEvent.getIdentifier() + "] " + attempt + " times; the writer is too slow");
			}
		}
	}

	private void writeGroup(List<Queued> group) {
		try {
			if (group.size() == 1) {
				Queued only = group.get(0);
				only.succeed(writeAlone(only.commit));
			}
			else {
				this.groups.incrementAndGet();
				this.groupedCommits.addAndGet(group.size());
				writeTogether(group);
			}
		}
		catch (RuntimeException ex) {
			for (Queued queued : group) {
				if (!queued.done) {
					queued.fail(ex);
				}
			}
		}
	}

	/**
	 * The protocol's steps for several commits at once; each commit ends committed,
	 * failed or (positions burned by readers) written alone.
	 */
	private void writeTogether(List<Queued> group) {
		int total = 0;
		for (Queued queued : group) {
			total += queued.commit.size();
		}
		long next = allocate(total);
		long writtenAt = this.clock.millis();
		List<Document> eventsDocuments = new ArrayList<>(group.size());
		for (Queued queued : group) {
			queued.position = next;
			eventsDocuments.add(queued.commit.eventsDocument(next, writtenAt, this.authenticator));
			next += queued.commit.size();
		}
		List<Queued> again = new ArrayList<>();
		try {
			this.layout.events.insertMany(eventsDocuments, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException bulk) {
			eachWriteError(bulk, group, (queued, cause) -> {
				if (ErrorCategory.fromErrorCode(cause.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					queued.fail(cause);
				}
				else if (!eventsDocumentAfterDuplicate(queued.commit, queued.position, cause)) {
					again.add(queued);
				}
			});
		}
		catch (MongoException ex) {
			// Some events documents may be in (a real MongoDB inserts in batches): none
			// of
			// these commits may be helped through now that their writers are told no.
			if (StoreFaults.isStoreUnavailable(ex)) {
				for (Queued queued : group) {
					abandon(queued.position);
				}
			}
			throw ex;
		}
		List<Queued> domain = new ArrayList<>();
		List<Long> committed = new ArrayList<>();
		for (Queued queued : group) {
			if (queued.done || again.contains(queued)) {
				continue;
			}
			if (queued.commit.isDomain()) {
				domain.add(queued);
			}
			else {
				queued.succeed(queued.position);
			}
		}
		List<Document> streamsDocuments = new ArrayList<>(domain.size());
		for (Queued queued : domain) {
			streamsDocuments.add(queued.commit.streamDocumentAt(queued.position, this.authenticator));
		}
		if (!streamsDocuments.isEmpty()) {
			try {
				this.layout.streams.insertMany(streamsDocuments, new InsertManyOptions().ordered(false));
			}
			catch (MongoBulkWriteException bulk) {
				eachWriteError(bulk, domain,
						(queued, cause) -> streamsDocumentAfterError(queued.commit, queued.position, cause));
			}
			catch (MongoException ex) {
				for (Queued queued : domain) {
					RuntimeException failure = StoreFaults.isStoreUnavailable(ex)
							? refused(queued.commit, queued.position, ex)
							: notConfirmed(queued.commit, queued.position, ex);
					if (failure != null) {
						queued.fail(failure);
					}
				}
			}
			for (Queued queued : domain) {
				if (!queued.done) {
					committed.add(queued.position);
				}
			}
			markAllCommitted(committed);
			for (Queued queued : domain) {
				if (!queued.done) {
					queued.succeed(queued.position);
				}
			}
		}
		for (Queued queued : again) {
			try {
				queued.succeed(writeAlone(queued.commit));
			}
			catch (RuntimeException ex) {
				queued.fail(ex);
			}
		}
	}

	/**
	 * Hands each write error of an unordered bulk insert to {@code handler} with the
	 * commit whose document it names ({@code commits} in the order of the documents); a
	 * commit whose handling throws fails with that exception.
	 */
	private static void eachWriteError(MongoBulkWriteException bulk, List<Queued> commits,
			java.util.function.BiConsumer<Queued, MongoWriteException> handler) {
		for (BulkWriteError error : bulk.getWriteErrors()) {
			Queued queued = commits.get(error.getIndex());
			try {
				handler.accept(queued, new MongoWriteException(error, bulk.getServerAddress()));
			}
			catch (RuntimeException ex) {
				queued.fail(ex);
			}
		}
	}

	/**
	 * Step 2: returns false when readers burned the position (the writer takes a new
	 * one).
	 */
	boolean insertEventsDocument(PreparedCommit commit, long position) {
		try {
			this.layout.events.insertOne(commit.eventsDocument(position, this.clock.millis(), this.authenticator));
			return true;
		}
		catch (MongoException ex) {
			if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				throw ex;
			}
			return eventsDocumentAfterDuplicate(commit, position, ex);
		}
	}

	/**
	 * The commit's events document hit a duplicate key: returns true if it is stored
	 * anyway, false if readers burned the position (the writer takes a new one).
	 * @throws CommitConflict when an event identifier of the commit is already stored
	 */
	private boolean eventsDocumentAfterDuplicate(PreparedCommit commit, long position, MongoException ex) {
		Document existing = this.layout.events.find(Filters.eq(StoreLayout.ID, position))
			.projection(StoreLayout.EVENTS_DOCUMENT)
			.first();
		if (existing == null) {
			// Not the position: an event identifier of this commit is already stored.
			// Release the position at once so that readers need not wait for the grace
			// period to burn it.
			tombstone(position);
			throw new CommitConflict(ex, commit.firstEvent);
		}
		if (commit.isStoredAs(existing)) {
			return true;
		}
		this.repositioned.incrementAndGet();
		logger.debug("Position {} was burned before the commit of event [{}] arrived; taking a new one", position,
				commit.firstEvent.getIdentifier());
		return false;
	}

	/** Step 3, the commit point, and step 4. */
	void commitStream(PreparedCommit commit, long position) {
		try {
			this.layout.streams.insertOne(commit.streamDocumentAt(position, this.authenticator));
		}
		catch (MongoException ex) {
			if (!StoreFaults.isStoreUnavailable(ex)) {
				streamsDocumentAfterError(commit, position, ex);
			}
			else {
				RuntimeException failure = refused(commit, position, ex);
				if (failure != null) {
					throw failure;
				}
			}
		}
		markCommitted(position);
	}

	/**
	 * The store refused the commit's streams document (a full disk): so that the refusal
	 * the writer reports holds, the pending commit is aborted instead of being left for
	 * readers to help through once the store writes again. Returns the failure to report,
	 * or null when a reader of this engine helped the commit through before (it is
	 * committed). When a reader is helping it right now, the outcome is left open, as for
	 * any commit that is not confirmed. The abort itself may be refused too; this
	 * engine's readers then abort the commit when they meet it (a restart before that
	 * forgets it, and readers would help it through after the grace period).
	 */
	private RuntimeException refused(PreparedCommit commit, long position, MongoException ex) {
		if (!abandon(position)) {
			logger.warn("The store refused the commit at position {}, which a reader is helping through", position, ex);
			return new EventStoreException("The commit at position " + position + " of stream key " + commit.streamKey()
					+ " is not confirmed: the store refused it (" + ex.getMessage()
					+ ") while a reader was completing it");
		}
		try {
			Document existing = this.layout.streams.find(Filters.eq(StoreLayout.ID, commit.streamKey()))
				.projection(Projections.include(StoreLayout.GLOBAL))
				.first();
			if (existing != null && StoreLayout.number(existing, StoreLayout.GLOBAL) == position) {
				forgetAbandoned(position);
				return null;
			}
		}
		catch (MongoException readFailure) {
			// No reader of this engine helps it any more; nothing else could have.
		}
		markAborted(position);
		return new StoreRefusedCommit(commit, position, ex);
	}

	/**
	 * Marks the commit at {@code position} as refused, unless a reader is helping it
	 * through; returns whether it did.
	 */
	private boolean abandon(long position) {
		synchronized (this.abandoned) {
			if (this.helping.contains(position)) {
				return false;
			}
			this.abandoned.add(position);
			return true;
		}
	}

	/**
	 * For readers: whether they may help the pending commit at {@code position} through
	 * (its writer did not report it refused); if so, no writer reports it refused until
	 * {@link #doneHelping(long)}.
	 */
	boolean startHelping(long position) {
		synchronized (this.abandoned) {
			if (this.abandoned.contains(position)) {
				return false;
			}
			this.helping.add(position);
			return true;
		}
	}

	void doneHelping(long position) {
		synchronized (this.abandoned) {
			this.helping.remove(position);
		}
	}

	/** Whether this engine's writer reported the commit at {@code position} refused. */
	boolean isAbandoned(long position) {
		synchronized (this.abandoned) {
			return this.abandoned.contains(position);
		}
	}

	void forgetAbandoned(long position) {
		synchronized (this.abandoned) {
			this.abandoned.remove(position);
		}
	}

	/**
	 * The store refused a commit (see {@link StoreFaults}); it was aborted, or will be by
	 * this engine's readers, and never counts.
	 */
	static final class StoreRefusedCommit extends EventStoreException {

		private static final long serialVersionUID = 1L;

		StoreRefusedCommit(PreparedCommit commit, long position, MongoException cause) {
			super("The store refused the commit at position " + position + " of stream key " + commit.streamKey()
					+ "; it is aborted", cause);
		}

	}

	/**
	 * The commit's streams document was not inserted: returns normally if it is committed
	 * anyway (a reader helped, inserting the same document).
	 * @throws CommitConflict when another commit holds the stream key
	 * @throws EventStoreException when the outcome is not known yet
	 */
	private void streamsDocumentAfterError(PreparedCommit commit, long position, MongoException ex) {
		if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
			throw notConfirmed(commit, position, ex);
		}
		Document existing = this.layout.streams.find(Filters.eq(StoreLayout.ID, commit.streamKey()))
			.projection(Projections.include(StoreLayout.GLOBAL))
			.first();
		if (existing == null) {
			throw new EventStoreException("Stream key " + commit.streamKey()
					+ " was reported taken but cannot be read; the outcome of commit " + position
					+ " is decided by the first reader that resolves it", ex);
		}
		if (StoreLayout.number(existing, StoreLayout.GLOBAL) != position) {
			markAborted(position);
			throw new CommitConflict(ex, commit.firstEvent);
		}
		// A reader helped: it inserted our streams document from our events document.
		// Committed.
	}

	private static EventStoreException notConfirmed(PreparedCommit commit, long position, MongoException ex) {
		return new EventStoreException("The commit at position " + position + " of stream key " + commit.streamKey()
				+ " is not confirmed: it stays pending, and readers complete it after "
				+ "the grace period unless another commit takes that stream key first", ex);
	}

	void tombstone(long position) {
		try {
			this.layout.events.insertOne(PreparedCommit.tombstone(position, this.clock.millis()));
		}
		catch (MongoException ex) {
			if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				logger.warn("Could not release position {}; readers will burn it after the grace period", position, ex);
			}
		}
	}

	/**
	 * Records that the commit at {@code position} is committed. Only called once its
	 * streams document with this global position exists, so it never contradicts another
	 * writer's or reader's decision.
	 */
	void markCommitted(long position) {
		try {
			this.layout.events.updateOne(Filters.eq(StoreLayout.ID, position),
					Updates.set(StoreLayout.STATE, StoreLayout.COMMITTED));
		}
		catch (MongoException ex) {
			logger.warn("Could not mark commit {} committed; readers will resolve it", position, ex);
		}
	}

	/** {@link #markCommitted(long)} for several commits, in one update. */
	private void markAllCommitted(List<Long> positions) {
		if (positions.isEmpty()) {
			return;
		}
		try {
			this.layout.events.updateMany(Filters.in(StoreLayout.ID, positions),
					Updates.set(StoreLayout.STATE, StoreLayout.COMMITTED));
		}
		catch (MongoException ex) {
			logger.warn("Could not mark commits {} committed; readers will resolve them", positions, ex);
		}
	}

	/**
	 * Records that the commit at {@code position} lost its stream key to another commit.
	 * Its events and event identifiers are dropped, so a retry with the same event
	 * identifiers is possible.
	 */
	void markAborted(long position) {
		try {
			this.layout.events.updateOne(Filters.eq(StoreLayout.ID, position),
					Updates.combine(Updates.set(StoreLayout.STATE, StoreLayout.ABORTED),
							Updates.unset(StoreLayout.EVENTS), Updates.unset(StoreLayout.EVENT_IDS)));
		}
		catch (MongoException ex) {
			logger.warn("Could not mark commit {} aborted; readers will resolve it", position, ex);
		}
	}

	/** A commit handed to {@link #write}, and its outcome once written. */
	private static final class Queued {

		final PreparedCommit commit;

		long position;

		RuntimeException failure;

		boolean done;

		Queued(PreparedCommit commit) {
			this.commit = commit;
		}

		void succeed(long position) {
			this.position = position;
			this.done = true;
		}

		void fail(RuntimeException failure) {
			this.failure = failure;
			this.done = true;
		}

	}

	/**
	 * A commit lost a unique key; the engine turns it into Axon's exception through its
	 * resolver.
	 */
	static final class CommitConflict extends RuntimeException {

		final transient EventMessage<?> failedEvent;

		CommitConflict(MongoException cause, EventMessage<?> failedEvent) {
			super(cause);
			this.failedEvent = failedEvent;
		}

		MongoException mongoCause() {
			return (MongoException) getCause();
		}

	}

}
