package org.unionledger.api.statistics;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.unionledger.api.statistics.StatisticsResponse.FlowCounts;
import org.unionledger.api.statistics.StatisticsResponse.MemberCounts;
import org.unionledger.api.statistics.StatisticsResponse.TargetCompletion;
import org.unionledger.jurisdiction.JurisdictionLevel;

/**
 * The headline figures of every unit directly below a jurisdiction, in one answer: the
 * cities of a province, the counties and zones of a city, the grassroots unions of a
 * county or zone. Each unit's figures are those its own statistics answer gives
 * ({@code members}, {@code flows}, {@code completion} in the same shape).
 *
 * @param scope the jurisdiction's statistics key
 * @param code its code
 * @param name its name
 * @param level its level
 * @param statisticalYear the statistical year
 * @param from the year's first day
 * @param asOf the effective date the stocks are counted at
 * @param knownAt the recorded day the figures are limited to, absent without it
 * @param tableVersion the version of the division table
 * @param path the jurisdictions from the province down to this one
 * @param unitKind {@code JURISDICTION} (cities, counties, zones) or {@code UNION}
 * (grassroots unions of a county or zone)
 * @param children the units, in the order of the division table (unions: by id)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildFigures(@Schema(example = "J:1301") String scope, String code, String name, JurisdictionLevel level,
		int statisticalYear, LocalDate from, LocalDate asOf, LocalDate knownAt, String tableVersion,
		List<JurisdictionChildren.PathStep> path, UnitKind unitKind, List<Child> children) {

	/** What the units below are. */
	public enum UnitKind {

		/** Cities, counties, districts or development zones. */
		JURISDICTION,
		/** Grassroots unions. */
		UNION

	}

	/**
	 * One unit and its figures.
	 *
	 * @param scope its statistics key ({@code J:<code>} or {@code U:<unionId>})
	 * @param code a jurisdiction's code (jurisdictions only)
	 * @param unionId a union's id (unions only)
	 * @param name its name
	 * @param level a jurisdiction's level (jurisdictions only)
	 * @param developmentZone {@code true} for a development zone, absent otherwise
	 * @param type a union's type (unions only)
	 * @param sector a union's sector (unions only)
	 * @param establishedOn when a union was set up (unions only)
	 * @param members members counted there
	 * @param flows movements in the year up to {@code asOf}
	 * @param completion target completion per target source (jurisdictions only)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Child(String scope, String code, String unionId, String name, JurisdictionLevel level,
			Boolean developmentZone, String type, String sector, LocalDate establishedOn, MemberCounts members,
			FlowCounts flows, List<TargetCompletion> completion) {
	}

}
