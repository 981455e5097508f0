package org.unionledger.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (separate clients and engines) append many events over 300 aggregates from
 * eight writer threads while two tracking readers, one per node, consume the global
 * stream. Meanwhile one simulated writer dies after taking positions and another after
 * inserting its pending commit. Every committed event must reach each reader exactly
 * once, in strictly increasing position, in the same order for both, and nothing may be
 * missed; the dead writer's positions are burned and the half-written commit is helped
 * through.
 */
abstract class ExactlyOnceTotalOrderContract {

	private static final int WRITERS = 8;

	private static final int AGGREGATES = 300;

	private static final Duration GRACE = Duration.ofMillis(300);

	private final ExecutorService pool = Executors.newCachedThreadPool();

	private MongoClient secondClient;

	private MongoTestDatabase mongo;

	/** The database of the concrete class. */
	protected abstract MongoTestDatabase mongo();

	/** How many events the writers append together. */
	protected abstract int targetEvents();

	@BeforeEach
	void clean() {
		this.mongo = mongo();
		this.mongo.clear();
		this.secondClient = this.mongo.newClient((settings) -> {
		});
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.pool.shutdownNow();
		this.pool.awaitTermination(30, TimeUnit.SECONDS);
		this.secondClient.close();
	}

	@Test
	void everyCommittedEventReachesEveryReaderOnceInOneTotalOrder() throws Exception {
		MongoEventStorageEngine nodeA = TestEngines.engineBuilder(this.mongo.database()).gracePeriod(GRACE).build();
		MongoEventStorageEngine nodeB = TestEngines.engineBuilder(this.mongo.databaseOf(this.secondClient))
			.gracePeriod(GRACE)
			.build();
		Set<String> committed = ConcurrentHashMap.newKeySet();
		AtomicInteger written = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		Reader readerA = new Reader(nodeA);
		Reader readerB = new Reader(nodeB);
		Future<?> readingA = this.pool.submit(readerA);
		Future<?> readingB = this.pool.submit(readerB);
		long began = System.nanoTime();

		List<Future<?>> writers = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			MongoEventStorageEngine engine = (w % 2 == 0) ? nodeA : nodeB;
			String writer = "writer-" + w;
			writers.add(this.pool
				.submit(() -> write(engine, writer, targetEvents(), committed, written, conflicts, failures)));
		}
		List<String> helpedIds = simulateCrashedWriters(nodeA, written);
		for (Future<?> writer : writers) {
			writer.get(5, TimeUnit.MINUTES);
		}
		Set<String> expected = new HashSet<>(committed);
		expected.addAll(helpedIds);
		readerA.expect(expected.size());
		readerB.expect(expected.size());
		readingA.get(10, TimeUnit.MINUTES);
		readingB.get(10, TimeUnit.MINUTES);
		long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

		long[] recoveryA = nodeA.recoveryCounts();
		long[] recoveryB = nodeB.recoveryCounts();
		long tombstones = this.mongo.database().getCollection("events").countDocuments(Filters.eq("burned", true));
		System.out.printf(
				"exactly-once (%s): writers=%d nodes=2 readers=2 committedEvents=%d conflicts=%d failedAppends=%d "
						+ "missed(A/B)=%d/%d duplicated(A/B)=%d/%d outOfOrder(A/B)=%d/%d helped=%d burned=%d "
						+ "tombstones=%d writersRepositioned=%d groups=%d groupedCommits=%d head=%d elapsed=%dms%n",
				getClass().getSimpleName(), WRITERS, expected.size(), conflicts.get(), failures.get(),
				readerA.missed(expected), readerB.missed(expected), readerA.duplicates(), readerB.duplicates(),
				readerA.outOfOrder, readerB.outOfOrder, recoveryA[0] + recoveryB[0], recoveryA[1] + recoveryB[1],
				tombstones, recoveryA[2] + recoveryB[2], nodeA.groupCommits()[0] + nodeB.groupCommits()[0],
				nodeA.groupCommits()[1] + nodeB.groupCommits()[1], nodeA.headPosition(), elapsedMs);

