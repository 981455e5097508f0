package org.unionledger.projections.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.unionledger.projections.supervision.SupervisionEntries.BurstDay;
import org.unionledger.projections.supervision.SupervisionEntries.IssuedCredential;

/**
 * Supervision's short-named entries are stored exactly as stores already hold them and
 * read back as what was written; a day's burst count keeps the latest position and
 * recorded day whatever order its enrollments come in.
 */
class SupervisionEntriesTest {

	@Test
	void aBurstDayCountsItsEnrollmentsWithTheLatestPositionAndRecordedDay() {
		BurstDay day = BurstDay.first(40, "2026-03-02");
		assertThat(day.toDocument()).isEqualTo(new Document("n", 1L).append("p", 40L).append("r", "2026-03-02"));
		BurstDay later = day.plus(55, "2026-03-05").plus(47, "2026-03-03");
		assertThat(later).isEqualTo(new BurstDay(3, 55, "2026-03-05"));
		assertThat(BurstDay.of(later.toDocument())).isEqualTo(later);
	}

	@Test
	void anIssuedCredentialIsItsPositionAndCode() {
		IssuedCredential issued = new IssuedCredential(12, "TC-ABCD");
		Document stored = new Document("p", 12L).append("code", "TC-ABCD");
		assertThat(issued.toDocument()).isEqualTo(stored);
		assertThat(IssuedCredential.of(stored)).isEqualTo(issued);
	}

}
