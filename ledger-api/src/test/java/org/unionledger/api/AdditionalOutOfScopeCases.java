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
		return cases;
	}

}
