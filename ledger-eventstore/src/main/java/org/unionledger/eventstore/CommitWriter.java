package org.unionledger.eventstore;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
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
 */
final class CommitWriter {

	private static final Logger logger = LoggerFactory.getLogger(CommitWriter.class);

	/**
	 * How often a writer takes new positions after readers burned the ones it had
	 * allocated.
	 */
	static final int MAX_POSITION_ATTEMPTS = 5;

	private final StoreLayout layout;

	private final AtomicLong repositioned = new AtomicLong();

	private final Clock clock;

	CommitWriter(StoreLayout layout, Clock clock) {
		this.layout = layout;
		this.clock = clock;
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
	 * Writes the commit; returns its first global position.
	 * @throws CommitConflict when the aggregate's stream key or an event identifier is
	 * taken
	 */
	long write(PreparedCommit commit) {
		for (int attempt = 1;; attempt++) {
			long position = allocate(commit.size());
			if (insertEventsDocument(commit, position)) {
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

	/**
	 * Step 2: returns false when readers burned the position (the writer takes a new
	 * one).
	 */
	boolean insertEventsDocument(PreparedCommit commit, long position) {
		try {
			this.layout.events.insertOne(commit.eventsDocument(position, this.clock.millis()));
			return true;
		}
		catch (MongoException ex) {
			if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				throw ex;
			}
			Document existing = this.layout.events.find(Filters.eq(StoreLayout.ID, position))
				.projection(StoreLayout.EVENTS_DOCUMENT)
				.first();
			if (existing == null) {
				// Not the position: an event identifier of this commit is already stored.
				// Release the
				// position at once so that readers need not wait for the grace period to
				// burn it.
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
	}

	/** Step 3, the commit point, and step 4. */
	void commitStream(PreparedCommit commit, long position) {
		try {
			this.layout.streams.insertOne(PreparedCommit.streamDocument(commit.eventsDocument(position, 0)));
		}
		catch (MongoException ex) {
			if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				throw new EventStoreException("The commit at position " + position + " of stream key "
						+ commit.streamKey() + " is not confirmed: it stays pending, and readers complete it after "
						+ "the grace period unless another commit takes that stream key first", ex);
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
		markCommitted(position);
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
