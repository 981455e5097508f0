package org.unionledger.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.unionledger.bench.ledger.People;
import org.unionledger.bench.ledger.Store;

/**
 * Starts {@code ledger-api.jar} on 127.0.0.1 (H2 data in a temporary folder, deleted
 * afterwards), or uses a ledger already running at {@code --url} on 127.0.0.1, and sends
 * mixed traffic from {@code --threads} clients until {@code --duration} has passed or
 * {@code --max-requests} were sent: 40 % enrollments, 15 % transfers (issue a credential,
 * then accept it at another union), 15 % services, 20 % summary queries, 10 % statistics
 * queries as of a random past date; beside them one client imports CSV files of
 * {@code --import-rows} rows one after the other and waits for each to finish. Signs in
 * as {@code --user}/{@code --password} (the ledger it starts has its demo users enabled,
 * without demo data, with a random password unless one is given). Prints throughput,
 * p50/p99 per operation, 4xx/5xx/failed counts, import rows/s and the ledger's memory at
 * the end (resident set and heap after a full GC, via jcmd).
 */
public final class LoadRun {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final List<String> COUNTIES = List.of("130102", "130104", "130203", "130602");

	private static final int UNIONS = 20;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ObjectMapper json = new ObjectMapper();

	private final String base;

	private final People people = new People(UNIONS, LocalDate.now(ZONE));

	private final AtomicLong nextPerson = new AtomicLong();

	/** Enrolled members not in a transfer right now: member id and union. */
	private final ConcurrentLinkedQueue<String[]> members = new ConcurrentLinkedQueue<>();

	private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

	private final LongAdder ok = new LongAdder();

	private final LongAdder clientErrors = new LongAdder();

	private final LongAdder serverErrors = new LongAdder();

	private final LongAdder failures = new LongAdder();

	private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();

	private final String authorization;

	private final LongAdder importedRows = new LongAdder();

	private final LongAdder importMillis = new LongAdder();

	private final LongAdder imports = new LongAdder();

	private LoadRun(String base, String user, String password) {
		this.base = base;
		this.authorization = "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public static void main(Map<String, String> options) throws Exception {
		Duration duration = Duration.parse(options.getOrDefault("duration", "PT5M"));
		int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
		long maxRequests = Long.parseLong(options.getOrDefault("max-requests", "1000000"));
		String url = options.get("url");
		Process ledger = null;
		Path data = null;
		// outside the demo profile the demo users need a password of their own
		String password = options.getOrDefault("password",
				"load-" + Long.toHexString(new java.security.SecureRandom().nextLong()));
		try {
			if (url == null) {
				data = Files.createTempDirectory("ledger-load-");
				int port = Integer.parseInt(options.getOrDefault("port", "18089"));
				ledger = startLedger(Path.of(options.getOrDefault("jar", "ledger-api/target/ledger-api.jar")), port,
						data, options.getOrDefault("backend", "H2"), password);
				url = "http://127.0.0.1:" + port;
			}
			URI uri = URI.create(url);
			if (!List.of("127.0.0.1", "localhost").contains(uri.getHost())) {
				throw new IllegalArgumentException("the load run talks to 127.0.0.1 only, not " + uri.getHost());
			}
			LoadRun run = new LoadRun(url, options.getOrDefault("user", "sysadmin"), password);
			run.awaitReady(Duration.ofMinutes(3));
			run.registerUnions();
			long started = System.nanoTime();
			run.drive(threads, duration, maxRequests, Integer.parseInt(options.getOrDefault("import-rows", "200")));
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.println(run.report(seconds, threads, duration, maxRequests, ledger));
		}
		finally {
			if (ledger != null) {
				ledger.destroy();
				ledger.waitFor();
			}
			Store.deleteFolder(data);
		}
	}

