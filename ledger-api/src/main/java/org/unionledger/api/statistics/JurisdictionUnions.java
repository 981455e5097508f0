package org.unionledger.api.statistics;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.unionledger.jurisdiction.JurisdictionLevel;
import org.unionledger.projections.unionlists.UnionListView;

/**
 * The grassroots unions registered in a jurisdiction's subtree.
 *
 * @param scope the jurisdiction's statistics key
 * @param code its code
 * @param name its name
 * @param level its level
 * @param developmentZone {@code true} for a development zone, absent otherwise
 * @param unions the unions, ordered by jurisdiction code and union id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JurisdictionUnions(String scope, String code, String name, JurisdictionLevel level,
		Boolean developmentZone, List<ListedUnion> unions) {

	static JurisdictionUnions of(JurisdictionSubject subject, UnionListView view) {
		return new JurisdictionUnions(subject.scope(), subject.code(), subject.name(), subject.level(),
				subject.developmentZone(), view.unions().stream().map(ListedUnion::of).toList());
	}

	/**
	 * A union in the list.
	 *
	 * @param unionId its id
	 * @param name its name
	 * @param jurisdictionCode its county-level jurisdiction
	 * @param type its type
	 * @param sector its sector
	 * @param establishedOn when it was set up
	 * @param dissolvedOn when it was dissolved, absent while it is open
	 * @param movesOn for a union that moved here from another jurisdiction, the first day
	 * it counts here (it may lie ahead); absent otherwise
	 * @param movedFrom the jurisdiction it moved from; absent otherwise
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ListedUnion(String unionId, String name, String jurisdictionCode, String type, String sector,
			LocalDate establishedOn, LocalDate dissolvedOn, LocalDate movesOn, String movedFrom) {

		static ListedUnion of(UnionListView.Entry entry) {
			return new ListedUnion(entry.unionId(), entry.name(), entry.jurisdictionCode(), entry.type(),
					entry.sector(), entry.establishedOn(), entry.dissolvedOn(), entry.movesOn(), entry.movedFrom());
		}

	}

}
