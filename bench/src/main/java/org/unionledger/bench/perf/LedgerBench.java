package org.unionledger.bench.perf;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.unionledger.bench.ledger.LedgerNode;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.bench.ledger.People;
import org.unionledger.bench.ledger.Store;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.statistics.StatisticsQueries.FindStatistics;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.projections.summary.SummaryDocument;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.projections.summary.SummaryQueries.FindJurisdictionSummary;
import org.unionledger.projections.summary.SummaryQueries.FindUnionSummary;
import org.unionledger.statistics.StatisticalCalendar;

/**
 * The benchmark on one backend. One ledger node (no HTTP) on a fresh database; beside it,
 * on the same server, a scratch database for the raw-driver references. After a warm-up
 * the store is filled to each size in turn (enrollments through the command path, 8
 * threads), and at each size the figures are taken in alternating rounds, ledger then
 * reference, so that the machine's noise hits both alike.
 */
public final class LedgerBench {

	static final int UNIONS = 50;

	static final int FILL_THREADS = 8;

	private final String backend;

	private final List<Long> sizes;

	private final PrintStream log;

	private final List<Row> rows = new ArrayList<>();

	private final AtomicLong next = new AtomicLong();

	private Store store;

	private LedgerNode node;

	private People people;

	private MongoDatabase raw;

	private Document template;

	private long rawIds;

	private final int year;

	private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

	private double commandMicrosAtFirstSize = -1;

	private long heapAtStart;

	public LedgerBench(String backend, List<Long> sizes, PrintStream log) {
		this.backend = backend;
		this.sizes = sizes;
		this.log = log;
		this.year = StatisticalCalendar.ACFTU.yearOf(LocalDate.now(this.clock));
	}

	public List<Row> run() throws Exception {
		try (Store opened = Store.open(this.backend)) {
			this.store = opened;
			this.node = new LedgerNode(opened.newDatabase("ledger"), "bench-node", this.clock, Duration.ofSeconds(10),
					true);
			this.raw = opened.newDatabase("raw");
			this.people = new People(UNIONS, LocalDate.now(this.clock));
			this.people.unions().forEach(u -> this.node.commands().sendAndWait(u));
			this.heapAtStart = usedHeapAfterGc();
			warmUp();
			boolean first = true;
			for (long size : this.sizes) {
				fillTo(size);
				commandCost();
				queryLatency();
				statisticsLatency();
				rebuild();
				memory();
				if (first) {
					singleEnrollment();
					bulkEnrollment();
					this.rows.addAll(new StockExtensionBench(opened, this.node, 10_000, this.log).run());
					first = false;
				}
			}
			this.node.close();
		}
		return this.rows;
	}

	/**
	 * Only the rebuilds: fills the store to the (first) size, then resets and replays the
	 * statistics and the summary processors {@code rounds} times each, each round beside
	 * a raw {@code _id $in} read of every event, and prints the rates. For profiling one
	 * projection's replay without the rest of the benchmark.
	 */
	public List<Row> rebuildsOnly(int rounds) throws Exception {
		try (Store opened = Store.open(this.backend)) {
			this.store = opened;
			this.node = new LedgerNode(opened.newDatabase("ledger"), "bench-node", this.clock, Duration.ofSeconds(10),
					true);
			this.people = new People(UNIONS, LocalDate.now(this.clock));
			this.people.unions().forEach(u -> this.node.commands().sendAndWait(u));
			fillTo(this.sizes.get(0));
			awaitProjections();
			long head = this.node.engine().headPosition();
			for (String group : List.of(StatisticsProjection.PROCESSING_GROUP, SummaryProjection.PROCESSING_GROUP)) {
				List<Double> ours = new ArrayList<>();
				List<Double> reference = new ArrayList<>();
				for (int round = 0; round < rounds; round++) {
					reference.add(rawKeyedRead(head));
					Duration took = this.node.rebuild(group, Duration.ofHours(2));
					ours.add(head / seconds(took.toNanos()));
					this.log.printf("[%s] %s rebuild round %d: %,.0f events/s (raw _id $in %,.0f/s)%n", name(), group,
							round + 1, ours.get(round), reference.get(round));
				}
				add(String.format("Rebuild: %s processor reset + replay of %,d events vs raw _id $in of 1,000", group,
						head), ours, reference, "≥ 0.30×", 0.3);
			}
			this.node.close();
		}
		return this.rows;
	}

