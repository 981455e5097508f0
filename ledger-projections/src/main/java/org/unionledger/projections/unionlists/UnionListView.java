package org.unionledger.projections.unionlists;

import java.time.LocalDate;
import java.util.List;

/**
 * Unions under some jurisdictions, ordered by jurisdiction code and union id.
 *
 * @param unions the unions
 */
public record UnionListView(List<Entry> unions) {

	/**
	 * A union.
	 *
	 * @param unionId its id
	 * @param name its name
	 * @param jurisdictionCode its county-level jurisdiction
	 * @param type its type
	 * @param sector its sector
	 * @param establishedOn when it was set up
	 * @param dissolvedOn when it was dissolved, or {@code null}
	 * @param formerNames the names it had before, oldest first
	 */
	public record Entry(String unionId, String name, String jurisdictionCode, String type, String sector,
			LocalDate establishedOn, LocalDate dissolvedOn, List<String> formerNames) {

		public Entry {
			formerNames = (formerNames != null) ? List.copyOf(formerNames) : List.of();
		}

	}

}
