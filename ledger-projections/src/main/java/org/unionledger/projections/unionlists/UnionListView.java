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
	 * @param movesOn for a union that moved here from another jurisdiction, the first day
	 * its figures count here (it may lie ahead); otherwise {@code null}
	 * @param movedFrom the jurisdiction it moved from, or {@code null}
	 */
	public record Entry(String unionId, String name, String jurisdictionCode, String type, String sector,
			LocalDate establishedOn, LocalDate dissolvedOn, List<String> formerNames, LocalDate movesOn,
			String movedFrom) {

		public Entry {
			formerNames = (formerNames != null) ? List.copyOf(formerNames) : List.of();
		}

		/** A union that has not moved. */
		public Entry(String unionId, String name, String jurisdictionCode, String type, String sector,
				LocalDate establishedOn, LocalDate dissolvedOn, List<String> formerNames) {
			this(unionId, name, jurisdictionCode, type, sector, establishedOn, dissolvedOn, formerNames, null, null);
		}

	}

}
