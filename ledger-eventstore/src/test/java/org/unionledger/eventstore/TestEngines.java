package org.unionledger.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/** Engines, token stores and events for the tests of this module. */
final class TestEngines {

	static final Serializer SERIALIZER = JacksonSerializer.defaultSerializer();

	/** The seal key of the tests; engines authenticate their commits under it. */
	static final byte[] SEAL_KEY = "a signing key of at least 32 bytes!!".getBytes();

	static final CommitAuthenticator AUTHENTICATOR = CommitAuthenticator.fromSealKey(SEAL_KEY);

	private TestEngines() {
	}

	static MongoEventStorageEngine.Builder engineBuilder(MongoDatabase database) {
		return MongoEventStorageEngine.builder()
			.database(database)
			.eventSerializer(SERIALIZER)
			.snapshotSerializer(SERIALIZER)
			.authenticator(AUTHENTICATOR);
	}

	static MongoEventStorageEngine engine(MongoDatabase database) {
		return engineBuilder(database).build();
	}

	static MongoTokenStore tokenStore(MongoDatabase database, String nodeId) {
		return MongoTokenStore.builder().database(database).serializer(SERIALIZER).nodeId(nodeId).build();
	}

	/** Events {@code first..first+count-1} of an aggregate, payload {@link Recorded}. */
	static List<DomainEventMessage<?>> events(String aggregateIdentifier, long first, int count, String writer) {
		List<DomainEventMessage<?>> events = new ArrayList<>();
		for (long seq = first; seq < first + count; seq++) {
			events.add(new GenericDomainEventMessage<>("Account", aggregateIdentifier, seq,
					new Recorded(aggregateIdentifier, seq, writer), MetaData.with("writer", writer)));
		}
		return events;
	}

	static DomainEventMessage<?> event(String aggregateIdentifier, long seq, Instant timestamp) {
		return new GenericDomainEventMessage<>("Account", aggregateIdentifier, seq,
				new Recorded(aggregateIdentifier, seq, "test"), MetaData.emptyInstance(),
				java.util.UUID.randomUUID().toString(), timestamp);
	}

	/** A test event payload. */
	record Recorded(String aggregate, long seq, String writer) {
	}

}
