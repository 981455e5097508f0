package org.unionledger.union;

/** Sector of a grassroots union; the first five are the focus sectors. */
public enum Sector {

	CONSTRUCTION, LOGISTICS, DOMESTIC_SERVICES, AGRICULTURAL_COOP, LABOUR_DISPATCH, MANUFACTURING, OTHER

}
