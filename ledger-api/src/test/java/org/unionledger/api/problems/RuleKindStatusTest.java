package org.unionledger.api.problems;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Rule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status of every refusal comes from its rule's kind: through {@link ProblemHandler}
 * for refusals of the API and of the ledger's guards alike.
 */
class RuleKindStatusTest {

	private final ProblemHandler handler = new ProblemHandler(new ProblemMessages());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@ParameterizedTest
	@EnumSource(Rule.class)
	void anApiRefusalIsAnsweredWithTheStatusOfItsRulesKind(Rule rule) {
		ResponseEntity<ProblemDetail> answer = this.handler.api(ApiException.of(rule, "field", "specific"));
		assertThat(answer.getStatusCode().value()).isEqualTo(rule.kind().status());
		assertThat(answer.getBody().getProperties()).containsEntry("rule", rule.name());
	}

	@ParameterizedTest
	@EnumSource(Rule.class)
	void aGuardsRefusalIsAnsweredWithTheStatusOfItsRulesKind(Rule rule) {
		ResponseEntity<ProblemDetail> answer = this.handler.domain(new DomainRuleViolation("field", rule, "specific"));
		assertThat(answer.getStatusCode().value()).isEqualTo(rule.kind().status());
	}

	@Test
	void eachKindHasTheStatusTheApiAnswers() {
		assertThat(status(Rule.REQUIRED)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(status(Rule.EFFECTIVE_DATE_IN_FUTURE)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(status(Rule.RESIDENT_ID_CHECK_DIGIT)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(status(Rule.CSV_HEADER)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(status(Rule.IDEMPOTENCY_KEY_REUSED)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(status(Rule.MALFORMED_JSON)).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(status(Rule.IDEMPOTENCY_KEY_FORMAT)).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(status(Rule.UNAUTHENTICATED)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(status(Rule.OUT_OF_SCOPE)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(Rule.ROLE_NOT_ALLOWED)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(Rule.MEMBER_UNKNOWN)).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(status(Rule.UNION_UNKNOWN)).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(status(Rule.IMPORT_UNKNOWN)).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(status(Rule.METHOD_NOT_ALLOWED)).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(status(Rule.NOT_ACCEPTABLE)).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
		assertThat(status(Rule.UNION_ALREADY_DISSOLVED)).isEqualTo(HttpStatus.CONFLICT);
		assertThat(status(Rule.ALREADY_ACTIVE)).isEqualTo(HttpStatus.CONFLICT);
		assertThat(status(Rule.CREDENTIAL_EXPIRED)).isEqualTo(HttpStatus.CONFLICT);
		assertThat(status(Rule.CHILD_NOT_SIGNED)).isEqualTo(HttpStatus.CONFLICT);
		assertThat(status(Rule.PERSONAL_DATA_UNREADABLE)).isEqualTo(HttpStatus.GONE);
		assertThat(status(Rule.PAYLOAD_TOO_LARGE)).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(status(Rule.URI_TOO_LONG)).isEqualTo(HttpStatus.URI_TOO_LONG);
		assertThat(status(Rule.UNSUPPORTED_MEDIA_TYPE)).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(status(Rule.RATE_LIMITED)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(status(Rule.CONSISTENCY_CHECK_TOO_SOON)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(status(Rule.INTERNAL_ERROR)).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(status(Rule.STORE_UNAVAILABLE)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void aRecordARequestRefersToThatIsNotThereIsInvalidInput() {
		assertThat(
				this.handler.api(ApiException.unknownReference(Rule.UNION_UNKNOWN, "unionId", "none")).getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(
				this.handler.domain(DomainRuleViolation.unknownReference("toUnionId", Rule.UNION_UNKNOWN, "no union x"))
					.getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(this.handler.domain(new DomainRuleViolation("memberId", Rule.MEMBER_UNKNOWN, "no member x"))
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aRequestSpringCouldNotBindIsBadRequest() throws Exception {
		var parameter = new org.springframework.core.MethodParameter(
				RuleKindStatusTest.class.getDeclaredMethod("header", String.class), 0);
		ResponseEntity<ProblemDetail> answer = this.handler
			.missingHeader(new MissingRequestHeaderException("Idempotency-Key", parameter));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().getProperties()).containsEntry("rule", Rule.REQUIRED.name());
		assertThat(Problems.unboundStatus(Rule.INVALID_VALUE)).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Problems.unboundStatus(Rule.MALFORMED_JSON)).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Problems.unboundStatus(Rule.CONCURRENT_CHANGE)).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void theDetailIsInTheClientsLanguage() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(this.handler
			.domain(new DomainRuleViolation("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE,
					"effectiveDate 2999-01-01 lies after today (2026-03-01)"))
			.getBody()
			.getDetail()).isEqualTo("生效日期 不能晚于今天");
		assertThat(this.handler
			.domain(new DomainRuleViolation("children", Rule.CHILD_NOT_SIGNED,
					"130102 (长安区) has not signed its report for the year", "130102 (长安区)"))
			.getBody()
			.getDetail()).isEqualTo("下级单位尚未签报本年度年报：130102 (长安区)");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.handler
			.domain(new DomainRuleViolation("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE,
					"effectiveDate 2999-01-01 lies after today (2026-03-01)"))
			.getBody()
			.getDetail()).isEqualTo("effectiveDate 2999-01-01 lies after today (2026-03-01)");
		assertThat(this.handler.api(ApiException.of(Rule.CONCURRENT_CHANGE, null, null)).getBody().getDetail())
			.isEqualTo(Rule.CONCURRENT_CHANGE.english());
	}

	@Test
	void onlySimplifiedChineseReadsChinese() {
		ProblemMessages messages = new ProblemMessages();
		assertThat(messages.detail(Rule.UNION_UNKNOWN, null, null, Locale.forLanguageTag("zh-Hans-CN")))
			.isEqualTo("工会不存在");
		assertThat(messages.detail(Rule.UNION_UNKNOWN, null, null, Locale.forLanguageTag("zh-SG"))).isEqualTo("工会不存在");
		assertThat(messages.detail(Rule.UNION_UNKNOWN, null, null, Locale.forLanguageTag("zh-TW")))
			.isEqualTo("no union with this id");
		assertThat(messages.detail(Rule.UNION_UNKNOWN, null, null, Locale.forLanguageTag("fr")))
			.isEqualTo("no union with this id");
		assertThat(messages.detail(Rule.UNION_UNKNOWN, null, null, null)).isEqualTo("no union with this id");
	}

	private static HttpStatus status(Rule rule) {
		return Problems.status(rule);
	}

	@SuppressWarnings("unused")
	private void header(String value) {
	}

}