	private String members() {
		return String.format("%,d", this.next.get());
	}

	private void warmUp() {
		this.log.printf("[%s] warm-up%n", name());
		enrollSequential(1_000);
		long last = this.node.engine().lastCommittedPosition();
		Document stored = this.node.database().getCollection("events").find(Filters.eq("_id", last)).first();
		this.template = new Document(stored);
		this.template.remove("_id");
		for (int i = 0; i < 3; i++) {
			rawInsertOne(1_000);
			rawInsertMany(5_000);
			enrollParallel(1_000);
		}
		awaitProjections();
		for (int i = 0; i < 500; i++) {
			query(i);
			rawQuery(i);
		}
	}

	private String name() {
		return this.store.name();
	}

	private void fillTo(long size) throws Exception {
		long missing = size - this.next.get();
		if (missing <= 0) {
			return;
		}
		this.log.printf("[%s] filling to %,d members%n", name(), size);
		long start = System.nanoTime();
		enrollBatched(missing);
		double seconds = (System.nanoTime() - start) / 1e9;
		awaitProjections();
		this.log.printf("[%s] filled %,d in %.0f s (%,.0f/s)%n", name(), missing, seconds, missing / seconds);
		this.rows.add(new Row("Fill: enrollments in command batches of " + BATCH + " (no reference)", name(), members(),
				Stats.rate(missing / seconds), "", "", "", "—"));
	}

