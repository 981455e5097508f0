package org.unionledger.union;

/** Kinds of grassroots union a worker can enroll through. */
public enum UnionType {

	ENTERPRISE, PROJECT_SITE, LABOUR_DISPATCH, REGIONAL, INDUSTRY

}
