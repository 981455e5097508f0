package org.unionledger.membership;

/** How an enrollment reached the grassroots union. */
public enum EnrollmentChannel {

	ON_SITE, ONLINE, IMPORT

}
