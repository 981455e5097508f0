package org.unionledger.identity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.unionledger.jurisdiction.LedgerId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FederationFingerprintsTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	private static final byte[] KEY = "the federation's shared key, 32+ bytes".getBytes(StandardCharsets.UTF_8);

	private final FederationFingerprints fingerprints = new FederationFingerprints(KEY);

	@Test
	void everySpellingOfOneIdGivesOneFingerprint() {
		PersonFingerprint upper = this.fingerprints.fingerprintOf(ResidentId.parse("13010219900107123X", TODAY));
		PersonFingerprint lower = this.fingerprints.fingerprintOf(ResidentId.parse("13010219900107123x", TODAY));
		PersonFingerprint legacy = this.fingerprints.fingerprintOf(ResidentId.parse("110105491231002", TODAY));
		PersonFingerprint modern = this.fingerprints.fingerprintOf(ResidentId.parse("11010519491231002X", TODAY));
		assertThat(upper).isEqualTo(lower);
		assertThat(legacy).isEqualTo(modern);
		assertThat(upper).isNotEqualTo(modern);
		assertThat(upper.value()).hasSize(52).doesNotContain("13010219900107123");
	}

	@Test
	void aFingerprintDependsOnTheFederationKeyAndDiffersFromTheMemberId() {
		ResidentId id = ResidentId.parse("13010219900107123X", TODAY);
		byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
		otherKey[0] ^= 1;
		assertThat(new FederationFingerprints(otherKey).fingerprintOf(id))
			.isNotEqualTo(this.fingerprints.fingerprintOf(id));
		String memberId = new MemberIdentities(KEY).memberIdOf(id).value();
		assertThat(this.fingerprints.fingerprintOf(id).value()).doesNotContain(memberId.substring(2));
	}

	@Test
	void theIdAWorkerShowsMatchesTheFingerprintOnlyIfItIsTheSamePerson() {
		PersonFingerprint named = this.fingerprints.fingerprintOf(ResidentId.parse("13010219900107123X", TODAY));
		assertThat(this.fingerprints.matches(ResidentId.parse("13010219900107123x", TODAY), named)).isTrue();
		assertThat(this.fingerprints.matches(ResidentId.parse("11010519491231002X", TODAY), named)).isFalse();
	}

	@Test
	void aShortKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FederationFingerprints(new byte[31]))
			.withMessageContaining("32 bytes");
	}

	@Test
	void aFingerprintHasOneForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonFingerprint("13010219900107123X"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonFingerprint("A".repeat(52)));
		assertThatIllegalArgumentException().isThrownBy(() -> new LedgerId("1"));
		assertThatIllegalArgumentException().isThrownBy(() -> new LedgerId("13a"));
		assertThat(new LedgerId("41").value()).isEqualTo("41");
		assertThat(new LedgerId("1301").value()).isEqualTo("1301");
	}

	@Test
	void theKeyCheckTellsKeysApartWithoutShowingThem() {
		byte[] one = new byte[32];
		byte[] two = new byte[32];
		two[0] = 1;
		String check = new FederationFingerprints(one).keyCheck();
		assertThat(check).matches("[a-z2-7]{8}").isEqualTo(new FederationFingerprints(one.clone()).keyCheck());
		assertThat(new FederationFingerprints(two).keyCheck()).isNotEqualTo(check);
	}

}
