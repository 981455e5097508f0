package org.unionledger.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/jurisdictions/{code}/children/statistics}: a level's units and their
 * figures in one request. Each unit's figures are those of its own statistics answer; the
 * route is read by whoever may read the jurisdiction; bad input is a problem naming the
 * field and the rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({ "unchecked", "rawtypes" })
class ChildFiguresApiTest extends ApiTestSupport {

	@BeforeAll
	void unions() {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-sjz-c", "130104");
		enroll(TestUsers.SJZ_OFFICER, residentId(), "孙七", "os-sjz-a");
	}

	private Map get(String user, String path) {
		ResponseEntity<Map> response = as(user).getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@Test
	void aCitysCountiesComeWithTheFiguresOfTheirOwnStatistics() {
		Map city = get(TestUsers.HEBEI_AUDITOR, "/api/jurisdictions/1301/children/statistics");
		assertThat(city).containsEntry("code", "1301")
			.containsEntry("name", "石家庄市")
			.containsEntry("unitKind", "JURISDICTION");
		assertThat((List<Map>) city.get("path")).extracting((p) -> p.get("code")).containsExactly("13", "1301");
		List<Map> children = (List<Map>) city.get("children");
		List<Map> division = (List<Map>) get(TestUsers.HEBEI_AUDITOR, "/api/jurisdictions/1301/children")
			.get("children");
		assertThat(children).extracting((c) -> c.get("code"))
			.containsExactlyElementsOf(division.stream().map((c) -> c.get("code")).toList());
		assertThat(children).extracting((c) -> c.get("name"))
			.containsExactlyElementsOf(division.stream().map((c) -> c.get("name")).toList());
		long withMembers = 0;
		for (Map child : children) {
			Map own = get(TestUsers.HEBEI_AUDITOR, "/api/jurisdictions/" + child.get("code") + "/statistics");
			assertThat(child.get("members")).as((String) child.get("code")).isEqualTo(own.get("members"));
			assertThat(child.get("flows")).as((String) child.get("code")).isEqualTo(own.get("flows"));
			assertThat(child.get("completion")).as((String) child.get("code")).isEqualTo(own.get("completion"));
			withMembers += (((Number) ((Map) child.get("members")).get("active")).longValue() > 0) ? 1 : 0;
		}
		assertThat(withMembers).as("counties with members").isPositive();
	}

	@Test
	void aCountysUnitsAreItsUnionsWithTheirFigures() {
		Map county = get(TestUsers.SJZ_SUPERVISOR, "/api/jurisdictions/130102/children/statistics");
		assertThat(county).containsEntry("unitKind", "UNION");
		Map union = ((List<Map>) county.get("children")).stream()
			.filter((c) -> "os-sjz-a".equals(c.get("unionId")))
			.findFirst()
			.orElseThrow();
		Map own = get(TestUsers.SJZ_SUPERVISOR, "/api/unions/os-sjz-a/statistics");
		assertThat(union.get("members")).isEqualTo(own.get("members"));
		assertThat(union.get("flows")).isEqualTo(own.get("flows"));
		assertThat(((Number) ((Map) union.get("members")).get("active")).longValue()).isPositive();
		assertThat(union).containsEntry("name", "测试工会 os-sjz-a").containsEntry("type", "PROJECT_SITE");
		assertThat(union).doesNotContainKey("completion");
	}

	@Test
	void asOfADateAndForAYearTheFiguresAreThoseOfThatDay() {
		String asOf = TODAY.minusDays(40).toString();
		Map city = get(TestUsers.HEBEI_ADMIN, "/api/jurisdictions/1301/children/statistics?asOf=" + asOf);
		assertThat(city).containsEntry("asOf", asOf);
		for (Map child : (List<Map>) city.get("children")) {
			Map own = get(TestUsers.HEBEI_ADMIN,
					"/api/jurisdictions/" + child.get("code") + "/statistics?asOf=" + asOf);
			assertThat(child.get("members")).isEqualTo(own.get("members"));
			assertThat(child.get("flows")).isEqualTo(own.get("flows"));
		}
	}

	@Test
	void onlyReadersOfTheJurisdictionMayAsk() {
		for (String[] refused : new String[][] { { TestUsers.BAODING_ADMIN, "OUT_OF_SCOPE" },
				{ TestUsers.TANGSHAN_SUPERVISOR, "OUT_OF_SCOPE" }, { TestUsers.BEIJING_AUDITOR, "OUT_OF_SCOPE" },
				{ TestUsers.SJZ_OFFICER, "ROLE_NOT_ALLOWED" } }) {
			ResponseEntity<Map> response = as(refused[0]).getForEntity("/api/jurisdictions/1301/children/statistics",
					Map.class);
			assertThat(response.getStatusCode()).as(refused[0]).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(response.getBody()).as(refused[0]).containsEntry("rule", refused[1]);
		}
		get(TestUsers.BAODING_ADMIN, "/api/jurisdictions/1306/children/statistics");
		assertThat(this.http.getForEntity("/api/jurisdictions/1301/children/statistics", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	/**
	 * The drill-down the dashboard lists behind a figure names the members (masked) to
	 * those who may read the union's members, and to nobody else.
	 */
	@Test
	void theEventsBehindAFigureNameTheMembersOnlyToThoseWhoMayReadThem() {
		String path = "/api/unions/os-sjz-a/statistics/newEnrollments/events?size=500";
		for (String reader : new String[] { TestUsers.SJZ_OFFICER, TestUsers.SJZ_SUPERVISOR,
				TestUsers.HEBEI_AUDITOR }) {
			List<Map> events = (List<Map>) get(reader, path).get("events");
			assertThat(events).as(reader)
				.isNotEmpty()
				.allSatisfy((e) -> assertThat((String) e.get("nameMasked")).matches("\\S\\*+|\\[erased\\]"));
			assertThat(events).extracting((e) -> e.get("nameMasked")).contains("孙*");
		}
		List<Map> events = (List<Map>) get(TestUsers.HEBEI_ADMIN, path).get("events");
		assertThat(events).isNotEmpty().allSatisfy((e) -> assertThat(e).doesNotContainKey("nameMasked"));
		assertThat(events.toString()).doesNotContain("孙");
	}

	@Test
	void badInputIsAProblemNamingTheFieldAndTheRule() {
		String future = TODAY.plusDays(1).toString();
		for (Object[] request : new Object[][] {
				{ "/api/jurisdictions/13x/children/statistics", HttpStatus.NOT_FOUND, "code", "JURISDICTION_UNKNOWN" },
				{ "/api/jurisdictions/139999/children/statistics", HttpStatus.NOT_FOUND, "code",
						"JURISDICTION_UNKNOWN" },
				{ "/api/jurisdictions/1301/children/statistics?year=1800", HttpStatus.UNPROCESSABLE_ENTITY, "year",
						"YEAR_OUT_OF_RANGE" },
				{ "/api/jurisdictions/1301/children/statistics?year=soon", HttpStatus.BAD_REQUEST, "year",
						"INVALID_VALUE" },
				{ "/api/jurisdictions/1301/children/statistics?asOf=" + future, HttpStatus.UNPROCESSABLE_ENTITY, "asOf",
						"EFFECTIVE_DATE_IN_FUTURE" },
				{ "/api/jurisdictions/1301/children/statistics?knownAt=" + future, HttpStatus.UNPROCESSABLE_ENTITY,
						"knownAt", "EFFECTIVE_DATE_IN_FUTURE" },
				{ "/api/jurisdictions/1301/children/statistics?knownAt=2026-13-01", HttpStatus.BAD_REQUEST, "knownAt",
						"INVALID_VALUE" } }) {
			ResponseEntity<Map> response = as(TestUsers.HEBEI_AUDITOR).getForEntity((String) request[0], Map.class);
			assertThat(response.getStatusCode()).as((String) request[0]).isEqualTo(request[1]);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).as((String) request[0])
				.containsEntry("field", request[2])
				.containsEntry("rule", request[3]);
		}
	}

}
