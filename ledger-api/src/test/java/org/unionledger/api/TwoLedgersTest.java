package org.unionledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.unionledger.api.federation.SigningKey;
import org.unionledger.identity.ResidentId;
import org.unionledger.jurisdiction.LedgerId;

/**
 * Two ledgers in two processes, each with its own H2 store, keys and trust list, on
 * loopback ports: Hebei's (13) and Henan's (41). People enrolled in Hebei move to Henan
 * and back, each move a credential, a presentation and a receipt: Henan sends its
 * receipts to Hebei by itself, Hebei's are carried to Henan by this test as an officer
 * would carry them. Each ledger is killed with {@code kill -9} in the middle of the flow
 * (a receipt in transit to it) and started again on its store. After every round of
 * moves: the people active across both ledgers number exactly the people, each person is
 * active in exactly one of them, and each ledger's read models equal a replay of its
 * events.
 * <p>
 * {@value #PEOPLE_PROPERTY} sets how many people move (10 by default, the CI's small
 * form; 100 for the full form).
 */
class TwoLedgersTest {

	static final String PEOPLE_PROPERTY = "ledger.test.two-ledgers.people";

	private static final String PASSWORD = TestUsers.PASSWORD;

	/** BCrypt of {@link TestUsers#PASSWORD}, as in the test profile. */
	private static final String PASSWORD_HASH = "$2a$04$V4d0/6WV/xt.TifLavnP2.3rGQEHH28chObCPyX6SBOxbHLhfvxi.";

	private static final String FEDERATION_KEY = Base64.getEncoder()
		.encodeToString("the federation's key shared by 13 and 41".getBytes(StandardCharsets.UTF_8));

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Ledger> ledgers = new ArrayList<>();

	@AfterEach
	void stop() {
		this.ledgers.forEach(Ledger::kill);
	}

	@Test
	void peopleMovingBackAndForthCountInExactlyOneLedgerThroughKillsOfEitherSide(
			@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder) throws Exception {
		int people = Integer.getInteger(PEOPLE_PROPERTY, 10);
		SigningKey hebeiKey = SigningKey.generate(new LedgerId("13"), Instant.now().minus(Duration.ofDays(1)),
				Instant.now().plus(Duration.ofDays(30)));
		SigningKey henanKey = SigningKey.generate(new LedgerId("41"), Instant.now().minus(Duration.ofDays(1)),
				Instant.now().plus(Duration.ofDays(30)));
		Ledger hebei = new Ledger("13", folder.resolve("hebei"), hebeiKey, henanKey);
		Ledger henan = new Ledger("41", folder.resolve("henan"), henanKey, hebeiKey);
		// Henan sends its receipts to Hebei by itself; Hebei's for Henan travel by hand.
		henan.partnerUrl = "--ledger.federation.partners.13=http://127.0.0.1:" + hebei.port;
		hebei.start();
		henan.start();
		hebei.awaitReady();
		henan.awaitReady();
		hebei.post("/api/unions", Map.of("unionId", "hb-site-01", "name", "石家庄某工地工会", "type", "PROJECT_SITE", "sector",
				"CONSTRUCTION", "jurisdictionCode", "130102", "establishedOn", "2020-01-01"), 201);
		henan.post("/api/unions", Map.of("unionId", "hn-site-01", "name", "郑州某项目部工会", "type", "PROJECT_SITE", "sector",
				"CONSTRUCTION", "jurisdictionCode", "410102", "establishedOn", "2020-01-01"), 201);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		List<String> ids = new ArrayList<>();
		String[] inHebei = new String[people];
		String[] inHenan = new String[people];
		for (int i = 0; i < people; i++) {
			ids.add(residentId(i));
			inHebei[i] = (String) hebei
				.post("/api/members", Map.of("residentId", ids.get(i), "name", name(i), "unionId", "hb-site-01",
						"effectiveDate", today.minusDays(10).toString(), "channel", "ON_SITE"), 201)
				.get("memberId");
		}
		check(hebei, henan, people, inHebei, null);

		// To Henan, which sends its receipts to Hebei by itself; Hebei is down when one
		// of
		// them is sent.
		moveEveryoneSentBack(hebei, inHebei, henan, "41", "hn-site-01", inHenan, ids);
		check(hebei, henan, people, null, inHenan);
		// And back; Henan is killed with a receipt in transit to it.
		moveEveryone(henan, inHenan, hebei, "13", "hb-site-01", inHebei, ids);
		check(hebei, henan, people, inHebei, null);
	}

