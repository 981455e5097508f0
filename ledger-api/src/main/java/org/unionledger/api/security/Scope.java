package org.unionledger.api.security;

import java.util.Set;

import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.union.UnionId;

/**
 * Where a user may act or read: a jurisdiction's subtree, a set of unions, or everywhere
 * (system administrators).
 *
 * @param jurisdiction the subtree's root, or {@code null}
 * @param unions the unions, or empty
 * @param unlimited no limit (see {@link #everywhere()})
 */
public record Scope(JurisdictionCode jurisdiction, Set<UnionId> unions, boolean unlimited) {

	public Scope {
		unions = (unions != null) ? Set.copyOf(unions) : Set.of();
	}

	public static Scope everywhere() {
		return new Scope(null, Set.of(), true);
	}

	public static Scope of(JurisdictionCode jurisdiction) {
		return new Scope(jurisdiction, Set.of(), false);
	}

	public static Scope of(Set<UnionId> unions) {
		return new Scope(null, unions, false);
	}

	/** Whether the code is this scope's jurisdiction or lies below it. */
	public boolean covers(JurisdictionCode code) {
		return this.unlimited || (this.jurisdiction != null && this.jurisdiction.contains(code));
	}

	/**
	 * Whether the union is one of this scope's unions or lies in its jurisdiction.
	 * @param unionJurisdiction the union's county-level jurisdiction
	 */
	public boolean covers(UnionId union, JurisdictionCode unionJurisdiction) {
		return this.unlimited || this.unions.contains(union)
				|| (unionJurisdiction != null && covers(unionJurisdiction));
	}

	@Override
	public String toString() {
		if (this.unlimited) {
			return "everywhere";
		}
		return (this.jurisdiction != null) ? "jurisdiction " + this.jurisdiction : "unions " + this.unions;
	}

}
