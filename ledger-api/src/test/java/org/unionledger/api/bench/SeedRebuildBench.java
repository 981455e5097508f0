package org.unionledger.api.bench;

import java.time.Duration;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.unionledger.api.TestSeeds;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonalDataCipher;
import org.unionledger.seeds.SeedLoader;
import org.unionledger.seeds.SeedPlan;
import org.unionledger.seeds.SeedReport;

/**
 * Measures on the seed data (default 3,000 members, {@code bench.seedMembers}) in the
 * running application on the embedded in-memory store: loading through the commands,
 * rebuilding all projections (every processor reset at once, until all have caught up
 * with the head) and one consistency check. Prints its figures; asserts nothing about
 * time.
 */
@Tag("bench")
// The test profile seeds 100 members at start-up; this bench loads its own plan into an
// empty store (the same plan over those members would refuse their different histories).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.seed.enabled=false")
@ActiveProfiles("test")
class SeedRebuildBench {

	@Autowired
	CommandGateway commands;

	@Autowired
	EventStore eventStore;

	@Autowired
	MemberIdentities identities;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	ProjectionFreshness freshness;

	@Autowired
	MongoEventStorageEngine engine;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	TestRestTemplate http;

	@Test
	void rebuildAllProjectionsFromTheSeedData() {
		SeedPlan plan = SeedPlan.generate(20210501L, Integer.getInteger("bench.seedMembers", 3000));
		SeedLoader loader = TestSeeds.loader(this.commands, this.eventStore, this.identities, this.cipher);
		SeedReport report = loader.load(plan);
		this.freshness.awaitPosition(this.engine.headPosition(), Duration.ofMinutes(10));
		long head = this.engine.headPosition();
		print("loaded %,d members, %,d commands through the ledger in %.1f s; head position %,d", plan.members().size(),
				report.stepsRun(), report.duration().toMillis() / 1000.0, head);

		long started = System.nanoTime();
		for (var processor : this.processing.eventProcessors().values()) {
			if (processor instanceof StreamingEventProcessor streaming) {
				streaming.shutDown();
				streaming.resetTokens();
				streaming.start();
			}
		}
		boolean caughtUp = this.freshness.awaitPosition(head, Duration.ofMinutes(30));
		print("rebuilt all projections (summaries, statistics, credentials) from %,d events in %.1f s (caught up: %s)",
				head, (System.nanoTime() - started) / 1e9, caughtUp);

		started = System.nanoTime();
		Map<?, ?> check = this.http.postForObject("/api/operations/consistency-check", null, Map.class);
		print("consistency check: %.1f s, consistent %s, %s documents and %s figures compared",
				(System.nanoTime() - started) / 1e9, check.get("consistent"), check.get("documentsCompared"),
				check.get("figuresCompared"));
	}

	private static void print(String format, Object... args) {
		System.out.println("[bench] " + String.format(format, args));
	}

}
