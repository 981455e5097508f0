package org.unionledger.api;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service to a member is recorded only by a union that holds or serves the member on
 * the day; a member out of reach and an unknown member read the same 404.
 */
class ServiceScopeTest extends ApiTestSupport {

	/** Held by the Baoding union {@code os-bd-b} since 30 days ago. */
	private String baodingMember;

	@BeforeEach
	void unionsAndMember() {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-sjz-c", "130104");
		ensureUnion("os-bd-b", "130602");
		this.baodingMember = enroll(TestUsers.BD_OFFICER, residentId(), "保定会员", "os-bd-b");
	}

	@Test
	void anOfficerOfAnotherCitysUnionCannotRecordServicesForTheMember() {
		long head = this.engine.headPosition();
		Map<String, Object> sjzBefore = summary("/api/unions/os-sjz-a/summary");
		Map<String, Object> hebeiBefore = summary("/api/jurisdictions/13/summary");

		ResponseEntity<Map> probe = record(TestUsers.SJZ_OFFICER, "os-sjz-a", this.baodingMember, TODAY.minusDays(1));

		assertThat(probe.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(probe.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(probe.getBody()).containsEntry("rule", "MEMBER_UNKNOWN").containsEntry("field", "memberId");
		assertThat(this.engine.headPosition()).as("no event written").isEqualTo(head);
		assertThat(summary("/api/unions/os-sjz-a/summary")).isEqualTo(sjzBefore);
		assertThat(summary("/api/jurisdictions/13/summary")).isEqualTo(hebeiBefore);
	}

	@Test
	void anUnknownMemberReadsExactlyLikeOneOutOfReach() {
		ResponseEntity<Map> outOfReach = record(TestUsers.SJZ_OFFICER, "os-sjz-a", this.baodingMember,
				TODAY.minusDays(1));
		long head = this.engine.headPosition();
		ResponseEntity<Map> unknown = record(TestUsers.SJZ_OFFICER, "os-sjz-a", "m-nosuchmemberanywhere0000000",
				TODAY.minusDays(1));
		ResponseEntity<Map> malformed = record(TestUsers.SJZ_OFFICER, "os-sjz-a", "not a member id",
				TODAY.minusDays(1));

		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(unknown.getBody()).isEqualTo(outOfReach.getBody());
		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(malformed.getBody()).isEqualTo(outOfReach.getBody());
		assertThat(this.engine.headPosition()).isEqualTo(head);
	}

	@Test
	void theHoldingUnionRecordsServicesForItsMember() {
		Map<String, Object> before = summary("/api/unions/os-bd-b/summary");
		ResponseEntity<Map> recorded = record(TestUsers.BD_OFFICER, "os-bd-b", this.baodingMember, TODAY.minusDays(1));

		assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(number(summary("/api/unions/os-bd-b/summary"), "servicePersonTimes"))
			.isEqualTo(number(before, "servicePersonTimes") + 1);
	}

	@Test
	void aServingUnionRecordsServicesDuringItsAssignmentOnly() {
		ResponseEntity<Map> assigned = as(TestUsers.BD_OFFICER).postForEntity(
				"/api/members/" + this.baodingMember + "/serving-assignments",
				Map.of("servingUnionId", "os-sjz-c", "effectiveDate", TODAY.minusDays(20).toString()), Map.class);
		assertThat(assigned.getStatusCode()).as(String.valueOf(assigned.getBody())).isEqualTo(HttpStatus.CREATED);

		assertThat(record(TestUsers.SJZ_OFFICER, "os-sjz-c", this.baodingMember, TODAY.minusDays(10)).getStatusCode())
			.as("during the assignment")
			.isEqualTo(HttpStatus.CREATED);
		assertThat(record(TestUsers.SJZ_OFFICER, "os-sjz-c", this.baodingMember, TODAY.minusDays(21)).getStatusCode())
			.as("before it began")
			.isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<Map> ended = as(TestUsers.BD_OFFICER).postForEntity(
				"/api/members/" + this.baodingMember + "/serving-assignments/end",
				Map.of("effectiveDate", TODAY.minusDays(5).toString()), Map.class);
		assertThat(ended.getStatusCode()).as(String.valueOf(ended.getBody())).isEqualTo(HttpStatus.OK);

		long head = this.engine.headPosition();
		ResponseEntity<Map> after = record(TestUsers.SJZ_OFFICER, "os-sjz-c", this.baodingMember, TODAY.minusDays(2));
		assertThat(after.getStatusCode()).as("after it ended").isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(after.getBody()).containsEntry("rule", "MEMBER_UNKNOWN").containsEntry("field", "memberId");
		assertThat(this.engine.headPosition()).isEqualTo(head);
		assertThat(record(TestUsers.SJZ_OFFICER, "os-sjz-c", this.baodingMember, TODAY.minusDays(10)).getStatusCode())
			.as("a late record of a day within the assignment")
			.isEqualTo(HttpStatus.CREATED);
	}

	private ResponseEntity<Map> record(String user, String unionId, String memberId, java.time.LocalDate deliveredOn) {
		Map<String, Object> body = new HashMap<>();
		body.put("unionId", unionId);
		body.put("memberId", memberId);
		body.put("type", "RIGHTS_PROTECTION");
		body.put("deliveredOn", deliveredOn.toString());
		body.put("personTimes", 1);
		body.put("amountYuan", "120.00");
		return as(user).postForEntity("/api/services", body, Map.class);
	}

	private Map<String, Object> summary(String path) {
		ResponseEntity<Map> response = as(TestUsers.SYSADMIN).getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private static long number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).longValue();
	}

}
