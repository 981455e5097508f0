package org.unionledger.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Out-of-scope cases of the yearly report routes. The year is 2026, which has ended on
 * the test clock, so a sign-off that slipped through a scope check would really be
 * written.
 */
final class SignOffOutOfScopeCases {

	private SignOffOutOfScopeCases() {
	}

	static List<OutOfScopeTest.Case> cases() {
		List<OutOfScopeTest.Case> cases = new ArrayList<>();
		String signOff = "POST /api/jurisdictions/{code}/annual-reports/{year}/sign-off";
		Map<String, Object> comment = Map.of("comment", "not mine to sign");
		// officers, supervisors and auditors never sign; an admin signs only its own
		// level
		for (String user : List.of(TestUsers.SJZ_OFFICER, TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_AUDITOR,
				TestUsers.HEBEI_ADMIN, TestUsers.BAODING_ADMIN)) {
			cases.add(new OutOfScopeTest.Case(signOff, user, "/api/jurisdictions/1301/annual-reports/2026/sign-off",
					comment));
		}
		cases.add(new OutOfScopeTest.Case(signOff, TestUsers.BAODING_ADMIN,
				"/api/jurisdictions/130102/annual-reports/2026/sign-off", comment));
		for (String route : List.of("GET /api/jurisdictions/{code}/annual-reports/{year}",
				"GET /api/jurisdictions/{code}/annual-reports/{year}/flags")) {
			String path = route.substring(4).replace("{code}", "1301").replace("{year}", "2026");
			cases.add(new OutOfScopeTest.Case(route, TestUsers.SJZ_OFFICER, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BAODING_ADMIN, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BEIJING_AUDITOR, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.TANGSHAN_SUPERVISOR, path.replace("/1301/", "/13/"),
					null));
		}
		return cases;
	}

}
