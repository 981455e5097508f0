package org.unionledger.projections.applications;

import org.unionledger.union.UnionId;

/**
 * The online applications a union has yet to decide.
 *
 * @param unionId the union
 */
public record FindPendingApplications(UnionId unionId) {

}
