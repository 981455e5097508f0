package org.unionledger.projections.rosters;

import java.time.LocalDate;

import org.bson.Document;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.projections.rosters.PersonTokens.Tokens;
import org.unionledger.projections.support.Documents;

/**
 * The entries of the rosters, each written and read here only: a member's line in a
 * union's roster chunk, and where a member's line was put by an event. A change of a
 * stored form is a change of {@link RosterProjection#LAYOUT}; {@code RosterEntriesTest}
 * pins each form as stores hold it.
 */
final class RosterEntries {

	private RosterEntries() {
	}

	/**
	 * A member's line in a union's roster chunk (the chunk's {@code members}, keyed by
	 * member id): {@code status}, {@code since}, and the person's tokens when known
	 * ({@code t} the name's, {@code f} the person's).
	 */
	static Document line(MembershipStatus status, LocalDate since, Tokens tokens) {
		return withTokens(new Document("status", status.name()).append("since", since.toString()), tokens);
	}

	static RosterView.Entry line(String memberId, Document line) {
		return new RosterView.Entry(new MemberId(memberId), MembershipStatus.valueOf(line.getString("status")),
				LocalDate.parse(line.getString("since")), line.getString("t"), line.getString("f"));
	}

	/** A line's tokens replaced (the line's other fields kept). */
	static void retoken(Document line, Tokens tokens) {
		line.remove("t");
		line.remove("f");
		withTokens(line, tokens);
	}

	/**
	 * Where an event put a member's line, in the member's document
	 * ({@value RosterProjection#MEMBERS}, list {@value #LIST}): {@code p} the event's
	 * global position and, unless the line was taken off every roster, {@code u} the
	 * union, {@code w} the chunk's window and the tokens the line carries ({@code t},
	 * {@code f}).
	 *
	 * @param position the event's global position
	 * @param union the union whose roster holds the line, {@code null} for none
	 * @param window the window of the chunk holding it (0 when none)
	 * @param tokens the tokens the line carries ({@link Tokens#NONE} when none)
	 */
	record Location(long position, String union, long window, Tokens tokens) {

		static final String LIST = "h";

		/** Taken off every roster by the event at {@code position}. */
		static Location nowhere(long position) {
			return new Location(position, null, 0, Tokens.NONE);
		}

		Document toDocument() {
			Document entry = new Document("p", this.position);
			if (this.union != null) {
				withTokens(entry.append("u", this.union).append("w", this.window), this.tokens);
			}
			return entry;
		}

		static Location of(Document entry) {
			String union = entry.getString("u");
			return (union != null)
					? new Location(Documents.number(entry, "p"), union, Documents.number(entry, "w"),
							new Tokens(entry.getString("t"), entry.getString("f")))
					: nowhere(Documents.number(entry, "p"));
		}

	}

	private static Document withTokens(Document document, Tokens tokens) {
		if (tokens.name() != null) {
			document.append("t", tokens.name());
		}
		if (tokens.person() != null) {
			document.append("f", tokens.person());
		}
		return document;
	}

}
