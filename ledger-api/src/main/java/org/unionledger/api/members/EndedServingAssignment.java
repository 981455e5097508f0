package org.unionledger.api.members;

import java.time.LocalDate;

/**
 * The end of a member's serving assignment: only the holding union serves them again.
 *
 * @param memberId the member
 * @param holdingUnionId the union holding the membership
 * @param effectiveDate from when the member is no longer served elsewhere
 */
public record EndedServingAssignment(String memberId, String holdingUnionId, LocalDate effectiveDate) {
}
