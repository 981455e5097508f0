package org.unionledger.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What signing in costs a read: after {@code bench.warmUp} (default 200) rounds,
 * {@code bench.requests} (default 500) rounds of one request each to
 * {@code /actuator/health} (no sign-in), to {@code GET /api/jurisdictions/13/summary} and
 * to {@code GET /api/me} (both HTTP Basic as the demo user {@code sysadmin}, whose hash
 * has the default BCrypt cost 10), one after the other from one client on a kept-alive
 * connection, then the summary from 4 clients at once. Prints mean, p50 and p99 per
 * request, requests per second and the ratio of the summary to health; asserts only that
 * every answer is 200. The test profile's store: the embedded one, in memory.
 * {@link CachedSignInBench} runs it with the verified-credential cache,
 * {@link UncachedSignInBench} without:
 * {@code ./mvnw -B -ntp -pl ledger-api test -Dtest='*SignInBench' -Dledger.test.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true}
 * (output in {@code target/surefire-reports/*SignInBench-output.txt}).
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ledger.security.demo-users.enabled=true", "ledger.security.demo-users.password=bench-secret-1",
				"ledger.security.bcrypt-strength=10" })
@ActiveProfiles("test")
// Closed after each run, so that one application does not idle beside the other's run.
@DirtiesContext
abstract class SignInBench {

	private static final int CLIENTS = 4;

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void signedInReadsBesideHealth() throws Exception {
		int rounds = Integer.getInteger("bench.requests", 500);
		int warmUp = Integer.getInteger("bench.warmUp", 200);
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString("sysadmin:bench-secret-1".getBytes(StandardCharsets.UTF_8));
		Map<String, HttpRequest> requests = new LinkedHashMap<>();
		requests.put("health (no sign-in)", request("/actuator/health", null));
		requests.put("summary 13 (Basic)", request("/api/jurisdictions/13/summary", basic));
		requests.put("me (Basic)", request("/api/me", basic));

		for (int i = 0; i < warmUp; i++) {
			for (HttpRequest request : requests.values()) {
				send(request);
			}
		}
		Map<String, long[]> nanos = new LinkedHashMap<>();
		requests.keySet().forEach(name -> nanos.put(name, new long[rounds]));
		for (int i = 0; i < rounds; i++) {
			for (Map.Entry<String, HttpRequest> request : requests.entrySet()) {
				long started = System.nanoTime();
				send(request.getValue());
				nanos.get(request.getKey())[i] = System.nanoTime() - started;
			}
		}

		print("credential cache ttl %s, BCrypt cost %s, store: embedded %s; %d rounds after %d to warm up",
				this.environment.getProperty("ledger.security.credential-cache.ttl", "default (5m)"),
				this.environment.getProperty("ledger.security.bcrypt-strength"),
				this.environment.getProperty("ledger.mongo.embedded"), rounds, warmUp);
		print("%-20s %9s %9s %9s %9s", "sequential", "mean ms", "p50 ms", "p99 ms", "req/s");
		nanos.forEach((name, times) -> {
			double mean = Arrays.stream(times).average().orElseThrow() / 1e6;
			print("%-20s %9.2f %9.2f %9.2f %9.0f", name, mean, percentile(times, 50), percentile(times, 99),
					1000 / mean);
		});
		double health = Arrays.stream(nanos.get("health (no sign-in)")).average().orElseThrow();
		double summary = Arrays.stream(nanos.get("summary 13 (Basic)")).average().orElseThrow();
		print("summary / health: %.2f (mean), %.2f (p50)", summary / health,
				percentile(nanos.get("summary 13 (Basic)"), 50) / percentile(nanos.get("health (no sign-in)"), 50));
		concurrently(requests.get("summary 13 (Basic)"), rounds);
	}

	private void concurrently(HttpRequest request, int total) throws Exception {
		AtomicInteger left = new AtomicInteger(total);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			long started = System.nanoTime();
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				running.add(clients.submit(() -> {
					while (left.getAndDecrement() > 0) {
						send(request);
					}
					return null;
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			print("summary 13 (Basic), %d clients at once: %d requests in %.2f s, %.0f req/s", CLIENTS, total, seconds,
					total / seconds);
		}
		finally {
			clients.shutdown();
		}
	}

	private HttpRequest request(String path, String authorization) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET();
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder.build();
	}

	private void send(HttpRequest request) throws Exception {
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(request.uri() + ": " + response.body()).isEqualTo(200);
	}

	private static double percentile(long[] nanos, int percent) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(index, 0)] / 1e6;
	}

	private static void print(String format, Object... args) {
		System.out.println("[bench] " + String.format(format, args));
	}

}
