package org.unionledger.projections.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.unionledger.projections.credentials.CredentialProjection;
import org.unionledger.projections.statistics.LedgerStory;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.statistics.StatisticalCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replay's batches carried in memory over several transactions (see
 * {@link ReadModelTransactionManager}): the same read models as batch by batch, fewer
 * writes, nothing written or stored before a run ends, a failed batch dropping the run
 * and the events handled again from the stored token counting once.
 */
class ReplayCarryTest {

	private static final StatisticalCalendar CALENDAR = StatisticalCalendar.ACFTU;

	private static final List<String> COLLECTIONS = List.of(StatisticsProjection.COUNTERS, StatisticsProjection.INDEX,
			StatisticsProjection.MEMBERS, SummaryProjection.COLLECTION, CredentialProjection.COLLECTION);

	private static final String PROCESSOR = "statistics";

	private final List<TrackedEventMessage<?>> events = BatchPrefetchTest.tracked(LedgerStory.generate(20261206L, 600));

	private final List<AnnotationEventHandlerAdapter> handlers = java.util.Arrays
		.stream(new Object[] { new StatisticsProjection(null, CALENDAR, LedgerStory.ZONE),
				new SummaryProjection(null, CALENDAR), new CredentialProjection(null) })
		.map(AnnotationEventHandlerAdapter::new)
		.toList();

	@Test
	void aReplayCarriedOverBatchesGivesTheSameReadModelsWithFewerWrites() {
		Ledger plain = new Ledger(ReadModelTransactionManager.Carry.NONE);
		plain.replay(this.events, 0, 25, this.events.size() + 1);
		Ledger carried = new Ledger(carry(8, 100_000, Duration.ofMinutes(5)));
		carried.replay(this.events, 0, 25, this.events.size() + 1);

		for (String collection : COLLECTIONS) {
			assertThat(plain.store.store.all(collection)).as(collection).isNotEmpty();
			assertThat(carried.store.store.all(collection)).as(collection).isEqualTo(plain.store.store.all(collection));
		}
		assertThat(plain.tokens.stored).hasSize(24);
		assertThat(carried.tokens.stored).as("one token per run of eight batches").hasSize(3);
		assertThat(carried.tokens.last()).isEqualTo(plain.tokens.last());
		assertThat(carried.store.writes).as("document writes").isLessThan(plain.store.writes * 2 / 3);
		System.out.printf("[carry] %,d events in batches of 25: %,d writes batch by batch, %,d carried%n",
				this.events.size(), plain.store.writes, carried.store.writes);
	}

	@Test
	void nothingOfARunIsWrittenOrStoredBeforeItEnds() {
		Ledger ledger = new Ledger(carry(8, 100_000, Duration.ofMinutes(5)));
		ledger.replay(this.events.subList(0, 175), 0, 25, this.events.size() + 1);
		assertThat(ledger.tokens.stored).isEmpty();
		assertThat(ledger.store.writes).isZero();

		// the eighth batch ends the run
		ledger.replay(this.events.subList(175, 200), 175, 25, this.events.size() + 1);
		assertThat(ledger.tokens.stored).hasSize(1);
		assertThat(ledger.tokens.last()).isEqualTo(token(200, this.events.size() + 1));
		assertThat(ledger.store.writes).isPositive();
	}

	@Test
	void theRunEndsWithTheReplayOrWhenATransactionStoresNoToken() {
		Ledger ledger = new Ledger(carry(100, 100_000, Duration.ofMinutes(5)));
		// a replay that ends at position 100: the batch past it stores a plain token
		ledger.replay(this.events.subList(0, 125), 0, 25, 100);
		assertThat(ledger.tokens.stored).as("the batch that reaches the reset position is written")
			.containsExactly(token(100, 100), new GlobalSequenceTrackingToken(125));
		assertThat(ReplayToken.isReplay(token(100, 100))).isTrue();

		Ledger idle = new Ledger(carry(100, 100_000, Duration.ofMinutes(5)));
		idle.replay(this.events.subList(0, 50), 0, 25, this.events.size() + 1);
		assertThat(idle.tokens.stored).isEmpty();
		// no events to handle: the processor extends its claim in a transaction
		idle.transactions.executeInTransaction(() -> idle.tokenStore.extendClaim(PROCESSOR, 0));
		assertThat(idle.tokens.stored).containsExactly(token(50, this.events.size() + 1));
	}

