/**
 * One {@code Membership} aggregate per person: enroll at source, transfer with
 * credentials, hold, resume, terminate. Refusals are recorded as events. Every event is a
 * {@code MembershipEvent}, folded in one place, {@code MembershipState}.
 */
package org.unionledger.membership;
