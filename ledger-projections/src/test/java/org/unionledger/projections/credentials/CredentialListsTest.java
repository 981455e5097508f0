package org.unionledger.projections.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.projections.credentials.CredentialLists.Listed;
import org.unionledger.union.UnionId;

/**
 * A union's list entry of a credential is stored exactly as stores already hold it (field
 * names, order and BSON types; optional fields only when present), is closed in place,
 * and reads back as what was written.
 */
class CredentialListsTest {

	@Test
	void aCredentialForAUnionHereNamesItsReceivingUnionAndNoLedger() {
		Listed issued = Listed.issued("m-1", new UnionId("sjz-a"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
				new UnionId("bd-b"), null, 120);
		Document stored = new Document("m", "m-1").append("f", "sjz-a")
			.append("i", "2026-03-01")
			.append("x", "2026-03-31")
			.append("s", "OUTSTANDING")
			.append("p", 120L)
			.append("t", "bd-b");
		assertThat(issued.toDocument()).isEqualTo(stored);
		assertThat(Listed.of(stored)).isEqualTo(issued);
	}

	@Test
	void aCredentialForAnotherLedgerNamesTheLedgerAndAUsedOneItsDay() {
		Listed issued = Listed.issued("m-2", new UnionId("sjz-a"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
				null, new LedgerId("41"), 121);
		Document stored = issued.toDocument();
		assertThat(stored).isEqualTo(new Document("m", "m-2").append("f", "sjz-a")
			.append("i", "2026-03-01")
			.append("x", "2026-03-31")
			.append("s", "OUTSTANDING")
			.append("p", 121L)
			.append("l", "41"));

		Listed.close(stored, CredentialView.Status.USED, LocalDate.of(2026, 3, 9));
		assertThat(stored.keySet()).containsExactly("m", "f", "i", "x", "s", "p", "l", "a");
		assertThat(stored.getString("s")).isEqualTo("USED");
		assertThat(stored.getString("a")).isEqualTo("2026-03-09");
		assertThat(Listed.of(stored))
			.isEqualTo(new Listed("m-2", new UnionId("sjz-a"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
					CredentialView.Status.USED, 121, null, new LedgerId("41"), LocalDate.of(2026, 3, 9)));

		Listed.close(stored, CredentialView.Status.VOID, null);
		assertThat(Listed.of(stored).status()).isEqualTo(CredentialView.Status.VOID);
		assertThat(Listed.of(stored).acceptedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
	}

}
