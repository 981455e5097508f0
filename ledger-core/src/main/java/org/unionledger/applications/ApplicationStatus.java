package org.unionledger.applications;

/** Where an online application stands. */
public enum ApplicationStatus {

	PENDING, APPROVED, DECLINED

}
