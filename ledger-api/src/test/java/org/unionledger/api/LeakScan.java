package org.unionledger.api;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clear IDs and names that other test classes send through paths of their own (imports,
 * online applications), for {@link PersonalDataLeakTest} to look for too.
 */
final class LeakScan {

	private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

	private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

	private LeakScan() {
	}

	static void remember(String residentId, String name) {
		SECRETS.add(residentId);
		NAMES.add(name);
	}

	static List<String> extraSecrets() {
		return List.copyOf(SECRETS);
	}

	static List<String> extraNames() {
		return List.copyOf(NAMES);
	}

}
