package org.unionledger.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight threads on two engines (two clients) append to one aggregate from the same loaded
 * sequence number, round after round: exactly one commit per sequence number wins, the
 * others get Axon's conflict exception, and the aggregate stream and the global stream
 * agree and have no gap.
 */
class OptimisticConcurrencyTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final int THREADS = 8;

	private static final int ROUNDS = 40;

	private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

	private com.mongodb.client.MongoClient secondClient;

	@BeforeEach
	void clean() {
		mongo.clear();
		this.secondClient = mongo.newClient((settings) -> {
		});
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.pool.shutdownNow();
		this.pool.awaitTermination(10, TimeUnit.SECONDS);
		this.secondClient.close();
	}

	@Test
	void exactlyOneWriterWinsEachSequenceNumber() throws Exception {
		MongoEventStorageEngine nodeA = TestEngines.engine(mongo.database());
		MongoEventStorageEngine nodeB = TestEngines.engine(mongo.databaseOf(this.secondClient));
		String aggregate = "account-1";
		CyclicBarrier start = new CyclicBarrier(THREADS);
		List<Future<int[]>> results = new ArrayList<>();
		long began = System.nanoTime();
		for (int t = 0; t < THREADS; t++) {
			MongoEventStorageEngine engine = (t % 2 == 0) ? nodeA : nodeB;
			String writer = "w" + t;
			int size = 1 + t % 3;
			results.add(this.pool.submit((Callable<int[]>) () -> {
				int wins = 0;
				int conflicts = 0;
				for (int round = 0; round < ROUNDS; round++) {
					start.await(30, TimeUnit.SECONDS);
					long next = engine.lastSequenceNumberFor(aggregate).map((last) -> last + 1).orElse(0L);
					start.await(30, TimeUnit.SECONDS);
					try {
						engine.appendEvents(TestEngines.events(aggregate, next, size, writer));
						wins++;
					}
					catch (ConcurrencyException | AggregateStreamCreationException ex) {
						conflicts++;
					}
				}
				return new int[] { wins, conflicts };
			}));
		}
		int wins = 0;
		int conflicts = 0;
		for (Future<int[]> result : results) {
			int[] counts = result.get(120, TimeUnit.SECONDS);
			wins += counts[0];
			conflicts += counts[1];
		}
		long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

		List<? extends DomainEventMessage<?>> stream = nodeA.readEvents(aggregate).asStream().toList();
		List<? extends TrackedEventMessage<?>> global = nodeB.readEvents(null, false).toList();
		System.out.printf("optimistic concurrency: threads=%d rounds=%d wins=%d conflicts=%d events=%d elapsed=%dms%n",
				THREADS, ROUNDS, wins, conflicts, stream.size(), elapsedMs);

		assertThat(wins).isEqualTo(ROUNDS);
		assertThat(conflicts).isEqualTo(ROUNDS * (THREADS - 1));
		for (int i = 0; i < stream.size(); i++) {
			assertThat(stream.get(i).getSequenceNumber()).isEqualTo(i);
		}
		assertThat(global).extracting(EventMessage::getIdentifier)
			.containsExactlyElementsOf(stream.stream().map(EventMessage::getIdentifier).toList());
		assertThat(nodeB.lastSequenceNumberFor(aggregate)).contains((long) stream.size() - 1);
	}

}
