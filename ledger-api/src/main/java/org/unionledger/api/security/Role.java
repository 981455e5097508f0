package org.unionledger.api.security;

/**
 * What a user may do; the scope says where.
 * <ul>
 * <li>{@link #OFFICER}: acts for one or more unions (enrolls, issues and accepts transfer
 * credentials, records services, imports, works online applications) and reads those
 * unions and their current members.</li>
 * <li>{@link #JURISDICTION_ADMIN}: registers unions within a jurisdiction's subtree and
 * reads its unions and figures (no member records).</li>
 * <li>{@link #SUPERVISOR}: reads everything in a subtree, member records included, and
 * may read a member's unmasked personal data (each read is recorded).</li>
 * <li>{@link #AUDITOR}: read-only within a subtree: figures, unions, member histories
 * (masked).</li>
 * <li>{@link #SYSTEM_ADMIN}: everything, everywhere.</li>
 * </ul>
 */
public enum Role {

	OFFICER, JURISDICTION_ADMIN, SUPERVISOR, AUDITOR, SYSTEM_ADMIN;

	/** Whether the role's scope is a jurisdiction (rather than a set of unions). */
	public boolean scopedByJurisdiction() {
		return this == JURISDICTION_ADMIN || this == SUPERVISOR || this == AUDITOR;
	}

}
