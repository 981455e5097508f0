package org.unionledger.projections.rosters;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.union.UnionId;

/**
 * A union's current members, ordered by member id.
 *
 * @param unionId the union
 * @param members its active and held members
 */
public record RosterView(UnionId unionId, List<Entry> members) {

	/**
	 * One member of the roster.
	 *
	 * @param memberId the member
	 * @param status active or on hold
	 * @param since effective date of that status
	 */
	public record Entry(MemberId memberId, MembershipStatus status, LocalDate since) {
	}

	static RosterView from(UnionId unionId, Document document) {
		Document members = (document != null) ? document.get("members", Document.class) : null;
		if (members == null) {
			return new RosterView(unionId, List.of());
		}
		return new RosterView(unionId,
				members.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder())).map(e -> {
					Document d = (Document) e.getValue();
					return new Entry(new MemberId(e.getKey()), MembershipStatus.valueOf(d.getString("status")),
							LocalDate.parse(d.getString("since")));
				}).toList());
	}

}
