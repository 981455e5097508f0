package org.unionledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonalDataCipher;
import org.unionledger.identity.ResidentId;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.seeds.SeedLoader;
import org.unionledger.seeds.SeedPlan;

/**
 * Operations over HTTP on the seed data: the consistency check finds nothing on read
 * models built from the events and names a corrupted document; a projection is rebuilt
 * while members keep enrolling; processors show their lag.
 */
class OperationsApiTest extends ApiTestSupport {

	/** Signs in as the test system administrator. */
	@org.junit.jupiter.api.BeforeEach
	void signIn() {
		this.http = this.http.withBasicAuth(TestUsers.SYSADMIN, TestUsers.PASSWORD);
	}

	private static final SeedPlan PLAN = SeedPlan.generate(20210501L, 100);

	@Autowired
	CommandGateway commands;

	@Autowired
	EventStore eventStore;

	@Autowired
	MemberIdentities identities;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	ProjectionFreshness freshness;

	@Autowired
	MongoDatabase database;

	private static int serial = 700;

	/** Loads the seed plan once per context (loading is idempotent). */
	private void seeded() {
		SeedLoader loader = TestSeeds.loader(this.commands, this.eventStore, this.identities, this.cipher);
		loader.load(PLAN);
		assertThat(this.freshness.awaitPosition(this.engine.headPosition(), Duration.ofSeconds(60))).isTrue();
	}

