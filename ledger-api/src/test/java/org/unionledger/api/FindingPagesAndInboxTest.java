package org.unionledger.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.unionledger.api.applications.RateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision findings in pages, filtered by kind and status, with names instead of
 * ids and other unions masked out of scope; the officer's inbox of online applications in
 * pages, within their unions. Bad paging parameters are 4xx problems naming the field and
 * the rule.
 */
@SuppressWarnings({ "unchecked", "rawtypes" })
class FindingPagesAndInboxTest extends ApiTestSupport {

	@Autowired
	RateLimiter limiter;

	@BeforeEach
	void unions() {
		this.limiter.reset();
		ensureUnion("fp-home", "130109");
		ensureUnion("fp-attempt", "130110");
		ensureUnion("fp-tangshan", "130203");
		ensureUnion("fp-inbox", "130109");
		ensureUnion("os-sjz-c", "130104");
		ensureUnion("os-bd-b", "130602");
	}

	/** A refused second enrollment at fp-attempt of someone enrolled at {@code home}. */
	private String duplicateAttempt(String home, String homeUser, String name) {
		String residentId = residentId();
		String memberId = enroll(homeUser, residentId, name, home);
		ResponseEntity<Map> refused = as(TestUsers.SYSADMIN).postForEntity("/api/members",
				Map.of("residentId", residentId, "name", name, "unionId", "fp-attempt", "effectiveDate",
						TODAY.toString(), "channel", "ON_SITE"),
				Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		return memberId;
	}

	private Map findings(String user, String query) {
		ResponseEntity<Map> answer = as(user).getForEntity("/api/supervision/findings?" + query, Map.class);
		assertThat(answer.getStatusCode()).as(query + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}

	private static List<String> ids(Map page) {
		return ((List<Map>) page.get("findings")).stream().map((f) -> (String) f.get("id")).toList();
	}

	@Test
	void findingsComeInPagesFilteredByKindAndStatusWithNamesInsteadOfIds() {
		List<String> members = new ArrayList<>();
		for (String name : List.of("周一", "吴二", "郑三", "王四")) {
			members.add(duplicateAttempt("fp-home", TestUsers.SYSADMIN, name));
		}
		String fromTangshan = duplicateAttempt("fp-tangshan", TestUsers.SYSADMIN, "冯五");
		String scope = "unionId=fp-attempt&kind=DUPLICATE_ENROLLMENT_ATTEMPT";

		Map all = findings(TestUsers.SJZ_SUPERVISOR, scope + "&size=500");
		assertThat(all.get("count")).isEqualTo(5);
		List<String> every = ids(all);
		assertThat(every).hasSize(5);
		List<String> paged = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			Map one = findings(TestUsers.SJZ_SUPERVISOR, scope + "&size=2&page=" + page);
			assertThat(one).containsEntry("count", 5).containsEntry("page", page).containsEntry("size", 2);
			assertThat(ids(one)).hasSize((page < 2) ? 2 : 1);
			paged.addAll(ids(one));
		}
		assertThat(paged).as("the pages, in order, are the whole list").isEqualTo(every);
		assertThat(ids(findings(TestUsers.SJZ_SUPERVISOR, scope + "&size=2&page=3"))).isEmpty();

		// Names: the unions (the one holding the membership too, where in scope), the
		// county, the members masked; a union outside the supervisor's scope is masked
		// and its city named.
		assertThat((Map<String, String>) all.get("unionNames")).containsEntry("fp-attempt", "测试工会 fp-attempt")
			.containsEntry("fp-home", "测试工会 fp-home")
			.doesNotContainKey("fp-tangshan");
		assertThat((Map<String, String>) all.get("jurisdictionNames")).containsEntry("130110", "鹿泉区")
			.containsEntry("1302", "唐山市");
		assertThat((Map<String, String>) all.get("memberNames")).containsEntry(members.get(0), "周*")
			.containsEntry(fromTangshan, "冯*")
			.hasSize(5);
		Map tangshan = ((List<Map>) all.get("findings")).stream()
			.filter((f) -> fromTangshan.equals(f.get("memberId")))
			.findFirst()
			.orElseThrow();
		assertThat((Map) tangshan.get("detail")).containsEntry("currentUnionId", "[outside your jurisdiction]")
			.containsEntry("currentUnionJurisdiction", "1302");
		Map bySystemAdmin = findings(TestUsers.SYSADMIN, scope + "&size=500");
		assertThat((Map<String, String>) bySystemAdmin.get("unionNames")).containsKey("fp-tangshan");

		// Status: decide two, correct one; the counts per status follow.
		String confirmed = every.get(0);
		String dismissed = every.get(1);
		decide(confirmed, "CONFIRMED");
		decide(dismissed, "DISMISSED");
		Map open = findings(TestUsers.SJZ_SUPERVISOR, scope + "&status=OPEN");
		assertThat(open.get("count")).isEqualTo(3);
		assertThat(ids(open)).doesNotContain(confirmed, dismissed);
		assertThat((Map) open.get("byStatus")).containsEntry("OPEN", 3)
			.containsEntry("CONFIRMED", 1)
			.containsEntry("DISMISSED", 1)
			.containsEntry("CORRECTED", 0);
		assertThat(ids(findings(TestUsers.SJZ_SUPERVISOR, scope + "&status=CONFIRMED"))).containsExactly(confirmed);
		ResponseEntity<Map> corrected = as(TestUsers.SJZ_SUPERVISOR).postForEntity(
				"/api/supervision/findings/" + confirmed + "/correction", Map.of("reason", "外省转入，误作新入会"), Map.class);
		assertThat(corrected.getStatusCode()).as(String.valueOf(corrected.getBody())).isEqualTo(HttpStatus.OK);
		Map afterCorrection = findings(TestUsers.SJZ_SUPERVISOR, scope + "&status=CORRECTED");
		assertThat(ids(afterCorrection)).containsExactly(confirmed);
		assertThat(((List<Map>) afterCorrection.get("findings")).get(0))
			.containsEntry("correctedBy", TestUsers.SJZ_SUPERVISOR)
			.containsEntry("correctionReason", "外省转入，误作新入会")
			.containsEntry("status", "CONFIRMED");
		assertThat((Map) afterCorrection.get("byStatus")).containsEntry("CONFIRMED", 0).containsEntry("CORRECTED", 1);
		ResponseEntity<Map> twice = as(TestUsers.SJZ_SUPERVISOR).postForEntity(
				"/api/supervision/findings/" + confirmed + "/correction", Map.of("reason", "again"), Map.class);
		assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		// Another kind at the same union: none of these.
		assertThat(findings(TestUsers.SJZ_SUPERVISOR, "unionId=fp-attempt&kind=BURST_BEFORE_DEADLINE").get("count"))
			.isEqualTo(0);
	}

	private void decide(String findingId, String decision) {
		ResponseEntity<Map> decided = as(TestUsers.SJZ_SUPERVISOR).postForEntity(
				"/api/supervision/findings/" + findingId + "/decision", Map.of("decision", decision, "reason", "核实"),
				Map.class);
		assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void badPagesAndFiltersAreProblemsNamingTheFieldAndTheRule() {
		long head = this.engine.headPosition();
		String base = "/api/supervision/findings?jurisdiction=1301&";
		for (Object[] bad : new Object[][] { { "page=-1", 422, "page", "PAGE_OUT_OF_RANGE" },
				{ "size=0", 422, "size", "PAGE_SIZE_OUT_OF_RANGE" },
				{ "size=501", 422, "size", "PAGE_SIZE_OUT_OF_RANGE" }, { "page=x", 400, "page", "INVALID_VALUE" },
				{ "status=FIXED", 400, "status", "INVALID_VALUE" }, { "kind=NOPE", 400, "kind", "INVALID_VALUE" } }) {
			problem(TestUsers.SJZ_SUPERVISOR, base + bad[0], (int) bad[1], (String) bad[2], (String) bad[3]);
		}
		String inbox = "/api/applications?";
		problem(TestUsers.SJZ_OFFICER, inbox + "page=-1", 422, "page", "PAGE_OUT_OF_RANGE");
		problem(TestUsers.SJZ_OFFICER, inbox + "size=101", 422, "size", "PAGE_SIZE_OUT_OF_RANGE");
		problem(TestUsers.SJZ_OFFICER, inbox + "size=abc", 400, "size", "INVALID_VALUE");
		problem(TestUsers.SYSADMIN, inbox, 422, "unionId", "REQUIRED");
		problem(TestUsers.SJZ_OFFICER, inbox + "unionId=os-bd-b", 403, "unionId", "OUT_OF_SCOPE");
		problem(TestUsers.SJZ_OFFICER, inbox + "unionId=fp-none", 404, "unionId", "UNION_UNKNOWN");
		problem(TestUsers.HEBEI_AUDITOR, inbox, 403, null, "ROLE_NOT_ALLOWED");
		problem(TestUsers.SJZ_SUPERVISOR, inbox, 403, null, "ROLE_NOT_ALLOWED");
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);
	}

	private void problem(String user, String path, int status, String field, String rule) {
		ResponseEntity<Map> answer = as(user).getForEntity(path, Map.class);
		assertThat(answer.getStatusCode().value()).as(path + ": " + answer.getBody()).isEqualTo(status);
		assertThat(answer.getBody()).as(path).containsEntry("rule", rule);
		if (field != null) {
			assertThat(answer.getBody()).as(path).containsEntry("field", field);
		}
	}

	private String submit(String residentId, String name, String unionId) {
		ResponseEntity<Map> submitted = this.http.postForEntity("/api/applications",
				Map.of("residentId", residentId, "name", name, "unionId", unionId), Map.class);
		assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return (String) submitted.getBody().get("applicationId");
	}

	private Map inbox(String user, String query) {
		ResponseEntity<Map> answer = as(user).getForEntity("/api/applications?" + query, Map.class);
		assertThat(answer.getStatusCode()).as(query + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}

	@Test
	void anOfficersInboxListsThePendingApplicationsOfTheirUnionsInPages() {
		List<String> submitted = new ArrayList<>();
		for (String name : List.of("陈甲", "褚乙", "卫丙")) {
			submitted.add(submit(residentId(), name, "fp-inbox"));
		}
		Map first = inbox(TestUsers.SYSADMIN, "unionId=fp-inbox&size=2");
		assertThat(first).containsEntry("count", 3).containsEntry("page", 0).containsEntry("size", 2);
		List<Map> entries = (List<Map>) first.get("applications");
		assertThat(entries).hasSize(2)
			.allSatisfy((e) -> assertThat(e).containsEntry("unionId", "fp-inbox")
				.containsEntry("unionName", "测试工会 fp-inbox")
				.containsKeys("submittedOn", "residentIdMasked"));
		List<Map> second = (List<Map>) inbox(TestUsers.SYSADMIN, "unionId=fp-inbox&size=2&page=1").get("applications");
		assertThat(second).hasSize(1);
		List<Object> listed = new ArrayList<>();
		entries.forEach((e) -> listed.add(e.get("applicationId")));
		second.forEach((e) -> listed.add(e.get("applicationId")));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(submitted);
		assertThat(List.of(entries.get(0), entries.get(1), second.get(0))).extracting((e) -> e.get("nameMasked"))
			.containsExactlyInAnyOrder("陈*", "褚*", "卫*");

		// The officer's inbox holds their unions' applications only; deciding two takes
		// them out.
		this.limiter.reset();
		String toC = submit(residentId(), "蒋丁", "os-sjz-c");
		String toC2 = submit(residentId(), "沈戊", "os-sjz-c");
		submit(residentId(), "韩己", "os-bd-b");
		Map mine = inbox(TestUsers.SJZ_OFFICER, "size=100");
		int before = (int) mine.get("count");
		assertThat((List<Map>) mine.get("applications")).isNotEmpty()
			.allSatisfy((e) -> assertThat(e.get("unionId")).isIn("os-sjz-a", "os-sjz-c"));
		Map onlyC = inbox(TestUsers.SJZ_OFFICER, "unionId=os-sjz-c&size=100");
		assertThat(((List<Map>) onlyC.get("applications")).stream().map((e) -> e.get("applicationId"))).contains(toC,
				toC2);
		assertThat(
				as(TestUsers.SJZ_OFFICER).postForEntity("/api/applications/" + toC + "/approval", Map.of(), Map.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(as(TestUsers.SJZ_OFFICER)
			.postForEntity("/api/applications/" + toC2 + "/decline", Map.of("reason", "非本单位职工"), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(inbox(TestUsers.SJZ_OFFICER, "size=100").get("count")).isEqualTo(before - 2);
	}

}
