package org.unionledger.membership;

/** Why a serving assignment ended. */
public enum ServingEndReason {

	/** The serving union, or the holding one, ended it. */
	ENDED,
	/** The membership was transferred to another holding union. */
	MEMBERSHIP_TRANSFERRED,
	/** The membership ended. */
	MEMBERSHIP_TERMINATED

}
