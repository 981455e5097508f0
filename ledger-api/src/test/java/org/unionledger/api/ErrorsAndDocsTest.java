package org.unionledger.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error is problem+json with a stable type per rule, the details follow
 * Accept-Language, and the API describes itself (OpenAPI 3, Swagger UI).
 */
class ErrorsAndDocsTest extends ApiTestSupport {

	@Test
	void springsOwnErrorsAreProblemsWithStableTypes() {
		ResponseEntity<Map> unknownRoute = as(TestUsers.SYSADMIN).getForEntity("/api/nothing-here", Map.class);
		assertProblem(unknownRoute, HttpStatus.NOT_FOUND, "ROUTE_NOT_FOUND");

		ResponseEntity<Map> wrongMethod = as(TestUsers.SYSADMIN).exchange("/api/members", HttpMethod.PUT,
				new HttpEntity<>(Map.of()), Map.class);
		assertProblem(wrongMethod, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED");
		assertThat(wrongMethod.getHeaders().getAllow()).contains(HttpMethod.POST);

		HttpHeaders text = new HttpHeaders();
		text.setContentType(MediaType.TEXT_PLAIN);
		ResponseEntity<Map> wrongType = as(TestUsers.SYSADMIN).postForEntity("/api/members",
				new HttpEntity<>("hello", text), Map.class);
		assertProblem(wrongType, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE");

		assertProblem(this.http.getForEntity("/api/unions/x1", Map.class), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
		ResponseEntity<Map> invalid = as(TestUsers.HEBEI_AUDITOR).postForEntity("/api/members", Map.of(), Map.class);
		assertProblem(invalid, HttpStatus.BAD_REQUEST, "NOT_NULL");
		assertThat(invalid.getBody()).as("the first field in order").containsEntry("field", "channel");
		assertThat((List<Map>) invalid.getBody().get("errors")).extracting(e -> e.get("field"))
			.containsExactly("channel", "effectiveDate", "name", "residentId", "unionId");
	}

	@Test
	void detailsFollowAcceptLanguage() {
		Map<String, Object> body = Map.of("residentId", "", "name", "x", "unionId", "os-sjz-a", "effectiveDate",
				TODAY.toString(), "channel", "ON_SITE");
		Map chinese = post(body, "zh-CN,zh;q=0.9");
		Map english = post(body, "en");
		assertThat(chinese).containsEntry("rule", "NOT_BLANK").containsEntry("field", "residentId");
		assertThat((String) chinese.get("detail")).isEqualTo("身份证号 不能为空");
		assertThat((String) english.get("detail")).isEqualTo("residentId must not be blank");

		Map<String, Object> future = Map.of("residentId", residentId(), "name", "x", "unionId", "os-sjz-a",
				"effectiveDate", TODAY.plusDays(3).toString(), "channel", "ON_SITE");
		ensureUnion("os-sjz-a", "130102");
		assertThat((String) post(future, "zh-CN").get("detail")).isEqualTo("生效日期 不能晚于今天");
		assertThat((String) post(future, "en").get("detail")).isEqualTo("effectiveDate must not be in the future");

		HttpHeaders headers = new HttpHeaders();
		headers.setAcceptLanguageAsLocales(List.of(java.util.Locale.SIMPLIFIED_CHINESE));
		ResponseEntity<Map> unauthenticated = this.http.exchange("/api/unions/x1", HttpMethod.GET,
				new HttpEntity<>(headers), Map.class);
		assertThat((String) unauthenticated.getBody().get("detail")).contains("登录");
	}

	@Test
	void theApiDescribesItselfWithExamplesWithoutSignIn() {
		ResponseEntity<Map> docs = this.http.getForEntity("/v3/api-docs", Map.class);
		assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(docs.getBody()).containsEntry("openapi", docs.getBody().get("openapi"));
		assertThat((String) docs.getBody().get("openapi")).startsWith("3.");
		Map paths = (Map) docs.getBody().get("paths");
		assertThat(paths).containsKeys("/api/members", "/api/imports", "/api/applications",
				"/api/members/{memberId}/personal-data", "/api/transfer-credentials/{code}/acceptance");
		assertThat(((Map) ((Map) docs.getBody().get("components")).get("securitySchemes"))).containsKeys("basicAuth",
				"bearerAuth");
		assertThat(docs.getBody().toString()).contains("sjz-chang-an-construction-01").contains("2026-03-01");
		assertThat(this.http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	private Map post(Map<String, Object> body, String language) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		return as(TestUsers.SYSADMIN).postForEntity("/api/members", new HttpEntity<>(body, headers), Map.class)
			.getBody();
	}

	private static void assertProblem(ResponseEntity<Map> response, HttpStatus status, String rule) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("rule", rule)
			.containsEntry("status", status.value())
			.containsEntry("type", "https://union-ledger.org/problems/" + rule.toLowerCase().replace('_', '-'));
	}

}
