package org.unionledger.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Out-of-scope cases of the report and file routes: a signed report's sheet and XLSX
 * file, a union's roster files and the import's template.
 */
final class ReportOutOfScopeCases {

	private ReportOutOfScopeCases() {
	}

	static List<OutOfScopeTest.Case> cases() {
		List<OutOfScopeTest.Case> cases = new ArrayList<>();
		for (String route : List.of("GET /api/jurisdictions/{code}/annual-reports/{year}/sheet",
				"GET /api/jurisdictions/{code}/annual-reports/{year}/report.xlsx")) {
			String path = route.substring(4).replace("{code}", "1301").replace("{year}", "2026");
			cases.add(new OutOfScopeTest.Case(route, TestUsers.SJZ_OFFICER, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BAODING_ADMIN, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BEIJING_AUDITOR, path, null));
		}
		for (String route : List.of("GET /api/unions/{unionId}/roster.csv", "GET /api/unions/{unionId}/roster.xlsx")) {
			String path = route.substring(4).replace("{unionId}", "os-bd-b");
			cases.add(new OutOfScopeTest.Case(route, TestUsers.SJZ_OFFICER, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.TANGSHAN_SUPERVISOR, path, null));
			cases.add(new OutOfScopeTest.Case(route, TestUsers.BEIJING_AUDITOR, path, null));
		}
		cases.add(new OutOfScopeTest.Case("GET /api/imports/template.csv", TestUsers.HEBEI_AUDITOR,
				"/api/imports/template.csv", null));
		cases.add(new OutOfScopeTest.Case("GET /api/imports/template.csv", TestUsers.SJZ_SUPERVISOR,
				"/api/imports/template.csv", null));
		return cases;
	}

}
