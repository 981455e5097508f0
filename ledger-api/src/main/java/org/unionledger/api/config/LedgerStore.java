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

	/**
	 * @param h2FileSystem H2 file-system prefix of the embedded store's file
	 * ({@code ledger.mongo.h2-file-system}, empty for the plain disk; the fault tests put
	 * a full disk there)
	 */
	LedgerStore(LedgerProperties properties, String h2FileSystem) {
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
			Path file = embeddedFile(properties.dataDir());
			try {
				Files.createDirectories(file.getParent());
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException("cannot create the data folder " + file.getParent(), ex);
			}
			this.embedded = EmbeddedMongoServer.h2File(file, h2FileSystem, mongo.embeddedPort());
			uri = this.embedded.connectionString();
			this.description = "embedded store (H2 file " + file + ") at " + uri;
		}
		// Majority, journaled writes; the connection string may override.
		this.client = MongoStores.openClient(uri);
		this.database = this.client.getDatabase(MongoStores.databaseName(uri, mongo.database()));
		log.info("Ledger store: {}", this.description);
	}

	/** The embedded H2 store's file in the data folder {@code dataDir}. */
	public static Path embeddedFile(Path dataDir) {
		return dataDir.toAbsolutePath().resolve("ledger.mv.db");
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

	/**
	 * Why the store cannot take writes now, or empty when it can. The embedded H2 store
	 * knows from the last write it refused (and then tries a small write to see whether
	 * it can again); a MongoDB server is asked for a {@code ping}.
	 */
	public java.util.Optional<String> writeFault() {
		if (this.embedded != null) {
			return this.embedded.writeFault();
		}
		try {
			this.database.runCommand(new org.bson.Document("ping", 1));
			return java.util.Optional.empty();
		}
		catch (com.mongodb.MongoException ex) {
			return java.util.Optional.of(String.valueOf(ex.getMessage()));
		}
	}

	@Override
	public void close() {
		this.client.close();
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
