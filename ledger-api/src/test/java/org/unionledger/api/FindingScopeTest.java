package org.unionledger.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finding stays visible to the supervisors of its union, but another union it names is
 * masked for readers whose scope does not cover that union (issue 16, item 5).
 */
class FindingScopeTest extends ApiTestSupport {

	@Test
	void aShijiazhuangSupervisorSeesADuplicateFindingButNotTheBaodingUnionBehindIt() {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-bd-b", "130602");
		String residentId = residentId();
		String member = enroll(TestUsers.BD_OFFICER, residentId, "冯十二", "os-bd-b");
		ResponseEntity<Map> duplicate = as(TestUsers.SJZ_OFFICER).postForEntity("/api/members",
				Map.of("residentId", residentId, "name", "冯十二", "unionId", "os-sjz-a", "effectiveDate",
						TODAY.minusDays(5).toString(), "channel", "ON_SITE"),
				Map.class);
		assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		String path = "/api/supervision/findings?jurisdiction=1301&kind=DUPLICATE_ENROLLMENT_ATTEMPT";

		ResponseEntity<String> raw = as(TestUsers.SJZ_SUPERVISOR).getForEntity(path, String.class);
		Map finding = findingOf(TestUsers.SJZ_SUPERVISOR, path, member);

		assertThat(finding).containsEntry("unionId", "os-sjz-a");
		assertThat((Map) finding.get("detail")).containsEntry("currentUnionId", "[outside your jurisdiction]")
			.containsEntry("currentUnionJurisdiction", "1306");
		// Names are given for the unions in scope only.
		assertThat(raw.getBody()).doesNotContain("os-bd-b").doesNotContain("测试工会 os-bd-b");

		Map decided = as(TestUsers.SJZ_SUPERVISOR).postForObject(
				"/api/supervision/findings/" + finding.get("id") + "/decision",
				Map.of("decision", "CONFIRMED", "reason", "the same worker, enrolled twice"), Map.class);
		assertThat((Map) decided.get("detail")).containsEntry("currentUnionId", "[outside your jurisdiction]");

		assertThat((Map) findingOf(TestUsers.HEBEI_AUDITOR, path, member).get("detail"))
			.as("the province's auditor covers both unions")
			.containsEntry("currentUnionId", "os-bd-b");
	}

	private Map findingOf(String user, String path, String member) {
		ResponseEntity<Map> response = as(user).getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
		return ((List<Map>) response.getBody().get("findings")).stream()
			.filter(f -> member.equals(f.get("memberId")))
			.findFirst()
			.orElseThrow();
	}

}
