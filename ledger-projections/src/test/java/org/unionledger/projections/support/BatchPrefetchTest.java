package org.unionledger.projections.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionledger.projections.credentials.CredentialProjection;
import org.unionledger.projections.statistics.LedgerStory;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.statistics.StatisticalCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchPrefetchTest {

	private static final StatisticalCalendar CALENDAR = StatisticalCalendar.ACFTU;

	private static final List<String> COLLECTIONS = List.of(StatisticsProjection.COUNTERS, StatisticsProjection.INDEX,
			StatisticsProjection.MEMBERS, SummaryProjection.COLLECTION, CredentialProjection.COLLECTION);

	@ParameterizedTest
	@ValueSource(ints = { 1, 7, 500 })
	void prefetchingABatchGivesTheSameReadModelsWithFarFewerReads(int batchSize) {
		List<TrackedEventMessage<?>> events = tracked(LedgerStory.generate(20261125L, 600));

		CountingStore plain = new CountingStore();
		feed(plain, events, batchSize, null);
		CountingStore prefetched = new CountingStore();
		feed(prefetched, events, batchSize, new BatchPrefetch(projections()));

		for (String collection : COLLECTIONS) {
			assertThat(plain.store.all(collection)).as(collection).isNotEmpty();
			assertThat(prefetched.store.all(collection)).as(collection).isEqualTo(plain.store.all(collection));
		}
		System.out.printf("[prefetch] %,d events, batches of %d: %,d reads without prefetch, %,d with%n", events.size(),
				batchSize, plain.reads.get(), prefetched.reads.get());
		if (batchSize >= 500) {
			assertThat(prefetched.reads.get() * 10).isLessThan(plain.reads.get());
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 13, 500 })
	void aRedeliveredBatchStillCountsEveryEventOnce(int batchSize) {
		List<TrackedEventMessage<?>> events = tracked(LedgerStory.generate(7L, 400));
		CountingStore once = new CountingStore();
		feed(once, events, batchSize, new BatchPrefetch(projections()));
		CountingStore twice = new CountingStore();
		feed(twice, events, batchSize, new BatchPrefetch(projections()));
		feed(twice, events.subList(events.size() / 3, events.size()), batchSize, new BatchPrefetch(projections()));

		for (String collection : COLLECTIONS) {
			assertThat(twice.store.all(collection)).as(collection).isEqualTo(once.store.all(collection));
		}
	}

	/**
	 * A crash while a batch's documents are written leaves some of them with the batch's
	 * events and some without; the events handled again, in batches cut elsewhere, still
	 * count once in every document (the statistics apply a batch's changes netted per
	 * document, from each document's own last position).
	 */
	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3 })
	void aBatchCutOffWhileItsDocumentsAreWrittenCountsEveryEventOnceWhenHandledAgain(int failingCollection) {
		List<TrackedEventMessage<?>> events = tracked(LedgerStory.generate(11L, 500));
		CountingStore once = new CountingStore();
		feed(once, events, 500, new BatchPrefetch(projections()));

		CountingStore crashed = new CountingStore();
		feed(crashed, events.subList(0, 120), 40, new BatchPrefetch(projections()));
		crashed.failHalfWayThrough = COLLECTIONS.get(failingCollection);
		assertThatThrownBy(() -> feed(crashed, events.subList(120, 400), 280, new BatchPrefetch(projections())))
			.as("the batch's commit fails half way through " + crashed.failHalfWayThrough)
			.isInstanceOf(IllegalStateException.class);
		assertThat(crashed.halfWritten).as("documents written before the crash").isPositive();
		feed(crashed, events.subList(100, events.size()), 97, new BatchPrefetch(projections()));

		for (String collection : COLLECTIONS) {
			assertThat(crashed.store.all(collection)).as(collection).isEqualTo(once.store.all(collection));
		}
	}

	private static Object[] projections() {
		return new Object[] { new StatisticsProjection(null, CALENDAR, LedgerStory.ZONE),
				new SummaryProjection(null, CALENDAR), new CredentialProjection(null) };
	}

	private static void feed(CountingStore store, List<TrackedEventMessage<?>> events, int batchSize,
			BatchPrefetch prefetch) {
		List<AnnotationEventHandlerAdapter> handlers = java.util.Arrays.stream(projections())
			.map(AnnotationEventHandlerAdapter::new)
			.toList();
		ReadModelTransactionManager transactions = new ReadModelTransactionManager(store);
		for (int from = 0; from < events.size(); from += batchSize) {
			List<TrackedEventMessage<?>> batch = events.subList(from, Math.min(events.size(), from + batchSize));
			transactions.executeInTransaction(() -> {
				if (prefetch != null) {
					prefetch.prefetch(batch);
				}
				for (TrackedEventMessage<?> event : batch) {
					for (AnnotationEventHandlerAdapter handler : handlers) {
						try {
							handler.handle(event);
						}
						catch (Exception ex) {
							throw new IllegalStateException(ex);
						}
					}
				}
			});
		}
	}

	/** The payloads as tracked events at global positions 1, 2, …. */
	static List<TrackedEventMessage<?>> tracked(List<Object> payloads) {
		List<TrackedEventMessage<?>> events = new ArrayList<>();
		for (int i = 0; i < payloads.size(); i++) {
			events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i + 1),
					GenericEventMessage.asEventMessage(payloads.get(i))));
		}
		return events;
	}

	/** The in-memory store, counting the reads (round trips) asked of it. */
	static final class CountingStore implements ReadModelStore {

		final InMemoryReadModelStore store = new InMemoryReadModelStore();

		final AtomicLong reads = new AtomicLong();

		/** A collection whose next write stores half its documents, then fails. */
		String failHalfWayThrough;

		int halfWritten;

		@Override
		public Map<String, Document> find(String collection, Collection<String> ids) {
			this.reads.incrementAndGet();
			return this.store.find(collection, ids);
		}

		@Override
		public void replaceAll(String collection, List<Document> documents) {
			if (collection.equals(this.failHalfWayThrough)) {
				this.failHalfWayThrough = null;
				this.halfWritten = documents.size() / 2;
				this.store.replaceAll(collection, documents.subList(0, this.halfWritten));
				throw new IllegalStateException("the store went away while writing " + collection);
			}
			this.store.replaceAll(collection, documents);
		}

		@Override
		public void scan(String collection, Consumer<Document> action) {
			this.store.scan(collection, action);
		}

	}

}
