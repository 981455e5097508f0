package org.unionledger.eventstore;

import java.util.function.UnaryOperator;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;

/**
 * Axon's own contract tests for batching storage engines, run against
 * {@link MongoEventStorageEngine}; the subclasses pick the server. All inherited tests
 * run unchanged.
 */
abstract class MongoEventStorageEngineContract
		extends BatchingEventStorageEngineTest<MongoEventStorageEngine, MongoEventStorageEngine.Builder> {

	protected abstract MongoDatabase database();

	@BeforeEach
	void freshEngine() {
		for (String name : database().listCollectionNames()) {
			database().getCollection(name).drop();
		}
		setTestSubject(createEngine());
	}

	@Override
	protected MongoEventStorageEngine createEngine(UnaryOperator<MongoEventStorageEngine.Builder> customization) {
		MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
			.database(database())
			.collectionPrefix("contract_")
			.eventSerializer(JacksonSerializer.defaultSerializer())
			.snapshotSerializer(JacksonSerializer.defaultSerializer())
			.batchSize(100)
			.authenticator(TestEngines.AUTHENTICATOR);
		return customization.apply(builder).build();
	}

}
