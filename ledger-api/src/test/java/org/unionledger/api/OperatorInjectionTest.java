package org.unionledger.api;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.unionledger.api.applications.RateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No path where user input becomes a MongoDB query operator: every field of every POST
 * body (found from the handler mapping) gets {@code {"$gt": ""}}-style values, and the
 * CSV import gets them in every column. Every answer is a 4xx problem and nothing is
 * written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorInjectionTest extends ApiTestSupport {

	static final List<Object> OPERATORS = List.of(Map.of("$gt", ""), Map.of("$ne", ""), Map.of("$regex", ".*"),
			Map.of("$where", "sleep(1000)"), Map.of("$in", List.of("a", "b")), List.of(Map.of("$gt", "")),
			Map.of("$expr", Map.of("$eq", List.of(1, 1))));

	static final List<String> OPERATOR_TEXTS = List.of("{\"$gt\": \"\"}", "$gt", "{$ne: null}",
			"'; db.dropDatabase(); '", "$where");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	RateLimiter limiter;

	String member;

	String code;

	String application;

	@BeforeAll
	void fixture() {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-bd-b", "130602");
		this.member = enroll(TestUsers.SYSADMIN, residentId(), "注入测试", "os-sjz-a");
		ResponseEntity<Map> credential = as(TestUsers.SYSADMIN).postForEntity(
				"/api/members/" + this.member + "/transfer-credentials",
				Map.of("issuedOn", TODAY.toString(), "toUnionId", "os-bd-b"), Map.class);
		this.code = (String) credential.getBody().get("code");
		this.limiter.reset();
		this.application = (String) this.http
			.postForEntity("/api/applications",
					Map.of("residentId", residentId(), "name", "注入申请", "unionId", "os-sjz-a"), Map.class)
			.getBody()
			.get("applicationId");
	}

	/** Valid bodies of every JSON POST, by route pattern. */
	Map<String, Map<String, Object>> templates() {
		Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
		templates.put("/api/unions", Map.of("unionId", "inj-union", "name", "工会", "type", "REGIONAL", "sector", "OTHER",
				"jurisdictionCode", "130102", "establishedOn", "2024-01-01"));
		templates.put("/api/unions/{unionId}/name", Map.of("name", "改名工会", "effectiveDate", TODAY.toString()));
		templates.put("/api/unions/{unionId}/dissolution",
				Map.of("effectiveDate", TODAY.toString(), "reason", "closed"));
		templates.put("/api/jurisdictions/{code}/union-moves",
				Map.of("jurisdictionCode", "130602", "effectiveDate", TODAY.plusDays(1).toString(), "reason", "区划调整"));
		templates.put("/api/unions/{unionId}/jurisdiction",
				Map.of("jurisdictionCode", "130602", "effectiveDate", TODAY.plusDays(1).toString(), "reason", "区划调整"));
		templates.put("/api/members", Map.of("residentId", residentId(), "name", "某人", "unionId", "os-sjz-a",
				"effectiveDate", TODAY.toString(), "channel", "ON_SITE"));
		templates.put("/api/members/{memberId}/transfer-credentials",
				Map.of("issuedOn", TODAY.toString(), "toUnionId", "os-bd-b"));
		templates.put("/api/transfer-credentials/{code}/acceptance",
				Map.of("unionId", "os-bd-b", "effectiveDate", TODAY.toString()));
		templates.put("/api/transfer-credentials/{code}/cancellation",
				Map.of("reason", "checked", "effectiveDate", TODAY.toString()));
		templates.put("/api/transfer-credentials/{code}/reissue",
				Map.of("reason", "checked", "issuedOn", TODAY.toString()));
		templates.put("/api/members/{memberId}/inter-ledger-credentials", Map.of("destinationLedger", "41"));
		templates.put("/api/inter-ledger-transfers", Map.of("document", "x", "residentId", residentId(), "name", "某人",
				"unionId", "os-sjz-a", "effectiveDate", TODAY.toString()));
		templates.put("/api/inter-ledger-receipts", Map.of("document", "x"));
		templates.put("/api/federation/receipts", Map.of("document", "x"));
		templates.put("/api/federation/double-counts", Map.of("document", "x"));
		templates.put("/api/services",
				Map.of("unionId", "os-sjz-a", "memberId", "m-aaaaaaaaaaaaaaaaaaaaaaaaaa", "type", "MICRO_LOAN",
						"campaign", "WINTER_WARMTH", "deliveredOn", TODAY.toString(), "personTimes", 1, "amountYuan",
						"1.00"));
		templates.put("/api/applications", Map.of("residentId", residentId(), "name", "某人", "unionId", "os-sjz-a"));
		templates.put("/api/applications/{applicationId}/approval", Map.of("effectiveDate", TODAY.toString()));
		templates.put("/api/applications/{applicationId}/decline", Map.of("reason", "no"));
		templates.put("/api/jurisdictions/{code}/targets/{year}", Map.of("source", "ASSIGNED", "target", 100));
		templates.put("/api/members/{memberId}/erasure", Map.of("legalBasis", "PIPL art. 47"));
		templates.put("/api/members/lookup", Map.of("residentId", residentId()));
		templates.put("/api/members/{memberId}/hold", Map.of("effectiveDate", TODAY.toString(), "reason", "退休"));
		templates.put("/api/members/{memberId}/resumption", Map.of("effectiveDate", TODAY.toString()));
		templates.put("/api/members/{memberId}/termination",
				Map.of("effectiveDate", TODAY.toString(), "reason", "VOLUNTARY_WITHDRAWAL"));
		templates.put("/api/members/{memberId}/re-enrollment",
				Map.of("unionId", "os-sjz-a", "effectiveDate", TODAY.toString(), "channel", "ON_SITE"));
		templates.put("/api/members/{memberId}/name-correction", Map.of("name", "某人", "reason", "misspelt"));
		templates.put("/api/members/{memberId}/serving-assignments",
				Map.of("servingUnionId", "os-sjz-c", "effectiveDate", TODAY.toString()));
		templates.put("/api/members/{memberId}/serving-assignments/end", Map.of("effectiveDate", TODAY.toString()));
		templates.put("/api/supervision/findings/{findingId}/decision",
				Map.of("decision", "CONFIRMED", "reason", "checked"));
		templates.put("/api/supervision/findings/{findingId}/correction", Map.of("reason", "checked"));
		templates.put("/api/jurisdictions/{code}/annual-reports/{year}/sign-off", Map.of("comment", "checked"));
		return templates;
	}

	String concrete(String pattern) {
		return pattern.replace("/jurisdictions/{code}", "/jurisdictions/1301")
			.replace("{memberId}", this.member)
			.replace("{code}", this.code)
			.replace("{applicationId}", this.application)
			.replace("{year}", "2027")
			.replace("{findingId}", "DUPLICATE_ENROLLMENT_ATTEMPT:m-x:1")
			.replace("{unionId}", "os-sjz-a");
	}

	/** POST routes whose body is a JSON record, with the record's fields. */
	Map<String, List<String>> jsonPosts() {
		Map<String, List<String>> posts = new LinkedHashMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mapping.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.unionledger.api")
					|| !entry.getKey().getMethodsCondition().getMethods().toString().contains("POST")) {
				continue;
			}
			for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
				Class<?> type = parameter.getParameterType();
				if (parameter.hasParameterAnnotation(RequestBody.class) && type.isRecord()) {
					List<String> fields = Stream.of(type.getRecordComponents()).map(RecordComponent::getName).toList();
					entry.getKey().getPatternValues().forEach(p -> posts.put(p, fields));
				}
			}
		}
		return posts;
	}

	@Test
	void everyJsonPostHasATemplateAndTheImportIsCoveredToo() {
		Set<String> posts = new TreeSet<>(jsonPosts().keySet());
		assertThat(posts).isNotEmpty();
		assertThat(templates().keySet()).containsAll(posts);
		Set<String> allPosts = new TreeSet<>(OutOfScopeTest.routes(this.mapping));
		allPosts.removeIf(r -> !r.startsWith("POST "));
		Set<String> covered = new TreeSet<>();
		posts.forEach(p -> covered.add("POST " + p));
		covered.add("POST /api/imports");
		// Without a body: the seal and the check take no input; a processor name is
		// matched
		// against the configured processors, never used in a query.
		covered.addAll(List.of("POST /api/audit/seal", "POST /api/operations/consistency-check",
				"POST /api/operations/processors/{name}/rebuild"));
		assertThat(covered).containsAll(allPosts);
	}

	@TestFactory
	Stream<DynamicTest> operatorValuesInEveryFieldAreRefusedAndWriteNothing() {
		Map<String, Map<String, Object>> templates = templates();
		List<DynamicTest> tests = new ArrayList<>();
		jsonPosts().forEach((pattern, fields) -> {
			for (String field : fields) {
				for (Object operator : OPERATORS) {
					Map<String, Object> body = new LinkedHashMap<>(templates.get(pattern));
					body.put(field, operator);
					tests.add(DynamicTest.dynamicTest(pattern + " " + field + "=" + operator,
							() -> refusedAndNothingWritten(concrete(pattern), body, MediaType.APPLICATION_JSON)));
				}
			}
			Map<String, Object> whole = Map.of("$where", "1 == 1", "$gt", "");
			tests.add(DynamicTest.dynamicTest(pattern + " body of operators",
					() -> refusedAndNothingWritten(concrete(pattern), whole, MediaType.APPLICATION_JSON)));
		});
		for (String operator : OPERATOR_TEXTS) {
			for (int column = 0; column < 5; column++) {
				// A name is any text (stored encrypted, never queried): with an operator
				// as
				// name the row points at an unknown union, so it is refused there.
				String[] row = { residentId(), "某人", (column == 1) ? "no-such-union" : "os-sjz-a", TODAY.toString(),
						"IMPORT" };
				row[column] = "\"" + operator.replace("\"", "\"\"") + "\"";
				String csv = "residentId,name,unionId,effectiveDate,channel\n" + String.join(",", row) + "\n";
				tests.add(DynamicTest.dynamicTest("import column " + column + " = " + operator,
						() -> importRefusesTheRow(csv)));
			}
		}
		return tests.stream();
	}

	private void refusedAndNothingWritten(String path, Object body, MediaType type) {
		this.limiter.reset();
		long head = this.engine.headPosition();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(type);
		ResponseEntity<Map> response = as(TestUsers.SYSADMIN).postForEntity(path, new HttpEntity<>(body, headers),
				Map.class);
		assertThat(response.getStatusCode().is4xxClientError()).as(path + " " + response.getBody()).isTrue();
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);
	}

	/**
	 * The import takes the file (a job is no event) but refuses the row and writes
	 * nothing.
	 */
	private void importRefusesTheRow(String csv) {
		long head = this.engine.headPosition();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("text/csv"));
		ResponseEntity<Map> started = as(TestUsers.SYSADMIN).postForEntity("/api/imports",
				new HttpEntity<>(csv, headers), Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		Map job = null;
		for (int i = 0; i < 3000 && (job == null || "RUNNING".equals(job.get("status"))); i++) {
			job = as(TestUsers.SYSADMIN).getForObject("/api/imports/" + started.getBody().get("importId"), Map.class);
		}
		assertThat(job).containsEntry("status", "DONE").containsEntry("accepted", 0).containsEntry("rejected", 1);
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);
	}

}
