package org.unionledger.api.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionLevel;
import org.unionledger.projections.statistics.ScopeKeys;

/**
 * A jurisdiction as answers about it name it.
 *
 * @param scope its statistics key, {@code J:<code>}
 * @param code its 2-, 4- or 6-digit code
 * @param name its name
 * @param level its level
 * @param developmentZone {@code true} for a development zone, absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JurisdictionSubject(String scope, String code, String name, JurisdictionLevel level,
		Boolean developmentZone) {

	public static JurisdictionSubject of(Jurisdiction jurisdiction) {
		return new JurisdictionSubject(ScopeKeys.jurisdiction(jurisdiction.code()), jurisdiction.code().value(),
				jurisdiction.name(), jurisdiction.level(), jurisdiction.isDevelopmentZone() ? Boolean.TRUE : null);
	}

}
