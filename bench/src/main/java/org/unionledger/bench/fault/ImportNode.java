package org.unionledger.bench.fault;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.unionledger.bench.ledger.LedgerNode;
import org.unionledger.bench.ledger.People;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.MongoStores;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.union.Commands.RegisterUnion;

/**
 * The process the crash drill kills: a ledger node on an embedded H2 store in a data
 * folder, doing one job and printing one line per step on standard output.
 * <ul>
 * <li>{@code import}: registers the unions and enrolls persons {@code 0..members-1} in
 * command batches of {@value #BATCH}, as the application's bulk import does, skipping
 * every person whose stream already exists (so a restart finishes from where the killed
 * run stopped); prints {@code ENROLLED i} for each row of a batch once the batch is
 * committed, then {@code DONE skipped=s enrolled=e} when the read models have caught
 * up.</li>
 * <li>{@code rebuild}: resets every processor and replays, printing {@code POSITION p} as
 * the summary processor advances, then {@code DONE}.</li>
 * </ul>
 */
public final class ImportNode {

	static final int UNIONS = 12;

	/** Rows per command batch, as the application's imports send them. */
	static final int BATCH = 256;

	private ImportNode() {
	}

	public static void main(Map<String, String> options) throws Exception {
		Path file = Path.of(options.get("h2"));
		String job = options.getOrDefault("job", "import");
		int members = Integer.parseInt(options.getOrDefault("members", "2000"));
		Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
		People people = new People(UNIONS, LocalDate.now(clock));
		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(server.connectionString());
				LedgerNode node = new LedgerNode(client.getDatabase("ledger"), "node-" + ProcessHandle.current().pid(),
						clock, Duration.ofSeconds(3))) {
			switch (job) {
				case "import" -> importMembers(node, people, members);
				case "rebuild" -> rebuild(node);
				default -> throw new IllegalArgumentException("job is import or rebuild");
			}
		}
	}

	private static void importMembers(LedgerNode node, People people, int members) throws InterruptedException {
		for (RegisterUnion union : people.unions()) {
			if (node.engine().lastSequenceNumberFor(union.unionId().value()).isEmpty()) {
				node.commands().sendAndWait(union);
			}
		}
		int skipped = 0;
		int enrolled = 0;
		for (int from = 0; from < members; from += BATCH) {
			List<Integer> persons = new ArrayList<>();
			for (int i = from; i < Math.min(members, from + BATCH); i++) {
				persons.add(i);
			}
			List<Integer> fresh = new ArrayList<>();
			Map<Integer, CommandBatches.Pending> sent = new LinkedHashMap<>();
			try (CommandBatches.Batch batch = node.batches()
				.open(persons.stream().map((i) -> people.memberId(i).value()).toList())) {
				for (int i : persons) {
					// Served from the streams the batch read: no round trip.
					if (node.engine().readEvents(people.memberId(i).value()).hasNext()) {
						skipped++;
					}
					else {
						fresh.add(i);
					}
				}
				for (int i : fresh) {
					sent.put(i, batch.send(people.enroll(i)));
				}
				batch.commit();
			}
			for (Map.Entry<Integer, CommandBatches.Pending> row : sent.entrySet()) {
				if (row.getValue().result().failure() != null) {
					throw new IllegalStateException("enrolling person " + row.getKey() + " failed",
							row.getValue().result().failure());
				}
				enrolled++;
				System.out.println("ENROLLED " + row.getKey());
			}
		}
		awaitHead(node);
		System.out.println("DONE skipped=" + skipped + " enrolled=" + enrolled);
	}

	private static void rebuild(LedgerNode node) {
		awaitHead(node);
		long head = node.engine().headPosition();
		for (String group : LedgerNode.PROCESSORS) {
			node.processor(group).shutDown();
		}
		for (String group : LedgerNode.PROCESSORS) {
			node.processor(group).resetTokens();
		}
		System.out.println("RESET head=" + head);
		for (String group : LedgerNode.PROCESSORS) {
			node.processor(group).start();
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (!node.awaitProcessors(head, Duration.ofMillis(20))) {
			node.processor(SummaryProjection.PROCESSING_GROUP)
				.processingStatus()
				.values()
				.forEach(s -> s.getCurrentPosition().ifPresent(p -> System.out.println("POSITION " + p)));
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the replay did not reach the head");
			}
		}
		System.out.println("DONE head=" + head);
	}

	private static void awaitHead(LedgerNode node) {
		if (!node.awaitProcessors(node.engine().headPosition(), Duration.ofMinutes(30))) {
			throw new IllegalStateException("read models did not catch up");
		}
	}

}
