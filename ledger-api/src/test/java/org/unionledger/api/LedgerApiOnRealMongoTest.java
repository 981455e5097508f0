package org.unionledger.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same HTTP suite against a real MongoDB replica set in Docker; skipped where there
 * is no Docker engine (as on our build machines).
 */
@Testcontainers(disabledWithoutDocker = true)
class LedgerApiOnRealMongoTest extends LedgerApiTest {

	@Container
	static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

	@DynamicPropertySource
	static void realMongo(DynamicPropertyRegistry registry) {
		registry.add("ledger.mongo.uri", MONGO::getReplicaSetUrl);
		registry.add("ledger.mongo.database", () -> "ledger-api-container-test");
	}

}
