package org.unionledger.projections.supervision;

/** The compensating event that corrects a confirmed finding of a kind. */
public enum FindingCorrection {

	/**
	 * The member's first enrollment counts as a transfer in from its effective date on
	 * ({@code EnrollmentReclassifiedAsTransferIn}): a transfer reported as a new member.
	 */
	FIRST_ENROLLMENT_AS_TRANSFER_IN,

	/**
	 * The membership here ends today as a duplicate record ({@code MembershipTerminated}
	 * naming the finding): the person counts in another ledger.
	 */
	END_MEMBERSHIP_HERE

}
