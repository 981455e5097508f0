package org.unionledger.eventstore;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Axon's storage-engine contract on the embedded server with the H2 file backend, the one
 * the application uses to keep data across restarts.
 */
class MongoEventStorageEngineH2ContractTest extends MongoEventStorageEngineContract {

	@RegisterExtension
	static final MongoTestDatabase mongo = MongoTestDatabase.embeddedH2();

	@Override
	protected MongoDatabase database() {
		return mongo.database();
	}

}