	/**
	 * Everyone's move from one ledger to a destination that sends the receipts back by
	 * itself ({@code ledger.federation.partners}): the origin is killed half-way just
	 * before a presentation, so that receipt cannot reach it, and started again; then
	 * every receipt must arrive (the destination retries) before the check.
	 */
	private void moveEveryoneSentBack(Ledger origin, String[] members, Ledger destination, String destinationLedger,
			String receivingUnion, String[] arrived, List<String> ids) throws Exception {
		for (int i = 0; i < members.length; i++) {
			String credential = issue(origin, members[i], destinationLedger);
			boolean killed = (i == members.length / 2);
			if (killed) {
				origin.kill();
			}
			present(destination, credential, ids.get(i), i, receivingUnion, arrived);
			if (killed) {
				origin.start();
				origin.awaitReady();
			}
		}
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		for (String member : members) {
			while (!"TERMINATED".equals(origin.get("/api/members/" + member).get("status"))) {
				assertThat(Instant.now()).as("receipt for %s delivered to %s", member, origin.id).isBefore(deadline);
				Thread.sleep(200);
			}
		}
	}

	/**
	 * Everyone's move from one ledger to the other, the origin killed half-way with a
	 * receipt in transit to it, started again, and given the receipt by hand.
	 */
	private void moveEveryone(Ledger origin, String[] members, Ledger destination, String destinationLedger,
			String receivingUnion, String[] arrived, List<String> ids) throws Exception {
		for (int i = 0; i < members.length; i++) {
			String receipt = present(destination, issue(origin, members[i], destinationLedger), ids.get(i), i,
					receivingUnion, arrived);
			if (i == members.length / 2) {
				origin.kill();
				origin.start();
				origin.awaitReady();
			}
			origin.post("/api/inter-ledger-receipts", Map.of("document", receipt), 200);
		}
	}

	/** The origin issues a credential for the member; its signed document. */
	private static String issue(Ledger origin, String memberId, String destinationLedger) throws Exception {
		return (String) origin
			.post("/api/members/" + memberId + "/inter-ledger-credentials",
					Map.of("destinationLedger", destinationLedger), 201)
			.get("document");
	}

