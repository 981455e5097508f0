package org.unionledger.eventstore;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Axon's storage-engine contract on the embedded server, or on the MongoDB named by
 * {@code ledger.test.mongo.uri}.
 */
class MongoEventStorageEngineContractTest extends MongoEventStorageEngineContract {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	@Override
	protected MongoDatabase database() {
		return mongo.database();
	}

}
