package org.unionledger.bench.fault;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.unionledger.bench.ledger.LedgerNode;
import org.unionledger.bench.ledger.People;
import org.unionledger.bench.ledger.ReadModels;
import org.unionledger.bench.ledger.Store;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.eventstore.MongoStores;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.union.Events.UnionRegistered;

/**
 * Kill -9 drill on an H2 data folder. An {@link ImportNode} process imports
 * {@code members} enrollments (4 threads) and is killed once {@code killAfter} have been
 * acknowledged; the store is inspected (how many acknowledged enrollments survived the
 * kill); a new process resumes and finishes the import; a third process rebuilds the read
 * models and is killed a third of the way or later; a node started here finishes the
 * rebuild. Then the store is checked: every member's stream holds exactly one
 * {@code MemberEnrolled}, global positions and event identifiers are unique, the event
 * count is exactly unions + members, and the read models equal a fresh replay.
 */
public final class CrashDrill {

	private CrashDrill() {
	}

	/**
	 * What the drill saw.
	 *
	 * @param members enrollments imported
	 * @param acknowledgedBeforeKill enrollments the killed import had acknowledged
	 * @param acknowledgedSurvivingKill of those, how many were in the store after the
	 * kill
	 * @param storedAfterKill members in the store after the kill (acknowledged or not)
	 * @param tornAfterKill documents in the store after the kill that a scan finds and an
	 * {@code _id} read does not (a write the store's file caught half-way)
	 * @param resumeSkipped members the resumed import found already stored: those stored
	 * at the kill, plus commits the kill left pending that the restarted node's readers
	 * completed (at most one per import thread)
	 * @param resumeEnrolled members the resumed import enrolled
	 * @param rebuildKilledAt summary position the rebuild had reached when killed (-1: it
	 * finished first)
	 * @param head events in the store (= global positions used)
	 * @param events events read from the global stream
	 * @param enrolledEvents {@code MemberEnrolled} events in it
	 * @param otherEvents events that are neither enrollments nor union registrations
	 * @param duplicatePositions positions seen twice in the global stream
	 * @param duplicateEventIds event identifiers seen twice
	 * @param membersNotExactlyOnce members whose stream is not exactly one enrollment
	 * @param tornAtEnd torn documents (see {@code tornAfterKill}) after the killed
	 * rebuild
	 * @param readModelsEqualReplay whether the read models equal a reset and replay
	 * @param provinceActive Hebei's active members in the read model
	 * @param seconds wall time of the drill, checks included
	 */
	public record Report(int members, int acknowledgedBeforeKill, int acknowledgedSurvivingKill, int storedAfterKill,
			int tornAfterKill, int resumeSkipped, int resumeEnrolled, long rebuildKilledAt, long head, long events,
			long enrolledEvents, long otherEvents, long duplicatePositions, long duplicateEventIds,
			long membersNotExactlyOnce, long tornAtEnd, boolean readModelsEqualReplay, long provinceActive,
			double seconds) {
	}

	/** Command line: {@code crash [--members 50000] [--kill-after 25000]}. */
	public static void main(Map<String, String> options) {
		int members = Integer.parseInt(options.getOrDefault("members", "50000"));
		int killAfter = Integer.parseInt(options.getOrDefault("kill-after", Integer.toString(members / 2)));
		Path folder = temporaryFolder();
		try {
			Report report = run(folder, members, killAfter, System.out);
			System.out.println(report);
		}
		finally {
			Store.deleteFolder(folder);
		}
	}

