package org.unionledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unionledger.bench.fault.CrashDrill;
import org.unionledger.bench.load.LoadRun;
import org.unionledger.bench.perf.LedgerBench;
import org.unionledger.bench.perf.Row;

/**
 * {@code java -jar bench/target/bench.jar [bench|crash|load] [--option value ...]}.
 * <ul>
 * <li>{@code bench [--backend memory,h2,uri=mongodb://...] [--sizes 10000,100000]
 * [--out file.md]}: the benchmark table (default memory and h2, sizes 10,000 and
 * 100,000).</li>
 * <li>{@code rebuild [--backend memory] [--members 10000] [--rounds 3]}: only the
 * statistics and summary rebuilds, for profiling a replay.</li>
 * <li>{@code crash [--members 50000] [--kill-after 25000] [--backend h2]}: the full-size
 * kill -9 drill on an H2 data folder.</li>
 * <li>{@code load [--jar ledger-api/target/ledger-api.jar] [--duration PT5M]
 * [--threads 8] [--max-requests 1000000] [--import-rows 200] [--user sysadmin --password demo]}:
 * a bounded load run on 127.0.0.1.</li>
 * <li>{@code child --h2 file --job import|rebuild [--members n]}: the process the crash
 * drill starts and kills ({@link org.unionledger.bench.fault.ImportNode}).</li>
 * </ul>
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) throws Exception {
		boolean named = args.length > 0 && !args[0].startsWith("--");
		String command = named ? args[0] : "bench";
		Map<String, String> options = options(named ? Arrays.copyOfRange(args, 1, args.length) : args);
		switch (command) {
			case "bench" -> bench(options, args);
			case "rebuild" -> rebuilds(options);
			case "crash" -> CrashDrill.main(options);
			case "load" -> LoadRun.main(options);
			case "child" -> org.unionledger.bench.fault.ImportNode.main(options);
			case "insertmany" -> insertMany(options);
			default -> throw new IllegalArgumentException(
					"unknown command " + command + "; use bench, crash, load or insertmany");
		}
		System.exit(0);
	}

	/**
	 * {@code rebuild [--backend memory] [--members 10000] [--rounds 3]}: only the
	 * statistics and summary rebuilds (see {@link LedgerBench#rebuildsOnly}).
	 */
	private static void rebuilds(Map<String, String> options) throws Exception {
		long members = Long.parseLong(options.getOrDefault("members", "10000"));
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
		List<Row> rows = new LedgerBench(options.getOrDefault("backend", "memory"), List.of(members), System.out)
			.rebuildsOnly(rounds);
		System.out.println(machine() + "\n\n" + table(rows));
	}

	/**
	 * The reference of an import measured through the API: {@code --count} documents of
	 * about 1 KB (an enrollment's commit document in size) inserted with
	 * {@code insertMany} in batches of 1,000 into a scratch database of the server at
	 * {@code --uri} (e.g. a running ledger's embedded store), which is dropped
	 * afterwards. Prints documents per second.
	 */
	private static void insertMany(Map<String, String> options) {
		int count = Integer.parseInt(options.getOrDefault("count", "20000"));
		try (com.mongodb.client.MongoClient client = org.unionledger.eventstore.MongoStores
			.openClient(options.get("uri"))) {
			com.mongodb.client.MongoDatabase database = client.getDatabase("raw_insert_many_bench");
			com.mongodb.client.MongoCollection<org.bson.Document> collection = database.getCollection("documents");
			String payload = "x".repeat(900);
			long start = System.nanoTime();
			for (int from = 0; from < count; from += 1_000) {
				List<org.bson.Document> documents = new ArrayList<>();
				for (int i = from; i < Math.min(count, from + 1_000); i++) {
					documents.add(new org.bson.Document("_id", (long) i).append("n", 1)
						.append("aggregateId", "m-" + i)
						.append("payload", payload));
				}
				collection.insertMany(documents);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("insertMany: %d documents of about 1 KB in %.1f s: %.0f docs/s%n", count, seconds,
					count / seconds);
			database.drop();
		}
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("options are --name value pairs: " + Arrays.toString(args));
			}
			options.put(args[i].substring(2), args[++i]);
		}
		return options;
	}

	private static void bench(Map<String, String> options, String[] args) throws Exception {
		List<String> backends = List.of(options.getOrDefault("backend", "memory,h2").split(","));
		List<Long> sizes = Arrays.stream(options.getOrDefault("sizes", "10000,100000").split(","))
			.map(String::trim)
			.map(Long::parseLong)
			.sorted()
			.toList();
		Instant started = Instant.now();
		List<Row> rows = new ArrayList<>();
		for (String backend : backends) {
			rows.addAll(new LedgerBench(backend.trim(), sizes, System.out).run());
		}
		rows.addAll(measuredElsewhere());
		String report = machine() + "\nCommand: `java " + String.join(" ", jvmArguments())
				+ " -jar bench/target/bench.jar " + String.join(" ", args) + "`\n\nStarted " + started + ", took "
				+ Duration.between(started, Instant.now()).toSeconds() + " s.\n\n" + table(rows);
		System.out.println(report);
		if (options.containsKey("out")) {
			Files.writeString(Path.of(options.get("out")), report, StandardCharsets.UTF_8);
		}
	}

	/**
	 * Rows measured elsewhere than in this program's node: the CSV import runs in the
	 * application (HTTP, Spring), so it is measured by the application's import benchmark
	 * and the load run.
	 */
	private static List<Row> measuredElsewhere() {
		return List.of(new Row("CSV import rows/s", "all", "",
				"measured through the API: ImportBenchmarkTest (50,000 GBK rows, insertMany beside it) and the load run",
				"", "", "", "—"));
	}

	private static List<String> jvmArguments() {
		return ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter(a -> a.startsWith("-X"))
			.toList();
	}

	static String machine() {
		Runtime runtime = Runtime.getRuntime();
		String memory = "?";
		try {
			memory = Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter(l -> l.startsWith("MemTotal"))
				.findFirst()
				.map(l -> String.format("%.1f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
				.orElse("?");
		}
		catch (IOException ex) {
			// not Linux: leave it unknown
		}
		return String.format("Machine: %d processors (nproc), %s RAM, %s %s (%s), max heap %,d MB, %s %s.",
				runtime.availableProcessors(), memory, System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
				runtime.maxMemory() / 1024 / 1024, System.getProperty("os.name"), System.getProperty("os.version"));
	}

	static String table(List<Row> rows) {
		StringBuilder out = new StringBuilder(
				"| Measure | Backend | Members | Ours | Reference (same run, same store) | Ratio | Target | Met |\n"
						+ "|---|---|---|---|---|---|---|---|\n");
		for (Row row : rows) {
			out.append("| ")
				.append(String.join(" | ", row.measure(), row.backend(), row.members(), row.ours(), row.reference(),
						row.ratio(), row.target(), row.met()))
				.append(" |\n");
		}
		return out.toString();
	}

}
