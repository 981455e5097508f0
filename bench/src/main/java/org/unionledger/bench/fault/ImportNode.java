package org.unionledger.bench.fault;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.unionledger.bench.ledger.LedgerNode;
import org.unionledger.bench.ledger.People;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.MongoStores;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.union.Commands.RegisterUnion;

/**
 * The process the crash drill kills: a ledger node on an embedded H2 store in a data
 * folder, doing one job and printing one line per step on standard output.
 * <ul>
 * <li>{@code import}: registers the unions and enrolls persons {@code 0..members-1} one
 * after another, skipping every person whose stream already exists (so a restart finishes
 * from where the killed run stopped); prints {@code ENROLLED i} once the command has
 * returned, then {@code DONE skipped=s enrolled=e} when the read models have caught
 * up.</li>
 * <li>{@code rebuild}: resets every processor and replays, printing {@code POSITION p} as
 * the summary processor advances, then {@code DONE}.</li>
 * </ul>
 */
public final class ImportNode {

	static final int UNIONS = 12;

	/** Import threads, as an import of many rows would use. */
	static final int THREADS = 4;

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
		java.util.concurrent.atomic.AtomicInteger skipped = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger enrolled = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		java.util.List<Thread> threads = new java.util.ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			Thread thread = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < members; i = next.getAndIncrement()) {
					if (node.engine().lastSequenceNumberFor(people.memberId(i).value()).isPresent()) {
						skipped.incrementAndGet();
						continue;
					}
					node.commands().sendAndWait(people.enroll(i));
					enrolled.incrementAndGet();
					System.out.println("ENROLLED " + i);
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
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
