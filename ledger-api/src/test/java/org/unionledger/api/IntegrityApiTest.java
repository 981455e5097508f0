package org.unionledger.api;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.unionledger.api.audit.IntegrityConfiguration;
import org.unionledger.api.audit.IntegrityConfiguration.ScheduledConsistencyCheck;
import org.unionledger.api.audit.ReplayCli;
import org.unionledger.api.config.KeyMaterial;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.eventstore.IntegrityAlarm;
import org.unionledger.projections.consistency.ConsistencyReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's tamper drill against a running ledger, with write access to its store and
 * without its key: a read-model document forged (found by the scheduled consistency
 * check), a commit appended at the head (counter raised, an {@code events} and a
 * {@code streams} document copied from a real enrollment) and an enrollment's event
 * edited together with its stream copy. Each is refused by the seal, named by the
 * verification and the auditor's replay, kept from processors and member history, and
 * raises the integrity alarm (health DOWN). Its own application context, closed
 * afterwards: the forgeries stay in its store.
 */
@TestPropertySource(properties = "ledger.test.context=integrity")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrityApiTest extends ApiTestSupport {

	@Autowired
	MongoDatabase database;

	@Autowired
	MongoClient client;

	@Autowired
	KeyMaterial keys;

	@Autowired
	Clock clock;

	@Autowired
	ProjectionFreshness freshness;

	@Autowired
	IntegrityAlarm alarm;

	@Autowired
	ScheduledConsistencyCheck consistencyCheck;

	@Autowired
	IntegrityConfiguration.ScheduledVerification scheduledVerification;

	@BeforeEach
	void signIn() {
		this.http = this.http.withBasicAuth(TestUsers.SYSADMIN, TestUsers.PASSWORD);
	}

	@Test
	@Order(1)
	void aForgedReadModelDocumentIsFoundByTheConsistencyCheckOnDemandAndOnSchedule() {
		assertThat(this.freshness.awaitPosition(this.engine.headPosition(), Duration.ofSeconds(60))).isTrue();
		MongoCollection<Document> summaries = this.database.getCollection("rm_summaries");
		Document summary = summaries.find(Filters.eq("_id", "J:13")).first();
		assertThat(summary).as("the province's summary").isNotNull();
		summaries.updateOne(Filters.eq("_id", "J:13"), Updates.inc("activeMembers", 1000));

		// Found by a check an auditor or admin starts: the alarm is raised as by the
		// schedule (the tamper drill saw health stay UP here before).
		ResponseEntity<Map> asked = this.http.postForEntity("/api/operations/consistency-check", null, Map.class);
		assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(asked.getBody()).containsEntry("consistent", false);
		assertThat(this.alarm.findings()).anySatisfy((finding) -> {
			assertThat(finding.source()).isEqualTo("consistency check");
			assertThat(finding.detail()).contains("rm_summaries").contains("J:13");
		});
		assertHealthDown();

		ConsistencyReport report = this.consistencyCheck.run();

		assertThat(report.consistent()).isFalse();
		assertThat(report.differences()).anySatisfy((difference) -> {
			assertThat(difference.kind()).isEqualTo(ConsistencyReport.Kind.DIFFERENT_DOCUMENT);
			assertThat(difference.documentId()).isEqualTo("J:13");
		});
		assertThat(this.alarm.findings()).anySatisfy((finding) -> {
			assertThat(finding.source()).isEqualTo("consistency check");
			assertThat(finding.detail()).contains("rm_summaries").contains("J:13");
		});
		assertHealthDown();
		summaries.replaceOne(Filters.eq("_id", "J:13"), summary);
	}

	@Test
	@Order(2)
	void forgedCommitsAreRefusedBySealVerificationReplayProcessorsAndHistory() {
		ensureUnion("integrity-site", "130102");
		String real = enroll(TestUsers.SYSADMIN, residentId(), "真实会员", "integrity-site");
		assertThat(this.freshness.awaitPosition(this.engine.headPosition(), Duration.ofSeconds(60))).isTrue();
		Map sealed = this.http.postForObject("/api/audit/seal", null, Map.class);
		assertThat(sealed.get("refused")).isNull();
		String edited = enroll(TestUsers.SYSADMIN, residentId(), "后改会员", "integrity-site");
		assertThat(this.freshness.awaitPosition(this.engine.headPosition(), Duration.ofSeconds(60))).isTrue();
		MongoCollection<Document> events = this.database.getCollection("events");
		MongoCollection<Document> streams = this.database.getCollection("streams");

		// Appended at the head: the counter raised, an enrollment copied under another
		// id.
		Document enrollment = events.find(Filters.eq("aggregateId", real)).first();
		long head = this.engine.headPosition();
		this.database.getCollection("counters").updateOne(Filters.eq("_id", "global"), Updates.inc("value", 1L));
		long forged = head + 1;
		String fake = real.substring(0, real.length() - 4) + "f0f0";
		Document copy = copyOf(enrollment, forged, real, fake);
		events.insertOne(copy);
		Document stream = streams.find(Filters.eq("_id", real + ":0")).first();
		streams.insertOne(new Document(stream).append("_id", fake + ":0")
			.append("global", forged)
			.append("aggregateId", fake)
			.append("events", copy.get("events")));

		// Edited together with its stream copy, after the last seal.
		Document editedCommit = events.find(Filters.eq("aggregateId", edited)).first();
		long editedAt = editedCommit.getLong("_id");
		String payload = editedCommit.getList("events", Document.class).get(0).getString("payload");
		String effective = TODAY.minusDays(30).toString();
		String backdated = TODAY.minusDays(400).toString();
		assertThat(payload).contains(effective);
		events.updateOne(Filters.eq("_id", editedAt),
				Updates.set("events.0.payload", payload.replace(effective, backdated)));
		streams.updateOne(Filters.eq("_id", edited + ":0"),
				Updates.set("events.0.payload", payload.replace(effective, backdated)));

		ResponseEntity<String> history = this.http.getForEntity("/api/members/" + edited + "/history", String.class);
		assertThat(history.getStatusCode().is5xxServerError()).as(history.getBody()).isTrue();
		assertThat(history.getBody()).doesNotContain(backdated);

		Map seal = this.http.postForObject("/api/audit/seal", null, Map.class);
		Map refused = (Map) seal.get("refused");
		assertThat(refused).as("the seal refuses the edited commit, the first that fails").isNotNull();
		assertThat(((Number) refused.get("position")).longValue()).isEqualTo(editedAt);
		assertThat(((Number) seal.get("toPosition")).longValue()).isLessThan(editedAt);

		assertThat(this.scheduledVerification.run().intact()).as("the scheduled verification").isFalse();
		Map verification = this.http.getForObject("/api/audit/verification", Map.class);
		assertThat(verification).containsEntry("intact", false);
		List<Map> problems = (List<Map>) verification.get("problems");
		assertThat(problems).anySatisfy((problem) -> {
			assertThat(((Number) problem.get("position")).longValue()).isEqualTo(editedAt);
			assertThat(problem.get("kind")).isEqualTo("UNAUTHENTICATED");
		});
		assertThat(problems).anySatisfy((problem) -> {
			assertThat(((Number) problem.get("position")).longValue()).isEqualTo(forged);
			assertThat(problem.get("kind")).isEqualTo("UNAUTHENTICATED");
		});

		String[] replay = replay(List.of("--jurisdiction", "13"));
		assertThat(replay[0]).isEqualTo(String.valueOf(1));
		assertThat(replay[2]).contains("REFUSED").contains("first bad position " + editedAt + " (UNAUTHENTICATED");

		// The processors had passed the edited commit before it was edited; they stop at
		// the forged one.
		assertThat(awaitAlarm("global stream", forged)).as("the processors stop at the forged commit").isTrue();
		Map processors = this.http.getForObject("/api/operations/processors", Map.class);
		for (Map processor : (List<Map>) processors.get("processors")) {
			for (Map segment : (List<Map>) processor.get("segments")) {
				assertThat(((Number) segment.get("position")).longValue())
					.as(processor.get("name") + " stops before it")
					.isLessThan(forged);
			}
		}
		assertHealthDown();
	}

	/**
	 * The alarm the processors raise reading the global stream (they read on their own
	 * threads).
	 */
	private boolean awaitAlarm(String source, long position) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (this.alarm.findings()
				.stream()
				.anyMatch((finding) -> finding.source().equals(source) && finding.position() == position)) {
				return true;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private void assertHealthDown() {
		ResponseEntity<Map> health = this.http.getForEntity("/actuator/health", Map.class);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(health.getBody()).containsEntry("status", "DOWN");
		// a system admin sees which component and why
		Map<?, ?> components = (Map<?, ?>) health.getBody().get("components");
		assertThat(components).as("health components shown to a system admin").isNotNull();
		@SuppressWarnings("unchecked")
		Map<String, Object> integrity = (Map<String, Object>) components.get("integrity");
		assertThat(integrity).isNotNull().containsEntry("status", "DOWN").containsKey("details");
	}

	/** The commit copied to {@code position}, its member id and event id replaced. */
	private static Document copyOf(Document commit, long position, String from, String to) {
		List<Document> entries = new ArrayList<>();
		for (Document entry : commit.getList("events", Document.class)) {
			entries.add(new Document(entry).append("eventId", UUID.randomUUID().toString())
				.append("payload", entry.getString("payload").replace(from, to)));
		}
		return new Document(commit).append("_id", position)
			.append("aggregateId", to)
			.append("state", "committed")
			.append("events", entries)
			.append("eventIds", entries.stream().map((entry) -> entry.getString("eventId")).toList());
	}

	/** The auditor's replay: exit status, standard output, standard error. */
	private String[] replay(List<String> args) {
		List<String> all = new ArrayList<>(args);
		String configured = System.getProperty("ledger.test.mongo.uri", "");
		String uri = !configured.isBlank() ? configured
				: "mongodb://" + this.client.getClusterDescription().getClusterSettings().getHosts().get(0);
		all.addAll(List.of("--mongo-uri", uri, "--database", this.database.getName()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = ReplayCli.run(all.toArray(String[]::new),
				Map.of("LEDGER_KEYS_SEAL", Base64.getEncoder().encodeToString(this.keys.sealKey())), this.clock,
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new String[] { String.valueOf(status), out.toString(StandardCharsets.UTF_8),
				err.toString(StandardCharsets.UTF_8) };
	}

}
