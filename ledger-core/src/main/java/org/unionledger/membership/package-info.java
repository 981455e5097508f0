/**
 * One {@code Membership} aggregate per person: enroll at source, transfer with
 * credentials, hold, resume, terminate. Refusals are recorded as events.
 */
package org.unionledger.membership;
