package org.unionledger.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One application context for every HTTP test class (the test profile: embedded store in
 * memory, 100 seeded members, the users of {@link TestUsers}), and their shared helpers.
 * Runs on a real MongoDB when {@code ledger.test.mongo.uri} is set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
abstract class ApiTestSupport {

	static final LocalDate TODAY = FixedClockConfiguration.TODAY;

	private static final AtomicInteger serial = new AtomicInteger(100);

	@Autowired
	TestRestTemplate http;

	@Autowired
	MongoEventStorageEngine engine;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		String uri = System.getProperty("ledger.test.mongo.uri", "");
		if (!uri.isBlank()) {
			registry.add("ledger.mongo.uri", () -> uri);
			registry.add("ledger.mongo.database", () -> "ledger-api-test-" + System.nanoTime());
		}
	}

	/**
	 * A synthetic ID, unique in this test run, with an address code of no county and a
	 * valid birth date and check digit.
	 */
	static String residentId() {
		int n = serial.getAndIncrement();
		String birth = LocalDate.of(1980, 1, 1).plusDays(n / 1000).toString().replace("-", "");
		String first17 = "139901" + birth + String.format("%03d", n % 1000);
		return first17 + ResidentId.checkDigitFor(first17);
	}

	TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, TestUsers.PASSWORD);
	}

	/** Registers the union as the system administrator unless it exists. */
	void ensureUnion(String unionId, String county) {
		TestRestTemplate admin = as(TestUsers.SYSADMIN);
		if (admin.getForEntity("/api/unions/" + unionId, Map.class).getStatusCode() == HttpStatus.OK) {
			return;
		}
		ResponseEntity<Map> response = admin
			.postForEntity(
					"/api/unions", Map.of("unionId", unionId, "name", "测试工会 " + unionId, "type", "PROJECT_SITE",
							"sector", "CONSTRUCTION", "jurisdictionCode", county, "establishedOn", "2020-01-01"),
					Map.class);
		assertThat(response.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
	}

	/** Enrolls a new person as the given user; returns the member id. */
	String enroll(String user, String residentId, String name, String unionId) {
		ResponseEntity<Map> response = as(user).postForEntity("/api/members", Map.of("residentId", residentId, "name",
				name, "unionId", unionId, "effectiveDate", TODAY.minusDays(30).toString(), "channel", "ON_SITE"),
				Map.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		return (String) response.getBody().get("memberId");
	}

	/** Follows an import job until it is no longer running; fails after two minutes. */
	Map awaitDone(String user, String importId) {
		for (int i = 0; i < 6000; i++) {
			Map job = as(user).getForObject("/api/imports/" + importId, Map.class);
			if (!"RUNNING".equals(job.get("status"))) {
				return job;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return fail("import " + importId + " did not finish");
	}

}
