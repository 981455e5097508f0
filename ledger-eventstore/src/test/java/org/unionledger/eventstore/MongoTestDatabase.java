package org.unionledger.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving each test class a fresh {@link MongoDatabase}: on the real
 * MongoDB named by the system property {@value #URI_PROPERTY} or the environment variable
 * {@value #URI_ENV} when one is non-empty (a database with a unique name, dropped after
 * the class), otherwise on an embedded memory-backed server started for the class.
 * <p>
 * Register it as
 * {@code @RegisterExtension static final MongoTestDatabase mongo = new MongoTestDatabase();}.
 */
public class MongoTestDatabase implements BeforeAllCallback, AfterAllCallback {

	public static final String URI_PROPERTY = "ledger.test.mongo.uri";

	public static final String URI_ENV = "LEDGER_TEST_MONGO_URI";

	private final Supplier<String> connectionStringSource;

	private final boolean h2;

	private Path h2Folder;

	private EmbeddedMongoServer server;

	private String connectionString;

	private MongoClient client;

	private MongoDatabase database;

	/** The configured MongoDB, or an embedded memory server. */
	public MongoTestDatabase() {
		this(MongoTestDatabase::configuredUri);
	}

	private MongoTestDatabase(Supplier<String> connectionStringSource) {
		this(connectionStringSource, false);
	}

	private MongoTestDatabase(Supplier<String> connectionStringSource, boolean h2) {
		this.connectionStringSource = connectionStringSource;
		this.h2 = h2;
	}

	/**
	 * Always an embedded server with the H2 file backend, in a temporary folder deleted
	 * afterwards.
	 */
	public static MongoTestDatabase embeddedH2() {
		return new MongoTestDatabase(() -> null, true);
	}

	/**
	 * A database on the server at the connection string, read when the class starts (e.g.
	 * a container's).
	 */
	public static MongoTestDatabase at(Supplier<String> connectionString) {
		return new MongoTestDatabase(connectionString);
	}

	/** The configured real MongoDB's connection string, or null. */
	public static String configuredUri() {
		String uri = System.getProperty(URI_PROPERTY);
		if (uri == null || uri.isBlank()) {
			uri = System.getenv(URI_ENV);
		}
		return (uri == null || uri.isBlank()) ? null : uri.trim();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start(context.getRequiredTestClass().getSimpleName());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/** Starts outside JUnit's life cycle (pair with {@link #stop()}). */
	public void start(String owner) {
		String uri = this.connectionStringSource.get();
		if (uri == null) {
			this.server = this.h2 ? EmbeddedMongoServer.h2File(h2File(), 0) : EmbeddedMongoServer.inMemory(0);
			uri = this.server.connectionString();
		}
		this.connectionString = uri;
		this.client = MongoStores.openClient(uri);
		String name = ("t_" + owner + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
		this.database = this.client.getDatabase(name.length() > 60 ? name.substring(name.length() - 60) : name);
	}

	public void stop() {
		try {
			if (this.database != null) {
				this.database.drop();
			}
		}
		finally {
			if (this.client != null) {
				this.client.close();
			}
			if (this.server != null) {
				this.server.close();
			}
			deleteH2Folder();
		}
	}

	private Path h2File() {
		try {
			this.h2Folder = Files.createTempDirectory("ledger-h2-");
			return this.h2Folder.resolve("test.mv.db");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deleteH2Folder() {
		if (this.h2Folder == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(this.h2Folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public MongoDatabase database() {
		return this.database;
	}

	public MongoClient client() {
		return this.client;
	}

	public String connectionString() {
		return this.connectionString;
	}

	/** Whether this runs on the embedded server rather than a real MongoDB. */
	public boolean isEmbedded() {
		return this.server != null;
	}

	/** A second, independent client (another "node"); the caller closes it. */
	public MongoClient newClient(Consumer<MongoClientSettings.Builder> customizer) {
		MongoClientSettings.Builder settings = MongoStores.settings(this.connectionString);
		customizer.accept(settings);
		return MongoStores.openClient(settings.build());
	}

	/** The same database seen through another client. */
	public MongoDatabase databaseOf(MongoClient otherClient) {
		return otherClient.getDatabase(this.database.getName());
	}

	/**
	 * Empties every collection of the database (faster than dropping it on a real
	 * server).
	 */
	public void clear() {
		for (String name : this.database.listCollectionNames()) {
			this.database.getCollection(name).deleteMany(new Document());
		}
	}

}
