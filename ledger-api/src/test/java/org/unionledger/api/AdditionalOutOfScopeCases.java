package org.unionledger.api;

import java.util.ArrayList;
import java.util.List;

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
		return cases;
	}

}
