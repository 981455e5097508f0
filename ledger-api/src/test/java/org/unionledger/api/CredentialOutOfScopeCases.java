package org.unionledger.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Out-of-scope cases of the credential routes of issue 15 (a union's issued credentials,
 * its inbox, cancel, re-issue, the members a credential can be issued for and the unions
 * it may lead to), kept apart from {@link OutOfScopeTest} for readability.
 */
final class CredentialOutOfScopeCases {

	private CredentialOutOfScopeCases() {
	}

	static List<OutOfScopeTest.Case> cases(OutOfScopeTest test) {
		List<OutOfScopeTest.Case> cases = new ArrayList<>();
		for (String user : List.of(TestUsers.BD_OFFICER, TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_AUDITOR,
				TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("GET /api/unions/{unionId}/transfer-credentials", user,
					"/api/unions/os-sjz-a/transfer-credentials", null));
			cases.add(new OutOfScopeTest.Case("GET /api/unions/{unionId}/transfer-candidates", user,
					"/api/unions/os-sjz-a/transfer-candidates", null));
		}
		// The issuing union does not read the receiving union's inbox.
		for (String user : List.of(TestUsers.SJZ_OFFICER, TestUsers.BAODING_ADMIN, TestUsers.HEBEI_AUDITOR)) {
			cases.add(new OutOfScopeTest.Case("GET /api/unions/{unionId}/transfer-credentials/inbox", user,
					"/api/unions/os-bd-b/transfer-credentials/inbox", null));
		}
		// Only the issuing union cancels or re-issues; the receiving union's officer too
		// finds the credential unknown.
		String cancel = "/api/transfer-credentials/" + test.credentialCode + "/cancellation";
		String reissue = "/api/transfer-credentials/" + test.credentialCode + "/reissue";
		for (String user : List.of(TestUsers.BD_OFFICER, TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_AUDITOR,
				TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("POST /api/transfer-credentials/{code}/cancellation", user, cancel,
					Map.of("reason", "out of scope")));
			cases.add(new OutOfScopeTest.Case("POST /api/transfer-credentials/{code}/reissue", user, reissue,
					Map.of("reason", "out of scope")));
		}
		for (String user : List.of(TestUsers.SJZ_SUPERVISOR, TestUsers.HEBEI_AUDITOR, TestUsers.HEBEI_ADMIN)) {
			cases.add(new OutOfScopeTest.Case("GET /api/transfer-destinations", user,
					"/api/transfer-destinations?name=os", null));
		}
		return cases;
	}

}
