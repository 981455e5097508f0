package org.unionledger.bench.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.MongoStores;

/**
 * Where a benchmark or drill writes: an embedded server (memory, or an H2 file in a
 * temporary folder deleted on close) on 127.0.0.1, or a real MongoDB by URI, where each
 * run uses fresh databases that are dropped on close.
 *
 * @param name {@code memory}, {@code h2} or {@code uri}
 */
public final class Store implements AutoCloseable {

	private final String name;

	private final EmbeddedMongoServer server;

	private final Path folder;

	private final String connectionString;

	private final MongoClient client;

	private final java.util.List<MongoDatabase> created = new java.util.ArrayList<>();

	private Store(String name, EmbeddedMongoServer server, Path folder, String connectionString) {
		this.name = name;
		this.server = server;
		this.folder = folder;
		this.connectionString = connectionString;
		this.client = MongoStores.openClient(connectionString);
	}

	/** {@code memory}, {@code h2} or {@code uri=mongodb://...}. */
	public static Store open(String backend) {
		if (backend.equals("memory")) {
			EmbeddedMongoServer server = EmbeddedMongoServer.inMemory(0);
			return new Store("memory", server, null, server.connectionString());
		}
		if (backend.equals("h2")) {
			Path folder = tempFolder();
			EmbeddedMongoServer server = EmbeddedMongoServer.h2File(folder.resolve("bench.mv.db"), 0);
			return new Store("h2", server, folder, server.connectionString());
		}
		if (backend.startsWith("uri=")) {
			return new Store("mongodb", null, null, backend.substring(4));
		}
		throw new IllegalArgumentException("backend is memory, h2 or uri=mongodb://...: " + backend);
	}

	private static Path tempFolder() {
		try {
			return Files.createTempDirectory("ledger-bench-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String name() {
		return this.name;
	}

	public String connectionString() {
		return this.connectionString;
	}

	public MongoClient client() {
		return this.client;
	}

	/** A fresh database, dropped on close. */
	public MongoDatabase newDatabase(String purpose) {
		MongoDatabase database = this.client.getDatabase("bench_" + purpose + "_" + System.nanoTime() % 1_000_000);
		this.created.add(database);
		return database;
	}

	@Override
	public void close() {
		try {
			if (this.server == null) {
				this.created.forEach(MongoDatabase::drop);
			}
		}
		finally {
			this.client.close();
			if (this.server != null) {
				this.server.close();
			}
			deleteFolder(this.folder);
		}
	}

	/** Deletes a folder and everything in it; nothing when null. */
	public static void deleteFolder(Path folder) {
		if (folder == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
