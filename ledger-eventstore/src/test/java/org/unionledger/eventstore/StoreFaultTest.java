package org.unionledger.eventstore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The embedded H2 store on a full disk ({@link DiskFullFilePath}): a write it cannot take
 * fails with {@link StoreFaults#STORE_UNAVAILABLE} and leaves nothing behind, reads go
 * on, and writes succeed again once the disk has room, without a restart.
 */
class StoreFaultTest {

	@TempDir
	Path folder;

	@AfterEach
	void freeTheDisk() {
		DiskFullFilePath.free();
	}

	private EmbeddedMongoServer server() {
		DiskFullFilePath.register();
		return EmbeddedMongoServer.h2File(this.folder.resolve("store.mv.db"), DiskFullFilePath.PREFIX, 0);
	}

	/**
	 * An unjournaled update (a processor's token moving forward) is answered before any
	 * commit: taken while the disk is full, it does not make the store look able to
	 * write.
	 */
	@Test
	void anUnjournaledUpdateTakenWhileTheDiskIsFullLeavesTheStoreUnableToWrite() {
		try (EmbeddedMongoServer server = server();
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoCollection<Document> c = client.getDatabase("d").getCollection("c");
			c.insertOne(new Document("_id", "token").append("position", 1));

			DiskFullFilePath.fill();
			assertThat(catchThrowable(() -> c.insertOne(new Document("_id", "during")))).as("a journaled write")
				.isInstanceOf(MongoException.class);
			c.withWriteConcern(c.getWriteConcern().withJournal(false))
				.updateOne(Filters.eq("_id", "token"), new Document("$set", new Document("position", 2)));
			assertThat(server.writeFault()).as("after an unjournaled update was taken").isPresent();

			DiskFullFilePath.free();
			assertThat(server.writeFault()).as("a probe finds room again").isEmpty();
		}
	}

	@Test
	void aWriteTheFullDiskRefusesFailsAsStoreUnavailableReadsGoOnAndWritesResumeWhenThereIsRoom() {
		try (EmbeddedMongoServer server = server();
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoCollection<Document> c = client.getDatabase("d").getCollection("c");
			c.insertOne(new Document("_id", "before"));

			DiskFullFilePath.fill();
			Throwable refused = catchThrowable(() -> c.insertOne(new Document("_id", "during")));
			assertThat(refused).isInstanceOf(MongoException.class);
			assertThat(((MongoException) refused).getCode()).isEqualTo(StoreFaults.STORE_UNAVAILABLE);
			assertThat(StoreFaults.isStoreUnavailable(refused)).isTrue();
			assertThat(server.writeFault()).as("the store knows it cannot write").isPresent();
			assertThat(c.find(Filters.eq("_id", "before")).first()).as("reads go on").isNotNull();
			assertThat(c.find(Filters.eq("_id", "during")).first()).as("the refused write left nothing").isNull();

			DiskFullFilePath.free();
			assertThat(server.writeFault()).as("a probe finds room again").isEmpty();
			c.insertOne(new Document("_id", "after"));
			assertThat(c.countDocuments()).isEqualTo(2);
		}
		try (EmbeddedMongoServer server = server();
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			assertThat(client.getDatabase("d").getCollection("c").find().map((d) -> d.getString("_id")))
				.containsExactlyInAnyOrder("before", "after");
		}
	}

	/**
	 * Writers keep writing while the disk fills and frees: every write acknowledged is in
	 * the file, whole, and every write refused is not, whichever writer's commit met the
	 * full disk (a group commit covers the commands of writers that wait on it).
	 */
	@Test
	void everyAcknowledgedWriteIsKeptAndEveryRefusedOneIsNotWhileTheDiskFillsUnderConcurrentWriters() throws Exception {
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		Set<String> refused = ConcurrentHashMap.newKeySet();
		List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
		try (EmbeddedMongoServer server = server();
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoCollection<Document> c = client.getDatabase("d").getCollection("c");
			AtomicBoolean stop = new AtomicBoolean();
			int writers = 6;
			CountDownLatch refusals = new CountDownLatch(writers);
			List<Thread> threads = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				Thread thread = new Thread(() -> {
					boolean counted = false;
					for (int i = 0; !stop.get(); i++) {
						String id = writer + "-" + i;
						try {
							c.insertOne(new Document("_id", id).append("pad", "x".repeat(300)));
							acknowledged.add(id);
						}
						catch (MongoException ex) {
							if (!StoreFaults.isStoreUnavailable(ex)) {
								unexpected.add(ex);
							}
							refused.add(id);
							if (!counted) {
								counted = true;
								refusals.countDown();
							}
						}
					}
				});
				thread.start();
				threads.add(thread);
			}
			while (acknowledged.size() < 200) {
				Thread.onSpinWait();
			}
			DiskFullFilePath.fill();
			refusals.await();
			DiskFullFilePath.free();
			int before = acknowledged.size();
			while (acknowledged.size() < before + 200) {
				Thread.onSpinWait();
			}
			stop.set(true);
			for (Thread thread : threads) {
				thread.join();
			}
		}
		assertThat(unexpected).isEmpty();
		assertThat(refused).isNotEmpty();
		try (EmbeddedMongoServer server = server();
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			Set<String> stored = new java.util.HashSet<>();
			client.getDatabase("d").getCollection("c").find().forEach((d) -> stored.add(d.getString("_id")));
			assertThat(stored).as("acknowledged").containsAll(acknowledged);
			assertThat(stored).as("refused").doesNotContainAnyElementsOf(refused);
			assertThat(server.documentsUnreachableById()).isEmpty();
		}
	}

	/**
	 * The events document of a commit is in when the store refuses its streams document
	 * (the commit point): the writer reports the refusal, so the commit must never count,
	 * although readers help a stalled pending commit through once the store writes again.
	 */
	@Test
	void aCommitWhoseStreamsDocumentTheStoreRefusedIsAbortedNotHelpedThroughLater() {
		try (EmbeddedMongoServer server = server();
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoDatabase database = client.getDatabase("d");
			MongoEventStorageEngine engine = TestEngines.engineBuilder(database).gracePeriod(Duration.ZERO).build();
			List<DomainEventMessage<?>> kept = TestEngines.events("kept", 0, 1, "w");
			engine.appendEvents(kept);
			List<DomainEventMessage<?>> events = TestEngines.events("refused", 0, 1, "w");
			PreparedCommit commit = PreparedCommit.of(events, TestEngines.SERIALIZER);
			CommitWriter writer = engine.writer();
			long position = writer.allocate(commit.size());
			assertThat(writer.insertEventsDocument(commit, position)).isTrue();

			DiskFullFilePath.fill();
			assertThatThrownBy(() -> writer.commitStream(commit, position))
				.isInstanceOf(CommitWriter.StoreRefusedCommit.class)
				.satisfies((ex) -> assertThat(StoreFaults.isStoreUnavailable(ex)).isTrue());
			DiskFullFilePath.free();

			assertThat(engine.readEvents(null, false).map(EventMessage::getIdentifier).toList())
				.containsExactly(kept.get(0).getIdentifier());
			assertThat(engine.readEvents("refused").asStream().count()).isZero();
			Document stored = database.getCollection("events").find(Filters.eq("_id", position)).first();
			assertThat(stored.getString("state")).isEqualTo("aborted");
			engine.appendEvents(TestEngines.events("refused", 0, 1, "w"));
			assertThat(engine.readEvents("refused").asStream().count()).as("the aggregate goes on").isEqualTo(1);
		}
	}

}
