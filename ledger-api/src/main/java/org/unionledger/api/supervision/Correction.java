package org.unionledger.api.supervision;

/**
 * A correction recorded for a confirmed finding.
 *
 * @param findingId the finding corrected
 * @param memberId the member whose first enrollment now counts as a transfer in
 * @param correction the compensating event recorded
 */
public record Correction(String findingId, String memberId, String correction) {
}
