package org.unionledger.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.unionledger.eventstore.DiskFullFilePath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The ledger on its embedded H2 store when the disk fills ({@link DiskFullFilePath} below
 * H2): a write answers 503 {@code STORE_UNAVAILABLE} and changes nothing, reads go on,
 * health is DOWN until the store can write again, and then writes succeed and the
 * processors go on without a restart. Its context (an H2 store with running processors)
 * is closed after it.
 */
@DirtiesContext
class StoreFaultApiTest extends ApiTestSupport {

	private static final String UNION = "sf-changan-site";

	static {
		DiskFullFilePath.register();
	}

	@DynamicPropertySource
	static void h2OnAFillableDisk(DynamicPropertyRegistry registry) throws Exception {
		Path data = Files.createTempDirectory("store-fault");
		registry.add("ledger.mongo.embedded", () -> "H2");
		registry.add("ledger.data-dir", data::toString);
		registry.add("ledger.mongo.h2-file-system", () -> DiskFullFilePath.PREFIX);
		registry.add("ledger.seed.members", () -> "100");
	}

	@BeforeAll
	static void onTheEmbeddedStoreOnly() {
		assumeThat(System.getProperty("ledger.test.mongo.uri", "")).as("a real MongoDB has no fillable disk").isBlank();
	}

	@AfterEach
	void freeTheDisk() {
		DiskFullFilePath.free();
	}

	@Test
	void aWriteDuringAFullDiskAnswers503StoreUnavailableAndChangesNothing() {
		ensureUnion(UNION, "130102");
		enroll(TestUsers.SYSADMIN, residentId(), "张三", UNION);
		Map<?, ?> before = summary();
		long eventsBefore = this.engine.readEvents(null, false).count();

		DiskFullFilePath.fill();
		ResponseEntity<Map> refused = enrollment(residentId());

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getBody()).containsEntry("rule", "STORE_UNAVAILABLE");
		assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(summary()).as("reads go on during the fault, with the same figures").isEqualTo(before);

		DiskFullFilePath.free();
		assertThat(this.engine.readEvents(null, false).count()).as("no event").isEqualTo(eventsBefore);
		assertThat(summary()).as("the same figures").isEqualTo(before);
	}

	@Test
	void healthIsDownWhileTheStoreCannotWriteAndUpWhenItCanAgain() {
		assertThat(health().getBody()).containsEntry("status", "UP");

		DiskFullFilePath.fill();
		ensureUnionRefused();
		ResponseEntity<Map> down = health();
		assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(down.getBody()).containsEntry("status", "DOWN");

		DiskFullFilePath.free();
		ResponseEntity<Map> up = health();
		assertThat(up.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(up.getBody()).containsEntry("status", "UP");
	}

	@Test
	void afterTheDiskHasRoomAgainWritesSucceedWithoutARestartAndNothingAcknowledgedIsLost() {
		ensureUnion(UNION, "130102");
		String kept = enroll(TestUsers.SYSADMIN, residentId(), "李四", UNION);
		long activeBefore = number(summary(), "activeMembers");
		String refusedId = residentId();

		DiskFullFilePath.fill();
		assertThat(enrollment(refusedId).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		DiskFullFilePath.free();

		ResponseEntity<Map> accepted = enrollment(refusedId);
		assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.CREATED);
		String memberId = (String) accepted.getBody().get("memberId");
		assertThat(as(TestUsers.SYSADMIN).getForEntity("/api/members/" + kept + "/history", Map.class).getStatusCode())
			.as("acknowledged before the fault")
			.isEqualTo(HttpStatus.OK);
		Map<?, ?> history = as(TestUsers.SYSADMIN).getForObject("/api/members/" + memberId + "/history", Map.class);
		assertThat((List<?>) history.get("events")).as("enrolled once").hasSize(1);
		// The processors go on: the summary counts the enrollment after the fault.
		long active = activeBefore;
		for (int poll = 0; poll < 1200 && active != activeBefore + 1; poll++) {
			pause();
			active = number(summary(), "activeMembers");
		}
		assertThat(active).isEqualTo(activeBefore + 1);
	}

	private ResponseEntity<Map> enrollment(String residentId) {
		return as(TestUsers.SYSADMIN).postForEntity("/api/members", Map.of("residentId", residentId, "name", "王五",
				"unionId", UNION, "effectiveDate", TODAY.minusDays(30).toString(), "channel", "ON_SITE"), Map.class);
	}

	/** A write during the fault, so that the store meets the full disk. */
	private void ensureUnionRefused() {
		ResponseEntity<Map> response = as(TestUsers.SYSADMIN).postForEntity(
				"/api/unions", Map.of("unionId", "sf-refused", "name", "测试工会 sf-refused", "type", "PROJECT_SITE",
						"sector", "CONSTRUCTION", "jurisdictionCode", "130102", "establishedOn", "2020-01-01"),
				Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	private ResponseEntity<Map> health() {
		return this.http.getForEntity("/actuator/health", Map.class);
	}

	private Map<?, ?> summary() {
		ResponseEntity<Map> response = as(TestUsers.SYSADMIN).getForEntity("/api/unions/" + UNION + "/summary",
				Map.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private static long number(Map<?, ?> map, String key) {
		return ((Number) map.get(key)).longValue();
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
