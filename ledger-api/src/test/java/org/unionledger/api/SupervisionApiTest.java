package org.unionledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.unionledger.identity.ResidentId;
import org.unionledger.seeds.SeedPlan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused duplicate enrollment is a finding supervisors can list by jurisdiction and
 * union.
 */
class SupervisionApiTest extends ApiTestSupport {

	/** Signs in as the test system administrator. */
	@org.junit.jupiter.api.BeforeEach
	void signIn() {
		this.http = this.http.withBasicAuth(TestUsers.SYSADMIN, TestUsers.PASSWORD);
	}

	@Test
	void aDuplicateEnrollmentAttemptIsListedForSupervisors() {
		for (String[] union : new String[][] { { "sv-home", "130105" }, { "sv-other", "130402" } }) {
			assertThat(this.http
				.postForEntity("/api/unions",
						Map.of("unionId", union[0], "name", "督查测试 " + union[0], "type", "ENTERPRISE", "sector",
								"LOGISTICS", "jurisdictionCode", union[1], "establishedOn", "2018-03-01"),
						Map.class)
				.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		}
		String first17 = "139904" + "19900909" + "135";
		String residentId = first17 + ResidentId.checkDigitFor(first17);
		// 2026 may have been signed for Shijiazhuang by another test of the suite
		// (SignOffApiTest): the enrollments confirm the backdating
		String memberId = (String) this.http
			.postForEntity("/api/members", Map.of("residentId", residentId, "name", "孙七", "unionId", "sv-home",
					"effectiveDate", "2026-05-01", "channel", "ON_SITE", "confirmBackdating", true), Map.class)
			.getBody()
			.get("memberId");
		assertThat(
				this.http
					.postForEntity("/api/members",
							Map.of("residentId", residentId, "name", "孙七", "unionId", "sv-other", "effectiveDate",
									"2026-05-20", "channel", "IMPORT", "confirmBackdating", true),
							Map.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);

		Map atHandan = this.http.getForObject(
				"/api/supervision/findings?jurisdiction=1304&year=2026&kind=DUPLICATE_ENROLLMENT_ATTEMPT", Map.class);
		List<Map> findings = (List<Map>) atHandan.get("findings");
		assertThat(findings).anySatisfy(f -> {
			assertThat(f.get("memberId")).isEqualTo(memberId);
			assertThat(f.get("unionId")).isEqualTo("sv-other");
			assertThat((Map) f.get("detail")).containsEntry("currentUnionId", "sv-home");
		});
		Map atUnion = this.http.getForObject("/api/supervision/findings?unionId=sv-other&year=2026", Map.class);
		assertThat((List<Map>) atUnion.get("findings")).extracting(f -> f.get("memberId")).contains(memberId);
		assertThat(this.http.getForEntity("/api/supervision/findings?year=2026", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

		String findingId = (String) findings.stream()
			.filter(f -> memberId.equals(f.get("memberId")))
			.findFirst()
			.orElseThrow()
			.get("id");
		Map decided = this.http.postForObject("/api/supervision/findings/" + findingId + "/decision",
				Map.of("decision", "CONFIRMED", "reason", "the same worker, enrolled twice"), Map.class);
		assertThat(decided).containsEntry("status", "CONFIRMED").containsEntry("decidedBy", TestUsers.SYSADMIN);
		var again = this.http.postForEntity("/api/supervision/findings/" + findingId + "/decision",
				Map.of("decision", "DISMISSED", "reason", "second thoughts"), Map.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		Map homeBefore = this.http.getForObject("/api/unions/sv-home/summary?year=2026", Map.class);
		Map corrected = this.http.postForObject("/api/supervision/findings/" + findingId + "/correction",
				Map.of("reason", "came from a union in another province"), Map.class);
		assertThat(corrected).containsEntry("memberId", memberId);
		Map homeAfter = this.http.getForObject("/api/unions/sv-home/summary?year=2026", Map.class);
		assertThat(((Number) homeAfter.get("newEnrollments")).longValue())
			.isEqualTo(((Number) homeBefore.get("newEnrollments")).longValue() - 1);
		assertThat(((Number) homeAfter.get("transfersIn")).longValue())
			.isEqualTo(((Number) homeBefore.get("transfersIn")).longValue() + 1);
		assertThat(homeAfter.get("activeMembers")).isEqualTo(homeBefore.get("activeMembers"));
		assertThat(this.http
			.postForEntity("/api/supervision/findings/" + findingId + "/correction", Map.of("reason", "twice"),
					Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(this.http
			.postForEntity("/api/supervision/findings/NOPE:m-x:1/decision",
					Map.of("decision", "DISMISSED", "reason", "x"), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theSeedsExpiredCredentialsAreFindingsThatSupervisorsDecide() {
		SeedPlan plan = SeedPlan.generate(20210501L, 100);
		List<Map> expired = new java.util.ArrayList<>();
		for (int year = 2025; year <= 2027; year++) {
			Map body = this.http.getForObject(
					"/api/supervision/findings?jurisdiction=13&year=" + year + "&kind=CREDENTIAL_EXPIRED_UNUSED",
					Map.class);
			expired.addAll((List<Map>) body.get("findings"));
		}
		// The test profile seeds this plan at start-up; its expired credentials were
		// never
		// accepted, whether or not they were presented late.
		assertThat(plan.figures().expiredCredentials()).isPositive();
		assertThat(expired).hasSizeGreaterThanOrEqualTo(plan.figures().expiredCredentials()).allSatisfy((f) -> {
			assertThat(LocalDate.parse((String) f.get("effectiveDate"))).isBeforeOrEqualTo(TODAY);
			assertThat((Map) f.get("detail")).containsKeys("issuedOn", "expiresOn", "refusedPresentations");
		});
		System.out.printf(
				"supervision over HTTP: the seed plan has %d expired credentials; %d findings "
						+ "CREDENTIAL_EXPIRED_UNUSED in Hebei, years 2025-2027%n",
				plan.figures().expiredCredentials(), expired.size());
		Map open = expired.stream().filter((f) -> "OPEN".equals(f.get("status"))).findFirst().orElseThrow();
		String findingId = (String) open.get("id");
		Map decided = this.http.postForObject("/api/supervision/findings/" + findingId + "/decision",
				Map.of("decision", "DISMISSED", "reason", "the worker stayed on purpose"), Map.class);
		assertThat(decided).containsEntry("id", findingId)
			.containsEntry("kind", "CREDENTIAL_EXPIRED_UNUSED")
			.containsEntry("status", "DISMISSED")
			.containsEntry("decisionReason", "the worker stayed on purpose");
		assertThat(this.http
			.postForEntity("/api/supervision/findings/" + findingId + "/decision",
					Map.of("decision", "CONFIRMED", "reason", "second thoughts"), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

}
