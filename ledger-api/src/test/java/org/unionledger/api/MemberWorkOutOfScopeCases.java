package org.unionledger.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Out-of-scope cases of the member-work routes (lookup, member page, member list, hold,
 * resume, terminate, re-enroll, name correction): a member outside the caller's scope is
 * unknown (404), a role that may not do the work is refused (403), and nothing is
 * written.
 */
final class MemberWorkOutOfScopeCases {

	private MemberWorkOutOfScopeCases() {
	}

	static List<OutOfScopeTest.Case> cases(OutOfScopeTest test) {
		List<OutOfScopeTest.Case> cases = new ArrayList<>();
		Map<String, Object> byId = Map.of("residentId", test.sjzResidentId);
		for (String user : List.of(TestUsers.BD_OFFICER, TestUsers.TANGSHAN_SUPERVISOR, TestUsers.HEBEI_ADMIN,
				TestUsers.BEIJING_AUDITOR)) {
			cases.add(new OutOfScopeTest.Case("POST /api/members/lookup", user, "/api/members/lookup", byId));
			cases.add(new OutOfScopeTest.Case("GET /api/members/{memberId}", user, "/api/members/" + test.sjzMember,
					null));
		}
		cases.add(new OutOfScopeTest.Case("POST /api/members/lookup", TestUsers.BD_OFFICER, "/api/members/lookup",
				Map.of("name", "赵六", "unionId", "os-sjz-a")));
		cases.add(new OutOfScopeTest.Case("POST /api/members/lookup", TestUsers.SJZ_SUPERVISOR, "/api/members/lookup",
				Map.of("name", "赵六")));
		for (String user : List.of(TestUsers.BD_OFFICER, TestUsers.HEBEI_ADMIN, TestUsers.TANGSHAN_SUPERVISOR)) {
			cases.add(new OutOfScopeTest.Case("GET /api/unions/{unionId}/member-list", user,
					"/api/unions/os-sjz-a/member-list", null));
		}
		String member = "/api/members/" + test.sjzMember;
		Map<String, Map<String, Object>> actions = Map.of("hold",
				Map.of("effectiveDate", ApiTestSupport.TODAY.toString(), "reason", "退休"), "resumption",
				Map.of("effectiveDate", ApiTestSupport.TODAY.toString()), "termination",
				Map.of("effectiveDate", ApiTestSupport.TODAY.toString(), "reason", "VOLUNTARY_WITHDRAWAL"),
				"re-enrollment",
				Map.of("unionId", "os-sjz-a", "effectiveDate", ApiTestSupport.TODAY.toString(), "channel", "ON_SITE"),
				"name-correction", Map.of("name", "赵陆", "reason", "录入错误"));
		actions.forEach((action, body) -> {
			for (String user : List.of(TestUsers.BD_OFFICER, TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_AUDITOR,
					TestUsers.HEBEI_ADMIN)) {
				cases.add(new OutOfScopeTest.Case("POST /api/members/{memberId}/" + action, user, member + "/" + action,
						body));
			}
		});
		return cases;
	}

}
