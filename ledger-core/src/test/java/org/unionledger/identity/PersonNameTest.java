package org.unionledger.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Rule;

class PersonNameTest {

	@ParameterizedTest
	@ValueSource(strings = { "张伟", "欧阳娜娜", "买买提·艾力", "阿依古丽・吐尔逊", "Mary O'Neil", "Jean-Luc Picard",
			"Anne-Marie Ó Súilleabháin", "𠀀𠀁", "Nguyễn Văn A", "次仁卓玛" })
	void realNamesAreAccepted(String name) {
		assertThat(PersonName.of(name).value()).isEqualTo(name);
	}

	@Test
	void aNameIsStrippedAndNormalisedToNfc() {
		// "e" followed by a combining acute accent becomes the precomposed "é".
		assertThat(PersonName.of("  Rene\u0301 ").value()).isEqualTo("Ren\u00e9");
	}

	@Test
	void aNameHasAtMost64Characters() {
		assertThat(PersonName.of("王".repeat(64)).value()).hasSize(64);
		assertRefused("王".repeat(65), Rule.NAME_TOO_LONG);
		// Code points, not UTF-16 units: 64 characters of CJK extension B fit.
		assertThat(PersonName.of("𠀀".repeat(64)).value().codePointCount(0, 128)).isEqualTo(64);
	}

	@Test
	void blankAndInvisibleNamesAreRefused() {
		assertRefused("", Rule.NAME_BLANK);
		assertRefused("   ", Rule.NAME_BLANK);
		assertRefused("\u200b\u200b", Rule.NAME_BLANK);
		assertRefused("\u3000\ufeff", Rule.NAME_BLANK);
		assertThatThrownBy(() -> PersonName.of(null)).isInstanceOf(DomainRuleViolation.class)
			.extracting("rule")
			.isEqualTo(Rule.REQUIRED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "张\u0000伟", "张\u200b伟", "张\u202e伟", "\u2066张伟", "张\ud800伟", "张\udc00", "张\ue000",
			"=cmd|' /C calc'!A0", "+张伟", "-张伟", "@SUM(A1)", "张伟1", "张\t伟", "张\n伟", "<script>" })
	void controlFormatSurrogatePrivateUseAndFormulaCharactersAreRefused(String name) {
		assertRefused(name, Rule.NAME_CHARACTERS);
	}

	@Test
	void theMessageNamesTheCharacterButNotTheName() {
		assertThatThrownBy(() -> PersonName.of("张\u202e伟")).isInstanceOf(DomainRuleViolation.class)
			.hasMessageContaining("U+202E")
			.hasMessageContaining("position 2")
			.hasMessageNotContaining("张");
	}

	@Test
	void personalDataOfAPersonNameCarriesTheNormalisedName() {
		ResidentId id = ResidentId.parse("11010519491231002X", java.time.LocalDate.of(2026, 1, 1));
		assertThat(new PersonalData(id, PersonName.of(" 李四 ")).name()).isEqualTo("李四");
	}

	private static void assertRefused(String name, Rule rule) {
		assertThatThrownBy(() -> PersonName.of(name)).isInstanceOf(DomainRuleViolation.class).satisfies(ex -> {
			assertThat(((DomainRuleViolation) ex).rule()).isEqualTo(rule);
			assertThat(((DomainRuleViolation) ex).field()).isEqualTo("name");
		});
	}

}
