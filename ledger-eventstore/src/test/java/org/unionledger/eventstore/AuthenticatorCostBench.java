package org.unionledger.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What checking authenticators costs on the read path: 10,000 events (10,000 commits of
 * one event, the ledger's usual shape) read through the tracking reader and loaded as
 * aggregates, on the embedded memory store, with and without authenticators (the same
 * documents: the keyless engine simply does not check). Prints the medians of 7 rounds
 * after 3 warm-up rounds and the HMAC time alone. A measurement, not a test: run with
 * {@code -Dtest=AuthenticatorCostBench -Dledger.test.excludedGroups=none}.
 */
@Tag("bench")
class AuthenticatorCostBench {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final int EVENTS = 10_000;

	@Test
	void readOf10kEventsWithAndWithoutChecks() {
		MongoDatabase database = mongo.database();
		MongoEventStorageEngine writer = TestEngines.engine(database);
		List<DomainEventMessage<?>> events = new ArrayList<>();
		for (int i = 0; i < EVENTS; i++) {
			events.addAll(TestEngines.events("member-" + i, 0, 1, "bench"));
		}
		try (WriteBatch batch = writer.openBatch(List.of())) {
			for (int from = 0; from < EVENTS; from += 500) {
				writer.appendEvents(events.subList(from, from + 500));
			}
		}
		MongoEventStorageEngine checking = TestEngines.engine(database);
		MongoEventStorageEngine unchecked = TestEngines.engineBuilder(database)
			.authenticator(null)
			.createIndexes(false)
			.build();
		long[] trackedChecked = new long[7];
		long[] trackedUnchecked = new long[7];
		long[] loadChecked = new long[7];
		long[] loadUnchecked = new long[7];
		for (int round = -3; round < 7; round++) {
			long a = tracked(checking);
			long b = tracked(unchecked);
			long c = loads(checking);
			long d = loads(unchecked);
			if (round >= 0) {
				trackedChecked[round] = a;
				trackedUnchecked[round] = b;
				loadChecked[round] = c;
				loadUnchecked[round] = d;
			}
		}
		List<org.bson.Document> documents = new ArrayList<>(
				StoreLayout.byPosition(checking.layout().events, StoreLayout.range(1, EVENTS), null).values());
		long[] macOnly = new long[7];
		for (int round = -3; round < 7; round++) {
			long start = System.nanoTime();
			for (org.bson.Document document : documents) {
				assertThat(TestEngines.AUTHENTICATOR.checkEventsDocument(document)).isNull();
			}
			if (round >= 0) {
				macOnly[round] = System.nanoTime() - start;
			}
		}
		System.out.printf("Authenticator cost, %d events in %d commits, embedded memory store (medians of 7):%n",
				EVENTS, documents.size());
		System.out.printf("  tracking read: %.1f ms checked, %.1f ms unchecked%n", median(trackedChecked),
				median(trackedUnchecked));
		System.out.printf("  aggregate loads: %.1f ms checked, %.1f ms unchecked%n", median(loadChecked),
				median(loadUnchecked));
		System.out.printf("  HMAC checks alone: %.1f ms (%.2f us a commit)%n", median(macOnly),
				median(macOnly) * 1000 / documents.size());
	}

	private static long tracked(MongoEventStorageEngine engine) {
		long start = System.nanoTime();
		try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
			assertThat(stream.count()).isEqualTo(EVENTS);
		}
		return System.nanoTime() - start;
	}

	private static long loads(MongoEventStorageEngine engine) {
		long start = System.nanoTime();
		for (int i = 0; i < EVENTS; i += 10) {
			assertThat(engine.readEvents("member-" + i).asStream().count()).isEqualTo(1);
		}
		return (System.nanoTime() - start) * 10;
	}

	private static double median(long[] nanos) {
		long[] sorted = nanos.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1e6;
	}

}
