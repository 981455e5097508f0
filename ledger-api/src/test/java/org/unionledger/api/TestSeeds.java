package org.unionledger.api;

import java.security.SecureRandom;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.unionledger.api.seeding.ApplicationSeedUseCases;
import org.unionledger.api.seeding.DemoSeeding;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonalDataCipher;
import org.unionledger.seeds.SeedUseCases;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.seeds.SeedLoader;

/**
 * The seed loader tests use: the ledger's commands, each member's progress read from its
 * stream as the demo seeding does, personal data under the test master key.
 */
public final class TestSeeds {

	private TestSeeds() {
	}

	public static SeedLoader loader(CommandGateway commands, EventStore eventStore, MemberIdentities identities,
			PersonalDataCipher cipher) {
		return new SeedLoader(commands, DemoSeeding.eventStoreLedger(eventStore), enrollments(identities, cipher),
				new RecordedBy("seed"), 90, 2);
	}

	/**
	 * The same loader sending members and services in command batches, as the demo does.
	 */
	public static SeedLoader batchedLoader(CommandGateway commands, CommandBatches batches,
			MongoEventStorageEngine engine, EventStore eventStore, MemberIdentities identities,
			PersonalDataCipher cipher) {
		return new SeedLoader(commands, DemoSeeding.batchedLedger(eventStore, engine), enrollments(identities, cipher),
				new RecordedBy("seed"), 90, 1, DemoSeeding.seedBatches(batches));
	}

	/**
	 * Member ids and encryption under the test keys (not the vault's per-person keys);
	 * the commands from the application services, as the demo makes them.
	 */
	private static SeedUseCases enrollments(MemberIdentities identities, PersonalDataCipher cipher) {
		SecureRandom random = new SecureRandom();
		return new ApplicationSeedUseCases(identities::memberIdOf,
				(people) -> people.stream().map((person) -> cipher.encrypt(person, random)).toList());
	}

}
