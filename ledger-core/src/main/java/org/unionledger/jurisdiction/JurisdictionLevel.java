package org.unionledger.jurisdiction;

/** The three levels of jurisdiction above a grassroots union. */
public enum JurisdictionLevel {

	PROVINCE, CITY, COUNTY

}
