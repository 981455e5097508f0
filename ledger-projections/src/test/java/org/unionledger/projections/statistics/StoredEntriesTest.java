package org.unionledger.projections.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.statistics.StoredEntries.Holding;
import org.unionledger.projections.statistics.StoredEntries.ScopeMove;
import org.unionledger.projections.statistics.StoredEntries.Served;
import org.unionledger.projections.statistics.StoredEntries.TargetChange;
import org.unionledger.projections.statistics.StoredEntries.UnionMove;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

/**
 * Each list entry of the statistics is stored exactly as stores written by layout 5 hold
 * it (field names, order and BSON types: a {@code long} position is not an {@code int}),
 * and reads back as the same record: a change here without a new layout would misread
 * every store already written.
 */
class StoredEntriesTest {

	private static final UnionPlacement UNION = new UnionPlacement(new UnionId("sjz-a"), JurisdictionCode.of("130102"),
			UnionType.PROJECT_SITE, Sector.CONSTRUCTION);

	@Test
	void aHoldingIsStoredWithItsUnionOrWithoutOne() {
		Holding held = new Holding(42, LocalDate.of(2026, 3, 1), UNION);
		Document stored = new Document("p", 42L).append("e", "2026-03-01")
			.append("u", "sjz-a")
			.append("j", "130102")
			.append("t", "PROJECT_SITE")
			.append("s", "CONSTRUCTION");
		assertThat(held.toDocument()).isEqualTo(stored);
		assertThat(keys(held.toDocument())).isEqualTo("[p, e, u, j, t, s]");
		assertThat(Holding.of(stored)).isEqualTo(held);
		assertThat(Holding.effectiveOf(stored)).isEqualTo(LocalDate.of(2026, 3, 1));

		Holding none = new Holding(43, LocalDate.of(2026, 4, 1), null);
		assertThat(none.toDocument()).isEqualTo(new Document("p", 43L).append("e", "2026-04-01"));
		assertThat(Holding.of(none.toDocument())).isEqualTo(none);
	}

	@Test
	void aUnionMoveIsStoredWithTheCountiesLeftAndEntered() {
		UnionMove move = new UnionMove(7, LocalDate.of(2025, 12, 31), JurisdictionCode.of("130102"),
				JurisdictionCode.of("130104"));
		Document stored = new Document("p", 7L).append("e", "2025-12-31").append("f", "130102").append("j", "130104");
		assertThat(move.toDocument()).isEqualTo(stored);
		assertThat(keys(move.toDocument())).isEqualTo("[p, e, f, j]");
		assertThat(UnionMove.of(stored)).isEqualTo(move);
	}

	@Test
	void aScopeMoveIsStoredWithItsSignAsAnInteger() {
		ScopeMove out = new ScopeMove("U:sjz-a", LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 5), -1);
		Document stored = new Document("u", "U:sjz-a").append("e", "2025-12-31")
			.append("r", "2026-01-05")
			.append("s", -1);
		assertThat(out.toDocument()).isEqualTo(stored);
		assertThat(keys(out.toDocument())).isEqualTo("[u, e, r, s]");
		assertThat(ScopeMove.of(stored)).isEqualTo(out);
		// a store's numbers may come back as another integral type
		assertThat(ScopeMove.of(new Document(stored).append("s", 1L)).sign()).isEqualTo(1);
	}

	@Test
	void aTargetChangeIsStoredWithItsSourceByName() {
		TargetChange change = new TargetChange(99, TargetSource.values()[0], 1200, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 1, 3));
		Document stored = new Document("p", 99L).append("s", TargetSource.values()[0].name())
			.append("v", 1200L)
			.append("e", "2026-01-01")
			.append("r", "2026-01-03");
		assertThat(change.toDocument()).isEqualTo(stored);
		assertThat(keys(change.toDocument())).isEqualTo("[p, s, v, e, r]");
		assertThat(TargetChange.of(stored)).isEqualTo(change);
	}

	@Test
	void aServiceIsStoredWithoutItsMemberWhomTheDocumentNames() {
		Served served = new Served(12, LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 1), List.of("U:sjz-a", "J:13"),
				List.of(), new MemberId("m-1"));
		Document stored = new Document("p", 12L).append("r", "2026-05-03")
			.append("e", "2026-05-01")
			.append("d", List.of("U:sjz-a", "J:13"))
			.append("h", List.of());
		assertThat(served.toDocument()).isEqualTo(stored);
		assertThat(keys(served.toDocument())).isEqualTo("[p, r, e, d, h]");
		assertThat(Served.of(stored)).isEqualTo(new Served(12, LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 1),
				List.of("U:sjz-a", "J:13"), List.of(), null));
	}

	private static String keys(Document document) {
		return document.keySet().toString();
	}

}
