package org.unionledger.api.members;

import java.time.LocalDate;

import org.unionledger.membership.MembershipStatus;

/**
 * A recorded change of a membership: hold, resumption, termination or re-enrollment.
 *
 * @param memberId the member
 * @param unionId the union holding the membership after it
 * @param status the status after it
 * @param effectiveDate when it took effect
 */
public record MembershipChange(String memberId, String unionId, MembershipStatus status, LocalDate effectiveDate) {
}
