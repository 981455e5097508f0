package org.unionledger.federation;

import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.unionledger.membership.CredentialCode;
import org.unionledger.union.UnionId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InterLedgerDocumentsTest {

	static final PersonFingerprint PERSON = new PersonFingerprint("a".repeat(52));

	static final LedgerId HENAN = new LedgerId("41");

	static final LedgerId HEBEI = new LedgerId("13");

	static InterLedgerCredential credential(UnionId destinationUnion) {
		return new InterLedgerCredential(new CredentialCode("c-1"), HENAN, new UnionId("zz-site-01"), "郑州某项目部工会", HEBEI,
				destinationUnion, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "张*", PERSON, "m-origin");
	}

	static AcceptanceReceipt receipt(UnionId receivingUnion, PersonFingerprint person) {
		return new AcceptanceReceipt("r-1", new CredentialCode("c-1"), HENAN, HEBEI, receivingUnion, "石家庄某工地工会",
				LocalDate.of(2026, 12, 3), person, "m-origin");
	}

	@Test
	void aCredentialIsValidFromItsIssueDayUntilTheDayBeforeItExpires() {
		InterLedgerCredential credential = credential(null);
		assertThat(credential.isValidOn(LocalDate.of(2026, 11, 30))).isFalse();
		assertThat(credential.isValidOn(LocalDate.of(2026, 12, 1))).isTrue();
		assertThat(credential.isValidOn(LocalDate.of(2026, 12, 30))).isTrue();
		assertThat(credential.isValidOn(LocalDate.of(2026, 12, 31))).isFalse();
	}

	@Test
	void aCredentialLeadsToAnotherLedgerAndExpiresAfterItsIssueDay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InterLedgerCredential(new CredentialCode("c"), HENAN, new UnionId("u"), "工会", HENAN,
					null, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "张*", PERSON, "m-origin"))
			.withMessageContaining("another ledger");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InterLedgerCredential(new CredentialCode("c"), HENAN, new UnionId("u"), "工会", HEBEI,
					null, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), "张*", PERSON, "m-origin"))
			.withMessageContaining("expires");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InterLedgerCredential(new CredentialCode("c"), HENAN, new UnionId("u"), " ", HEBEI,
					null, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), "张*", PERSON, "m-origin"))
			.withMessageContaining("originUnionName");
	}

	@Test
	void aReceiptAnswersTheCredentialOfItsPersonLedgersAndUnion() {
		UnionId named = new UnionId("sjz-site-02");
		assertThat(receipt(named, PERSON).answers(credential(null))).isTrue();
		assertThat(receipt(named, PERSON).answers(credential(named))).isTrue();
		assertThat(receipt(new UnionId("other"), PERSON).answers(credential(named))).as("another union").isFalse();
		assertThat(receipt(named, new PersonFingerprint("b".repeat(52))).answers(credential(null))).as("another person")
			.isFalse();
	}

}