	static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("ledger-crash-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Report run(Path folder, int members, int killAfter, PrintStream log) {
		long started = System.nanoTime();
		Path file = folder.resolve("ledger.mv.db");
		Path childLog = folder.resolve("children.log");
		String[] importJob = { "--h2", file.toString(), "--job", "import", "--members", Integer.toString(members) };
		Duration patience = Duration.ofMinutes(Math.max(2, members / 500));

		Set<Integer> acknowledged = new HashSet<>();
		try (ChildProcess first = ChildProcess.start(childLog, importJob)) {
			first.awaitLine(line -> acknowledged.size() >= killAfter, line -> {
				if (line.startsWith("ENROLLED ")) {
					acknowledged.add(Integer.parseInt(line.substring(9)));
				}
			}, patience);
			first.kill();
		}
		log.printf("%5.1f s: import killed after %,d acknowledged enrollments%n", since(started), acknowledged.size());
		int[] survived = inspect(file, members, acknowledged);
		log.printf("%5.1f s: after the kill: %,d of them in the store, %,d members stored in all, %,d torn documents%n",
				since(started), survived[0], survived[1], survived[2]);

		String done;
		try (ChildProcess resumed = ChildProcess.start(childLog, importJob)) {
			done = resumed.awaitLine(line -> line.startsWith("DONE"), line -> {
			}, patience);
			requireExit(resumed);
		}
		int skipped = Integer.parseInt(done.replaceAll(".*skipped=(\\d+).*", "$1"));
		int enrolled = Integer.parseInt(done.replaceAll(".*enrolled=(\\d+).*", "$1"));
		log.printf("%5.1f s: resumed import: %s%n", since(started), done);

		AtomicLong killedAt = new AtomicLong(-1);
		try (ChildProcess rebuild = ChildProcess.start(childLog, "--h2", file.toString(), "--job", "rebuild")) {
			AtomicLong head = new AtomicLong(Long.MAX_VALUE);
			String line = rebuild.awaitLine(l -> l.startsWith("DONE") || killedAt.get() >= 0, l -> {
				if (l.startsWith("RESET head=")) {
					head.set(Long.parseLong(l.substring(11)));
				}
				else if (l.startsWith("POSITION ")) {
					long position = Long.parseLong(l.substring(9));
					if (position >= head.get() / 3 && position < head.get()) {
						killedAt.set(position);
					}
				}
			}, patience);
			if (line.startsWith("DONE")) {
				requireExit(rebuild);
			}
			else {
				rebuild.kill();
			}
		}
		log.printf("%5.1f s: rebuild killed at summary position %,d%n", since(started), killedAt.get());
		return verify(file, members, acknowledged.size(), survived, skipped, enrolled, killedAt.get(), started);
	}

	private static double since(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private static void requireExit(ChildProcess child) {
		int exit = child.waitExit();
		if (exit != 0) {
			throw new IllegalStateException("a ledger process exited with " + exit);
		}
	}

	/**
	 * How many of the acknowledged members, and how many members in all, have a stream
	 * (their commit point) in the store.
	 */
	private static int[] inspect(Path file, int members, Set<Integer> acknowledged) {
		People people = people();
		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoDatabase database = client.getDatabase("ledger");
			int ackedPresent = 0;
			int present = 0;
			for (int from = 0; from < members; from += 1_000) {
				List<String> keys = new ArrayList<>();
				for (int i = from; i < Math.min(members, from + 1_000); i++) {
					keys.add(people.memberId(i).value() + ":0");
				}
				Set<String> found = new HashSet<>();
				database.getCollection("streams")
					.find(Filters.in("_id", keys))
					.projection(new Document("_id", 1))
					.forEach(d -> found.add(d.getString("_id")));
				for (int i = from; i < Math.min(members, from + 1_000); i++) {
					if (found.contains(keys.get(i - from))) {
						present++;
						if (acknowledged.contains(i)) {
							ackedPresent++;
						}
					}
				}
			}
			return new int[] { ackedPresent, present, (int) tornDocuments(server) };
		}
	}

