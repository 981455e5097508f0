package org.unionledger.projections.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The two kinds of move a summary document lists are stored exactly as stores already
 * hold them, told apart by the union field, and read back as what was written.
 */
class SummaryMovesTest {

	@Test
	void aUnionsOwnMoveIsItsPositionDayAndTheDocumentOfItsStocksSince() {
		SummaryDocument.Move move = new SummaryDocument.Move(301, LocalDate.of(2026, 1, 1), "MV:sjz-a:301");
		Document stored = new Document("p", 301L).append("e", "2026-01-01").append("d", "MV:sjz-a:301");
		assertThat(move.toDocument()).isEqualTo(stored);
		assertThat(SummaryDocument.Move.of(stored)).isEqualTo(move);
		assertThat(SummaryDocument.Crossing.is(stored)).isFalse();
	}

	@Test
	void aCrossingNamesTheUnionAndItsSignAsAnInteger() {
		SummaryDocument.Crossing crossing = new SummaryDocument.Crossing("U:sjz-a", LocalDate.of(2026, 1, 1),
				"MV:sjz-a:301", -1);
		Document stored = new Document("u", "U:sjz-a").append("e", "2026-01-01")
			.append("d", "MV:sjz-a:301")
			.append("s", -1);
		assertThat(crossing.toDocument()).isEqualTo(stored);
		assertThat(SummaryDocument.Crossing.is(stored)).isTrue();
		assertThat(SummaryDocument.Crossing.of(stored)).isEqualTo(crossing);
	}

}
