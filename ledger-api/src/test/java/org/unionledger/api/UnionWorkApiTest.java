package org.unionledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A jurisdiction admin's union work over HTTP: register, rename (the former names kept
 * and findable), dissolve only a union nobody is counted in on the day or since; bad
 * input and refused changes are 4xx problems naming field and rule, and write nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnionWorkApiTest extends ApiTestSupport {

	private ResponseEntity<Map> post(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
	}

	private void register(String unionId, String name, String establishedOn) {
		ResponseEntity<Map> registered = post(TestUsers.HEBEI_ADMIN, "/api/unions",
				Map.of("unionId", unionId, "name", name, "type", "ENTERPRISE", "sector", "LOGISTICS",
						"jurisdictionCode", "130104", "establishedOn", establishedOn));
		assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAdminRenamesAUnionAndItsFormerNameStillFindsIt() {
		register("uw-rename", "桥西区顺达快递工会", "2024-05-01");

		ResponseEntity<Map> renamed = post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-rename/name",
				Map.of("name", "桥西区顺达快递物流工会", "effectiveDate", TODAY.minusDays(10).toString(), "reason", "企业更名"));

		assertThat(renamed.getStatusCode()).as(String.valueOf(renamed.getBody())).isEqualTo(HttpStatus.OK);
		Map<String, Object> union = as(TestUsers.SJZ_SUPERVISOR).getForObject("/api/unions/uw-rename", Map.class);
		assertThat(union).containsEntry("name", "桥西区顺达快递物流工会");
		assertThat((List<Map<String, Object>>) union.get("names")).containsExactly(
				Map.of("name", "桥西区顺达快递工会", "from", "2024-05-01"),
				Map.of("name", "桥西区顺达快递物流工会", "from", TODAY.minusDays(10).toString()));
		// an officer picking a destination by the old name finds the union under its new
		// one
		List<Map<String, Object>> found = (List<Map<String, Object>>) as(TestUsers.SJZ_OFFICER)
			.getForObject("/api/transfer-destinations?name=顺达快递工会", Map.class)
			.get("unions");
		assertThat(found).extracting((u) -> u.get("unionId"), (u) -> u.get("name"))
			.contains(org.assertj.core.groups.Tuple.tuple("uw-rename", "桥西区顺达快递物流工会"));
	}

	@Test
	void aUnionWithAMemberIsNotDissolvedUntilTheMembershipEndedBeforeTheDay() {
		register("uw-dissolve", "桥西区临时项目工会", "2024-05-01");
		String member = enroll(TestUsers.SYSADMIN, residentId(), "周九", "uw-dissolve");
		long head = this.engine.headPosition();

		ResponseEntity<Map> refused = post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-dissolve/dissolution",
				Map.of("effectiveDate", TODAY.toString(), "reason", "项目竣工"));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getBody()).containsEntry("rule", "UNION_HAS_MEMBERS")
			.containsEntry("field", "effectiveDate");
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);

		ResponseEntity<Map> ended = post(TestUsers.SYSADMIN, "/api/members/" + member + "/termination",
				Map.of("effectiveDate", TODAY.minusDays(5).toString(), "reason", "LEFT_WORKFORCE"));
		assertThat(ended.getStatusCode()).as(String.valueOf(ended.getBody())).isEqualTo(HttpStatus.OK);
		// backdated to when the member still belonged: refused, though nobody is a member
		// today
		ResponseEntity<Map> backdated = post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-dissolve/dissolution",
				Map.of("effectiveDate", TODAY.minusDays(20).toString()));
		assertThat(backdated.getBody()).containsEntry("rule", "UNION_HAS_MEMBERS");
		// before the member joined, but someone joined after that day: refused too
		ResponseEntity<Map> beforeJoining = post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-dissolve/dissolution",
				Map.of("effectiveDate", TODAY.minusDays(60).toString()));
		assertThat(beforeJoining.getBody()).containsEntry("rule", "UNION_HAS_MEMBERS");

		ResponseEntity<Map> dissolved = post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-dissolve/dissolution",
				Map.of("effectiveDate", TODAY.minusDays(5).toString(), "reason", "项目竣工"));
		assertThat(dissolved.getStatusCode()).as(String.valueOf(dissolved.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(dissolved.getBody()).containsEntry("dissolvedOn", TODAY.minusDays(5).toString());

		head = this.engine.headPosition();
		assertThat(post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-dissolve/dissolution",
				Map.of("effectiveDate", TODAY.toString()))
			.getBody()).containsEntry("rule", "UNION_ALREADY_DISSOLVED");
		assertThat(post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-dissolve/name",
				Map.of("name", "新名称", "effectiveDate", TODAY.toString()))
			.getBody()).containsEntry("rule", "UNION_ALREADY_DISSOLVED");
		ResponseEntity<Map> enrollment = as(TestUsers.SYSADMIN).postForEntity("/api/members",
				Map.of("residentId", residentId(), "name", "吴十一", "unionId", "uw-dissolve", "effectiveDate",
						TODAY.toString(), "channel", "ON_SITE"),
				Map.class);
		assertThat(enrollment.getBody()).containsEntry("rule", "UNION_NOT_OPEN");
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);
	}

	@Test
	void anEmptyUnionIsDissolvedFromTheDayItWasSetUp() {
		register("uw-empty", "桥西区空壳工会", "2025-01-01");

		ResponseEntity<Map> dissolved = post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-empty/dissolution",
				Map.of("effectiveDate", "2025-01-01", "reason", "登记有误"));

		assertThat(dissolved.getStatusCode()).as(String.valueOf(dissolved.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(dissolved.getBody()).containsEntry("dissolvedOn", "2025-01-01");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					blank name          | name        | {"name":" ","effectiveDate":"2026-11-01"}             | NOT_BLANK | name
					unchanged name      | name        | {"name":"桥西区校验工会","effectiveDate":"2026-11-01"}       | NAME_UNCHANGED | name
					invisible name      | name        | {"name":"\u200b","effectiveDate":"2026-11-01"}        | TEXT_CHARACTERS | name
					name too long       | name        | {"name":"%LONG%","effectiveDate":"2026-11-01"}        | SIZE | name
					future rename       | name        | {"name":"新名","effectiveDate":"2999-01-01"}           | EFFECTIVE_DATE_IN_FUTURE | effectiveDate
					rename before set-up | name       | {"name":"新名","effectiveDate":"2020-01-01"}           | EFFECTIVE_DATE_BEFORE_ESTABLISHMENT | effectiveDate
					rename without a day | name       | {"name":"新名"}                                        | NOT_NULL | effectiveDate
					future dissolution  | dissolution | {"effectiveDate":"2999-01-01"}                        | EFFECTIVE_DATE_IN_FUTURE | effectiveDate
					dissolution before set-up | dissolution | {"effectiveDate":"2020-01-01"}                  | EFFECTIVE_DATE_BEFORE_ESTABLISHMENT | effectiveDate
					dissolution without a day | dissolution | {"reason":"x"}                                  | NOT_NULL | effectiveDate
					move effective in the past | jurisdiction | {"jurisdictionCode":"130602","effectiveDate":"2020-01-01"} | UNION_MOVE_NOT_AFTER_TODAY | effectiveDate
					move to its own county | jurisdiction | {"jurisdictionCode":"130104","effectiveDate":"2999-01-01"} | UNION_ALREADY_UNDER_JURISDICTION | jurisdictionCode
					move to a county not in the table | jurisdiction | {"jurisdictionCode":"130199","effectiveDate":"2999-01-01"} | JURISDICTION_UNKNOWN | jurisdictionCode
					move to a city      | jurisdiction | {"jurisdictionCode":"1301","effectiveDate":"2999-01-01"} | PATTERN | jurisdictionCode
					move without a day  | jurisdiction | {"jurisdictionCode":"130602"}                    | NOT_NULL | effectiveDate
					""")
	void badInputIsA4xxProblemNamingFieldAndRuleAndWritesNothing(String label, String route, String body, String rule,
			String field) {
		if (as(TestUsers.HEBEI_ADMIN).getForEntity("/api/unions/uw-check", Map.class)
			.getStatusCode() != HttpStatus.OK) {
			register("uw-check", "桥西区校验工会", "2024-05-01");
		}
		long head = this.engine.headPosition();
		ResponseEntity<Map> response = post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-check/" + route,
				body.replace("%LONG%", "工".repeat(201)));
		assertThat(response.getStatusCode().is4xxClientError()).as(label + ": " + response.getBody()).isTrue();
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("rule", rule).containsEntry("field", field);
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);
	}

	/**
	 * A union moving to another city from tomorrow: its member counts where it stood
	 * until then and where it stands from then, by date and now; a second move waits for
	 * the first; the old county's admins no longer manage it.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aUnionMovesToAnotherCityFromTomorrowAndItsMembersCountThereFromThatDay() {
		register("uw-move", "桥西区迁移工会", "2024-05-01");
		enroll(TestUsers.SYSADMIN, residentId(), "吴十", "uw-move");
		LocalDate tomorrow = TODAY.plusDays(1);
		long bdBefore = active("/api/jurisdictions/130602/summary");
		long qiaoxiBefore = active("/api/jurisdictions/130104/summary");

		ResponseEntity<Map> moved = post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-move/jurisdiction",
				Map.of("jurisdictionCode", "130602", "effectiveDate", tomorrow.toString(), "reason", "区划调整"));

		assertThat(moved.getStatusCode()).as(String.valueOf(moved.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(moved.getBody()).containsEntry("jurisdictionCode", "130602").containsEntry("cityCode", "1306");
		assertThat((List<Map<String, Object>>) moved.getBody().get("moves")).singleElement()
			.satisfies((move) -> assertThat(move).containsEntry("effectiveDate", tomorrow.toString())
				.containsEntry("fromJurisdictionCode", "130104")
				.containsEntry("toJurisdictionCode", "130602"));
		// listed, and managed, under Jingxiu from now on, with the day it counts there
		List<Map<String, Object>> listed = (List<Map<String, Object>>) as(TestUsers.SYSADMIN)
			.getForObject("/api/jurisdictions/130602/unions", Map.class)
			.get("unions");
		assertThat(listed).filteredOn((u) -> "uw-move".equals(u.get("unionId")))
			.singleElement()
			.satisfies((u) -> assertThat(u).containsEntry("movesOn", tomorrow.toString())
				.containsEntry("movedFrom", "130104"));
		// until tomorrow the member counts in Qiaoxi
		assertThat(active("/api/jurisdictions/130104/summary")).isEqualTo(qiaoxiBefore);
		assertThat(active("/api/jurisdictions/130602/summary")).isEqualTo(bdBefore);
		assertThat(post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-move/jurisdiction",
				Map.of("jurisdictionCode", "130102", "effectiveDate", tomorrow.plusDays(1).toString()))
			.getBody()).containsEntry("rule", "UNION_MOVE_PENDING");
		assertThat(post(TestUsers.BAODING_ADMIN, "/api/unions/uw-move/name",
				Map.of("name", "保定迁入工会", "effectiveDate", TODAY.toString()))
			.getStatusCode()).as("the new county's admins manage it from the move's recording on")
			.isEqualTo(HttpStatus.OK);
		FixedClockConfiguration.CLOCK.advance(java.time.Duration.ofDays(1));
		try {
			assertThat(active("/api/jurisdictions/130104/summary")).isEqualTo(qiaoxiBefore - 1);
			assertThat(active("/api/jurisdictions/130602/summary")).isEqualTo(bdBefore + 1);
			// by date: where the union stood on each day
			String statistics = "/api/jurisdictions/%s/statistics?asOf=%s";
			assertThat(figure(String.format(statistics, "1301", TODAY), "activeMembers")
					- figure(String.format(statistics, "1301", tomorrow), "activeMembers"))
				.isEqualTo(1);
			assertThat(figure(String.format(statistics, "1306", tomorrow), "activeMembers")
					- figure(String.format(statistics, "1306", TODAY), "activeMembers"))
				.isEqualTo(1);
			// a county's unions as of a day: those that stood under it then
			assertThat(childUnions("130104", TODAY)).contains("uw-move");
			assertThat(childUnions("130104", tomorrow)).doesNotContain("uw-move");
			assertThat(childUnions("130602", TODAY)).doesNotContain("uw-move");
			assertThat(childUnions("130602", tomorrow)).contains("uw-move");
			// the move is no enrollment and no transfer
			assertThat(figure(String.format(statistics, "1306", tomorrow), "newEnrollments"))
				.isEqualTo(figure(String.format(statistics, "1306", TODAY), "newEnrollments"));
			assertThat(figure(String.format(statistics, "1306", tomorrow), "transfersIn"))
				.isEqualTo(figure(String.format(statistics, "1306", TODAY), "transfersIn"));
		}
		finally {
			FixedClockConfiguration.CLOCK.reset();
		}
	}

	@SuppressWarnings("unchecked")
	private List<Object> childUnions(String county, LocalDate asOf) {
		List<Map<String, Object>> children = (List<Map<String, Object>>) as(TestUsers.SYSADMIN)
			.getForObject("/api/jurisdictions/" + county + "/children/statistics?asOf=" + asOf, Map.class)
			.get("children");
		return children.stream().map((child) -> child.get("unionId")).toList();
	}

	private long active(String path) {
		return ((Number) as(TestUsers.SYSADMIN).getForObject(path, Map.class).get("activeMembers")).longValue();
	}

	@SuppressWarnings("unchecked")
	private long figure(String path, String name) {
		Map<String, Object> figures = (Map<String, Object>) as(TestUsers.SYSADMIN).getForObject(path, Map.class)
			.get("figures");
		return ((Number) figures.getOrDefault(name, 0)).longValue();
	}

	/**
	 * A change of the division table: every open union of 晋州市 moves to 新乐市 in one
	 * request; a second move while theirs is pending is refused union by union.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void everyUnionOfACountyMovesInOneRequestEachRefusalListed() {
		for (String id : List.of("uw-bulk-a", "uw-bulk-b")) {
			ResponseEntity<Map> registered = post(TestUsers.HEBEI_ADMIN, "/api/unions",
					Map.of("unionId", id, "name", "晋州市" + id, "type", "ENTERPRISE", "sector", "LOGISTICS",
							"jurisdictionCode", "130183", "establishedOn", "2024-05-01"));
			assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		}
		String tomorrow = TODAY.plusDays(1).toString();

		ResponseEntity<Map> moved = post(TestUsers.HEBEI_ADMIN, "/api/jurisdictions/130183/union-moves",
				Map.of("jurisdictionCode", "130184", "effectiveDate", tomorrow, "reason", "区划调整"));

		assertThat(moved.getStatusCode()).as(String.valueOf(moved.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(moved.getBody()).containsEntry("moved", 2).containsEntry("refused", 0);
		for (String id : List.of("uw-bulk-a", "uw-bulk-b")) {
			assertThat(as(TestUsers.SYSADMIN).getForObject("/api/unions/" + id, Map.class))
				.containsEntry("jurisdictionCode", "130184");
		}
		assertThat(post(TestUsers.HEBEI_ADMIN, "/api/jurisdictions/130183/union-moves",
				Map.of("jurisdictionCode", "130184", "effectiveDate", tomorrow))
			.getBody()).as("nothing left to move").containsEntry("moved", 0).containsEntry("refused", 0);
		ResponseEntity<Map> pending = post(TestUsers.HEBEI_ADMIN, "/api/jurisdictions/130184/union-moves",
				Map.of("jurisdictionCode", "130181", "effectiveDate", TODAY.plusDays(2).toString()));
		assertThat(pending.getBody()).containsEntry("moved", 0).containsEntry("refused", 2);
		assertThat((List<Map<String, Object>>) pending.getBody().get("unions")).allSatisfy(
				(union) -> assertThat(union).containsEntry("moved", false).containsEntry("rule", "UNION_MOVE_PENDING"));
		long head = this.engine.headPosition();
		assertThat(post(TestUsers.HEBEI_ADMIN, "/api/jurisdictions/130184/union-moves",
				Map.of("jurisdictionCode", "130181", "effectiveDate", TODAY.toString()))
			.getBody()).containsEntry("rule", "UNION_MOVE_NOT_AFTER_TODAY").containsEntry("field", "effectiveDate");
		assertThat(post(TestUsers.HEBEI_ADMIN, "/api/jurisdictions/1301/union-moves",
				Map.of("jurisdictionCode", "130181", "effectiveDate", tomorrow))
			.getBody()).containsEntry("rule", "JURISDICTION_NOT_COUNTY_LEVEL");
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);
	}

	@Test
	void anUnknownUnionIsNotFound() {
		ResponseEntity<Map> response = post(TestUsers.HEBEI_ADMIN, "/api/unions/uw-nobody/name",
				Map.of("name", "新名", "effectiveDate", TODAY.toString()));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).containsEntry("rule", "UNION_UNKNOWN");
	}

}
