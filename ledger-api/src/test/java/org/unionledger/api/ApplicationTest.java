package org.unionledger.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.unionledger.api.applications.RateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online enrollment: anyone applies without signing in (rate-limited per address); an
 * officer of the chosen union approves, which enrolls with channel ONLINE, or declines.
 */
class ApplicationTest extends ApiTestSupport {

	@Autowired
	RateLimiter limiter;

	@BeforeEach
	void fresh() {
		this.limiter.reset();
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-bd-b", "130602");
	}

	@Test
	void anApprovedApplicationEnrollsOnlineAsTheApprovingOfficer() {
		String residentId = residentId();
		LeakScan.remember(residentId, "网上申请人");
		long head = this.engine.headPosition();
		ResponseEntity<Map> submitted = this.http.postForEntity("/api/applications",
				Map.of("residentId", residentId, "name", "网上申请人", "unionId", "os-sjz-a"), Map.class);
		assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(submitted.getBody()).containsOnlyKeys("applicationId", "status").containsEntry("status", "PENDING");
		assertThat(this.engine.headPosition()).isEqualTo(head + 1);
		String id = (String) submitted.getBody().get("applicationId");

		assertThat(as(TestUsers.SJZ_OFFICER).getForObject("/api/unions/os-sjz-a/applications", Map.class)
			.get("pending")
			.toString()).contains(id);
		Map view = as(TestUsers.SJZ_OFFICER).getForObject("/api/applications/" + id, Map.class);
		assertThat(view).containsEntry("status", "PENDING")
			.containsEntry("residentIdMasked", residentId.substring(0, 4) + "**********" + residentId.substring(14))
			.containsEntry("nameMasked", "网****");
		assertThat(as(TestUsers.BD_OFFICER).postForEntity("/api/applications/" + id + "/approval", Map.of(), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<Map> approved = as(TestUsers.SJZ_OFFICER).postForEntity("/api/applications/" + id + "/approval",
				Map.of("effectiveDate", TODAY.toString()), Map.class);

		assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(approved.getBody()).containsEntry("status", "APPROVED").containsEntry("enrollment", "ENROLLED");
		Map history = as(TestUsers.SJZ_OFFICER)
			.getForObject("/api/members/" + approved.getBody().get("memberId") + "/history", Map.class);
		assertThat((List<Map>) history.get("events")).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("type", "MemberEnrolled")
				.containsEntry("channel", "ONLINE")
				.containsEntry("recordedBy", TestUsers.SJZ_OFFICER));
		assertThat(as(TestUsers.SJZ_OFFICER).getForObject("/api/unions/os-sjz-a/applications", Map.class)
			.get("pending")
			.toString()).doesNotContain(id);
		ResponseEntity<Map> again = as(TestUsers.SJZ_OFFICER).postForEntity("/api/applications/" + id + "/decline",
				Map.of("reason", "too late"), Map.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody()).containsEntry("rule", "APPLICATION_NOT_PENDING");
	}

	@Test
	void aDeclinedApplicationKeepsItsReasonAndEnrollsNobody() {
		String id = submit(residentId(), "os-sjz-a");
		long head = this.engine.headPosition();

		ResponseEntity<Map> declined = as(TestUsers.SJZ_OFFICER).postForEntity("/api/applications/" + id + "/decline",
				Map.of("reason", "申请人非本单位职工"), Map.class);

		assertThat(declined.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.engine.headPosition()).isEqualTo(head + 1);
		assertThat(as(TestUsers.SJZ_SUPERVISOR).getForObject("/api/applications/" + id, Map.class))
			.containsEntry("status", "DECLINED")
			.containsEntry("reason", "申请人非本单位职工")
			.containsEntry("decidedBy", TestUsers.SJZ_OFFICER);
	}

	@Test
	void theFormNeverTellsWhetherSomeoneIsAMemberAndRefusesBadInputWithProblems() {
		String member = residentId();
		enroll(TestUsers.SJZ_OFFICER, member, "已入会者", "os-sjz-a");
		assertThat(this.http
			.postForEntity("/api/applications", Map.of("residentId", member, "name", "已入会者", "unionId", "os-bd-b"),
					Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		long head = this.engine.headPosition();
		ResponseEntity<Map> unknown = this.http.postForEntity("/api/applications",
				Map.of("residentId", residentId(), "name", "某人", "unionId", "no-such-union"), Map.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(unknown.getBody()).containsEntry("rule", "UNION_UNKNOWN");
		ResponseEntity<Map> badId = this.http.postForEntity("/api/applications",
				Map.of("residentId", "123", "name", "某人", "unionId", "os-bd-b"), Map.class);
		assertThat(badId.getBody()).containsEntry("rule", "RESIDENT_ID_LENGTH");
		assertThat(this.engine.headPosition()).isEqualTo(head);
	}

	@Test
	void oneAddressGetsFiveAttemptsAtOnceThenA429Problem() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.postForEntity("/api/applications", Map.of("x", 1), Map.class).getStatusCode())
				.isEqualTo(HttpStatus.BAD_REQUEST);
		}
		long head = this.engine.headPosition();
		ResponseEntity<Map> limited = this.http.postForEntity("/api/applications",
				Map.of("residentId", residentId(), "name", "某人", "unionId", "os-bd-b"), Map.class);

		assertThat(limited.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(limited.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(limited.getBody()).containsEntry("rule", "RATE_LIMITED");
		assertThat(Long.parseLong(limited.getHeaders().getFirst("Retry-After"))).isPositive();
		assertThat(this.engine.headPosition()).isEqualTo(head);
	}

	private String submit(String residentId, String union) {
		ResponseEntity<Map> submitted = this.http.postForEntity("/api/applications",
				Map.of("residentId", residentId, "name", "申请人", "unionId", union), Map.class);
		assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return (String) submitted.getBody().get("applicationId");
	}

}
