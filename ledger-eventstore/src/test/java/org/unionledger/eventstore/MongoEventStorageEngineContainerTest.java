package org.unionledger.eventstore;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Axon's storage-engine contract on a real MongoDB 7 replica set in Docker; skipped where
 * Docker is missing.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoEventStorageEngineContainerTest extends MongoEventStorageEngineContract {

	@Container
	static final MongoDBContainer container = new MongoDBContainer("mongo:7");

	@RegisterExtension
	@Order(Integer.MAX_VALUE)
	static final MongoTestDatabase mongo = MongoTestDatabase.at(container::getReplicaSetUrl);

	@Override
	protected MongoDatabase database() {
		return mongo.database();
	}

}
