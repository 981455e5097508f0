package org.unionledger.online;

/** Where an online application stands. */
public enum ApplicationStatus {

	PENDING, APPROVED, DECLINED

}
