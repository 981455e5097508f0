package org.unionledger.eventstore;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Opens {@link MongoClient}s with settings fit for the event store: bounded timeouts (a
 * dead server fails a command in seconds instead of hanging a unit of work), and
 * acknowledged majority, journaled writes (a commit that was reported cannot be rolled
 * back by a replica-set fail-over). Values given in the connection string win.
 */
public final class MongoStores {

	private MongoStores() {
	}

	/**
	 * Settings for {@code connectionString}, to be adjusted (e.g. a command listener)
	 * before opening a client.
	 */
	public static MongoClientSettings.Builder settings(String connectionString) {
		ConnectionString parsed = new ConnectionString(connectionString);
		MongoClientSettings.Builder builder = MongoClientSettings.builder()
			.applicationName("union-ledger")
			.writeConcern(WriteConcern.MAJORITY.withJournal(true))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS))
			.applyToConnectionPoolSettings((pool) -> pool.maxWaitTime(10, TimeUnit.SECONDS));
		return builder.applyConnectionString(parsed);
	}

	public static MongoClient openClient(String connectionString) {
		return MongoClients.create(settings(connectionString).build());
	}

	public static MongoClient openClient(MongoClientSettings settings) {
		return MongoClients.create(settings);
	}

	/**
	 * The database named in the connection string, or {@code fallback} when it names
	 * none.
	 */
	public static String databaseName(String connectionString, String fallback) {
		String database = new ConnectionString(connectionString).getDatabase();
		return (database != null && !database.isBlank()) ? database : fallback;
	}

}
