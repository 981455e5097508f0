package org.unionledger.api.statistics;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.unionledger.jurisdiction.JurisdictionLevel;

/**
 * A jurisdiction with the path down to it and the units directly below it, one step of a
 * drill-down.
 *
 * @param scope its statistics key
 * @param code its code
 * @param name its name
 * @param level its level
 * @param developmentZone {@code true} for a development zone, absent otherwise
 * @param tableVersion the version of the division table
 * @param path the jurisdictions from the province down to this one
 * @param children the units directly below it
 * @param withdrawnChildren the units below it that an earlier edition of the division
 * table had and this one withdrew: not taking new unions, their figures still readable by
 * their codes; absent when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JurisdictionChildren(String scope, String code, String name, JurisdictionLevel level,
		Boolean developmentZone, String tableVersion, List<PathStep> path, List<JurisdictionSubject> children,
		List<JurisdictionSubject> withdrawnChildren) {

	/**
	 * One jurisdiction on the path.
	 *
	 * @param code its code
	 * @param name its name
	 */
	public record PathStep(String code, String name) {
	}

}
