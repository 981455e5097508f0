package org.unionledger.api.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.unionledger.jurisdiction.JurisdictionLevel;

/**
 * A jurisdiction's enrollment targets for a statistical year and how far each is reached.
 *
 * @param scope the jurisdiction's statistics key
 * @param code its code
 * @param name its name
 * @param level its level
 * @param developmentZone {@code true} for a development zone, absent otherwise
 * @param statisticalYear the year
 * @param asOf the effective date new enrollments are counted to
 * @param targets the targets by who set them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetsResponse(String scope, String code, String name, JurisdictionLevel level, Boolean developmentZone,
		int statisticalYear, LocalDate asOf, SourceTargets targets) {

	/**
	 * The targets by source; a source without an entry is absent.
	 *
	 * @param assigned assigned by the level above (省总要求)
	 * @param selfSet set by the jurisdiction itself (我市目标)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SourceTargets(@JsonProperty("ASSIGNED") TargetFigures assigned,
			@JsonProperty("SELF_SET") TargetFigures selfSet) {
	}

	/**
	 * One target.
	 *
	 * @param target new enrollments to reach, absent without a target
	 * @param effectiveDate from when it applies
	 * @param newEnrollments new enrollments so far
	 * @param rate {@code newEnrollments / target}
	 */
	public record TargetFigures(Long target, LocalDate effectiveDate, long newEnrollments, BigDecimal rate) {
	}

}
