package org.unionledger.membership;

/** Why a membership ended. */
public enum TerminationReason {

	VOLUNTARY_WITHDRAWAL, LEFT_WORKFORCE, DECEASED, EXPELLED, DUPLICATE_RECORD, OTHER

}
