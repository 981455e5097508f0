package org.unionledger.api.members;

import java.time.LocalDate;
import java.util.List;

import org.unionledger.membership.MembershipStatus;

/**
 * A union's member list: member ids, status and since when, no personal data.
 *
 * @param unionId the union
 * @param count how many members
 * @param members its active and held members, ordered by member id
 */
public record Roster(String unionId, int count, List<RosterMember> members) {

	/**
	 * One member on the list.
	 *
	 * @param memberId the member
	 * @param status active or on hold
	 * @param since effective date of that status
	 */
	public record RosterMember(String memberId, MembershipStatus status, LocalDate since) {
	}

}
