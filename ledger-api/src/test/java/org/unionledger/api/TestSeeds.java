package org.unionledger.api;

import java.security.SecureRandom;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.unionledger.api.seeding.DemoSeeding;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonalDataCipher;
import org.unionledger.seeds.SeedCrypto;
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
		return new SeedLoader(commands, DemoSeeding.eventStoreLedger(eventStore),
				SeedCrypto.of(identities, cipher, new SecureRandom()), new RecordedBy("seed"), 90, 2);
	}

	/**
	 * The same loader sending members and services in command batches, as the demo does.
	 */
	public static SeedLoader batchedLoader(CommandGateway commands, CommandBatches batches,
			MongoEventStorageEngine engine, EventStore eventStore, MemberIdentities identities,
			PersonalDataCipher cipher) {
		return new SeedLoader(commands, DemoSeeding.batchedLedger(eventStore, engine),
				SeedCrypto.of(identities, cipher, new SecureRandom()), new RecordedBy("seed"), 90, 1,
				DemoSeeding.seedBatches(batches));
	}

}
