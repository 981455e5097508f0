package org.unionledger.eventstore;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * Store files of the embedded server, whole and damaged in the ways a disk or a hand can.
 */
public final class DamagedStoreFiles {

	/** The kinds of damage. */
	public enum Damage {

		/** Cut to half its length. */
		TRUNCATED,
		/** 64 KB of random bytes written over its middle. */
		OVERWRITTEN_IN_THE_MIDDLE,
		/** Zero bytes long. */
		ZERO_LENGTH,
		/** Text, not an H2 file. */
		NOT_AN_H2_FILE

	}

	private DamagedStoreFiles() {
	}

	/**
	 * Writes a store file of a few thousand documents at {@code file}, in 40 commits, and
	 * closes it.
	 */
	public static void writeStore(Path file) {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoCollection<Document> events = client.getDatabase("ledger").getCollection("events");
			Random random = new Random(16);
			for (int commit = 0; commit < 40; commit++) {
				List<Document> documents = new ArrayList<>();
				for (int i = 0; i < 100; i++) {
					long id = commit * 100L + i;
					documents.add(new Document("_id", id).append("aggregate", "m-" + random.nextInt(1000))
						.append("seq", random.nextInt(50))
						.append("payload", new Document("name", "n" + random.nextLong()).append("at", random.nextLong())
							.append("tags", List.of(random.nextInt(), random.nextInt(), random.nextInt()))));
				}
				events.insertMany(documents);
			}
		}
	}

	/** Damages the store file {@code file} in place. */
	public static void damage(Path file, Damage damage) throws IOException {
		long size = Files.size(file);
		switch (damage) {
			case TRUNCATED -> {
				try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
					channel.truncate(size / 2);
				}
			}
			case OVERWRITTEN_IN_THE_MIDDLE -> {
				byte[] noise = new byte[64 * 1024];
				new Random(4).nextBytes(noise);
				// at a quarter, half and three quarters: the store reuses chunks nothing
				// lives in, so one place alone may be free space rather than data
				try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
					for (long at : new long[] { size / 4, size / 2, size * 3 / 4 }) {
						out.seek(Math.max(4096 * 2, at - noise.length / 2));
						out.write(noise, 0, (int) Math.min(noise.length, size - 4096 - out.getFilePointer()));
					}
				}
			}
			case ZERO_LENGTH -> Files.write(file, new byte[0]);
			case NOT_AN_H2_FILE -> Files.writeString(file, "member,union\n".repeat(1000));
		}
	}

}
