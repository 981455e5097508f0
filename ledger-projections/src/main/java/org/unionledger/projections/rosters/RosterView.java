package org.unionledger.projections.rosters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
	 * @param nameToken the token the member's current name is searched by (see
	 * {@link PersonTokens}), or {@code null}; for the application's search, never shown
	 * @param person the member's federation fingerprint with its key's check value
	 * ({@code <check>:<fingerprint>}), or {@code null}; for comparisons with other
	 * ledgers, never shown
	 */
	public record Entry(MemberId memberId, MembershipStatus status, LocalDate since, String nameToken, String person) {
	}

	static RosterView from(UnionId unionId, List<Document> buckets) {
		List<Entry> entries = new ArrayList<>();
		for (Document bucket : buckets) {
			Document members = bucket.get("members", Document.class);
			if (members != null) {
				members.forEach((memberId, value) -> entries.add(RosterEntries.line(memberId, (Document) value)));
			}
		}
		entries.sort(Comparator.comparing((Entry entry) -> entry.memberId().value()));
		return new RosterView(unionId, List.copyOf(entries));
	}

}