		assertThat(failures.get()).isZero();
		assertThat(nodeA.groupCommits()[0] + nodeB.groupCommits()[0]).as("commits were written in groups too")
			.isPositive();
		assertThat(readerA.outOfOrder).isZero();
		assertThat(readerB.outOfOrder).isZero();
		assertThat(readerA.duplicates()).isZero();
		assertThat(readerB.duplicates()).isZero();
		assertThat(new HashSet<>(readerA.ids)).isEqualTo(expected);
		assertThat(readerB.ids).isEqualTo(readerA.ids);
		assertThat(readerB.positions).isEqualTo(readerA.positions);
		assertThat(tombstones).as("the dead writer's three positions are burned").isGreaterThanOrEqualTo(3);
		assertThat(nodeB.readEvents("crashed-after-pending").asStream().map(EventMessage::getIdentifier))
			.containsExactlyElementsOf(helpedIds);
		assertAggregateStreamsMatchTheGlobalStream(nodeB, readerA);
	}

	private static void write(MongoEventStorageEngine engine, String writer, int target, Set<String> committed,
			AtomicInteger written, AtomicInteger conflicts, AtomicInteger failures) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (written.get() < target) {
			String aggregate = "account-" + random.nextInt(AGGREGATES);
			long next = engine.lastSequenceNumberFor(aggregate).map((last) -> last + 1).orElse(0L);
			List<DomainEventMessage<?>> events = TestEngines.events(aggregate, next, 1 + random.nextInt(3), writer);
			try {
				engine.appendEvents(events);
				events.forEach((event) -> committed.add(event.getIdentifier()));
				written.addAndGet(events.size());
			}
			catch (ConcurrencyException | AggregateStreamCreationException ex) {
				conflicts.incrementAndGet();
			}
			catch (RuntimeException ex) {
				failures.incrementAndGet();
				ex.printStackTrace();
			}
		}
	}

	/**
	 * Once a quarter of the events are in: a writer takes three positions and dies;
	 * another inserts its pending commit and dies before the commit point. Returns the
	 * latter's event identifiers, which must be delivered.
	 */
	private List<String> simulateCrashedWriters(MongoEventStorageEngine engine, AtomicInteger written)
			throws InterruptedException {
		while (written.get() < targetEvents() / 4) {
			Thread.sleep(5);
		}
		engine.writer().allocate(3);
		List<DomainEventMessage<?>> events = TestEngines.events("crashed-after-pending", 0, 2, "crashed");
		PreparedCommit commit = PreparedCommit.of(events, TestEngines.SERIALIZER);
		long position = engine.writer().allocate(commit.size());
		engine.layout().events
			.insertOne(commit.eventsDocument(position, System.currentTimeMillis(), TestEngines.AUTHENTICATOR));
		return events.stream().map(EventMessage::getIdentifier).toList();
	}

	private static void assertAggregateStreamsMatchTheGlobalStream(MongoEventStorageEngine engine, Reader reader) {
		Map<String, List<String>> perAggregate = new HashMap<>();
		for (int i = 0; i < reader.ids.size(); i++) {
			perAggregate.computeIfAbsent(reader.aggregates.get(i), (key) -> new ArrayList<>()).add(reader.ids.get(i));
		}
		for (Map.Entry<String, List<String>> aggregate : perAggregate.entrySet()) {
			List<? extends DomainEventMessage<?>> stream = engine.readEvents(aggregate.getKey()).asStream().toList();
			assertThat(stream).extracting(EventMessage::getIdentifier).containsExactlyElementsOf(aggregate.getValue());
			for (int seq = 0; seq < stream.size(); seq++) {
				assertThat(stream.get(seq).getSequenceNumber()).isEqualTo(seq);
			}
		}
	}

	/**
	 * Tails the global stream the way Axon's event store does: reopen after the last
	 * token, block while open.
	 */
	private static final class Reader implements Runnable {

		private final MongoEventStorageEngine engine;

		private final List<String> ids = new ArrayList<>();

		private final List<String> aggregates = new ArrayList<>();

		private final List<Long> positions = new ArrayList<>();

		private volatile int expected = -1;

		private int outOfOrder;

		Reader(MongoEventStorageEngine engine) {
			this.engine = engine;
		}

		void expect(int count) {
			this.expected = count;
		}

		@Override
		public void run() {
			TrackingToken token = null;
			long last = 0;
			// gives up after two minutes without a new event, however long the writers
			// take on a loaded machine (a fixed four-minute deadline from the start ran
			// out there while the readers were still catching up)
			long idle = TimeUnit.MINUTES.toNanos(2);
			long deadline = System.nanoTime() + idle;
			while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
				int expectedNow = this.expected;
				if (expectedNow >= 0 && this.ids.size() >= expectedNow) {
					return;
				}
				boolean any = false;
				try (Stream<? extends TrackedEventMessage<?>> stream = this.engine.readEvents(token, true)) {
					Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
					while (events.hasNext()) {
						TrackedEventMessage<?> event = events.next();
						long position = ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
						if (position <= last) {
							this.outOfOrder++;
						}
						last = position;
						token = event.trackingToken();
						this.ids.add(event.getIdentifier());
						this.positions.add(position);
						this.aggregates.add(((DomainEventMessage<?>) event).getAggregateIdentifier());
						any = true;
					}
					if (any) {
						deadline = System.nanoTime() + idle;
					}
				}
				if (!any) {
					try {
						Thread.sleep(2);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}
		}

		long duplicates() {
			return this.ids.size() - new HashSet<>(this.ids).size();
		}

		long missed(Set<String> expected) {
			Set<String> seen = new HashSet<>(this.ids);
			return expected.stream().filter((id) -> !seen.contains(id)).count();
		}

	}

}
