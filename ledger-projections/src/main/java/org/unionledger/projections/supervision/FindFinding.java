package org.unionledger.projections.supervision;

/**
 * One finding by its id.
 *
 * @param findingId the finding's stable id
 */
public record FindFinding(String findingId) {

}
