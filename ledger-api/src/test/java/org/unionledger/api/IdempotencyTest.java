package org.unionledger.api;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on POSTs, and the body size limit. */
class IdempotencyTest extends ApiTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	com.mongodb.client.MongoDatabase database;

	@org.springframework.beans.factory.annotation.Autowired
	org.unionledger.api.requests.IdempotencyRetention retention;

	@BeforeEach
	void union() {
		ensureUnion("os-sjz-a", "130102");
	}

	@Test
	void theSameKeyAndBodyGiveTheSameAnswerAndWriteNothingNew() {
		Map<String, Object> enrollment = enrollment(residentId(), "陈一");
		ResponseEntity<Map> first = post("key-0001", enrollment);
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long head = this.engine.headPosition();

		ResponseEntity<Map> again = post("key-0001", enrollment);

		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getBody()).isEqualTo(first.getBody());
		assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
		assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.engine.headPosition()).isEqualTo(head);
	}

	@Test
	void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
		assertThat(post("key-0002", enrollment(residentId(), "陈二")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long head = this.engine.headPosition();

		ResponseEntity<Map> other = post("key-0002", enrollment(residentId(), "陈三"));

		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(other.getBody()).containsEntry("rule", "IDEMPOTENCY_KEY_REUSED");
		assertThat(this.engine.headPosition()).isEqualTo(head);
	}

	@Test
	void aRecordedRefusalIsReplayedNotRecordedAgain() {
		String residentId = residentId();
		post(null, enrollment(residentId, "陈四"));
		ResponseEntity<Map> refused = post("key-0003", enrollment(residentId, "陈四"));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		long head = this.engine.headPosition();

		ResponseEntity<Map> again = post("key-0003", enrollment(residentId, "陈四"));

		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody()).containsEntry("rule", "ALREADY_ACTIVE");
		assertThat(this.engine.headPosition()).as("the duplicate attempt is recorded once").isEqualTo(head);
	}

	@Test
	void keysAreKeptPerUser() {
		Map<String, Object> service = Map.of("unionId", "os-sjz-a", "type", "MICRO_LOAN", "deliveredOn",
				TODAY.toString(), "amountYuan", "10.00");
		HttpHeaders headers = headers("key-0004");
		ResponseEntity<Map> mine = as(TestUsers.SJZ_OFFICER).postForEntity("/api/services",
				new HttpEntity<>(service, headers), Map.class);
		ResponseEntity<Map> theirs = as(TestUsers.SYSADMIN).postForEntity("/api/services",
				new HttpEntity<>(service, headers), Map.class);
		assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(theirs.getBody().get("serviceId")).isNotEqualTo(mine.getBody().get("serviceId"));
	}

	/**
	 * A kept answer (it may hold a credential code) lives for
	 * {@code ledger.requests.idempotency-retention} (24 hours): after that it is gone,
	 * and the same key with the same request is refused with 422
	 * {@code IDEMPOTENCY_KEY_EXPIRED} instead of running again (a second run would record
	 * a duplicate enrollment attempt here), until the key's trace expires too and the key
	 * is new (issue 16, item 5: the answer was replayed after any time).
	 */
	@Test
	void anAnswerExpiresAfterItsRetentionAndItsKeyIsNotRunAgain() {
		Map<String, Object> enrollment = enrollment(residentId(), "陈六");
		ResponseEntity<Map> first = post("key-0006", enrollment);
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long head = this.engine.headPosition();
		try {
			FixedClockConfiguration.CLOCK.advance(java.time.Duration.ofHours(23));
			assertThat(post("key-0006", enrollment).getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
			FixedClockConfiguration.CLOCK.advance(java.time.Duration.ofHours(1).plusMinutes(1));

			ResponseEntity<Map> expired = post("key-0006", enrollment);

			assertThat(expired.getStatusCode()).as(String.valueOf(expired.getBody()))
				.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
			assertThat(expired.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(expired.getBody()).containsEntry("rule", "IDEMPOTENCY_KEY_EXPIRED")
				.doesNotContainKey("memberId");
			assertThat(this.engine.headPosition()).isEqualTo(head);
			this.retention.purge();
			org.bson.Document kept = this.database.getCollection("api_idempotency")
				.find(com.mongodb.client.model.Filters.eq("_id", recordId(TestUsers.SJZ_OFFICER, "key-0006")))
				.first();
			assertThat(kept).containsEntry("state", "EXPIRED");
			assertThat(kept).doesNotContainKeys("body", "location", "status", "contentType");
			assertThat(post("key-0006", enrollment).getBody()).containsEntry("rule", "IDEMPOTENCY_KEY_EXPIRED");

			FixedClockConfiguration.CLOCK.advance(java.time.Duration.ofDays(30));
			this.retention.purge();
			assertThat(this.database.getCollection("api_idempotency")
				.find(com.mongodb.client.model.Filters.eq("_id", recordId(TestUsers.SJZ_OFFICER, "key-0006")))
				.first()).as("the key's trace expired too").isNull();
			ResponseEntity<Map> anew = post("key-0006", enrollment(residentId(), "陈七"));
			assertThat(anew.getStatusCode()).as("the key is new again").isEqualTo(HttpStatus.CREATED);
		}
		finally {
			FixedClockConfiguration.CLOCK.reset();
		}
	}

	@Test
	void aMalformedKeyIs400() {
		ResponseEntity<Map> response = post("key with spaces", enrollment(residentId(), "陈五"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("rule", "IDEMPOTENCY_KEY_FORMAT");
	}

	@Test
	void aBodyOverTheLimitIs413AndWritesNothing() {
		long head = this.engine.headPosition();
		Map<String, Object> huge = Map.of("residentId", residentId(), "name", "长".repeat(40_000), "unionId", "os-sjz-a",
				"effectiveDate", TODAY.toString(), "channel", "ON_SITE");
		for (String key : new String[] { null, "key-0005" }) {
			ResponseEntity<Map> response = post(key, huge);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).containsEntry("rule", "PAYLOAD_TOO_LARGE");
		}
		assertThat(this.engine.headPosition()).isEqualTo(head);
	}

	/** The record's {@code _id}: SHA-256 of the user and the key. */
	private static String recordId(String user, String key) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(("user:" + user + "\n" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, Object> enrollment(String residentId, String name) {
		return Map.of("residentId", residentId, "name", name, "unionId", "os-sjz-a", "effectiveDate", TODAY.toString(),
				"channel", "ON_SITE");
	}

	private ResponseEntity<Map> post(String key, Object body) {
		return as(TestUsers.SJZ_OFFICER).postForEntity("/api/members", new HttpEntity<>(body, headers(key)), Map.class);
	}

	private static HttpHeaders headers(String key) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			headers.set("Idempotency-Key", key);
		}
		return headers;
	}

}