	/**
	 * The destination takes person {@code i} in on the credential (their member id there
	 * goes into {@code arrived}); the signed receipt.
	 */
	private static String present(Ledger destination, String credential, String residentId, int i,
			String receivingUnion, String[] arrived) throws Exception {
		Map<String, Object> in = destination.post("/api/inter-ledger-transfers",
				Map.of("document", credential, "residentId", residentId, "name", name(i), "unionId", receivingUnion,
						"effectiveDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()),
				201);
		arrived[i] = (String) in.get("memberId");
		return (String) in.get("receipt");
	}

	/**
	 * Each ledger's read models equal a replay, everyone is active in exactly the ledger
	 * expected, and the sums equal the people.
	 */
	private void check(Ledger hebei, Ledger henan, int people, String[] activeInHebei, String[] activeInHenan)
			throws Exception {
		// The consistency check waits for the read models to reach the store's head, so
		// the
		// counts below are read after it.
		for (Ledger ledger : List.of(hebei, henan)) {
			Map<String, Object> report = ledger.post("/api/operations/consistency-check", Map.of(), 200);
			assertThat(report.get("consistent")).as(ledger.id + ": " + report).isEqualTo(true);
		}
		long hebeiActive = ((Number) hebei.get("/api/jurisdictions/13/summary").get("activeMembers")).longValue();
		long henanActive = ((Number) henan.get("/api/jurisdictions/41/summary").get("activeMembers")).longValue();
		assertThat(hebeiActive + henanActive).as("people active across both ledgers").isEqualTo(people);
		System.out.printf("two ledgers: %d people, %d active in Hebei's, %d in Henan's%n", people, hebeiActive,
				henanActive);
		assertThat((activeInHebei != null) ? hebeiActive : henanActive).isEqualTo(people);
		for (int i = 0; i < people; i++) {
			if (activeInHebei != null) {
				assertThat(hebei.get("/api/members/" + activeInHebei[i])).containsEntry("status", "ACTIVE");
			}
			if (activeInHenan != null) {
				assertThat(henan.get("/api/members/" + activeInHenan[i])).containsEntry("status", "ACTIVE");
			}
		}
	}

	/**
	 * A name for person {@code i}: 工人 and its digits as 甲乙丙… (a name holds no digits).
	 */
	private static String name(int i) {
		StringBuilder name = new StringBuilder("工人");
		for (char digit : Integer.toString(i).toCharArray()) {
			name.append("甲乙丙丁戊己庚辛壬癸".charAt(digit - '0'));
		}
		return name.toString();
	}

	private static String residentId(int i) {
		String birth = LocalDate.of(1985, 1, 1).plusDays(i).toString().replace("-", "");
		String first17 = "410102" + birth + String.format("%03d", i % 1000);
		return first17 + ResidentId.checkDigitFor(first17);
	}

	/** One ledger process: its folder, keys and port; killed with SIGKILL. */
	private final class Ledger {

		private final String id;

		private final Path folder;

		private final int port;

		private Process process;

		/** Where it sends receipts, as a command-line setting, or {@code null}. */
		String partnerUrl;

		Ledger(String id, Path folder, SigningKey own, SigningKey partner) throws IOException {
			this.id = id;
			this.folder = folder;
			Files.createDirectories(folder);
			Files.writeString(folder.resolve("signing-key.jwk"), own.privateJwk());
			// The child logs to its standard output (into ledger.log), not into the test
			// log that PersonalDataLeakTest scans (logback-test.xml on the class path).
			Files.writeString(folder.resolve("logback.xml"),
					"""
							<configuration>
								<appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
									<encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
								</appender>
								<logger name="de.bwaldvogel" level="WARN"/>
								<root level="INFO"><appender-ref ref="OUT"/></root>
							</configuration>
							""");
			Files.writeString(folder.resolve("trust-list.jwks"),
					new JWKSet(List.<JWK>of(partner.publicJwk())).toString(true));
			try (ServerSocket socket = new ServerSocket(0)) {
				this.port = socket.getLocalPort();
			}
			TwoLedgersTest.this.ledgers.add(this);
		}

		void start() throws IOException {
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
							"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
							"-Dlogback.configurationFile=" + this.folder.resolve("logback.xml"), "-cp",
							System.getProperty("java.class.path"), "org.unionledger.api.LedgerApplication",
							"--logging.config=" + this.folder.resolve("logback.xml"), "--server.port=" + this.port,
							"--ledger.data-dir=" + this.folder.resolve("data"), "--ledger.seed.enabled=false",
							"--ledger.operations.consistency-check-interval=0s",
							"--ledger.keys.fingerprint=" + key(this.id + "-fingerprint"),
							"--ledger.keys.personal-data=" + key(this.id + "-personal-data"),
							"--ledger.keys.seal=" + key(this.id + "-seal"), "--ledger.users[0].name=admin",
							"--ledger.users[0].password=" + PASSWORD_HASH, "--ledger.users[0].role=SYSTEM_ADMIN",
							"--ledger.federation.ledger=" + this.id,
							"--ledger.federation.signing-key=" + this.folder.resolve("signing-key.jwk"),
							"--ledger.federation.trust-list=" + this.folder.resolve("trust-list.jwks"),
							"--ledger.federation.federation-key=" + FEDERATION_KEY));
			if (this.partnerUrl != null) {
				command.add(this.partnerUrl);
				command.add("--ledger.federation.delivery-interval=500ms");
			}
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.folder.resolve("ledger.log").toFile()))
				.start();
		}

		/** A 32-byte key derived from a name, Base64. */
		private static String key(String name) {
			byte[] key = new byte[32];
			byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
			for (int i = 0; i < key.length; i++) {
				key[i] = bytes[i % bytes.length];
			}
			return Base64.getEncoder().encodeToString(key);
		}

		void awaitReady() throws Exception {
			Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
			while (Instant.now().isBefore(deadline)) {
				assertThat(this.process.isAlive())
					.as("ledger %s is running (see %s)", this.id, this.folder.resolve("ledger.log"))
					.isTrue();
				try {
					HttpResponse<String> health = TwoLedgersTest.this.client.send(
							HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
							HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(250);
			}
			throw new AssertionError("ledger " + this.id + " did not start; see " + this.folder.resolve("ledger.log"));
		}

		/** {@code kill -9}: the process ends at once, whatever it was writing. */
		void kill() {
			if (this.process != null && this.process.isAlive()) {
				this.process.destroyForcibly();
				try {
					this.process.waitFor();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		Map<String, Object> get(String path) throws Exception {
			HttpResponse<String> response = TwoLedgersTest.this.client.send(request(path).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET %s on %s: %s", path, this.id, response.body()).isEqualTo(200);
			return JSON.readValue(response.body(), Map.class);
		}

		Map<String, Object> post(String path, Object body, int expected) throws Exception {
			HttpResponse<String> response = TwoLedgersTest.this.client
				.send(request(path).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("POST %s on %s: %s", path, this.id, response.body())
				.isEqualTo(expected);
			return JSON.readValue(response.body(), Map.class);
		}

		private HttpRequest.Builder request(String path) {
			String credentials = Base64.getEncoder()
				.encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			return HttpRequest.newBuilder(uri(path))
				.timeout(Duration.ofSeconds(120))
				.header("Authorization", "Basic " + credentials)
				.header("Accept", "application/json");
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + this.port + path);
		}

	}

}
