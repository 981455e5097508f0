package org.unionledger.projections.rosters;

import org.unionledger.union.UnionId;

/**
 * The current members of a union.
 *
 * @param unionId the union
 */
public record FindRoster(UnionId unionId) {

}
