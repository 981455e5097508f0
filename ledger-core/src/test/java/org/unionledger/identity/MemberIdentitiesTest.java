package org.unionledger.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.unionledger.membership.MemberId;

class MemberIdentitiesTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	private static final byte[] KEY = new byte[32];

	static {
		for (int i = 0; i < KEY.length; i++) {
			KEY[i] = (byte) i;
		}
	}

	private final MemberIdentities identities = new MemberIdentities(KEY);

	@Test
	void memberIdIsTheBase32OfTheTruncatedHmacOfTheNormalisedId() {
		// expected values computed independently with Python's hmac and base64 modules
		assertThat(this.identities.memberIdOf(ResidentId.parse("13010219900107123X", TODAY)))
			.isEqualTo(new MemberId("m-oz4njx4bwlschfqh6vct6fq3c4"));
		assertThat(this.identities.memberIdOf(ResidentId.parse("130102197003071234", TODAY)))
			.isEqualTo(new MemberId("m-kiz74pg3qyzzpuuhc7iq5qpgx4"));
	}

	@Test
	void aNamesTokenIsTheKeyedHashOfItsSearchFormApartFromMemberIds() {
		// expected values computed independently with Python's hmac and base64 modules
		assertThat(this.identities.nameToken("张伟")).isEqualTo("n-txukbeindbhifs327bfmm3nnni");
		assertThat(this.identities.nameToken(" 张 伟\t")).isEqualTo("n-txukbeindbhifs327bfmm3nnni");
		assertThat(this.identities.nameToken("AB")).isEqualTo(this.identities.nameToken("ab"))
			.isEqualTo("n-j2d5vyhmenytjmqkf3liw4qpci");
		assertThat(this.identities.nameToken("张伟")).isNotEqualTo(this.identities.nameToken("张纬"));
		assertThat(new MemberIdentities(new byte[32]).nameToken("张伟")).as("another key")
			.isNotEqualTo(this.identities.nameToken("张伟"));
	}

	@Test
	void everySpellingOfOneIdGivesTheSameMemberId() {
		MemberId upper = this.identities.memberIdOf(ResidentId.parse("13010219900107123X", TODAY));
		MemberId lower = this.identities.memberIdOf(ResidentId.parse(" 13010219900107123x ", TODAY));
		MemberId legacy = this.identities.memberIdOf(ResidentId.parse("130102700307123", TODAY));
		MemberId full = this.identities.memberIdOf(ResidentId.parse("130102197003071234", TODAY));

		assertThat(lower).isEqualTo(upper);
		assertThat(legacy).isEqualTo(full).isNotEqualTo(upper);
	}

	@Test
	void anotherKeyGivesAnotherMemberId() {
		byte[] otherKey = "another key of at least 32 bytes!".getBytes(StandardCharsets.US_ASCII);
		ResidentId id = ResidentId.parse("13010219900107123X", TODAY);

		assertThat(new MemberIdentities(otherKey).memberIdOf(id)).isNotEqualTo(this.identities.memberIdOf(id));
	}

	@Test
	void memberIdRevealsNothingOfTheNumber() {
		MemberId memberId = this.identities.memberIdOf(ResidentId.parse("13010219900107123X", TODAY));

		assertThat(memberId.value()).matches("m-[a-z2-7]{26}").doesNotContain("1301").doesNotContain("1990");
	}

	@Test
	void rejectsAKeyShorterThan32Bytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MemberIdentities(new byte[31]));
	}

	@Test
	void laterChangesToTheCallersKeyArrayDoNotChangeMemberIds() {
		byte[] key = KEY.clone();
		MemberIdentities copyOfKey = new MemberIdentities(key);
		key[0] = 42;

		ResidentId id = ResidentId.parse("13010219900107123X", TODAY);
		assertThat(copyOfKey.memberIdOf(id)).isEqualTo(this.identities.memberIdOf(id));
	}

	@Test
	void base32FollowsRfc4648InLowerCaseWithoutPadding() {
		assertThat(MemberIdentities.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("mzxw6ytboi");
		assertThat(MemberIdentities.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("my");
	}

}
