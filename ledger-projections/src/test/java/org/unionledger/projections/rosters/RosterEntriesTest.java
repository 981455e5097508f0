package org.unionledger.projections.rosters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.projections.rosters.PersonTokens.Tokens;
import org.unionledger.projections.rosters.RosterEntries.Location;

/**
 * The rosters' entries are stored exactly as layout 4 stores hold them (field names,
 * order and BSON types; tokens only when known) and read back as what was written.
 */
class RosterEntriesTest {

	@Test
	void aRosterLineCarriesTheTokensOnlyWhenKnown() {
		Document stored = new Document("status", "ACTIVE").append("since", "2026-03-01")
			.append("t", "nt")
			.append("f", "9:ab");
		assertThat(RosterEntries.line(MembershipStatus.ACTIVE, LocalDate.of(2026, 3, 1), new Tokens("nt", "9:ab")))
			.isEqualTo(stored);
		assertThat(RosterEntries.line("m-1", stored)).isEqualTo(new RosterView.Entry(new MemberId("m-1"),
				MembershipStatus.ACTIVE, LocalDate.of(2026, 3, 1), "nt", "9:ab"));
		assertThat(RosterEntries.line(MembershipStatus.ACTIVE, LocalDate.of(2026, 3, 1), Tokens.NONE))
			.isEqualTo(new Document("status", "ACTIVE").append("since", "2026-03-01"));
	}

	@Test
	void retokeningALineKeepsItsStatusAndDay() {
		Document line = RosterEntries.line(MembershipStatus.ACTIVE, LocalDate.of(2026, 3, 1),
				new Tokens("old", "9:ab"));
		RosterEntries.retoken(line, new Tokens(null, "9:ab"));
		assertThat(line).isEqualTo(new Document("status", "ACTIVE").append("since", "2026-03-01").append("f", "9:ab"));
	}

	@Test
	void aLocationNamesItsUnionAndWindowOrOnlyItsPosition() {
		Location at = new Location(5000, "sjz-a", 1, new Tokens("nt", "9:ab"));
		Document stored = new Document("p", 5000L).append("u", "sjz-a")
			.append("w", 1L)
			.append("t", "nt")
			.append("f", "9:ab");
		assertThat(at.toDocument()).isEqualTo(stored);
		assertThat(Location.of(stored)).isEqualTo(at);

		Location nowhere = Location.nowhere(5001);
		assertThat(nowhere.toDocument()).isEqualTo(new Document("p", 5001L));
		assertThat(Location.of(nowhere.toDocument())).isEqualTo(nowhere);
		assertThat(nowhere.tokens()).isEqualTo(Tokens.NONE);
	}

}
