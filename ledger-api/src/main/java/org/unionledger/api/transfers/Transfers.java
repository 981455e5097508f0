package org.unionledger.api.transfers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Transfers of a jurisdiction or a union over a statistical year: members moved between
 * cities and credentials outstanding and expired.
 *
 * @param code the jurisdiction's code (jurisdictions only)
 * @param name the jurisdiction's name (jurisdictions only)
 * @param unionId the union's id (unions only)
 * @param flows members moved from city to city, for a Sankey chart
 * @param credentials the credentials issued here and not used
 * @param children the same counts for each unit directly below (jurisdictions only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Transfers(String code, String name, String unionId, List<CityFlow> flows, CredentialCounts credentials,
		List<UnitCredentials> children) {

	/**
	 * Members moved from one city to another.
	 *
	 * @param fromCity the city they left
	 * @param fromName its name
	 * @param toCity the city they joined
	 * @param toName its name
	 * @param count how many
	 */
	public record CityFlow(String fromCity, String fromName, String toCity, String toName, long count) {
	}

	/**
	 * Credentials issued and not used.
	 *
	 * @param outstanding still valid
	 * @param expired expired unused
	 */
	public record CredentialCounts(long outstanding, long expired) {
	}

	/**
	 * A unit below with its credentials issued and not used.
	 *
	 * @param code its code
	 * @param name its name
	 * @param outstanding still valid
	 * @param expired expired unused
	 */
	public record UnitCredentials(String code, String name, long outstanding, long expired) {
	}

}
