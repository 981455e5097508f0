package org.unionledger.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Out-of-scope cases of the routes added with statistics, targets, operations,
 * supervision, erasure and the seal (kept apart from {@link OutOfScopeTest} for
 * readability).
 */
final class FigureAndAuditOutOfScopeCases {

	private static String sjzFinding;

	private FigureAndAuditOutOfScopeCases() {
	}

	static List<OutOfScopeTest.Case> cases(OutOfScopeTest test) {
		List<OutOfScopeTest.Case> cases = new ArrayList<>();
		for (String route : List.of("GET /api/jurisdictions/{code}/statistics", "GET /api/jurisdictions/{code}/ranking",
				"GET /api/jurisdictions/{code}/children", "GET /api/jurisdictions/{code}/children/statistics",
				"GET /api/jurisdictions/{code}/targets/{year}",
				"GET /api/jurisdictions/{code}/statistics/{figure}/events")) {
			String path = route.substring(4)
				.replace("{code}", "1301")
				.replace("{year}", "2027")
				.replace("{figure}", "newEnrollments");
			cases.add(new OutOfScopeTest.Case(route, TestUsers.SJZ_OFFICER, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BAODING_ADMIN, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BEIJING_AUDITOR, path, null));
		}
		for (String route : List.of("GET /api/unions/{unionId}/statistics",
				"GET /api/unions/{unionId}/statistics/{figure}/events")) {
			String path = route.substring(4).replace("{unionId}", "os-sjz-a").replace("{figure}", "newEnrollments");
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BD_OFFICER, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.TANGSHAN_SUPERVISOR, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BEIJING_AUDITOR, path, null));
		}
		Map<String, Object> target = Map.of("source", "ASSIGNED", "target", 1000);
		for (String method : List.of("PUT", "POST")) {
			String route = method + " /api/jurisdictions/{code}/targets/{year}";
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BAODING_ADMIN, "/api/jurisdictions/1301/targets/2027",
					target));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.SJZ_SUPERVISOR, "/api/jurisdictions/1301/targets/2027",
					target));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.HEBEI_AUDITOR, "/api/jurisdictions/13/targets/2027",
					target));
		}
		for (String user : List.of(TestUsers.SJZ_OFFICER, TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("GET /api/operations/processors", user, "/api/operations/processors",
					null));
			cases.add(new OutOfScopeTest.Case("POST /api/operations/consistency-check", user,
					"/api/operations/consistency-check", null));
			cases.add(new OutOfScopeTest.Case("GET /api/audit/verification", user, "/api/audit/verification", null));
			cases.add(new OutOfScopeTest.Case("POST /api/audit/seal", user, "/api/audit/seal", null));
		}
		for (String user : List.of(TestUsers.HEBEI_AUDITOR, TestUsers.SJZ_OFFICER, TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("GET /api/operations/sign-in-lockouts", user,
					"/api/operations/sign-in-lockouts", null));
		}
		for (String user : List.of(TestUsers.HEBEI_AUDITOR, TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("POST /api/operations/processors/{name}/rebuild", user,
					"/api/operations/processors/summaries/rebuild", null));
		}
		cases.add(new OutOfScopeTest.Case("GET /api/supervision/findings", TestUsers.SJZ_OFFICER,
				"/api/supervision/findings?jurisdiction=1301", null));
		cases.add(new OutOfScopeTest.Case("GET /api/supervision/findings", TestUsers.TANGSHAN_SUPERVISOR,
				"/api/supervision/findings?jurisdiction=1301", null));
		cases.add(new OutOfScopeTest.Case("GET /api/supervision/findings", TestUsers.BEIJING_AUDITOR,
				"/api/supervision/findings?jurisdiction=13", null));
		cases.add(new OutOfScopeTest.Case("GET /api/supervision/findings", TestUsers.TANGSHAN_SUPERVISOR,
				"/api/supervision/findings?unionId=os-sjz-a", null));
		String finding = "/api/supervision/findings/" + sjzFinding(test);
		for (String user : List.of(TestUsers.TANGSHAN_SUPERVISOR, TestUsers.HEBEI_AUDITOR, TestUsers.SJZ_OFFICER,
				TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("POST /api/supervision/findings/{findingId}/decision", user,
					finding + "/decision", Map.of("decision", "DISMISSED", "reason", "not mine to decide")));
			cases.add(new OutOfScopeTest.Case("POST /api/supervision/findings/{findingId}/correction", user,
					finding + "/correction", Map.of("reason", "not mine to correct")));
		}
		String member = "/api/members/" + test.sjzMember;
		for (String user : List.of(TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_AUDITOR, TestUsers.SJZ_OFFICER,
				TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("POST /api/members/{memberId}/erasure", user, member + "/erasure",
					Map.of("legalBasis", "PIPL art. 47")));
		}
		for (String user : List.of(TestUsers.BD_OFFICER, TestUsers.HEBEI_AUDITOR, TestUsers.SJZ_SUPERVISOR)) {
			cases.add(new OutOfScopeTest.Case("POST /api/members/{memberId}/serving-assignments", user,
					member + "/serving-assignments",
					Map.of("servingUnionId", "os-sjz-c", "effectiveDate", ApiTestSupport.TODAY.toString())));
			cases.add(new OutOfScopeTest.Case("POST /api/members/{memberId}/serving-assignments/end", user,
					member + "/serving-assignments/end", Map.of("effectiveDate", ApiTestSupport.TODAY.toString())));
		}
		return cases;
	}

	/**
	 * A real finding in Shijiazhuang: the Shijiazhuang member enrolled again at another
	 * union there (refused and recorded), made once per test run.
	 */
	private static synchronized String sjzFinding(OutOfScopeTest test) {
		if (sjzFinding == null) {
			var admin = test.as(TestUsers.SYSADMIN);
			Map history = admin.getForObject("/api/members/" + test.sjzMember + "/history", Map.class);
			assertThatHistoryExists(history);
			ResponseEntity<Map> findings = admin.getForEntity(
					"/api/supervision/findings?unionId=os-sjz-c&kind=DUPLICATE_ENROLLMENT_ATTEMPT", Map.class);
			List<Map> found = (List<Map>) findings.getBody().get("findings");
			if (found.isEmpty()) {
				ResponseEntity<Map> duplicate = admin
					.postForEntity(
							"/api/members", Map.of("residentId", test.sjzResidentId, "name", "赵六", "unionId",
									"os-sjz-c", "effectiveDate", ApiTestSupport.TODAY.toString(), "channel", "ON_SITE"),
							Map.class);
				if (duplicate.getStatusCode() != HttpStatus.CONFLICT) {
					throw new IllegalStateException("expected a refused duplicate: " + duplicate.getBody());
				}
				found = (List<Map>) admin
					.getForObject("/api/supervision/findings?unionId=os-sjz-c&kind=DUPLICATE_ENROLLMENT_ATTEMPT",
							Map.class)
					.get("findings");
			}
			sjzFinding = (String) found.get(0).get("id");
		}
		return sjzFinding;
	}

	private static void assertThatHistoryExists(Map history) {
		if (history == null || history.get("events") == null) {
			throw new IllegalStateException("the Shijiazhuang member of the out-of-scope suite is missing");
		}
	}

}