	/** Single enrollments, one after another, vs insertOne of equally sized documents. */
	private void singleEnrollment() {
		List<Double> ours = new ArrayList<>();
		List<Double> reference = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			ours.add(500 / seconds(enrollSequential(500)));
			reference.add(500 / seconds(rawInsertOne(500)));
		}
		add("Single enrollment: command path vs raw insertOne (" + size(this.template) + " B doc)", ours, reference,
				"≥ 0.80×", 0.8);
	}

	/**
	 * Enrollments in command batches vs insertMany of equally sized documents, and the
	 * same with every read model caught up (the processors run beside both).
	 */
	private void bulkEnrollment() {
		List<Double> ours = new ArrayList<>();
		List<Double> caughtUp = new ArrayList<>();
		List<Double> reference = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			awaitProjections();
			long start = System.nanoTime();
			ours.add(5_000 / seconds(enrollBatched(5_000)));
			awaitProjections();
			caughtUp.add(5_000 / seconds(System.nanoTime() - start));
			reference.add(5_000 / seconds(rawInsertMany(5_000)));
		}
		add("Bulk enrollment: command batches of " + BATCH + " vs raw insertMany (batches of 1,000)", ours, reference,
				"≥ 0.25×", 0.25);
		add("Bulk enrollment with every read model caught up vs raw insertMany", caughtUp, reference, "≥ 0.25×", 0.25);
	}

	private void add(String measure, List<Double> ours, List<Double> reference, String target, double threshold) {
		double o = Stats.median(ours);
		double r = Stats.median(reference);
		this.rows.add(new Row(measure, name(), members(), Stats.rate(o), Stats.rate(r), Stats.ratio(o / r), target,
				Row.verdict(o / r >= threshold)));
		this.log.printf("[%s] %s: %s vs %s%n", name(), measure, Stats.rate(o), Stats.rate(r));
	}

	/** Latency of one enrollment at this size, beside one raw insertOne. */
	private void commandCost() {
		List<Double> ours = new ArrayList<>();
		List<Double> reference = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			ours.add(seconds(enrollSequential(300)) * 1e6 / 300);
			reference.add(seconds(rawInsertOne(300)) * 1e6 / 300);
		}
		double o = Stats.median(ours);
		double r = Stats.median(reference);
		String growth = "";
		String target = "";
		String met = "—";
		if (this.commandMicrosAtFirstSize < 0) {
			this.commandMicrosAtFirstSize = o;
		}
		else {
			double g = o / this.commandMicrosAtFirstSize;
			growth = String.format("%.2f× of first size", g);
			target = "≤ 1.5× (at 1M)";
			met = Row.verdict(g <= 1.5);
		}
		this.rows.add(new Row("Command cost: one enrollment vs one raw insertOne (latency)", name(), members(),
				String.format("%.0f µs", o), String.format("%.0f µs", r), growth, target, met));
		this.log.printf("[%s] command cost at %s: %.0f µs (insertOne %.0f µs)%n", name(), members(), o, r);
	}

	private void queryLatency() {
		awaitProjections();
		int n = 3_000;
		long[] ours = new long[n];
		long[] reference = new long[n];
		for (int i = 0; i < n; i++) {
			long t0 = System.nanoTime();
			query(i);
			long t1 = System.nanoTime();
			rawQuery(i);
			long t2 = System.nanoTime();
			ours[i] = t1 - t0;
			reference[i] = t2 - t1;
		}
		double p50 = Stats.percentileMillis(ours, 50);
		double p99 = Stats.percentileMillis(ours, 99);
		this.rows.add(new Row("Summary query p50 / p99 (query bus) vs raw _id find", name(), members(),
				Stats.millis(p50) + " / " + Stats.millis(p99),
				Stats.millis(Stats.percentileMillis(reference, 50)) + " / "
						+ Stats.millis(Stats.percentileMillis(reference, 99)),
				"", "p99 ≤ 20 ms (at 1M)", Row.verdict(p99 <= 20)));
		this.log.printf("[%s] query at %s: p50 %.2f ms p99 %.2f ms%n", name(), members(), p50, p99);
	}

	private static final List<String> JURISDICTIONS = List.of("13", "1301", "1302", "130102", "130203");

	/**
	 * The statistics of the current statistical year (every figure, breakdowns and
	 * completion) through the query bus, at the province, cities, counties and unions in
	 * turn: as of today, as of a past date, and as of that date as known at a later one;
	 * beside each a raw {@code _id} find of the scope's year document.
	 */
	private void statisticsLatency() {
		awaitProjections();
		LocalDate today = LocalDate.now(this.clock);
		LocalDate past = today.minusDays(100);
		String[][] variants = { { "without asOf", null, null }, { "with asOf", past.toString(), null },
				{ "with asOf and knownAt", past.toString(), today.minusDays(50).toString() } };
		for (String[] variant : variants) {
			LocalDate asOf = (variant[1] != null) ? LocalDate.parse(variant[1]) : null;
			LocalDate knownAt = (variant[2] != null) ? LocalDate.parse(variant[2]) : null;
			int n = 1_000;
			long[] ours = new long[n];
			long[] reference = new long[n];
			for (int i = -100; i < n; i++) {
				String scope = statisticsScope(i);
				long t0 = System.nanoTime();
				this.node.queries()
					.query(new FindStatistics(scope, this.year, asOf, knownAt),
							ResponseTypes.instanceOf(StatisticsView.class))
					.join();
				long t1 = System.nanoTime();
				this.node.database()
					.getCollection(StatisticsProjection.COUNTERS)
					.find(Filters.eq("_id", scope + "|sy|" + this.year))
					.first();
				long t2 = System.nanoTime();
				if (i >= 0) {
					ours[i] = t1 - t0;
					reference[i] = t2 - t1;
				}
			}
			double p50 = Stats.percentileMillis(ours, 50);
			double p99 = Stats.percentileMillis(ours, 99);
			boolean withAsOf = asOf != null;
			double limit = withAsOf ? 200 : 20;
			this.rows.add(new Row("Statistics query " + variant[0] + " p50 / p99 (query bus) vs raw _id find", name(),
					members(), Stats.millis(p50) + " / " + Stats.millis(p99),
					Stats.millis(Stats.percentileMillis(reference, 50)) + " / "
							+ Stats.millis(Stats.percentileMillis(reference, 99)),
					"", "p99 ≤ " + (int) limit + " ms (at 1M)", Row.verdict(p99 <= limit)));
			this.log.printf("[%s] statistics %s at %s: p50 %.2f ms p99 %.2f ms%n", name(), variant[0], members(), p50,
					p99);
		}
	}

	private String statisticsScope(int i) {
		int k = Math.floorMod(i, 4);
		return (k < 3) ? "J:" + JURISDICTIONS.get(Math.floorMod(i, JURISDICTIONS.size()))
				: "U:" + this.people.union(Math.floorMod(i, UNIONS)).value();
	}

	private void query(int i) {
		if (i % 2 == 0) {
			this.node.queries()
				.query(new FindJurisdictionSummary(JurisdictionCode.of(JURISDICTIONS.get((i / 2) % 5)), this.year),
						ResponseTypes.instanceOf(SummaryDocument.class))
				.join();
		}
		else {
			this.node.queries()
				.query(new FindUnionSummary(this.people.union(i % UNIONS), this.year),
						ResponseTypes.instanceOf(SummaryDocument.class))
				.join();
		}
	}

	private void rawQuery(int i) {
		String key = (i % 2 == 0) ? "J:" + JURISDICTIONS.get((i / 2) % 5) : "U:" + this.people.union(i % UNIONS);
		this.node.database().getCollection(SummaryProjection.COLLECTION).find(Filters.eq("_id", key)).first();
	}

	/**
	 * The summary processor reset and replayed vs reading the whole events collection by
	 * {@code _id $in} of 1,000 positions.
	 */
	private void rebuild() {
		awaitProjections();
		long head = this.node.engine().headPosition();
		int rounds = (head <= 200_000) ? 3 : 1;
		List<Double> ours = new ArrayList<>();
		List<Double> reference = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			reference.add(rawKeyedRead(head));
			Duration took = this.node.rebuild(SummaryProjection.PROCESSING_GROUP, Duration.ofHours(1));
			ours.add(head / seconds(took.toNanos()));
		}
		add(String.format("Rebuild: summary processor reset + replay of %,d events vs raw _id $in of 1,000", head),
				ours, reference, "≥ 0.80×", 0.8);
		// the statistics rebuild takes minutes from 300,000 events on: only when asked
		// (-Dbench.statistics-rebuild-max=<events>)
		if (head <= Long.getLong("bench.statistics-rebuild-max", 300_000)) {
			double raw = rawKeyedRead(head);
			Duration took = this.node.rebuild(StatisticsProjection.PROCESSING_GROUP, Duration.ofHours(2));
			add(String.format(
					"Rebuild: statistics processor (dated counters, drill-down index) reset + replay of %,d events vs raw _id $in of 1,000",
					head), List.of(head / seconds(took.toNanos())), List.of(raw), "≥ 0.80×", 0.8);
		}
	}

	private double rawKeyedRead(long head) {
		MongoCollection<Document> events = this.node.database().getCollection("events");
		long start = System.nanoTime();
		long read = 0;
		for (long from = 1; from <= head; from += 1_000) {
			List<Long> ids = new ArrayList<>(1_000);
			for (long p = from; p < Math.min(head + 1, from + 1_000); p++) {
				ids.add(p);
			}
			for (Document ignored : events.find(Filters.in("_id", ids))) {
				read++;
			}
		}
		return read / seconds(System.nanoTime() - start);
	}

	/**
	 * Bytes of the read models (all documents) and of the event store (sampled), per
	 * million members; on the memory backend also the JVM heap grown since the start.
	 */
	private void memory() {
		this.raw.drop();
		long members = this.next.get();
		long readModels = 0;
		long readModelDocuments = 0;
		for (String collection : this.node.database().listCollectionNames()) {
			if (collection.startsWith("rm_")) {
				readModels += bytesOf(this.node.database().getCollection(collection, RawBsonDocument.class));
				readModelDocuments += this.node.database().getCollection(collection).countDocuments();
			}
		}
		double eventStore = sampledBytes();
		double perMillion = 1e6 / members;
		String heap = "";
		if (this.store.name().equals("memory")) {
			heap = String.format("; JVM heap grown %,.0f MB per 1M members",
					(usedHeapAfterGc() - this.heapAtStart) * perMillion / 1e6);
		}
		this.rows.add(new Row("Memory: read models per 1M members (BSON)", name(), String.format("%,d", members),
				String.format("%,.1f MB (summaries, credentials, statistics: %,d documents at this size)",
						readModels * perMillion / 1e6, readModelDocuments),
				String.format("event store %,.0f MB per 1M members (BSON, sampled)%s", eventStore * perMillion / 1e6,
						heap),
				"", "", "—"));
	}

	private static long bytesOf(MongoCollection<RawBsonDocument> collection) {
		long bytes = 0;
		for (RawBsonDocument document : collection.find().batchSize(100)) {
			bytes += document.getByteBuffer().remaining();
		}
		return bytes;
	}

	/** Average size of 1,000 sampled events and streams documents times their counts. */
	private double sampledBytes() {
		MongoDatabase db = this.node.database();
		long head = this.node.engine().headPosition();
		List<Long> positions = new ArrayList<>();
		List<String> streams = new ArrayList<>();
		long members = this.next.get();
		for (int i = 0; i < 1_000; i++) {
			positions.add(1 + (head - 1) * i / 999);
			streams.add(this.people.memberId(members * i / 1_000).value() + ":0");
		}
		double total = 0;
		for (var sample : List.of(List.of("events", positions), List.of("streams", streams))) {
			MongoCollection<RawBsonDocument> collection = db.getCollection((String) sample.get(0),
					RawBsonDocument.class);
			long bytes = 0;
			int n = 0;
			for (RawBsonDocument document : collection.find(Filters.in("_id", (List<?>) sample.get(1)))) {
				bytes += document.getByteBuffer().remaining();
				n++;
			}
			total += (n == 0) ? 0 : (double) bytes / n * collection.estimatedDocumentCount();
		}
		return total;
	}

	private static long usedHeapAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private void awaitProjections() {
		if (!this.node.awaitProcessors(this.node.engine().lastCommittedPosition(), Duration.ofMinutes(30))) {
			throw new IllegalStateException("projections did not catch up");
		}
	}

	private long enrollSequential(int count) {
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			this.node.commands().sendAndWait(this.people.enroll(this.next.getAndIncrement()));
		}
		return System.nanoTime() - start;
	}

	/** Commands per batch, as the application's imports send them. */
	private static final int BATCH = 256;

	private long enrollParallel(long count) {
		long start = System.nanoTime();
		AtomicLong claimed = new AtomicLong();
		ExecutorService threads = Executors.newFixedThreadPool(FILL_THREADS);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < FILL_THREADS; t++) {
				workers.add(threads.submit(() -> {
					while (claimed.getAndIncrement() < count) {
						this.node.commands().sendAndWait(this.people.enroll(this.next.getAndIncrement()));
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			threads.shutdown();
		}
		return System.nanoTime() - start;
	}

	/**
	 * Enrollments in command batches of {@value #BATCH} (as imports and seeding send
	 * them).
	 */
	private long enrollBatched(long count) {
		long start = System.nanoTime();
		for (long done = 0; done < count;) {
			int size = (int) Math.min(BATCH, count - done);
			List<Object> commands = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				commands.add(this.people.enroll(this.next.getAndIncrement()));
			}
			for (CommandBatches.Result result : this.node.batches().send(commands)) {
				if (result.failure() != null) {
					throw new IllegalStateException("a batched enrollment failed", result.failure());
				}
			}
			done += size;
		}
		return System.nanoTime() - start;
	}

	private long rawInsertOne(int count) {
		MongoCollection<Document> collection = this.raw.getCollection("insert_one");
		List<Document> documents = copies(count);
		long start = System.nanoTime();
		for (Document document : documents) {
			collection.insertOne(document);
		}
		return System.nanoTime() - start;
	}

	private long rawInsertMany(int count) {
		MongoCollection<Document> collection = this.raw.getCollection("insert_many");
		List<Document> documents = copies(count);
		long start = System.nanoTime();
		for (int from = 0; from < count; from += 1_000) {
			collection.insertMany(documents.subList(from, Math.min(count, from + 1_000)));
		}
		return System.nanoTime() - start;
	}

	private List<Document> copies(int count) {
		List<Document> documents = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Document copy = new Document("_id", ++this.rawIds);
			copy.putAll(this.template);
			documents.add(copy);
		}
		return documents;
	}

	private static int size(Document document) {
		return new RawBsonDocument(document,
				com.mongodb.MongoClientSettings.getDefaultCodecRegistry().get(Document.class))
			.getByteBuffer()
			.remaining();
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
