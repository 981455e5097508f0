package org.unionledger.api.config;

import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.MongoStores;

/**
 * The MongoDB the ledger writes to: a real one when {@code ledger.mongo.uri} is set,
 * otherwise the embedded MongoDB-wire server started in this process (H2 files in the
 * data folder, or memory for tests).
 */
public final class LedgerStore implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LedgerStore.class);

	private final EmbeddedMongoServer embedded;

	private final MongoClient client;

	private final MongoDatabase database;

	private final String description;

	LedgerStore(LedgerProperties properties) {
		LedgerProperties.Mongo mongo = properties.mongo();
		String uri;
		if (mongo.external()) {
			this.embedded = null;
			uri = mongo.uri();
			this.description = "MongoDB at " + new ConnectionString(uri).getHosts();
		}
		else if (mongo.embedded() == LedgerProperties.EmbeddedBackend.MEMORY) {
			this.embedded = EmbeddedMongoServer.inMemory(mongo.embeddedPort());
			uri = this.embedded.connectionString();
			this.description = "embedded store (memory) at " + uri;
		}
		else {
			Path file = properties.dataDir().toAbsolutePath().resolve("ledger.mv.db");
			try {
				Files.createDirectories(file.getParent());
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException("cannot create the data folder " + file.getParent(), ex);
			}
			this.embedded = EmbeddedMongoServer.h2File(file, mongo.embeddedPort());
			uri = this.embedded.connectionString();
			this.description = "embedded store (H2 file " + file + ") at " + uri;
		}
		// Majority, journaled writes; the connection string may override.
		this.client = MongoStores.openClient(uri);
		this.database = this.client.getDatabase(MongoStores.databaseName(uri, mongo.database()));
		log.info("Ledger store: {}", this.description);
	}

	public MongoClient client() {
		return this.client;
	}

	public MongoDatabase database() {
		return this.database;
	}

	public String description() {
		return this.description;
	}

	@Override
	public void close() {
		this.client.close();
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
