package org.unionledger.api.members;

import java.time.LocalDate;
import java.util.List;

import org.unionledger.membership.MembershipStatus;

/**
 * One page of a union's current members (active and on hold), newest status first.
 *
 * @param unionId the union
 * @param unionName its name
 * @param total members matching the filters, on every page
 * @param page this page, from 0
 * @param size the page size asked for
 * @param members the page's members
 */
public record MemberList(String unionId, String unionName, int total, int page, int size, List<Row> members) {

	/**
	 * A member on the list.
	 *
	 * @param memberId the member
	 * @param status active or on hold
	 * @param since effective date of that status
	 * @param residentId the resident ID masked, or {@code [erased]}
	 * @param name the name (masked unless the reader is an officer of the union), or
	 * {@code [erased]}
	 */
	public record Row(String memberId, MembershipStatus status, LocalDate since, String residentId, String name) {
	}

}
