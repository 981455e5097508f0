package org.unionledger.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.unionledger.api.security.SignInThrottle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling over HTTP: the probe's 30 wrong Basic passwords and 20 wrong form
 * sign-ins, then the right password, refused while locked and accepted once the lockout
 * has passed (the clock is moved, nobody sleeps). The throttle and the clock are reset
 * around each test, so the shared users stay usable for other test classes.
 */
class SignInThrottlingTest extends ApiTestSupport {

	@Autowired
	SignInThrottle throttle;

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	@AfterEach
	void resetThrottleAndClock() {
		this.throttle.reset();
		FixedClockConfiguration.CLOCK.reset();
	}

	@Test
	void thirtyWrongBasicPasswordsLockTheUserOutUntilTheLockoutHasPassed() {
		for (int i = 0; i < 30; i++) {
			// The probe's pace: one attempt every 0.2 s.
			FixedClockConfiguration.CLOCK.advance(Duration.ofMillis(200));
			HttpStatus status = HttpStatus
				.valueOf(basic(TestUsers.BEIJING_AUDITOR, "guess-" + i).getStatusCode().value());
			assertThat(status).as("attempt " + i).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS);
		}
		ResponseEntity<Map> locked = basic(TestUsers.BEIJING_AUDITOR, TestUsers.PASSWORD);
		assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(locked.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(locked.getBody()).containsEntry("rule", "SIGN_IN_THROTTLED");
		assertThat(Long.parseLong(locked.getHeaders().getFirst("Retry-After"))).isBetween(1L, 15 * 60L);

		FixedClockConfiguration.CLOCK.advance(Duration.ofMinutes(14));
		assertThat(basic(TestUsers.BEIJING_AUDITOR, TestUsers.PASSWORD).getStatusCode())
			.as("still locked a minute before the end")
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		FixedClockConfiguration.CLOCK.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(basic(TestUsers.BEIJING_AUDITOR, TestUsers.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void theDelayGrowsBeforeTheLockout() {
		assertThat(basic(TestUsers.BEIJING_AUDITOR, "a").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(basic(TestUsers.BEIJING_AUDITOR, "b").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(basic(TestUsers.BEIJING_AUDITOR, TestUsers.PASSWORD).getStatusCode())
			.as("at once after the second failure")
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		FixedClockConfiguration.CLOCK.advance(Duration.ofMillis(200));
		assertThat(basic(TestUsers.BEIJING_AUDITOR, "c").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		FixedClockConfiguration.CLOCK.advance(Duration.ofMillis(200));
		assertThat(basic(TestUsers.BEIJING_AUDITOR, TestUsers.PASSWORD).getStatusCode())
			.as("the third failure doubled the wait")
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		FixedClockConfiguration.CLOCK.advance(Duration.ofMillis(200));
		assertThat(basic(TestUsers.BEIJING_AUDITOR, TestUsers.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void twentyWrongFormSignInsLockTheUserOutOfTheDashboardToo() throws Exception {
		for (int i = 0; i < 20; i++) {
			FixedClockConfiguration.CLOCK.advance(Duration.ofMillis(200));
			HttpResponse<String> wrong = formSignIn(TestUsers.TANGSHAN_SUPERVISOR, "guess-" + i);
			assertThat(wrong.statusCode()).isEqualTo(302);
			assertThat(wrong.headers().firstValue("Location")).get()
				.asString()
				.matches(".*/ui/login\\?(error|throttled)$");
		}
		HttpResponse<String> locked = formSignIn(TestUsers.TANGSHAN_SUPERVISOR, TestUsers.PASSWORD);
		assertThat(locked.statusCode()).isEqualTo(302);
		assertThat(locked.headers().firstValue("Location")).get().asString().endsWith("/ui/login?throttled");
		assertThat(basic(TestUsers.TANGSHAN_SUPERVISOR, TestUsers.PASSWORD).getStatusCode())
			.as("one lockout for both ways of signing in")
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		FixedClockConfiguration.CLOCK.advance(Duration.ofMinutes(15).plusSeconds(1));
		HttpResponse<String> signedIn = formSignIn(TestUsers.TANGSHAN_SUPERVISOR, TestUsers.PASSWORD);
		assertThat(signedIn.headers().firstValue("Location")).get().asString().endsWith("/ui/");
	}

	@Test
	void aLockedOutUserDoesNotLockOutOthers() {
		failFiveTimesASecondApart(TestUsers.BEIJING_AUDITOR);
		assertThat(basic(TestUsers.BEIJING_AUDITOR, TestUsers.PASSWORD).getStatusCode())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(basic(TestUsers.HEBEI_AUDITOR, TestUsers.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void systemAdminsSeeLockoutsAndNobodyElseDoes() {
		failFiveTimesASecondApart(TestUsers.BEIJING_AUDITOR);
		ResponseEntity<Map> list = as(TestUsers.SYSADMIN).getForEntity("/api/operations/sign-in-lockouts", Map.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map> lockouts = (List<Map>) list.getBody().get("lockouts");
		assertThat(lockouts).hasSize(1);
		assertThat(lockouts.get(0)).containsEntry("lockedBy", "user")
			.containsEntry("user", TestUsers.BEIJING_AUDITOR)
			.containsEntry("failures", 5)
			.containsKeys("address", "lockedUntil");
		assertThat(
				as(TestUsers.HEBEI_AUDITOR).getForEntity("/api/operations/sign-in-lockouts", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(
				as(TestUsers.HEBEI_ADMIN).getForEntity("/api/operations/sign-in-lockouts", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		FixedClockConfiguration.CLOCK.advance(Duration.ofMinutes(16));
		assertThat((List<Map>) as(TestUsers.SYSADMIN).getForObject("/api/operations/sign-in-lockouts", Map.class)
			.get("lockouts")).as("a lockout that has passed is not listed").isEmpty();
	}

	/** Five failures, each after the growing wait has passed: a lockout. */
	private void failFiveTimesASecondApart(String user) {
		for (int i = 0; i < 5; i++) {
			FixedClockConfiguration.CLOCK.advance(Duration.ofSeconds(1));
			assertThat(basic(user, "guess-" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	private ResponseEntity<Map> basic(String user, String password) {
		return this.http.withBasicAuth(user, password).getForEntity("/api/me", Map.class);
	}

	private HttpResponse<String> formSignIn(String user, String password) throws IOException, InterruptedException {
		HttpResponse<String> page = this.client.send(HttpRequest.newBuilder(uri("/ui/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		String csrf = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("XSRF-TOKEN=") && !c.startsWith("XSRF-TOKEN=;"))
			.map((c) -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';')))
			.findFirst()
			.orElseThrow();
		// The token is the sign-in page's session's.
		String session = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("JSESSIONID="))
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		return this.client.send(HttpRequest.newBuilder(uri("/ui/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", session + "; XSRF-TOKEN=" + csrf)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
