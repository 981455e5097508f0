package org.unionledger.membership;

/** Why a second enrollment of the same person was refused. */
public enum EnrollmentRejectionReason {

	/** The person already has an active membership. */
	ALREADY_ACTIVE,
	/** The person's membership is on hold (保留会籍); it must be resumed, not re-enrolled. */
	ON_HOLD

}
