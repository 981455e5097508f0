package org.unionledger.api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;

/**
 * Out-of-scope cases of the routes added with personal data, imports and online
 * applications (kept apart from {@link OutOfScopeTest} for readability).
 */
final class AdditionalOutOfScopeCases {

	private AdditionalOutOfScopeCases() {
	}

	static List<OutOfScopeTest.Case> cases(OutOfScopeTest test) {
		List<OutOfScopeTest.Case> cases = new ArrayList<>();
		String personalData = "/api/members/" + test.sjzMember + "/personal-data?purpose=check";
		for (String user : List.of(TestUsers.SJZ_OFFICER, TestUsers.HEBEI_AUDITOR, TestUsers.HEBEI_ADMIN,
				TestUsers.TANGSHAN_SUPERVISOR)) {
			cases.add(new OutOfScopeTest.Case("GET /api/members/{memberId}/personal-data", user, personalData, null));
		}
		String csv = "residentId,name,unionId,effectiveDate\n" + ApiTestSupport.residentId() + ",孙八,os-sjz-a,"
				+ ApiTestSupport.TODAY + "\n";
		for (String user : List.of(TestUsers.HEBEI_AUDITOR, TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("POST /api/imports", user, "/api/imports", csv,
					MediaType.parseMediaType("text/csv")));
		}
		for (String user : List.of(TestUsers.BD_OFFICER, TestUsers.HEBEI_AUDITOR, TestUsers.SJZ_SUPERVISOR)) {
			cases.add(new OutOfScopeTest.Case("GET /api/imports/{importId}", user, "/api/imports/" + test.sjzImport,
					null));
		}
		String application = "/api/applications/" + test.sjzApplication;
		for (String user : List.of(TestUsers.BD_OFFICER, TestUsers.TANGSHAN_SUPERVISOR, TestUsers.BEIJING_AUDITOR,
				TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("GET /api/applications/{applicationId}", user, application, null));
			cases.add(new OutOfScopeTest.Case("GET /api/unions/{unionId}/applications", user,
					"/api/unions/os-sjz-a/applications", null));
		}
		cases.add(new OutOfScopeTest.Case("GET /api/applications", TestUsers.BD_OFFICER,
				"/api/applications?unionId=os-sjz-a", null));
		for (String user : List.of(TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_AUDITOR, TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("GET /api/applications", user, "/api/applications", null));
		}
		for (String user : List.of(TestUsers.BD_OFFICER, TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_AUDITOR,
				TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("POST /api/applications/{applicationId}/approval", user,
					application + "/approval", java.util.Map.of()));
			cases.add(new OutOfScopeTest.Case("POST /api/applications/{applicationId}/decline", user,
					application + "/decline", java.util.Map.of("reason", "no")));
		}
		return cases;
	}

}