	private Map check() {
		ResponseEntity<Map> response = this.http.postForEntity("/api/operations/consistency-check", null, Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@Test
	void theConsistencyCheckFindsNoDifferenceOnTheSeedDataAndNamesACorruptedDocument() {
		seeded();
		Map clean = check();
		assertThat((List) clean.get("differences")).isEmpty();
		assertThat(clean.get("consistent")).isEqualTo(true);
		assertThat(((Number) clean.get("eventsReplayed")).longValue()).isGreaterThan(PLAN.commandCount() / 2);
		assertThat(((Number) clean.get("figuresCompared")).longValue()).isGreaterThan(1000);

		var counters = this.database.getCollection(StatisticsProjection.COUNTERS);
		Document original = counters.find(Filters.regex("_id", "^J:1301\\|e\\|m\\|2025-0[1-8]$")).first();
		Document corrupted = Document.parse(original.toJson());
		Document counts = corrupted.get("c", Document.class);
		String newEnrollments = Figures.field(Figures.NEW);
		counts.put(newEnrollments, ((Number) counts.get(newEnrollments)).longValue() + 7);
		counters.replaceOne(Filters.eq("_id", original.get("_id")), corrupted);
		try {
			Map report = check();
			assertThat(report.get("consistent")).isEqualTo(false);
			assertThat((List<Map>) report.get("differences")).anySatisfy((difference) -> {
				assertThat(difference.get("kind")).isEqualTo("DIFFERENT_DOCUMENT");
				assertThat(difference.get("readModel")).isEqualTo(StatisticsProjection.COUNTERS);
				assertThat(difference.get("documentId")).isEqualTo(original.get("_id"));
			}).anySatisfy((difference) -> {
				assertThat(difference.get("kind")).isEqualTo("FIGURE");
				assertThat(difference.get("scope")).isEqualTo("J:1301");
				assertThat(difference.get("figure")).isEqualTo("newEnrollments");
			});
		}
		finally {
			counters.replaceOne(Filters.eq("_id", original.get("_id")), original);
		}
		assertThat(check().get("consistent")).isEqualTo(true);
	}

	/**
	 * The check replays the whole stream: one at a time per node. Auditors and an
	 * administrator starting it together get one report; every other start is refused
	 * with 409 {@code CONSISTENCY_CHECK_RUNNING} (issue 16, item 5: all ran at once).
	 */
	@Test
	void onlyOneConsistencyCheckRunsAtATime() throws Exception {
		seeded();
		List<String> users = List.of(TestUsers.SYSADMIN, TestUsers.HEBEI_AUDITOR, TestUsers.BEIJING_AUDITOR,
				TestUsers.SYSADMIN, TestUsers.HEBEI_AUDITOR, TestUsers.BEIJING_AUDITOR);
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(users.size());
		java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(users.size());
		List<ResponseEntity<Map>> answers = new ArrayList<>();
		try {
			List<java.util.concurrent.Future<ResponseEntity<Map>>> pending = new ArrayList<>();
			for (String user : users) {
				pending.add(clients.submit(() -> {
					start.await();
					return as(user).postForEntity("/api/operations/consistency-check", null, Map.class);
				}));
			}
			for (var answer : pending) {
				answers.add(answer.get(120, java.util.concurrent.TimeUnit.SECONDS));
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(answers).extracting(ResponseEntity::getStatusCode)
			.containsOnly(HttpStatus.OK, HttpStatus.CONFLICT)
			.contains(HttpStatus.OK, HttpStatus.CONFLICT);
		assertThat(answers).filteredOn((a) -> a.getStatusCode() == HttpStatus.CONFLICT).allSatisfy((refused) -> {
			assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(refused.getBody()).containsEntry("rule", "CONSISTENCY_CHECK_RUNNING");
		});
		assertThat(answers).filteredOn((a) -> a.getStatusCode() == HttpStatus.OK)
			.allSatisfy((report) -> assertThat(report.getBody()).containsEntry("consistent", true));
		assertThat(check().get("consistent")).as("the next one runs").isEqualTo(true);
	}

	@Test
	void aProjectionIsRebuiltWhileMembersKeepEnrolling() throws Exception {
		seeded();
		ResponseEntity<Map> union = this.http
			.postForEntity(
					"/api/unions", Map.of("unionId", "ops-rebuild-site", "name", "重建测试工会", "type", "PROJECT_SITE",
							"sector", "CONSTRUCTION", "jurisdictionCode", "131102", "establishedOn", "2020-01-01"),
					Map.class);
		assertThat(union.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		AtomicInteger enrolled = new AtomicInteger();
		List<Throwable> failures = new ArrayList<>();
		Thread writer = new Thread(() -> {
			try {
				for (int i = 0; i < 15; i++) {
					String first17 = "139903" + "19900505" + String.format("%03d", serial++);
					ResponseEntity<Map> response = this.http.postForEntity("/api/members",
							Map.of("residentId", first17 + ResidentId.checkDigitFor(first17), "name", "王五", "unionId",
									"ops-rebuild-site", "effectiveDate", FixedClockConfiguration.TODAY.toString(),
									"channel", "ON_SITE"),
							Map.class);
					if (response.getStatusCode() == HttpStatus.CREATED) {
						enrolled.incrementAndGet();
					}
				}
			}
			catch (Throwable ex) {
				failures.add(ex);
			}
		});
		writer.start();
		ResponseEntity<Map> rebuild = this.http.postForEntity("/api/operations/processors/statistics/rebuild", null,
				Map.class);
		writer.join();

		assertThat(rebuild.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(failures).isEmpty();
		assertThat(enrolled.get()).isEqualTo(15);
		assertThat(this.freshness.awaitPosition(this.engine.headPosition(), Duration.ofSeconds(60))).isTrue();
		Map statistics = this.http.getForObject("/api/unions/ops-rebuild-site/statistics", Map.class);
		assertThat(((Map) statistics.get("members")).get("active")).isEqualTo(15);
		Map processors = this.http.getForObject("/api/operations/processors", Map.class);
		assertThat((List<Map>) processors.get("processors")).extracting((p) -> p.get("name"))
			.contains("statistics", "summaries", "credentials");
		assertThat((List<Map>) processors.get("processors")).allSatisfy((p) -> assertThat((List<Map>) p.get("segments"))
			.allSatisfy((segment) -> assertThat(segment.get("lag")).isEqualTo(0)));
		assertThat(check().get("consistent")).isEqualTo(true);
	}

	@Test
	void anUnknownProcessorIsAProblem() {
		ResponseEntity<Map> response = this.http.postForEntity("/api/operations/processors/nothing/rebuild", null,
				Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).containsEntry("rule", "PROCESSOR_UNKNOWN");
	}

}
