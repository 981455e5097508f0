package org.unionledger.projections.support;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Gives each batch an event processor handles a {@link ReadModelBatch}: commit writes the
 * batch's documents first and only then the token writes that
 * {@link BatchAwareTokenStore} deferred, so that a crash can make events be handled again
 * (which the documents ignore) but never makes them be skipped.
 * <p>
 * <b>Replays carry batches.</b> While a processor replays (the token it stores is a
 * {@link ReplayToken}: a rebuild that has not reached the position it was started at), a
 * commit keeps the batch in memory for the processor's next transaction on the same
 * thread instead of writing it, up to the limits of {@link Carry}; the documents a
 * replay's batches share (a month's counters, a scope's summary) are then written once
 * per carried run instead of once per batch. Nothing is written and no token stored until
 * the run is written, so the guarantee stays: a crash or a failed batch loses the run's
 * work only (a rollback drops it, and the processor starts again from its stored token).
 * A run is written by the batch that reaches the position the replay was started at (so a
 * processor whose status shows it caught up has written what it handled), by a
 * transaction that stores no replay token, stores a token for no batch of events (a
 * reset; events the processor skips) or none at all (the processor found no events), by
 * one that gives up the claim, and at a limit. Carried runs live in the processor's
 * worker thread, as a tracking processor keeps a segment in one thread; the processor's
 * status runs ahead of what is written by at most one run while it replays.
 */
public final class ReadModelTransactionManager implements TransactionManager {

	/**
	 * Which replays are carried, and how far before they are written.
	 *
	 * @param processors the processors whose replays are carried, none for every one
	 * @param maxTransactions the processor's transactions in one run
	 * @param maxDocuments read-model documents held in memory
	 * @param maxAge time since the run's first transaction began
	 */
	public record Carry(Set<String> processors, int maxTransactions, int maxDocuments, Duration maxAge) {

		/** Every batch written on its own. */
		public static final Carry NONE = new Carry(Set.of(), 1, 0, Duration.ZERO);

		public Carry {
			processors = Set.copyOf(processors);
		}

		/**
		 * The replays of these processors (every one's if none is named) carried ten
		 * batches (20,000 events of the statistics processor), with at most 40,000
		 * documents in memory, for at most 20 seconds. A processor whose documents grow
		 * large (a roster's chunks up to 256 KB) is better left out: a run holds every
		 * document its batches touched.
		 */
		public static Carry replaysOf(String... processors) {
			return new Carry(Set.of(processors), 10, 40_000, Duration.ofSeconds(20));
		}

		boolean covers(String processor) {
			return this.processors.isEmpty() || this.processors.contains(processor);
		}

	}

	private final ReadModelStore store;

	private final Carry carry;

	/** A replay's batch carried to the next transaction of this thread's processor. */
	private final ThreadLocal<ReadModelBatch> carried = new ThreadLocal<>();

	/** Read models in this database, every batch written on its own. */
	public ReadModelTransactionManager(MongoDatabase database) {
		this(new MongoReadModelStore(database), Carry.NONE);
	}

	/** Read models in this database, replays carried as {@code carry} says. */
	public ReadModelTransactionManager(MongoDatabase database, Carry carry) {
		this(new MongoReadModelStore(database), carry);
	}

	/** Read models in this store, every batch written on its own. */
	public ReadModelTransactionManager(ReadModelStore store) {
		this(store, Carry.NONE);
	}

	public ReadModelTransactionManager(ReadModelStore store, Carry carry) {
		this.store = store;
		this.carry = carry;
	}

	@Override
	public Transaction startTransaction() {
		if (ReadModelBatch.bound() != null) {
			return NESTED;
		}
		ReadModelBatch carriedBatch = this.carried.get();
		this.carried.remove();
		ReadModelBatch batch = (carriedBatch != null) ? carriedBatch : new ReadModelBatch(this.store);
		batch.beginTransaction();
		batch.bind();
		return new Transaction() {
			@Override
			public void commit() {
				try {
					if (carries(batch)) {
						ReadModelTransactionManager.this.carried.set(batch);
					}
					else {
						batch.write();
					}
				}
				finally {
					batch.unbind();
				}
			}

			@Override
			public void rollback() {
				// a carried run is dropped with it: the processor starts again from its
				// stored token
				batch.unbind();
			}
		};
	}

	private boolean carries(ReadModelBatch batch) {
		TrackingToken token = batch.tokenOfTransaction();
		if (token == null || !ReplayToken.isReplay(token)) {
			return false;
		}
		// the batch that reaches the position the replay was started at ends the run: a
		// processor that shows that position has written what it handled
		OptionalLong resetAt = ReplayToken.getTokenAtReset(token);
		OptionalLong position = token.position();
		return resetAt.isPresent() && position.isPresent() && position.getAsLong() < resetAt.getAsLong()
				&& this.carry.covers(batch.processorOfTransaction())
				&& batch.transactions() < this.carry.maxTransactions()
				&& batch.documentCount() < this.carry.maxDocuments() && batch.age() < this.carry.maxAge().toNanos();
	}

	private static final Transaction NESTED = new Transaction() {
		@Override
		public void commit() {
		}

		@Override
		public void rollback() {
		}
	};

}
