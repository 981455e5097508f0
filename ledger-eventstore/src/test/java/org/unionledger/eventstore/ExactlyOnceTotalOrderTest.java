package org.unionledger.eventstore;

import org.junit.jupiter.api.extension.RegisterExtension;

/** 20,000 events on the embedded memory server (or the configured real MongoDB). */
class ExactlyOnceTotalOrderTest extends ExactlyOnceTotalOrderContract {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	@Override
	protected MongoTestDatabase mongo() {
		return mongo;
	}

	@Override
	protected int targetEvents() {
		return 20_000;
	}

}