	/**
	 * A reset stores its replay token in a transaction of its own, outside any batch:
	 * stored at once (carried, the processor would start again from its old token with
	 * its read model dropped).
	 */
	@Test
	void aResetsReplayTokenIsStoredAtOnce() {
		Ledger ledger = new Ledger(carry(100, 100_000, Duration.ofMinutes(5)));
		TrackingToken reset = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(600), null);
		ledger.transactions.executeInTransaction(() -> ledger.tokenStore.storeToken(reset, PROCESSOR, 0));
		assertThat(ledger.tokens.stored).containsExactly(reset);
	}

	@Test
	void releasingTheClaimWritesTheRunAndStoresItsTokenFirst() {
		Ledger ledger = new Ledger(carry(100, 100_000, Duration.ofMinutes(5)));
		ledger.replay(this.events.subList(0, 75), 0, 25, this.events.size() + 1);
		ledger.transactions.executeInTransaction(() -> ledger.tokenStore.releaseClaim(PROCESSOR, 0));
		assertThat(ledger.tokens.calls).endsWith("store " + token(75, this.events.size() + 1), "release");
		assertThat(ledger.store.writes).isPositive();
	}

	@Test
	void aFailedBatchDropsTheRunAndTheEventsHandledAgainFromTheStoredTokenCountOnce() {
		Ledger plain = new Ledger(ReadModelTransactionManager.Carry.NONE);
		plain.replay(this.events, 0, 25, this.events.size());

		Ledger ledger = new Ledger(carry(4, 100_000, Duration.ofMinutes(5)));
		int resetAt = this.events.size();
		// one run of four batches written, then three batches carried
		ledger.replay(this.events.subList(0, 175), 0, 25, resetAt);
		assertThat(ledger.tokens.last()).isEqualTo(token(100, resetAt));
		ledger.failNextBatch = true;
		assertThatThrownBy(() -> ledger.replay(this.events.subList(175, 200), 175, 25, resetAt))
			.isInstanceOf(IllegalStateException.class);
		assertThat(ledger.tokens.last()).as("the dropped run stored no token").isEqualTo(token(100, resetAt));

		// the processor opens its stream again at the stored token
		ledger.replay(this.events.subList(100, this.events.size()), 100, 30, resetAt);
		for (String collection : COLLECTIONS) {
			assertThat(ledger.store.store.all(collection)).as(collection).isEqualTo(plain.store.store.all(collection));
		}
	}

	@Test
	void aRunStaysWithTheThreadOfItsProcessor() throws Exception {
		Ledger ledger = new Ledger(carry(100, 100_000, Duration.ofMinutes(5)));
		ledger.replay(this.events.subList(0, 50), 0, 25, this.events.size() + 1);
		int documentsElsewhere = CompletableFuture
			.supplyAsync(() -> ledger.transactions.fetchInTransaction(() -> ReadModelBatch.current().documentCount()))
			.get();
		assertThat(documentsElsewhere).as("another thread's transaction starts a batch of its own").isZero();
		assertThat(ledger.tokens.stored).as("the run is still carried").isEmpty();
		int documentsHere = ledger.transactions.fetchInTransaction(() -> ReadModelBatch.current().documentCount());
		assertThat(documentsHere).as("the processor's thread carries on with its run").isPositive();
	}

	@Test
	void theLimitsEndARun() {
		Ledger byTransactions = new Ledger(carry(3, 100_000, Duration.ofMinutes(5)));
		byTransactions.replay(this.events.subList(0, 300), 0, 25, this.events.size() + 1);
		assertThat(byTransactions.tokens.stored).hasSize(4);

		Ledger byDocuments = new Ledger(carry(100, 1, Duration.ofMinutes(5)));
		byDocuments.replay(this.events.subList(0, 100), 0, 25, this.events.size() + 1);
		assertThat(byDocuments.tokens.stored).hasSize(4);

		Ledger byAge = new Ledger(carry(100, 100_000, Duration.ZERO));
		byAge.replay(this.events.subList(0, 100), 0, 25, this.events.size() + 1);
		assertThat(byAge.tokens.stored).hasSize(4);
	}

	private static ReadModelTransactionManager.Carry carry(int maxTransactions, int maxDocuments, Duration maxAge) {
		return new ReadModelTransactionManager.Carry(java.util.Set.of(PROCESSOR), maxTransactions, maxDocuments,
				maxAge);
	}

	@Test
	void onlyTheNamedProcessorsReplaysAreCarried() {
		Ledger other = new Ledger(ReadModelTransactionManager.Carry.replaysOf("rosters"));
		other.replay(this.events.subList(0, 100), 0, 25, this.events.size() + 1);
		assertThat(other.tokens.stored).hasSize(4);
		Ledger named = new Ledger(ReadModelTransactionManager.Carry.replaysOf("rosters", PROCESSOR));
		named.replay(this.events.subList(0, 100), 0, 25, this.events.size() + 1);
		assertThat(named.tokens.stored).isEmpty();
	}

	private static TrackingToken token(long position, long resetAt) {
		// as Axon advances a replay: a replay token up to and including the reset
		// position, a plain one after it
		return ((ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(resetAt), null))
			.advancedTo(new GlobalSequenceTrackingToken(position));
	}

	/**
	 * A processor's side of the ledger: its read models, token store and transactions.
	 */
	private final class Ledger {

		final WriteCountingStore store = new WriteCountingStore();

		final RecordingTokenStore tokens = new RecordingTokenStore();

		final TokenStore tokenStore = new BatchAwareTokenStore(this.tokens);

		final ReadModelTransactionManager transactions;

		boolean failNextBatch;

		Ledger(ReadModelTransactionManager.Carry carry) {
			this.transactions = new ReadModelTransactionManager(this.store, carry);
		}

		/**
		 * Handles {@code events} (from global position {@code from + 1}) in batches as a
		 * tracking processor does: prefetch, handlers, the token stored in the batch's
		 * transaction; a replay until {@code resetAt}.
		 */
		void replay(List<TrackedEventMessage<?>> events, int from, int batchSize, long resetAt) {
			BatchPrefetch prefetch = new BatchPrefetch(new StatisticsProjection(null, CALENDAR, LedgerStory.ZONE),
					new SummaryProjection(null, CALENDAR), new CredentialProjection(null));
			for (int start = 0; start < events.size(); start += batchSize) {
				List<TrackedEventMessage<?>> batch = events.subList(start, Math.min(events.size(), start + batchSize));
				long last = from + start + batch.size();
				// as a tracking processor: the batch's unit of work runs in a transaction
				// and
				// stores the token when it prepares its commit
				BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
				unitOfWork.attachTransaction(this.transactions);
				unitOfWork.onPrepareCommit((u) -> this.tokenStore.storeToken(token(last, resetAt), PROCESSOR, 0));
				// the task runs once per event of the batch
				ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
					if (unitOfWork.isFirstMessage()) {
						prefetch.prefetch(batch);
					}
					EventMessage<?> event = unitOfWork.getMessage();
					for (AnnotationEventHandlerAdapter handler : ReplayCarryTest.this.handlers) {
						handler.handle(event);
					}
					if (this.failNextBatch && unitOfWork.isLastMessage()) {
						this.failNextBatch = false;
						throw new IllegalStateException("a handler failed");
					}
					return null;
				});
				if (result.isExceptional()) {
					throw new IllegalStateException(result.exceptionResult());
				}
			}
		}

	}

	/** The in-memory store, counting the documents written. */
	private static final class WriteCountingStore implements ReadModelStore {

		final InMemoryReadModelStore store = new InMemoryReadModelStore();

		long writes;

		@Override
		public Map<String, Document> find(String collection, java.util.Collection<String> ids) {
			return this.store.find(collection, ids);
		}

		@Override
		public void replaceAll(String collection, List<Document> documents) {
			this.writes += documents.size();
			this.store.replaceAll(collection, documents);
		}

		@Override
		public void scan(String collection, java.util.function.Consumer<Document> action) {
			this.store.scan(collection, action);
		}

	}

	/** The delegate token store: what was stored and released, in order. */
	private static final class RecordingTokenStore implements TokenStore {

		final List<TrackingToken> stored = new ArrayList<>();

		final List<String> calls = new ArrayList<>();

		TrackingToken last() {
			return this.stored.isEmpty() ? null : this.stored.get(this.stored.size() - 1);
		}

		@Override
		public void storeToken(TrackingToken token, String processorName, int segment) {
			this.stored.add(token);
			this.calls.add("store " + token);
		}

		@Override
		public TrackingToken fetchToken(String processorName, int segment) {
			return last();
		}

		@Override
		public void extendClaim(String processorName, int segment) {
			this.calls.add("extend");
		}

		@Override
		public void releaseClaim(String processorName, int segment) {
			this.calls.add("release");
		}

		@Override
		public int[] fetchSegments(String processorName) {
			return new int[] { 0 };
		}

	}

}
