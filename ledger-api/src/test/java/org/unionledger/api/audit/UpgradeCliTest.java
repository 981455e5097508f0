package org.unionledger.api.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionledger.eventstore.CommitAuthenticator;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.EventSeal;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.eventstore.MongoStores;
import org.unionledger.eventstore.StoreNotUpgradedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./ledger upgrade-authenticators} on a stopped ledger's H2 file written before
 * authenticators: refused by the ledger's engine before, upgraded once, opened after.
 */
class UpgradeCliTest {

	private static final byte[] SEAL_KEY = "seal key of the upgrade test, 32 b".getBytes(StandardCharsets.UTF_8);

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);

	@Test
	void aStoreOfTheOldLedgerIsUpgradedOnceAndThenOpens(@TempDir Path data) {
		Path file = data.resolve("ledger.mv.db");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoDatabase database = client.getDatabase("ledger");
			MongoEventStorageEngine engine = engine(database);
			for (int i = 0; i < 5; i++) {
				engine.appendEvents(new GenericDomainEventMessage<>("Member", "m-" + (i % 2), i / 2, "event " + i));
			}
			new EventSeal(database, "", SEAL_KEY, CLOCK).seal();
			// What a store of the previous version looks like: no authenticators, no
			// record.
			for (String collection : new String[] { "events", "streams" }) {
				database.getCollection(collection)
					.updateMany(new Document(), Updates.combine(Updates.unset("mac"), Updates.unset("prev")));
			}
			database.getCollection("counters").deleteOne(Filters.eq("_id", "authenticators"));
			assertThatThrownBy(() -> engine(database)).isInstanceOf(StoreNotUpgradedException.class);
		}

		String[] run = upgrade(data);
		assertThat(run[0]).as(run[2]).isEqualTo("0");
		assertThat(run[1]).contains("5 commits and 5 stream copies authenticated through position 5");
		assertThat(upgrade(data)[1]).contains("nothing to do");

		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoDatabase database = client.getDatabase("ledger");
			MongoEventStorageEngine engine = engine(database);
			assertThat(engine.readEvents("m-0").asStream().count()).isEqualTo(3);
			assertThat(new EventSeal(database, "", SEAL_KEY, CLOCK).verify().problems()).isEmpty();
		}
	}

	private static MongoEventStorageEngine engine(MongoDatabase database) {
		return MongoEventStorageEngine.builder()
			.database(database)
			.eventSerializer(JacksonSerializer.defaultSerializer())
			.snapshotSerializer(JacksonSerializer.defaultSerializer())
			.authenticator(CommitAuthenticator.fromSealKey(SEAL_KEY))
			.build();
	}

	private static String[] upgrade(Path data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = UpgradeCli.run(new String[] { "--data-dir", data.toString() },
				Map.of("LEDGER_KEYS_SEAL", Base64.getEncoder().encodeToString(SEAL_KEY)), CLOCK,
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new String[] { String.valueOf(status), out.toString(StandardCharsets.UTF_8),
				err.toString(StandardCharsets.UTF_8) };
	}

}
