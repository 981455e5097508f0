package org.unionledger.eventstore;

import org.junit.jupiter.api.extension.RegisterExtension;

/** 4,000 events on the embedded server with the H2 file backend. */
class ExactlyOnceTotalOrderH2Test extends ExactlyOnceTotalOrderContract {

	@RegisterExtension
	static final MongoTestDatabase mongo = MongoTestDatabase.embeddedH2();

	@Override
	protected MongoTestDatabase mongo() {
		return mongo;
	}

	@Override
	protected int targetEvents() {
		return 4_000;
	}

}
