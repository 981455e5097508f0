package org.unionledger.api;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in: HTTP Basic against the configured users, bearer JWTs signed with the
 * configured key, problem+json for every refusal, and the signed-in user's name in every
 * event a request causes.
 */
class SignInTest extends ApiTestSupport {

	@Value("${ledger.security.jwt.secret}")
	String jwtSecret;

	@BeforeEach
	void unions() {
		ensureUnion("os-sjz-a", "130102");
	}

	@Test
	void withoutSignInTheApiAnswers401WithAProblemNamingTheSchemes() {
		ResponseEntity<Map> response = this.http.getForEntity("/api/unions/os-sjz-a", Map.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("rule", "UNAUTHENTICATED");
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).anyMatch(h -> h.startsWith("Basic"))
			.anyMatch(h -> h.startsWith("Bearer"));
	}

	@Test
	void aWrongPasswordOrUnknownUserIsRefused() {
		assertThat(this.http.withBasicAuth(TestUsers.SYSADMIN, "wrong")
			.getForEntity("/api/unions/os-sjz-a", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.withBasicAuth("nobody", TestUsers.PASSWORD)
			.getForEntity("/api/unions/os-sjz-a", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void everyEventNamesTheSignedInUser() {
		String memberId = enroll(TestUsers.SJZ_OFFICER, residentId(), "李四", "os-sjz-a");

		Map history = as(TestUsers.SJZ_OFFICER).getForObject("/api/members/" + memberId + "/history", Map.class);
		assertThat((List<Map>) history.get("events")).extracting(e -> e.get("recordedBy"))
			.containsExactly(TestUsers.SJZ_OFFICER);
	}

	@Test
	void aBearerTokenSignedWithTheConfiguredKeyActsAsItsSubjectInTheTokenNamespace() throws Exception {
		String token = token("jwt-officer", Map.of("ledger_role", "OFFICER", "ledger_unions", List.of("os-sjz-a")),
				secret());
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map> enrolled = this.http.exchange("/api/members", HttpMethod.POST,
				new HttpEntity<>(Map.of("residentId", residentId(), "name", "王五", "unionId", "os-sjz-a",
						"effectiveDate", TODAY.minusDays(1).toString(), "channel", "ON_SITE"), headers),
				Map.class);
		assertThat(enrolled.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		ResponseEntity<Map> history = this.http.exchange(
				"/api/members/" + enrolled.getBody().get("memberId") + "/history", HttpMethod.GET,
				new HttpEntity<>(headers), Map.class);
		assertThat((List<Map>) history.getBody().get("events")).extracting(e -> e.get("recordedBy"))
			.containsExactly("jwt:jwt-officer");
	}

	@Test
	void tokensWithAnotherKeyAnExpiryInThePastOrNoLedgerRoleAreRefused() throws Exception {
		byte[] otherKey = "another-key-that-is-long-enough-for-hs256!".getBytes();
		assertThat(statusWith(token("x", Map.of("ledger_role", "SYSTEM_ADMIN"), otherKey)))
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(statusWith(token("x", Map.of("ledger_role", "ROOT"), secret()))).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(statusWith(token("x", Map.of("ledger_role", "AUDITOR"), secret())))
			.as("an auditor without a jurisdiction")
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		SignedJWT expired = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
				new JWTClaimsSet.Builder().subject("x")
					.claim("ledger_role", "SYSTEM_ADMIN")
					.expirationTime(Date.from(Instant.now().minusSeconds(3600)))
					.build());
		expired.sign(new MACSigner(secret()));
		assertThat(statusWith(expired.serialize())).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(statusWith(token("x", Map.of("ledger_role", "SYSTEM_ADMIN"), secret()))).isEqualTo(HttpStatus.OK);
	}

	/**
	 * A token's subject has a namespace of its own ({@code jwt:<sub>}): a token whose
	 * subject is a configured user's name is not that user. It does not read that user's
	 * import jobs nor replay that user's idempotent answers (issue 16, item 5: such a
	 * token read the job, 200 instead of 404).
	 */
	@Test
	void aTokenWhoseSubjectIsAConfiguredUsersNameIsNotThatUser() throws Exception {
		HttpHeaders csv = new HttpHeaders();
		csv.setContentType(MediaType.parseMediaType("text/csv"));
		byte[] file = ("residentId,name,unionId,effectiveDate\n" + residentId() + ",赵甲,os-sjz-a," + TODAY + "\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		ResponseEntity<Map> job = as(TestUsers.SJZ_OFFICER).postForEntity("/api/imports", new HttpEntity<>(file, csv),
				Map.class);
		assertThat(job.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String path = "/api/imports/" + job.getBody().get("importId");
		assertThat(as(TestUsers.SJZ_OFFICER).getForEntity(path, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		String namesake = token(TestUsers.SJZ_OFFICER,
				Map.of("ledger_role", "OFFICER", "ledger_unions", List.of("os-sjz-a", "os-sjz-c")), secret());
		HttpHeaders bearer = new HttpHeaders();
		bearer.setBearerAuth(namesake);

		ResponseEntity<Map> read = this.http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer), Map.class);
		assertThat(read.getStatusCode()).as(String.valueOf(read.getBody())).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(read.getBody()).containsEntry("rule", "IMPORT_UNKNOWN");
		assertThat(this.http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(bearer), Map.class).getBody())
			.containsEntry("name", "jwt:" + TestUsers.SJZ_OFFICER);

		Map<String, Object> service = Map.of("unionId", "os-sjz-a", "type", "MICRO_LOAN", "deliveredOn",
				TODAY.toString(), "amountYuan", "12.00");
		HttpHeaders keyed = new HttpHeaders();
		keyed.setContentType(MediaType.APPLICATION_JSON);
		keyed.set("Idempotency-Key", "jwt-namespace-0001");
		ResponseEntity<Map> mine = as(TestUsers.SJZ_OFFICER).postForEntity("/api/services",
				new HttpEntity<>(service, keyed), Map.class);
		assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		keyed.setBearerAuth(namesake);
		ResponseEntity<Map> theirs = this.http.exchange("/api/services", HttpMethod.POST,
				new HttpEntity<>(service, keyed), Map.class);
		assertThat(theirs.getHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(theirs.getBody().get("serviceId")).isNotEqualTo(mine.getBody().get("serviceId"));
	}

	private HttpStatus statusWith(String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return (HttpStatus) this.http
			.exchange("/api/unions/os-sjz-a", HttpMethod.GET, new HttpEntity<>(headers), Map.class)
			.getStatusCode();
	}

	private byte[] secret() {
		return Base64.getDecoder().decode(this.jwtSecret);
	}

	static String token(String subject, Map<String, Object> claims, byte[] key) throws Exception {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(600)));
		claims.forEach(builder::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
		jwt.sign(new MACSigner(key));
		return jwt.serialize();
	}

}
