package org.unionledger.membership;

/** Where a membership stands. */
public enum MembershipStatus {

	ACTIVE, ON_HOLD, TERMINATED

}
