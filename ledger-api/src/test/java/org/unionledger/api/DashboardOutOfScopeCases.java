package org.unionledger.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Out-of-scope cases of the routes the dashboard added: monthly flows, union lists,
 * transfers and a credential's QR code (kept apart from {@link OutOfScopeTest} for
 * readability).
 */
final class DashboardOutOfScopeCases {

	private DashboardOutOfScopeCases() {
	}

	static List<OutOfScopeTest.Case> cases(OutOfScopeTest test) {
		List<OutOfScopeTest.Case> cases = new ArrayList<>();
		for (String route : List.of("GET /api/jurisdictions/{code}/statistics/monthly",
				"GET /api/jurisdictions/{code}/unions", "GET /api/jurisdictions/{code}/transfers")) {
			String path = route.substring(4).replace("{code}", "1301");
			cases.add(new OutOfScopeTest.Case(route, TestUsers.SJZ_OFFICER, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BAODING_ADMIN, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.TANGSHAN_SUPERVISOR, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BEIJING_AUDITOR, path, null));
		}
		for (String route : List.of("GET /api/unions/{unionId}/statistics/monthly",
				"GET /api/unions/{unionId}/transfers")) {
			String path = route.substring(4).replace("{unionId}", "os-sjz-a");
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BD_OFFICER, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.TANGSHAN_SUPERVISOR, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BEIJING_AUDITOR, path, null));
		}
		// Only the issuing union's officers print a credential's QR code; the receiving
		// union's officer, supervisors and auditors may not.
		String qr = "/api/transfer-credentials/" + test.credentialCode + "/qr";
		for (String user : List.of(TestUsers.BD_OFFICER, TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_AUDITOR,
				TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("GET /api/transfer-credentials/{code}/qr", user, qr, null));
		}
		return cases;
	}

}
