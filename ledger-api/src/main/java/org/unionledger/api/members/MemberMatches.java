package org.unionledger.api.members;

import java.util.List;

/**
 * The members a lookup found (by resident ID at most one; by name those of the officer's
 * unions who bear it). Nobody found is a 404, never an empty list.
 *
 * @param count how many
 * @param members who
 */
public record MemberMatches(int count, List<MemberCard> members) {
}