	private static Process startLedger(Path jar, int port, Path data, String backend, String password)
			throws IOException {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
				"-jar", jar.toString(), "--server.address=127.0.0.1", "--server.port=" + port,
				"--ledger.data-dir=" + data, "--ledger.mongo.embedded=" + backend, "--ledger.mongo.embedded-port=0",
				"--ledger.security.demo-users.enabled=true", "--ledger.security.demo-users.password=" + password);
		System.out.println("starting " + String.join(" ", command));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(data.resolve("ledger.log").toFile())
			.start();
	}

	private void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (send("GET", "/actuator/health", null).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the ledger did not become ready at " + this.base);
	}

	private void registerUnions() throws Exception {
		for (int u = 0; u < UNIONS; u++) {
			HttpResponse<String> response = send("POST", "/api/unions", String.format(
					"{\"unionId\":\"%s\",\"name\":\"负载工会 %d\",\"type\":\"ENTERPRISE\",\"sector\":\"CONSTRUCTION\","
							+ "\"jurisdictionCode\":\"%s\",\"establishedOn\":\"2019-01-02\"}",
					union(u), u, COUNTIES.get(u % COUNTIES.size())));
			if (response.statusCode() != 201 && response.statusCode() != 409) {
				throw new IllegalStateException("cannot register union " + u + ": " + response.body());
			}
		}
	}

	private static String union(int u) {
		return "load-union-" + u;
	}

	private void drive(int threads, Duration duration, long maxRequests, int importRows) throws InterruptedException {
		long deadline = System.nanoTime() + duration.toNanos();
		AtomicLong budget = new AtomicLong(maxRequests);
		List<Thread> workers = new ArrayList<>();
		if (importRows > 0) {
			Thread importer = new Thread(() -> {
				while (System.nanoTime() < deadline && budget.get() > 0) {
					try {
						importFile(importRows, deadline);
					}
					catch (IOException ex) {
						this.failures.increment();
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "load-import");
			importer.start();
			workers.add(importer);
		}
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
					int dice = ThreadLocalRandom.current().nextInt(100);
					try {
						if (dice < 40) {
							enroll();
						}
						else if (dice < 55) {
							transfer();
						}
						else if (dice < 70) {
							service();
						}
						else if (dice < 90) {
							query();
						}
						else {
							statistics();
						}
					}
					catch (IOException ex) {
						this.failures.increment();
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "load-" + t);
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
	}

	private void enroll() throws IOException, InterruptedException {
		long i = this.nextPerson.getAndIncrement();
		String unionId = union((int) (i % UNIONS));
		HttpResponse<String> response = timed("enroll", "POST", "/api/members",
				String.format(
						"{\"residentId\":\"%s\",\"name\":\"负载%s\",\"unionId\":\"%s\",\"effectiveDate\":\"%s\","
								+ "\"channel\":\"ON_SITE\"}",
						this.people.residentId(i), People.numeral(i), unionId,
						LocalDate.now(ZONE).minusDays(30 + i % 200)));
		if (response.statusCode() == 201) {
			this.members.add(new String[] { this.json.readTree(response.body()).get("memberId").asText(), unionId });
		}
	}

	private void transfer() throws IOException, InterruptedException {
		String[] member = this.members.poll();
		if (member == null) {
			enroll();
			return;
		}
		String today = LocalDate.now(ZONE).toString();
		HttpResponse<String> issued = timed("transfer: issue credential", "POST",
				"/api/members/" + member[0] + "/transfer-credentials", "{\"issuedOn\":\"" + today + "\"}");
		if (issued.statusCode() != 201) {
			this.members.add(member);
			return;
		}
		JsonNode credential = this.json.readTree(issued.body());
		int from = Integer.parseInt(member[1].substring("load-union-".length()));
		String to = union((from + 1 + ThreadLocalRandom.current().nextInt(UNIONS - 1)) % UNIONS);
		HttpResponse<String> accepted = timed("transfer: accept", "POST",
				"/api/transfer-credentials/" + credential.get("code").asText() + "/acceptance",
				"{\"unionId\":\"" + to + "\",\"effectiveDate\":\"" + today + "\"}");
		this.members.add((accepted.statusCode() == 200) ? new String[] { member[0], to } : member);
	}

	private void service() throws IOException, InterruptedException {
		timed("service", "POST", "/api/services",
				String.format(
						"{\"unionId\":\"%s\",\"type\":\"SKILLS_TRAINING\",\"deliveredOn\":\"%s\","
								+ "\"personTimes\":2,\"amountYuan\":\"50.00\"}",
						union(ThreadLocalRandom.current().nextInt(UNIONS)), LocalDate.now(ZONE).minusDays(1)));
	}

	private void query() throws IOException, InterruptedException {
		int pick = ThreadLocalRandom.current().nextInt(4);
		String path = switch (pick) {
			case 0 -> "/api/jurisdictions/13/summary";
			case 1 -> "/api/jurisdictions/1301/summary";
			case 2 -> "/api/jurisdictions/130102/summary";
			default -> "/api/unions/" + union(ThreadLocalRandom.current().nextInt(UNIONS)) + "/summary";
		};
		timed("summary query", "GET", path, null);
	}

	private void statistics() throws IOException, InterruptedException {
		LocalDate asOf = LocalDate.now(ZONE).minusDays(ThreadLocalRandom.current().nextInt(400));
		String[] scopes = { "13", "1301", "130102", "1302" };
		timed("statistics query with asOf", "GET", "/api/jurisdictions/"
				+ scopes[ThreadLocalRandom.current().nextInt(scopes.length)] + "/statistics?asOf=" + asOf, null);
	}

	/** Imports one CSV file of new people and waits until the ledger has finished it. */
	private void importFile(int rows, long deadline) throws IOException, InterruptedException {
		StringBuilder csv = new StringBuilder("residentId,name,unionId,effectiveDate,channel\n");
		for (int r = 0; r < rows; r++) {
			long i = this.nextPerson.getAndIncrement();
			csv.append(this.people.residentId(i))
				.append(",导入")
				.append(People.numeral(i))
				.append(',')
				.append(union((int) (i % UNIONS)))
				.append(',')
				.append(LocalDate.now(ZONE).minusDays(30 + i % 200))
				.append(",IMPORT\n");
		}
		long start = System.nanoTime();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "/api/imports"))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.header("Authorization", this.authorization)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8));
		HttpResponse<String> submitted = this.http.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		this.statuses.computeIfAbsent("import submit " + submitted.statusCode(), k -> new LongAdder()).increment();
		if (submitted.statusCode() >= 500) {
			this.serverErrors.increment();
		}
		if (submitted.statusCode() != 202) {
			return;
		}
		String id = this.json.readTree(submitted.body()).get("importId").asText();
		while (true) {
			Thread.sleep(200);
			HttpResponse<String> polled = send("GET", "/api/imports/" + id, null);
			if (polled.statusCode() >= 500) {
				this.serverErrors.increment();
			}
			JsonNode job = this.json.readTree(polled.body());
			String status = job.path("status").asText();
			if (!"RUNNING".equals(status) && !"QUEUED".equals(status) && !"PENDING".equals(status)) {
				this.statuses.computeIfAbsent("import " + status, k -> new LongAdder()).increment();
				this.importedRows.add(job.path("accepted").asLong() + job.path("alreadyPresent").asLong());
				this.importMillis.add((System.nanoTime() - start) / 1_000_000);
				this.imports.increment();
				return;
			}
			if (System.nanoTime() > deadline + Duration.ofMinutes(2).toNanos()) {
				this.statuses.computeIfAbsent("import unfinished", k -> new LongAdder()).increment();
				return;
			}
		}
	}

	private HttpResponse<String> timed(String operation, String method, String path, String body)
			throws IOException, InterruptedException {
		long start = System.nanoTime();
		HttpResponse<String> response = send(method, path, body);
		long took = System.nanoTime() - start;
		this.latencies.computeIfAbsent(operation, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
			.add(took);
		int status = response.statusCode();
		this.statuses.computeIfAbsent(operation + " " + status, k -> new LongAdder()).increment();
		if (status >= 500) {
			this.serverErrors.increment();
		}
		else if (status >= 400) {
			this.clientErrors.increment();
		}
		else {
			this.ok.increment();
		}
		return response;
	}

	private HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json")
			.header("Authorization", this.authorization);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String report(double seconds, int threads, Duration duration, long maxRequests, Process ledger) {
		long requests = this.ok.sum() + this.clientErrors.sum() + this.serverErrors.sum();
		StringBuilder out = new StringBuilder();
		out.append(String.format("Load run: %d client threads, limit %s or %,d requests, ran %.1f s against %s%n",
				threads, duration, maxRequests, seconds, this.base));
		out.append(String.format("Requests: %,d (%.1f/s); 2xx %,d, 4xx %,d, 5xx %,d, failed (no response) %,d%n",
				requests, requests / seconds, this.ok.sum(), this.clientErrors.sum(), this.serverErrors.sum(),
				this.failures.sum()));
		out.append("| Operation | Requests | p50 | p99 | max |\n|---|---|---|---|---|\n");
		this.latencies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			long[] sorted = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
			out.append(String.format("| %s | %,d | %.1f ms | %.1f ms | %.1f ms |%n", entry.getKey(), sorted.length,
					percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6));
		});
		if (this.imports.sum() > 0) {
			out.append(String.format(
					"Imports: %,d files, %,d rows enrolled in %.1f s of import time: %,.0f rows/s (submit to finished, beside the mixed load)%n",
					this.imports.sum(), this.importedRows.sum(), this.importMillis.sum() / 1000.0,
					this.importedRows.sum() / Math.max(0.001, this.importMillis.sum() / 1000.0)));
		}
		out.append("Statuses: ").append(new java.util.TreeMap<>(this.statuses)).append('\n');
		if (ledger != null) {
			out.append(memory(ledger.pid()));
		}
		return out.toString();
	}

	private static double percentile(long[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	/** Resident set of the ledger process and its heap after a full GC. */
	private static String memory(long pid) {
		StringBuilder out = new StringBuilder();
		try {
			Files.readAllLines(Path.of("/proc/" + pid + "/status"))
				.stream()
				.filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
				.forEach(l -> out.append("Ledger process ").append(l.replaceAll("\\s+", " ")).append('\n'));
			String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
			run(jcmd, Long.toString(pid), "GC.run");
			out.append("Heap after GC (jcmd GC.heap_info): ")
				.append(Arrays.stream(run(jcmd, Long.toString(pid), "GC.heap_info").split("\n"))
					.filter(l -> l.contains("total") || l.contains("used"))
					.map(String::trim)
					.findFirst()
					.orElse("?"))
				.append('\n');
		}
		catch (IOException | InterruptedException ex) {
			out.append("memory not readable: ").append(ex.getMessage()).append('\n');
		}
		return out.toString();
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}

}
