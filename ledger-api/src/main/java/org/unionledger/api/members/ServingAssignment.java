package org.unionledger.api.members;

import java.time.LocalDate;

/**
 * A serving assignment begun: a host employer's union serves the member, whose membership
 * the holding union keeps.
 *
 * @param memberId the member
 * @param holdingUnionId the union holding the membership
 * @param servingUnionId the union now serving the member
 * @param effectiveDate from when
 */
public record ServingAssignment(String memberId, String holdingUnionId, String servingUnionId,
		LocalDate effectiveDate) {
}
