package org.unionledger.common;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unionledger.membership.CredentialRejectionReason;
import org.unionledger.membership.EnrollmentRejectionReason;

import static org.assertj.core.api.Assertions.assertThat;

class RuleTest {

	/** Three Latin words in a row: an English phrase left in a Chinese message. */
	private static final Pattern ENGLISH_PHRASE = Pattern
		.compile("\\p{IsLatin}+[ ,;:]+\\p{IsLatin}+[ ,;:]+\\p{IsLatin}+");

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	@ParameterizedTest
	@EnumSource(Rule.class)
	void everyRuleHasAnEnglishMessage(Rule rule) {
		assertThat(rule.english()).isNotBlank();
		assertThat(rule.english()).doesNotContainPattern(CJK);
	}

	@ParameterizedTest
	@EnumSource(Rule.class)
	void everyRuleHasAChineseMessageWrittenInChinese(Rule rule) {
		assertThat(rule.chinese()).isNotBlank().containsPattern(CJK);
		// names the ledger and clients use as they are (CSV columns, header names) aside
		String prose = rule.chinese().replace("residentId,name,unionId,effectiveDate[,channel]", "");
		assertThat(prose).doesNotContainPattern(ENGLISH_PHRASE);
	}

	@ParameterizedTest
	@EnumSource(Rule.class)
	void bothMessagesNameTheFieldOrNeither(Rule rule) {
		assertThat(rule.chinese().contains("{0}")).as(rule.name()).isEqualTo(rule.english().contains("{0}"));
	}

	@Test
	void aMessageIsInTheReadersLanguageWithTheField() {
		assertThat(Rule.REQUIRED.message(Locale.SIMPLIFIED_CHINESE, "name")).isEqualTo("name 为必填项");
		assertThat(Rule.REQUIRED.message(Locale.forLanguageTag("zh"), "name")).isEqualTo("name 为必填项");
		assertThat(Rule.REQUIRED.message(Locale.ENGLISH, "name")).isEqualTo("name is required");
		assertThat(Rule.REQUIRED.message(Locale.GERMAN, "name")).isEqualTo("name is required");
		assertThat(Rule.UNION_UNKNOWN.message(Locale.SIMPLIFIED_CHINESE, null)).isEqualTo("工会不存在");
	}

	@Test
	void eachKindHasItsOwnStatus() {
		Set<Integer> statuses = Arrays.stream(Rule.Kind.values()).map(Rule.Kind::status).collect(Collectors.toSet());
		assertThat(statuses).hasSize(Rule.Kind.values().length);
		assertThat(Rule.Kind.INVALID.status()).isEqualTo(422);
		assertThat(Rule.Kind.CONFLICT.status()).isEqualTo(409);
		assertThat(Rule.Kind.NOT_FOUND.status()).isEqualTo(404);
	}

	@Test
	void everyRecordedEnrollmentRefusalReportsItsOwnConflictRule() {
		Set<Rule> rules = EnumSet.noneOf(Rule.class);
		for (EnrollmentRejectionReason reason : EnrollmentRejectionReason.values()) {
			assertThat(reason.rule().name()).isEqualTo(reason.name());
			assertThat(reason.rule().kind()).isEqualTo(Rule.Kind.CONFLICT);
			rules.add(reason.rule());
		}
		assertThat(rules).hasSize(EnrollmentRejectionReason.values().length);
	}

	@Test
	void everyRecordedCredentialRefusalReportsItsOwnConflictRule() {
		Set<Rule> rules = EnumSet.noneOf(Rule.class);
		for (CredentialRejectionReason reason : CredentialRejectionReason.values()) {
			assertThat(reason.rule().name()).isEqualTo("CREDENTIAL_" + reason.name());
			assertThat(reason.rule().kind()).isEqualTo(Rule.Kind.CONFLICT);
			rules.add(reason.rule());
		}
		assertThat(rules).hasSize(CredentialRejectionReason.values().length);
	}

	@Test
	void anOutcomeNamesTheReasonAndItsRule() {
		Outcome refused = Outcome.rejected(CredentialRejectionReason.EXPIRED);
		assertThat(refused.rejection()).isEqualTo("EXPIRED");
		assertThat(refused.rule()).isEqualTo(Rule.CREDENTIAL_EXPIRED);
	}

}