	/**
	 * Documents of the store that no {@code _id} read finds: what a crash leaves when the
	 * store's file caught a write half-way (the document stored, its index entry not).
	 * Such a document can never be read by key nor replaced. Counted by the store itself
	 * ({@link EmbeddedMongoServer#documentsUnreachableById}).
	 */
	static long tornDocuments(EmbeddedMongoServer server) {
		return server.documentsUnreachableById().values().stream().mapToLong(Long::longValue).sum();
	}

	private static People people() {
		return new People(ImportNode.UNIONS, LocalDate.now(Clock.system(ZoneId.of("Asia/Shanghai"))));
	}

	/**
	 * Members whose stream is not exactly one commit of one event at sequence 0, read
	 * from the streams collection 1,000 members at a time ({@code aggregate:0} must hold
	 * one event, {@code aggregate:1} must not exist).
	 */
	private static long membersNotExactlyOnce(MongoDatabase database, People people, int members) {
		long wrong = 0;
		for (int from = 0; from < members; from += 1_000) {
			List<String> keys = new ArrayList<>();
			for (int i = from; i < Math.min(members, from + 1_000); i++) {
				String member = people.memberId(i).value();
				keys.add(member + ":0");
				keys.add(member + ":1");
			}
			Map<String, Integer> found = new java.util.HashMap<>();
			database.getCollection("streams")
				.find(Filters.in("_id", keys))
				.projection(new Document("_id", 1).append("events", 1))
				.forEach(d -> found.put(d.getString("_id"), d.getList("events", Document.class).size()));
			for (int k = 0; k < keys.size(); k += 2) {
				if (!Integer.valueOf(1).equals(found.get(keys.get(k))) || found.containsKey(keys.get(k + 1))) {
					wrong++;
				}
			}
		}
		return wrong;
	}

	private static Report verify(Path file, int members, int acknowledged, int[] survived, int skipped, int enrolled,
			long killedAt, long started) {
		People people = people();
		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoDatabase database = client.getDatabase("ledger");
			MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
				.database(database)
				.eventSerializer(LedgerNode.serializer())
				.snapshotSerializer(LedgerNode.serializer())
				.build();
			Set<Long> positions = new HashSet<>();
			Set<String> eventIds = new HashSet<>();
			long events = 0;
			long enrolledEvents = 0;
			long other = 0;
			long duplicatePositions = 0;
			long duplicateIds = 0;
			try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
				Iterator<? extends TrackedEventMessage<?>> all = stream.iterator();
				while (all.hasNext()) {
					TrackedEventMessage<?> event = all.next();
					events++;
					if (!positions.add(event.trackingToken().position().orElseThrow())) {
						duplicatePositions++;
					}
					if (!eventIds.add(event.getIdentifier())) {
						duplicateIds++;
					}
					Object payload = event.getPayload();
					if (payload instanceof MemberEnrolled) {
						enrolledEvents++;
					}
					else if (!(payload instanceof UnionRegistered)) {
						other++;
					}
				}
			}
			long notExactlyOnce = membersNotExactlyOnce(database, people, members);
			long torn = tornDocuments(server);
			boolean equal;
			// The verifier is the restarted node: it finishes the killed rebuild, then
			// its
			// read models are compared with a fresh replay.
			try (LedgerNode node = new LedgerNode(database, "verifier", Clock.systemUTC(), Duration.ofSeconds(3))) {
				if (!node.awaitProcessors(engine.headPosition(), Duration.ofMinutes(30))) {
					throw new IllegalStateException("the restarted node did not finish the rebuild");
				}
				Map<String, List<Document>> before = ReadModels.snapshot(database);
				node.resetAndReplay(Duration.ofMinutes(30));
				equal = before.equals(ReadModels.snapshot(database));
			}
			return new Report(members, acknowledged, survived[0], survived[1], survived[2], skipped, enrolled, killedAt,
					engine.headPosition(), events, enrolledEvents, other, duplicatePositions, duplicateIds,
					notExactlyOnce, torn, equal, ReadModels.active(database, "J:13"), since(started));
		}
	}

}
