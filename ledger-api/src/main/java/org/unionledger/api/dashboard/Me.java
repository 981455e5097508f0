package org.unionledger.api.dashboard;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.unionledger.api.security.Role;

/**
 * Who is signed in, and the ledger's today, statistical year and time zone.
 *
 * @param name the user's name
 * @param role the user's role
 * @param scope where the user may look
 * @param today the ledger's today
 * @param statisticalYear the statistical year today lies in
 * @param statisticalYearFrom its first day
 * @param statisticalYearTo its last day
 * @param zone the ledger's time zone
 */
public record Me(String name, Role role, UserScope scope, LocalDate today, int statisticalYear,
		LocalDate statisticalYearFrom, LocalDate statisticalYearTo, String zone) {

	/**
	 * Where a user may look.
	 *
	 * @param everywhere whether the scope is unlimited
	 * @param jurisdiction the jurisdiction the scope is rooted at, absent for none
	 * @param unions the unions the user acts for, ordered by id
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record UserScope(boolean everywhere, ScopeJurisdiction jurisdiction, List<ScopeUnion> unions) {
	}

	/**
	 * The jurisdiction a scope is rooted at.
	 *
	 * @param code its code
	 * @param name its name, absent when the division table does not know it
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ScopeJurisdiction(String code, String name) {
	}

	/**
	 * A union a user acts for.
	 *
	 * @param unionId its id
	 * @param name its name, absent while it is not registered
	 * @param jurisdictionCode its county-level jurisdiction
	 * @param cityCode the city above it
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ScopeUnion(String unionId, String name, String jurisdictionCode, String cityCode) {
	}

}
