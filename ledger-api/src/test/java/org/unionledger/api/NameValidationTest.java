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

/**
 * Names enter the ledger checked (issue 16, item 5): NUL, zero-width-only names, bidi
 * overrides, lone surrogates and formulas are refused with a 4xx problem naming the field
 * and the rule, and nothing is written.
 */
class NameValidationTest extends ApiTestSupport {

	@BeforeEach
	void union() {
		ensureUnion("os-sjz-a", "130102");
	}

	@Test
	void anEnrollmentWithAnUnsafeNameIsRefusedAndWritesNothing() {
		// JSON escapes, so that the lone surrogate travels as sent.
		String[][] cases = { { "\\u0000张三", "NAME_CHARACTERS" }, { "\\u200b\\u200b", "NAME_BLANK" },
				{ "张\\u202e三", "NAME_CHARACTERS" }, { "张\\ud800三", "NAME_CHARACTERS" },
				{ "=cmd|' /C calc'!A0", "NAME_CHARACTERS" }, { "王".repeat(65), "NAME_TOO_LONG" } };
		for (String[] c : cases) {
			long head = this.engine.headPosition();
			ResponseEntity<Map> refused = postJson(TestUsers.SJZ_OFFICER, "/api/members",
					"{\"residentId\":\"" + residentId() + "\",\"name\":\"" + c[0]
							+ "\",\"unionId\":\"os-sjz-a\",\"effectiveDate\":\"" + TODAY.minusDays(1)
							+ "\",\"channel\":\"ON_SITE\"}");
			assertThat(refused.getStatusCode()).as(c[0] + " " + refused.getBody())
				.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
			assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(refused.getBody()).containsEntry("field", "name").containsEntry("rule", c[1]);
			assertThat(this.engine.headPosition()).as("nothing written for " + c[0]).isEqualTo(head);
		}
	}

	@Test
	void aMinorityNameWithAMiddleDotIsEnrolledInNfc() {
		String member = enroll(TestUsers.SJZ_OFFICER, residentId(), " 买买提·艾力 ", "os-sjz-a");
		Map data = as(TestUsers.SYSADMIN).getForObject("/api/members/" + member + "/personal-data?purpose=name check",
				Map.class);
		assertThat(data).containsEntry("name", "买买提·艾力");
	}

	@Test
	void anOnlineApplicationWithABidiOverrideIsRefused() {
		long head = this.engine.headPosition();
		ResponseEntity<Map> refused = this.http.postForEntity("/api/applications",
				Map.of("residentId", residentId(), "name", "张\u202e三", "unionId", "os-sjz-a"), Map.class);
		assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody()))
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody()).containsEntry("field", "name").containsEntry("rule", "NAME_CHARACTERS");
		assertThat(this.engine.headPosition()).isEqualTo(head);
	}

	@Test
	void aUnionNameWithABidiOverrideIsRefused() {
		long head = this.engine.headPosition();
		ResponseEntity<Map> refused = as(TestUsers.SYSADMIN).postForEntity("/api/unions",
				Map.of("unionId", "nv-bidi", "name", "长安区\u202e会工", "type", "ENTERPRISE", "sector", "LOGISTICS",
						"jurisdictionCode", "130102", "establishedOn", "2020-01-01"),
				Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody()).containsEntry("field", "name").containsEntry("rule", "TEXT_CHARACTERS");
		assertThat(this.engine.headPosition()).isEqualTo(head);
	}

	private ResponseEntity<Map> postJson(String user, String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return as(user).postForEntity(path, new HttpEntity<>(json, headers), Map.class);
	}

}
