package org.unionledger.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-process MongoDB-wire server (mongo-java-server) on 127.0.0.1, for running without
 * a MongoDB installation. Two backends: {@link #inMemory(int) memory} (gone on close) and
 * {@link #h2File(Path, int) H2 file} (survives restarts). It enforces unique indexes but
 * ignores others, has no transactions, and answers every query that is not a pure
 * {@code _id} lookup by scanning the collection; {@link MongoEventStorageEngine} and
 * {@link MongoTokenStore} are built for exactly that.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

	private final MongoServer server;

	private final InetSocketAddress address;

	private final String description;

	private EmbeddedMongoServer(MongoBackend backend, int port, String description) {
		this.server = new MongoServer(backend);
		this.server.bind("127.0.0.1", port);
		this.address = this.server.getLocalAddress();
		this.description = description;
	}

	/** A memory-backed server; {@code port} 0 picks a free port. */
	public static EmbeddedMongoServer inMemory(int port) {
		return new EmbeddedMongoServer(new MemoryBackend(), port, "memory");
	}

	/**
	 * A server storing its data in the H2 MVStore file {@code file} (created with its
	 * folders when missing), which a later server on the same file reads back.
	 * {@code port} 0 picks a free port.
	 */
	public static EmbeddedMongoServer h2File(Path file, int port) {
		Path absolute = file.toAbsolutePath();
		try {
			if (absolute.getParent() != null) {
				Files.createDirectories(absolute.getParent());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the folder of " + absolute, ex);
		}
		return new EmbeddedMongoServer(new H2Backend(absolute.toString()), port, "h2 file " + absolute);
	}

	/** {@code mongodb://127.0.0.1:<port>}. */
	public String connectionString() {
		return "mongodb://127.0.0.1:" + port();
	}

	public int port() {
		return this.address.getPort();
	}

	/** Closes client connections and the backend; an H2 file is flushed and closed. */
	@Override
	public void close() {
		this.server.shutdownNow();
	}

	@Override
	public String toString() {
		return "EmbeddedMongoServer[" + this.description + " on " + connectionString() + "]";
	}

}
