package org.unionledger.api.supervision;

/**
 * A correction recorded for a confirmed finding.
 *
 * @param findingId the finding corrected
 * @param memberId the member corrected: their first enrollment now counts as a transfer
 * in, or (counted in another ledger too) their membership here ended
 * @param correction the compensating event recorded:
 * {@code EnrollmentReclassifiedAsTransferIn} or {@code MembershipTerminated}
 */
public record Correction(String findingId, String memberId, String correction) {
}
