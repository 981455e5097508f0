package org.unionledger.api;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.unionledger.common.Rule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sets and amends which target ({@code Targets}, {@code AccessScopes}): the level
 * directly above assigns (a province to its cities, a city to its counties), each level
 * sets its own (SELF_SET), a system administrator either; anyone else is refused with a
 * problem naming the field and the rule, and nothing changes. Year 2028 is used by no
 * other test or seed.
 */
class TargetScopeTest extends ApiTestSupport {

	private static final int YEAR = 2028;

	private ResponseEntity<Map> put(String user, String code, Map<String, Object> body) {
		return as(user).exchange("/api/jurisdictions/" + code + "/targets/" + YEAR, HttpMethod.PUT,
				new HttpEntity<>(body), Map.class);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> targets(String code) {
		ResponseEntity<Map> response = as(TestUsers.SYSADMIN)
			.getForEntity("/api/jurisdictions/" + code + "/targets/" + YEAR, Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return (Map<String, Object>) response.getBody().get("targets");
	}

	/** The target of a source, {@code null} when none is set. */
	private Object target(String code, String source) {
		Object figures = targets(code).get(source);
		return (figures instanceof Map<?, ?> map) ? map.get("target") : null;
	}

	private static void refused(ResponseEntity<Map> response, HttpStatus status, Rule rule, String field) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("rule", rule.name());
		if (field != null) {
			assertThat(response.getBody()).containsEntry("field", field);
		}
	}

	@Test
	void theProvinceAssignsToItsCitiesAndACityToItsCountiesAndEachLevelSetsItsOwn() {
		assertThat(put(TestUsers.HEBEI_ADMIN, "1306", Map.of("source", "ASSIGNED", "target", 120)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(put(TestUsers.BAODING_ADMIN, "1306", Map.of("source", "SELF_SET", "target", 150)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(put(TestUsers.BAODING_ADMIN, "130606", Map.of("source", "ASSIGNED", "target", 30)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(put(TestUsers.HEBEI_ADMIN, "13", Map.of("source", "SELF_SET", "target", 900)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(put(TestUsers.SYSADMIN, "130606", Map.of("source", "SELF_SET", "target", 36)).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		assertThat(target("1306", "ASSIGNED")).isEqualTo(120);
		assertThat(target("1306", "SELF_SET")).isEqualTo(150);
		assertThat(target("130606", "ASSIGNED")).isEqualTo(30);
		assertThat(target("130606", "SELF_SET")).isEqualTo(36);
		assertThat(target("13", "SELF_SET")).isEqualTo(900);
	}

	@Test
	void anAmendmentIsAnEventAndTheLatestValueCounts() {
		String stream = "target:130681:" + YEAR;
		long before = this.engine.readEvents(stream).asStream().count();
		assertThat(put(TestUsers.BAODING_ADMIN, "130681", Map.of("source", "ASSIGNED", "target", 10)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(put(TestUsers.BAODING_ADMIN, "130681", Map.of("source", "ASSIGNED", "target", 12)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		// The same value again writes nothing.
		assertThat(put(TestUsers.BAODING_ADMIN, "130681", Map.of("source", "ASSIGNED", "target", 12)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.engine.readEvents(stream).asStream().count()).isEqualTo(before + 2);
		assertThat(target("130681", "ASSIGNED")).isEqualTo(12);
	}

	@Test
	void theWrongLevelIsRefusedNamingTheSourceAndNothingChanges() {
		// A level does not assign its own target, nor set another level's own one.
		refused(put(TestUsers.BAODING_ADMIN, "1306", Map.of("source", "ASSIGNED", "target", 999)), HttpStatus.FORBIDDEN,
				Rule.TARGET_SOURCE_NOT_YOURS, "source");
		refused(put(TestUsers.HEBEI_ADMIN, "1302", Map.of("source", "SELF_SET", "target", 999)), HttpStatus.FORBIDDEN,
				Rule.TARGET_SOURCE_NOT_YOURS, "source");
		// A province assigns to its cities, not over their heads to a county.
		refused(put(TestUsers.HEBEI_ADMIN, "130602", Map.of("source", "ASSIGNED", "target", 999)), HttpStatus.FORBIDDEN,
				Rule.TARGET_SOURCE_NOT_YOURS, "source");
		// Another city's county is out of scope; other roles set no target.
		refused(put(TestUsers.BAODING_ADMIN, "130102", Map.of("source", "ASSIGNED", "target", 999)),
				HttpStatus.FORBIDDEN, Rule.OUT_OF_SCOPE, null);
		refused(put(TestUsers.SJZ_SUPERVISOR, "130102", Map.of("source", "ASSIGNED", "target", 999)),
				HttpStatus.FORBIDDEN, Rule.ROLE_NOT_ALLOWED, null);
		refused(put(TestUsers.SJZ_OFFICER, "130102", Map.of("source", "SELF_SET", "target", 999)), HttpStatus.FORBIDDEN,
				Rule.ROLE_NOT_ALLOWED, null);
		assertThat(target("1302", "SELF_SET")).isNull();
		assertThat(target("130602", "ASSIGNED")).isNull();
		assertThat(target("130102", "ASSIGNED")).isNull();
		assertThat(target("130102", "SELF_SET")).isNull();
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndTheRule() {
		ResponseEntity<Map> negative = put(TestUsers.BAODING_ADMIN, "130626",
				Map.of("source", "ASSIGNED", "target", -1));
		assertThat(negative.getStatusCode().is4xxClientError()).isTrue();
		assertThat(negative.getBody()).containsEntry("field", "target").containsKey("rule");
		ResponseEntity<Map> missing = put(TestUsers.BAODING_ADMIN, "130626", Map.of("target", 5));
		assertThat(missing.getStatusCode().is4xxClientError()).isTrue();
		assertThat(missing.getBody()).containsEntry("field", "source").containsKey("rule");
		ResponseEntity<Map> future = put(TestUsers.BAODING_ADMIN, "130626",
				Map.of("source", "ASSIGNED", "target", 5, "effectiveDate", TODAY.plusDays(3).toString()));
		refused(future, HttpStatus.UNPROCESSABLE_ENTITY, Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveDate");
		ResponseEntity<Map> farYear = as(TestUsers.BAODING_ADMIN).exchange("/api/jurisdictions/130626/targets/2031",
				HttpMethod.PUT, new HttpEntity<>(Map.of("source", "ASSIGNED", "target", 5)), Map.class);
		refused(farYear, HttpStatus.UNPROCESSABLE_ENTITY, Rule.YEAR_OUT_OF_RANGE, "year");
		assertThat(target("130626", "ASSIGNED")).isNull();
	}

}
