package org.unionledger.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API the dashboard stands on: the signed-in user ({@code /api/me}), the session
 * sign-in with its cookie and CSRF rules beside stateless Basic, monthly flows with
 * transfers-in apart and as known at a day, the unions of a jurisdiction, flows between
 * cities, outstanding and expired credentials, and a credential's QR code.
 */
class DashboardApiTest extends ApiTestSupport {

	@LocalServerPort
	int port;

	final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void unions() {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-sjz-c", "130104");
		ensureUnion("os-bd-b", "130602");
	}

	@Test
	@SuppressWarnings("unchecked")
	void meShowsTheSignedInUsersRoleScopeAndTheLedgersToday() {
		Map<String, Object> officer = as(TestUsers.SJZ_OFFICER).getForObject("/api/me", Map.class);
		assertThat(officer).containsEntry("name", TestUsers.SJZ_OFFICER)
			.containsEntry("role", "OFFICER")
			.containsEntry("today", "2026-11-24")
			.containsEntry("statisticalYear", 2027)
			.containsEntry("statisticalYearFrom", "2026-10-01");
		Map<String, Object> scope = (Map<String, Object>) officer.get("scope");
		assertThat((List<Map<String, Object>>) scope.get("unions")).extracting((u) -> u.get("unionId"))
			.containsExactly("os-sjz-a", "os-sjz-c");
		assertThat(scope).containsEntry("everywhere", false).doesNotContainKey("jurisdiction");
		Map<String, Object> supervisor = as(TestUsers.TANGSHAN_SUPERVISOR).getForObject("/api/me", Map.class);
		assertThat((Map<String, Object>) ((Map<String, Object>) supervisor.get("scope")).get("jurisdiction"))
			.containsEntry("code", "1302")
			.containsEntry("name", "唐山市");
		assertThat(this.http.getForEntity("/api/me", Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	/**
	 * A redirect never names a host the client sent: a forged {@code Host} header cannot
	 * send a user to another site (issue 16's probe got
	 * {@code Location: http://evil.example/ui/login}).
	 */
	@Test
	void redirectsAreRelativeWhateverHostTheRequestNames() throws Exception {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write("GET /ui/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(answer).startsWith("HTTP/1.1 302");
			String location = answer.lines()
				.filter((line) -> line.regionMatches(true, 0, "Location:", 0, 9))
				.findFirst()
				.orElseThrow()
				.substring(9)
				.trim();
			assertThat(location).isEqualTo("/ui/login").doesNotContain("evil.example");
		}
	}

	@Test
	void theDashboardSignsInWithASessionCookieAndEveryChangeNeedsTheCsrfToken() throws Exception {
		HttpResponse<String> page = get("/ui/", null);
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/ui/login");
		HttpResponse<String> login = get("/ui/login", null);
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("id=\"login-form\"");
		String csrf = cookie(login, "XSRF-TOKEN").orElseThrow();
		String cookies = loginPageCookies(login);
		String form = "username=" + TestUsers.SJZ_OFFICER + "&password=" + TestUsers.PASSWORD;
		HttpResponse<String> forgedLogin = post("/ui/login", form, cookies, null);
		assertThat(forgedLogin.statusCode())
			.as("sign-in without the token: " + forgedLogin.headers().map() + " " + forgedLogin.body())
			.isEqualTo(403);
		HttpResponse<String> signedIn = post("/ui/login",
				form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8), cookies, null);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).get().asString().endsWith("/ui/");
		String sessionCookie = signedIn.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
		assertThat(sessionCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		String session = sessionCookie.substring(0, sessionCookie.indexOf(';'));
		HttpResponse<String> me = get("/api/me", session);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"name\":\"" + TestUsers.SJZ_OFFICER + "\"");
		HttpResponse<String> home = get("/ui/", session);
		assertThat(home.statusCode()).isEqualTo(200);
		String token = cookie(home, "XSRF-TOKEN").orElseThrow();
		String service = "{\"unionId\":\"os-sjz-a\",\"type\":\"MICRO_LOAN\",\"deliveredOn\":\"" + TODAY
				+ "\",\"amountYuan\":\"10.00\"}";
		long head = this.engine.headPosition();
		HttpResponse<String> forged = post("/api/services", service, session + "; XSRF-TOKEN=" + token, null);
		assertThat(forged.statusCode()).as("a change on the session cookie alone").isEqualTo(403);
		assertThat(this.engine.headPosition()).isEqualTo(head);
		HttpResponse<String> recorded = post("/api/services", service, session + "; XSRF-TOKEN=" + token, token);
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
		HttpResponse<String> out = post("/ui/logout", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
				session + "; XSRF-TOKEN=" + token, null);
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(get("/api/me", session).statusCode()).isEqualTo(401);
	}

	/**
	 * The CSRF token is the session's, not whatever the XSRF-TOKEN cookie holds: a cookie
	 * planted by another site (a sibling subdomain, a man in the middle on plain HTTP)
	 * with a matching form field or header is refused, for the sign-in form and for a
	 * change on a signed-in session (issue 16, item 5: both passed).
	 */
	@Test
	void aPlantedCsrfCookieWithAMatchingFieldOrHeaderIsRefused() throws Exception {
		String planted = "planted-" + java.util.UUID.randomUUID();
		String form = "username=" + TestUsers.SJZ_OFFICER + "&password=" + TestUsers.PASSWORD + "&_csrf=" + planted;
		HttpResponse<String> plantedLogin = post("/ui/login", form, "XSRF-TOKEN=" + planted, null);
		assertThat(plantedLogin.statusCode()).as("sign-in on a planted cookie: " + plantedLogin.headers().map())
			.isEqualTo(403);
		assertThat(plantedLogin.body()).contains("\"rule\":\"CSRF_TOKEN_INVALID\"");

		HttpResponse<String> login = get("/ui/login", null);
		HttpResponse<String> withPageSession = post("/ui/login", form,
				loginPageCookies(login).replaceAll("XSRF-TOKEN=[^;]*", "XSRF-TOKEN=" + planted), null);
		assertThat(withPageSession.statusCode()).as("the login page's session with a planted cookie").isEqualTo(403);

		String session = signIn(TestUsers.SJZ_OFFICER);
		String service = "{\"unionId\":\"os-sjz-a\",\"type\":\"MICRO_LOAN\",\"deliveredOn\":\"" + TODAY
				+ "\",\"amountYuan\":\"10.00\"}";
		long head = this.engine.headPosition();
		HttpResponse<String> forged = post("/api/services", service, session + "; XSRF-TOKEN=" + planted, planted);
		assertThat(forged.statusCode()).as("a change on a planted cookie: " + forged.body()).isEqualTo(403);
		assertThat(forged.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		assertThat(forged.body()).contains("\"rule\":\"CSRF_TOKEN_INVALID\"");
		assertThat(this.engine.headPosition()).isEqualTo(head);
	}

	/**
	 * The dashboard's pages (the sign-in page included), its scripts and the API answer
	 * with a Content-Security-Policy that allows scripts and styles from the ledger only
	 * (no inline script, no eval), no referrer, and no camera, microphone or location
	 * (issue 16, item 5: none of the three headers was sent).
	 */
	@Test
	void pagesCarryAContentSecurityPolicyAReferrerPolicyAndAPermissionsPolicy() throws Exception {
		String session = signIn(TestUsers.SJZ_OFFICER);
		Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
		answers.put("/ui/login", get("/ui/login", null));
		answers.put("/ui/", get("/ui/", session));
		answers.put("/ui/index.html", get("/ui/index.html", session));
		answers.put("/ui/app.js", get("/ui/app.js", null));
		answers.put("/api/me (session)", get("/api/me", session));
		answers.put("/api/me (unsigned)", get("/api/me", null));
		ResponseEntity<Map> basic = as(TestUsers.SJZ_OFFICER).getForEntity("/api/me", Map.class);
		answers.forEach((path, answer) -> {
			String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(csp).as(path + " " + answer.headers().map())
				.contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
						"frame-ancestors 'none'", "form-action 'self'")
				.doesNotContain("unsafe-inline", "unsafe-eval", "*");
			assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
			assertThat(answer.headers().firstValue("Permissions-Policy")).as(path)
				.get()
				.asString()
				.contains("camera=()", "microphone=()", "geolocation=()");
		});
		assertThat(basic.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
		assertThat(basic.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(basic.getHeaders().getFirst("Permissions-Policy")).contains("camera=()");
		// The pages need no inline script, handler or style attribute under that policy.
		for (String page : List.of("/ui/login", "/ui/")) {
			String html = (page.equals("/ui/") ? answers.get("/ui/") : answers.get(page)).body();
			assertThat(html).as(page)
				.doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
				.doesNotContainPattern("\\son[a-z]+=")
				.doesNotContain("style=");
		}
	}

	/**
	 * Signs in through the form as the dashboard's page does: the sign-in page's cookies,
	 * then the form with the token; returns the session cookie.
	 */
	private String signIn(String user) throws IOException, InterruptedException {
		HttpResponse<String> login = get("/ui/login", null);
		String csrf = cookie(login, "XSRF-TOKEN").orElseThrow();
		HttpResponse<String> signedIn = post("/ui/login", "username=" + user + "&password=" + TestUsers.PASSWORD
				+ "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8), loginPageCookies(login), null);
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
		return "JSESSIONID=" + cookie(signedIn, "JSESSIONID").orElseThrow();
	}

	/** The cookies the sign-in page set (its session, if any, and the CSRF cookie). */
	private static String loginPageCookies(HttpResponse<String> login) {
		StringBuilder cookies = new StringBuilder("XSRF-TOKEN=" + cookie(login, "XSRF-TOKEN").orElseThrow());
		cookie(login, "JSESSIONID").ifPresent((session) -> cookies.append("; JSESSIONID=").append(session));
		return cookies.toString();
	}

	@Test
	void basicClientsStayStatelessAndTheScriptGetsNoBasicChallenge() throws Exception {
		ResponseEntity<Map> basic = as(TestUsers.SJZ_OFFICER).getForEntity("/api/me", Map.class);
		assertThat(basic.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(basic.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).noneMatch((c) -> c.startsWith("JSESSIONID"));
		HttpResponse<String> script = this.client.send(
				HttpRequest.newBuilder(uri("/api/me")).header("X-Requested-With", "XMLHttpRequest").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(script.statusCode()).isEqualTo(401);
		assertThat(script.headers().allValues("WWW-Authenticate")).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void monthlyFlowsShowNewEnrollmentsAndTransfersInApartAndAsKnownAtADay() {
		ensureUnion("db-sjz-month", "130104");
		ensureUnion("db-bd-month", "130602");
		Map<String, Object> before = monthOf(TestUsers.SJZ_SUPERVISOR, "/api/unions/db-sjz-month/statistics/monthly",
				"2026-10");
		String member = enrollOn("db-sjz-month", TODAY.minusDays(40).toString());
		Map<String, Object> monthly = as(TestUsers.SJZ_SUPERVISOR)
			.getForObject("/api/unions/db-sjz-month/statistics/monthly?knownAt=" + TODAY.minusDays(1), Map.class);
		List<Map<String, Object>> months = (List<Map<String, Object>>) monthly.get("months");
		assertThat(months).extracting((m) -> m.get("month")).containsExactly("2026-10", "2026-11");
		Map<String, Object> october = months.get(0);
		assertThat(((Number) ((Map<String, Object>) october.get("figures")).get("newEnrollments")).longValue())
			.isEqualTo(figure(before, "newEnrollments") + 1);
		assertThat(((Number) ((Map<String, Object>) october.get("knownAtFigures")).get("newEnrollments")).longValue())
			.as("recorded today, so unknown at the end of yesterday")
			.isEqualTo(figure(before, "newEnrollments"));
		// Transferred to Baoding: a transfer in there, never a new enrollment.
		String code = issue(TestUsers.SYSADMIN, member);
		accept(code, "db-bd-month");
		Map<String, Object> november = monthOf(TestUsers.SYSADMIN, "/api/unions/db-bd-month/statistics/monthly",
				"2026-11");
		assertThat(figure(november, "transfersIn")).isGreaterThanOrEqualTo(1);
		assertThat(figure(november, "newEnrollments")).isZero();
		assertThat(
				as(TestUsers.TANGSHAN_SUPERVISOR).getForEntity("/api/jurisdictions/1301/statistics/monthly", Map.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	@SuppressWarnings("unchecked")
	void flowsBetweenCitiesAndOutstandingAndExpiredCredentials() {
		ensureUnion("db-sjz-flow", "130104");
		ensureUnion("db-bd-flow", "130602");
		Map<String, Object> hebei = as(TestUsers.HEBEI_AUDITOR).getForObject("/api/jurisdictions/13/transfers",
				Map.class);
		long flowBefore = flow(hebei, "1301", "1306");
		String moving = enrollOn("db-sjz-flow", TODAY.minusDays(200).toString());
		String staying = enrollOn("db-sjz-flow", TODAY.minusDays(200).toString());
		// An old credential, never presented: expired. A new one: outstanding.
		ResponseEntity<Map> old = as(TestUsers.SYSADMIN).postForEntity(
				"/api/members/" + staying + "/transfer-credentials",
				Map.of("issuedOn", TODAY.minusDays(100).toString()), Map.class);
		assertThat(old.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String code = issue(TestUsers.SYSADMIN, moving);
		Map<String, Object> union = as(TestUsers.SJZ_SUPERVISOR).getForObject("/api/unions/db-sjz-flow/transfers",
				Map.class);
		assertThat((Map<String, Object>) union.get("credentials")).containsEntry("outstanding", 1)
			.containsEntry("expired", 1);
		Map<String, Object> city = as(TestUsers.SJZ_SUPERVISOR).getForObject("/api/jurisdictions/1301/transfers",
				Map.class);
		Map<String, Object> county = ((List<Map<String, Object>>) city.get("children")).stream()
			.filter((c) -> "130104".equals(c.get("code")))
			.findFirst()
			.orElseThrow();
		assertThat(((Number) county.get("outstanding")).longValue()).isGreaterThanOrEqualTo(1);
		assertThat(((Number) county.get("expired")).longValue()).isGreaterThanOrEqualTo(1);
		accept(code, "db-bd-flow");
		Map<String, Object> after = as(TestUsers.SJZ_SUPERVISOR).getForObject("/api/unions/db-sjz-flow/transfers",
				Map.class);
		assertThat((Map<String, Object>) after.get("credentials")).containsEntry("outstanding", 0)
			.containsEntry("expired", 1);
		assertThat((List<Map<String, Object>>) after.get("flows")).singleElement()
			.satisfies((f) -> assertThat(f).containsEntry("fromCity", "1301")
				.containsEntry("fromName", "石家庄市")
				.containsEntry("toCity", "1306")
				.containsEntry("toName", "保定市")
				.containsEntry("count", 1));
		Map<String, Object> province = as(TestUsers.HEBEI_AUDITOR).getForObject("/api/jurisdictions/13/transfers",
				Map.class);
		assertThat(flow(province, "1301", "1306")).isEqualTo(flowBefore + 1);
		assertThat(as(TestUsers.TANGSHAN_SUPERVISOR).getForEntity("/api/unions/db-sjz-flow/transfers", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theUnionsOfACountyAndOfACity() {
		ensureUnion("db-sjz-list", "130104");
		List<Map<String, Object>> county = (List<Map<String, Object>>) as(TestUsers.SJZ_SUPERVISOR)
			.getForObject("/api/jurisdictions/130104/unions", Map.class)
			.get("unions");
		assertThat(county).anySatisfy((u) -> assertThat(u).containsEntry("unionId", "db-sjz-list")
			.containsEntry("jurisdictionCode", "130104")
			.containsEntry("type", "PROJECT_SITE")
			.containsEntry("establishedOn", "2020-01-01"));
		assertThat(county).allSatisfy((u) -> assertThat(u).containsEntry("jurisdictionCode", "130104"));
		List<Map<String, Object>> city = (List<Map<String, Object>>) as(TestUsers.SJZ_SUPERVISOR)
			.getForObject("/api/jurisdictions/1301/unions", Map.class)
			.get("unions");
		assertThat(city).extracting((u) -> u.get("unionId")).contains("db-sjz-list", "os-sjz-a");
		assertThat(city).allSatisfy((u) -> assertThat((String) u.get("jurisdictionCode")).startsWith("1301"));
		assertThat(
				as(TestUsers.BAODING_ADMIN).getForEntity("/api/jurisdictions/130104/unions", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void aCredentialsQrCodeDecodesToTheLinkToItsAcceptanceForItsIssuingUnionOnly() throws Exception {
		String member = enroll(TestUsers.SJZ_OFFICER, residentId(), "二维码", "os-sjz-c");
		String code = issue(TestUsers.SJZ_OFFICER, member);
		ResponseEntity<byte[]> png = as(TestUsers.SJZ_OFFICER).getForEntity("/api/transfer-credentials/" + code + "/qr",
				byte[].class);
		assertThat(png.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(png.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(png.getHeaders().getCacheControl()).contains("no-store");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.getBody()));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		String decoded = new QRCodeReader()
			.decode(new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
		assertThat(decoded).as("a link to the acceptance page, absolute")
			.startsWith("http://")
			.endsWith("/ui/#/accept/" + code);
		ResponseEntity<Map> other = as(TestUsers.BD_OFFICER).getForEntity("/api/transfer-credentials/" + code + "/qr",
				Map.class);
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(other.getBody()).containsEntry("rule", "CREDENTIAL_UNKNOWN");
	}

	private String enrollOn(String unionId, String effectiveDate) {
		ResponseEntity<Map> response = as(TestUsers.SYSADMIN).postForEntity("/api/members", Map.of("residentId",
				residentId(), "name", "看板", "unionId", unionId, "effectiveDate", effectiveDate, "channel", "ON_SITE"),
				Map.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		return (String) response.getBody().get("memberId");
	}

	private String issue(String user, String member) {
		ResponseEntity<Map> response = as(user).postForEntity("/api/members/" + member + "/transfer-credentials",
				Map.of("issuedOn", TODAY.toString()), Map.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		return (String) response.getBody().get("code");
	}

	private void accept(String code, String unionId) {
		ResponseEntity<Map> response = as(TestUsers.SYSADMIN).exchange(
				"/api/transfer-credentials/" + code + "/acceptance", HttpMethod.POST,
				new HttpEntity<>(Map.of("unionId", unionId, "effectiveDate", TODAY.toString())), Map.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> monthOf(String user, String path, String month) {
		List<Map<String, Object>> months = (List<Map<String, Object>>) as(user).getForObject(path, Map.class)
			.get("months");
		return (Map<String, Object>) months.stream()
			.filter((m) -> month.equals(m.get("month")))
			.findFirst()
			.orElseThrow()
			.get("figures");
	}

	private static long figure(Map<String, Object> figures, String name) {
		return ((Number) figures.get(name)).longValue();
	}

	@SuppressWarnings("unchecked")
	private static long flow(Map<String, Object> transfers, String from, String to) {
		return ((List<Map<String, Object>>) transfers.get("flows")).stream()
			.filter((f) -> from.equals(f.get("fromCity")) && to.equals(f.get("toCity")))
			.mapToLong((f) -> ((Number) f.get("count")).longValue())
			.sum();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> get(String path, String cookies) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (cookies != null) {
			request.header("Cookie", cookies);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body, String cookies, String csrfHeader)
			throws IOException, InterruptedException {
		boolean json = body.startsWith("{");
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (cookies != null) {
			request.header("Cookie", cookies);
		}
		if (csrfHeader != null) {
			request.header("X-XSRF-TOKEN", csrfHeader);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Optional<String> cookie(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith(name + "=") && !c.startsWith(name + "=;"))
			.map((c) -> c.substring(name.length() + 1, c.indexOf(';')))
			.findFirst();
	}

}
