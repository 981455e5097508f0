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
