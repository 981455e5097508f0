package org.unionledger.projections.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a member's services of one statistical year into deltas of the distinct count,
 * per scope: as recorded days go by, the member counts from the earliest delivery date
 * known so far. Summed over recorded days up to {@code K} and delivery dates up to
 * {@code A}, the deltas give 1 exactly when a service recorded by {@code K} was delivered
 * by {@code A}.
 */
final class DistinctChain {

	record Key(String scope, LocalDate effective, LocalDate recorded) {
	}

	private DistinctChain() {
	}

	/** The deltas of {@code after} minus those of {@code before}, zeros left out. */
	static Map<Key, Long> difference(List<StoredEntries.Served> before, List<StoredEntries.Served> after,
			Function<StoredEntries.Served, List<String>> scopes) {
		Map<Key, Long> result = new LinkedHashMap<>(deltas(after, scopes));
		deltas(before, scopes).forEach((key, amount) -> result.merge(key, -amount, Long::sum));
		result.values().removeIf((amount) -> amount == 0);
		return result;
	}

	static Map<Key, Long> deltas(List<StoredEntries.Served> services,
			Function<StoredEntries.Served, List<String>> scopes) {
		Set<String> allScopes = new LinkedHashSet<>();
		services.forEach((served) -> allScopes.addAll(scopes.apply(served)));
		Map<Key, Long> deltas = new LinkedHashMap<>();
		for (String scope : allScopes) {
			List<StoredEntries.Served> here = new ArrayList<>();
			for (StoredEntries.Served served : services) {
				if (scopes.apply(served).contains(scope)) {
					here.add(served);
				}
			}
			here.sort(Comparator.comparing(StoredEntries.Served::recorded));
			LocalDate earliest = null;
			int i = 0;
			while (i < here.size()) {
				LocalDate recorded = here.get(i).recorded();
				LocalDate candidate = earliest;
				while (i < here.size() && here.get(i).recorded().equals(recorded)) {
					LocalDate effective = here.get(i).effective();
					if (candidate == null || effective.isBefore(candidate)) {
						candidate = effective;
					}
					i++;
				}
				if (!candidate.equals(earliest)) {
					if (earliest != null) {
						deltas.merge(new Key(scope, earliest, recorded), -1L, Long::sum);
					}
					deltas.merge(new Key(scope, candidate, recorded), 1L, Long::sum);
					earliest = candidate;
				}
			}
		}
		return deltas;
	}

}
