package org.unionledger.api;

import java.util.ArrayList;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route, walked by users outside its scope (or of a role that may not use it): each
 * answer is a 403 or 404 problem and nothing is written. The routes come from Spring's
 * handler mapping, so a route added without a case here fails
 * {@link #everyRouteHasOutOfScopeCases()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutOfScopeTest extends ApiTestSupport {

	/** Routes anyone may call without signing in; they have their own tests. */
	static final Set<String> PUBLIC_ROUTES = Set.of("POST /api/applications", "GET /api/federation",
			"POST /api/federation/receipts");

	/**
	 * Routes about the signed-in user themselves, which no user is outside of
	 * ({@code DashboardApiTest} checks that each user sees only their own).
	 */
	static final Set<String> SELF_ROUTES = Set.of("GET /api/me");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	String sjzMember;

	String sjzResidentId;

	String bdMember;

	String credentialCode;

	String sjzImport;

	String sjzApplication;

	/**
	 * A case: the user, the request and the route it exercises.
	 *
	 * @param route method and pattern, e.g. {@code GET /api/unions/{unionId}}
	 * @param user who tries
	 * @param path the concrete path
	 * @param body JSON body of a POST, or {@code null}
	 */
	record Case(String route, String user, String path, Object body, MediaType type) {

		Case(String route, String user, String path, Object body) {
			this(route, user, path, body, MediaType.APPLICATION_JSON);
		}

		String method() {
			return this.route.substring(0, this.route.indexOf(' '));
		}

		@Override
		public String toString() {
			return this.route + " as " + this.user + " -> " + this.path;
		}

	}

	@Autowired
	org.unionledger.api.applications.RateLimiter limiter;

	@BeforeAll
	void fixture() {
		this.limiter.reset();
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-sjz-c", "130104");
		ensureUnion("os-bd-b", "130602");
		this.sjzResidentId = residentId();
		this.sjzMember = enroll(TestUsers.SJZ_OFFICER, this.sjzResidentId, "赵六", "os-sjz-a");
		this.bdMember = enroll(TestUsers.BD_OFFICER, residentId(), "钱七", "os-bd-b");
		ResponseEntity<Map> credential = as(TestUsers.SJZ_OFFICER).postForEntity(
				"/api/members/" + this.sjzMember + "/transfer-credentials",
				Map.of("issuedOn", TODAY.toString(), "toUnionId", "os-bd-b"), Map.class);
		assertThat(credential.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		this.credentialCode = (String) credential.getBody().get("code");
		HttpHeaders csv = new HttpHeaders();
		csv.setContentType(MediaType.parseMediaType("text/csv"));
		ResponseEntity<Map> started = as(TestUsers.SJZ_OFFICER).postForEntity("/api/imports",
				new HttpEntity<>("residentId,name,unionId,effectiveDate\n1,x,os-bd-b,2026-01-01\n", csv), Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		this.sjzImport = (String) started.getBody().get("importId");
		ResponseEntity<Map> applied = this.http.postForEntity("/api/applications",
				Map.of("residentId", residentId(), "name", "吴十", "unionId", "os-sjz-a"), Map.class);
		assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		this.sjzApplication = (String) applied.getBody().get("applicationId");
	}

	List<Case> cases() {
		Map<String, Object> enrollment = Map.of("residentId", residentId(), "name", "孙八", "unionId", "os-sjz-a",
				"effectiveDate", TODAY.toString(), "channel", "ON_SITE");
		Map<String, Object> union = Map.of("unionId", "os-new-1", "name", "新工会", "type", "REGIONAL", "sector", "OTHER",
				"jurisdictionCode", "130102", "establishedOn", "2024-01-01");
		Map<String, Object> service = Map.of("unionId", "os-sjz-a", "type", "MICRO_LOAN", "deliveredOn",
				TODAY.toString(), "amountYuan", "100.00");
		Map<String, Object> acceptance = Map.of("unionId", "os-bd-b", "effectiveDate", TODAY.toString());
		Map<String, Object> credential = Map.of("issuedOn", TODAY.toString());
		List<Case> cases = new ArrayList<>();
		cases.add(new Case("POST /api/unions", TestUsers.BAODING_ADMIN, "/api/unions", union));
		cases.add(new Case("POST /api/unions", TestUsers.HEBEI_AUDITOR, "/api/unions", union));
		cases.add(new Case("POST /api/unions", TestUsers.SJZ_OFFICER, "/api/unions", union));
		cases.add(new Case("POST /api/unions", TestUsers.SJZ_SUPERVISOR, "/api/unions", union));
		Map<String, Object> rename = Map.of("name", "改名工会", "effectiveDate", TODAY.toString());
		Map<String, Object> dissolution = Map.of("effectiveDate", TODAY.toString());
		// the Baoding admin is outside Shijiazhuang; officers, supervisors and auditors
		// administer no union
		for (String user : List.of(TestUsers.BAODING_ADMIN, TestUsers.SJZ_OFFICER, TestUsers.SJZ_SUPERVISOR,
				TestUsers.HEBEI_AUDITOR)) {
			cases.add(new Case("POST /api/unions/{unionId}/name", user, "/api/unions/os-sjz-a/name", rename));
			cases.add(new Case("POST /api/unions/{unionId}/dissolution", user, "/api/unions/os-sjz-c/dissolution",
					dissolution));
			cases.add(new Case("POST /api/unions/{unionId}/jurisdiction", user, "/api/unions/os-sjz-c/jurisdiction",
					Map.of("jurisdictionCode", "130104", "effectiveDate", TODAY.plusDays(1).toString())));
		}
		for (String user : List.of(TestUsers.BAODING_ADMIN, TestUsers.SJZ_OFFICER, TestUsers.SJZ_SUPERVISOR,
				TestUsers.HEBEI_AUDITOR)) {
			cases.add(new Case("POST /api/jurisdictions/{code}/union-moves", user,
					"/api/jurisdictions/130104/union-moves",
					Map.of("jurisdictionCode", "130105", "effectiveDate", TODAY.plusDays(1).toString())));
		}
		// the Baoding admin administers the county but not the one its unions would move
		// to
		cases.add(new Case("POST /api/jurisdictions/{code}/union-moves", TestUsers.BAODING_ADMIN,
				"/api/jurisdictions/130602/union-moves",
				Map.of("jurisdictionCode", "130102", "effectiveDate", TODAY.plusDays(1).toString())));
		// the Baoding admin administers the union's county but not the one it would move
		// to
		cases.add(new Case("POST /api/unions/{unionId}/jurisdiction", TestUsers.BAODING_ADMIN,
				"/api/unions/os-bd-b/jurisdiction",
				Map.of("jurisdictionCode", "130102", "effectiveDate", TODAY.plusDays(1).toString())));
		for (String route : List.of("GET /api/unions/{unionId}", "GET /api/unions/{unionId}/summary")) {
			String path = route.substring(4).replace("{unionId}", "os-sjz-a");
			cases.add(new Case(route, TestUsers.BD_OFFICER, path, null));
			cases.add(new Case(route, TestUsers.TANGSHAN_SUPERVISOR, path, null));
			cases.add(new Case(route, TestUsers.BAODING_ADMIN, path, null));
			cases.add(new Case(route, TestUsers.BEIJING_AUDITOR, path, null));
		}
		cases.add(new Case("GET /api/unions/{unionId}/members", TestUsers.BD_OFFICER, "/api/unions/os-sjz-a/members",
				null));
		cases.add(new Case("GET /api/unions/{unionId}/members", TestUsers.SJZ_OFFICER, "/api/unions/os-bd-b/members",
				null));
		cases.add(new Case("GET /api/unions/{unionId}/members", TestUsers.HEBEI_ADMIN, "/api/unions/os-sjz-a/members",
				null));
		cases.add(new Case("GET /api/unions/{unionId}/members", TestUsers.TANGSHAN_SUPERVISOR,
				"/api/unions/os-sjz-a/members", null));
		for (String code : List.of("1301", "130102", "13")) {
			String path = "/api/jurisdictions/" + code + "/summary";
			cases.add(new Case("GET /api/jurisdictions/{code}/summary", TestUsers.SJZ_OFFICER, path, null));
			cases.add(new Case("GET /api/jurisdictions/{code}/summary", TestUsers.BAODING_ADMIN, path, null));
			cases.add(new Case("GET /api/jurisdictions/{code}/summary", TestUsers.BEIJING_AUDITOR, path, null));
		}
		cases.add(new Case("GET /api/jurisdictions/{code}/summary", TestUsers.SJZ_SUPERVISOR,
				"/api/jurisdictions/13/summary", null));
		cases.add(new Case("POST /api/members", TestUsers.BD_OFFICER, "/api/members", enrollment));
		cases.add(new Case("POST /api/members", TestUsers.SJZ_SUPERVISOR, "/api/members", enrollment));
		cases.add(new Case("POST /api/members", TestUsers.HEBEI_ADMIN, "/api/members", enrollment));
		cases.add(new Case("POST /api/members", TestUsers.HEBEI_AUDITOR, "/api/members", enrollment));
		String issue = "/api/members/" + this.sjzMember + "/transfer-credentials";
		cases.add(
				new Case("POST /api/members/{memberId}/transfer-credentials", TestUsers.BD_OFFICER, issue, credential));
		cases.add(new Case("POST /api/members/{memberId}/transfer-credentials", TestUsers.SJZ_OFFICER,
				"/api/members/" + this.bdMember + "/transfer-credentials", credential));
		cases.add(new Case("POST /api/members/{memberId}/transfer-credentials", TestUsers.SJZ_SUPERVISOR, issue,
				credential));
		cases.add(new Case("POST /api/members/{memberId}/transfer-credentials", TestUsers.HEBEI_AUDITOR, issue,
				credential));
		for (String user : List.of(TestUsers.BD_OFFICER, TestUsers.TANGSHAN_SUPERVISOR, TestUsers.HEBEI_ADMIN,
				TestUsers.BEIJING_AUDITOR)) {
			cases.add(new Case("GET /api/members/{memberId}/history", user,
					"/api/members/" + this.sjzMember + "/history", null));
		}
		String accept = "/api/transfer-credentials/" + this.credentialCode + "/acceptance";
		cases.add(new Case("POST /api/transfer-credentials/{code}/acceptance", TestUsers.SJZ_OFFICER, accept,
				acceptance));
		cases.add(new Case("POST /api/transfer-credentials/{code}/acceptance", TestUsers.HEBEI_AUDITOR, accept,
				acceptance));
		cases.add(new Case("POST /api/transfer-credentials/{code}/acceptance", TestUsers.BAODING_ADMIN, accept,
				acceptance));
		cases.add(new Case("POST /api/services", TestUsers.BD_OFFICER, "/api/services", service));
		cases.add(new Case("POST /api/services", TestUsers.SJZ_SUPERVISOR, "/api/services", service));
		cases.add(new Case("POST /api/services", TestUsers.HEBEI_AUDITOR, "/api/services", service));
		cases.addAll(AdditionalOutOfScopeCases.cases(this));
		cases.addAll(MemberWorkOutOfScopeCases.cases(this));
		cases.addAll(FigureAndAuditOutOfScopeCases.cases(this));
		cases.addAll(SignOffOutOfScopeCases.cases());
		cases.addAll(ReportOutOfScopeCases.cases());
		cases.addAll(DashboardOutOfScopeCases.cases(this));
		cases.addAll(CredentialOutOfScopeCases.cases(this));
		// Transfers between ledgers: another union's member, another union's
		// presentation,
		// a role that acts for no union, a role that compares no fingerprints.
		String member = "/api/members/" + this.sjzMember;
		cases.add(new Case("POST /api/members/{memberId}/inter-ledger-credentials", TestUsers.BD_OFFICER,
				member + "/inter-ledger-credentials", Map.of("destinationLedger", "41")));
		cases.add(new Case("POST /api/members/{memberId}/inter-ledger-credentials", TestUsers.HEBEI_AUDITOR,
				member + "/inter-ledger-credentials", Map.of("destinationLedger", "41")));
		cases.add(new Case("GET /api/members/{memberId}/inter-ledger-credentials/{code}", TestUsers.BD_OFFICER,
				member + "/inter-ledger-credentials/TC-0000-0000-0000-0000", null));
		cases.add(new Case("GET /api/members/{memberId}/inter-ledger-credentials/{code}/qr", TestUsers.BD_OFFICER,
				member + "/inter-ledger-credentials/TC-0000-0000-0000-0000/qr", null));
		cases.add(new Case("GET /api/members/{memberId}/inter-ledger-receipts", TestUsers.BD_OFFICER,
				member + "/inter-ledger-receipts", null));
		Map<String, Object> presentation = Map.of("document", "x", "residentId", residentId(), "name", "孙九", "unionId",
				"os-sjz-a", "effectiveDate", TODAY.toString());
		cases.add(new Case("POST /api/inter-ledger-transfers", TestUsers.BD_OFFICER, "/api/inter-ledger-transfers",
				presentation));
		cases.add(new Case("POST /api/inter-ledger-transfers", TestUsers.SJZ_SUPERVISOR, "/api/inter-ledger-transfers",
				presentation));
		cases.add(new Case("POST /api/inter-ledger-receipts", TestUsers.HEBEI_AUDITOR, "/api/inter-ledger-receipts",
				Map.of("document", "x")));
		cases.add(new Case("GET /api/federation/fingerprints", TestUsers.SJZ_OFFICER,
				"/api/federation/fingerprints?ledger=41", null));
		cases.add(new Case("GET /api/federation/fingerprints", TestUsers.HEBEI_AUDITOR,
				"/api/federation/fingerprints?ledger=41", null));
		cases.add(new Case("POST /api/federation/double-counts", TestUsers.SJZ_OFFICER, "/api/federation/double-counts",
				Map.of("document", "x")));
		cases.add(new Case("POST /api/federation/double-counts", TestUsers.HEBEI_AUDITOR,
				"/api/federation/double-counts", Map.of("document", "x")));
		return cases;
	}

	@Test
	void everyRouteHasOutOfScopeCases() {
		Set<String> tested = new TreeSet<>();
		cases().forEach(c -> tested.add(c.route()));
		Set<String> covered = new TreeSet<>(tested);
		covered.addAll(PUBLIC_ROUTES);
		covered.addAll(SELF_ROUTES);
		Set<String> routes = routes(this.mapping);
		assertThat(routes).as("routes of the API").isNotEmpty();
		assertThat(covered).as("every route needs an out-of-scope case (or to be listed as public)")
			.containsAll(routes);
		assertThat(routes).as("cases for routes that no longer exist").containsAll(tested);
	}

	@TestFactory
	Stream<DynamicTest> outOfScopeUsersGet403Or404AndNothingIsWritten() {
		return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
			long head = this.engine.headPosition();
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(c.type());
			ResponseEntity<Map> response = as(c.user()).exchange(c.path(), HttpMethod.valueOf(c.method()),
					new HttpEntity<>(c.body(), headers), Map.class);
			assertThat(response.getStatusCode()).as(c + ": " + response.getBody())
				.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).containsKey("rule");
			assertThat(this.engine.headPosition()).as(c + " wrote nothing").isEqualTo(head);
		}));
	}

	/**
	 * The API's routes as {@code METHOD /pattern}: every handler of the ledger's own
	 * controllers (not the error page, not springdoc).
	 */
	static Set<String> routes(RequestMappingHandlerMapping mapping) {
		Set<String> routes = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			Class<?> type = entry.getValue().getBeanType();
			if (!type.getPackageName().startsWith("org.unionledger.api")
					|| type.getSimpleName().equals("ProblemErrorController")) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				entry.getKey().getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + pattern));
			}
		}
		return routes;
	}

}
