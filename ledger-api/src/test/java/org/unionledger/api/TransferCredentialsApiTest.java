package org.unionledger.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A union's credentials over HTTP (issue 15, item 2): the issuing union lists, cancels
 * and re-issues; the receiving union's inbox shows the member's masked name and the
 * issuing union before acceptance; out of scope a credential is unknown; bad input is a
 * 4xx problem naming its field and rule and writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferCredentialsApiTest extends ApiTestSupport {

	String member;

	String other;

	@BeforeAll
	void unions() {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-sjz-c", "130104");
		ensureUnion("os-bd-b", "130602");
		this.member = enroll(TestUsers.SJZ_OFFICER, residentId(), "张小三", "os-sjz-c");
		this.other = enroll(TestUsers.SJZ_OFFICER, residentId(), "李四", "os-sjz-c");
	}

	@Test
	void theIssuingUnionListsItsCredentialAndTheReceivingUnionSeesItInItsInboxMasked() {
		Map<String, Object> before = list(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-c/transfer-credentials");
		Map<String, Object> inboxBefore = list(TestUsers.BD_OFFICER, "/api/unions/os-bd-b/transfer-credentials/inbox");
		String code = issue(this.member, "os-bd-b");

		Map<String, Object> after = list(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-c/transfer-credentials");
		assertThat(count(after, "outstanding")).isEqualTo(count(before, "outstanding") + 1);
		assertThat(((Number) after.get("total")).longValue()).isEqualTo(((Number) before.get("total")).longValue() + 1);
		assertThat(after.get("unionName")).isEqualTo("测试工会 os-sjz-c");
		Map<String, Object> listed = item(after, code);
		assertThat(listed).containsEntry("memberId", this.member)
			.containsEntry("memberName", "张**")
			.containsEntry("toUnionId", "os-bd-b")
			.containsEntry("toUnionName", "测试工会 os-bd-b")
			.containsEntry("state", "OUTSTANDING");
		assertThat(
				list(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-c/transfer-credentials?state=USED").get("credentials"))
			.asList()
			.noneMatch((c) -> code.equals(((Map<?, ?>) c).get("code")));

		Map<String, Object> inbox = list(TestUsers.BD_OFFICER, "/api/unions/os-bd-b/transfer-credentials/inbox");
		assertThat(((Number) inbox.get("total")).longValue())
			.isEqualTo(((Number) inboxBefore.get("total")).longValue() + 1);
		Map<String, Object> addressed = item(inbox, code);
		assertThat(addressed).containsEntry("memberName", "张**")
			.containsEntry("fromUnionId", "os-sjz-c")
			.containsEntry("fromUnionName", "测试工会 os-sjz-c")
			.doesNotContainKey("memberId");

		// Accepted: it leaves the inbox and is listed as used.
		ResponseEntity<Map> accepted = as(TestUsers.BD_OFFICER).postForEntity(
				"/api/transfer-credentials/" + code + "/acceptance",
				Map.of("unionId", "os-bd-b", "effectiveDate", TODAY.toString()), Map.class);
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list(TestUsers.BD_OFFICER, "/api/unions/os-bd-b/transfer-credentials/inbox").get("credentials"))
			.asList()
			.noneMatch((c) -> code.equals(((Map<?, ?>) c).get("code")));
		assertThat(item(list(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-c/transfer-credentials?state=USED"), code))
			.containsEntry("acceptedOn", TODAY.toString());
	}

	@Test
	void cancelThenReissueKeepsTheMemberAndTheReceivingUnion() {
		String code = issue(this.other, "os-bd-b");
		Map<String, Object> before = list(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-c/transfer-credentials");

		ResponseEntity<Map> reissued = as(TestUsers.SJZ_OFFICER)
			.postForEntity("/api/transfer-credentials/" + code + "/reissue", Map.of("reason", "凭证遗失"), Map.class);
		assertThat(reissued.getStatusCode()).as(String.valueOf(reissued.getBody())).isEqualTo(HttpStatus.CREATED);
		String replacement = (String) reissued.getBody().get("code");
		assertThat(replacement).isNotEqualTo(code);
		Map<String, Object> after = list(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-c/transfer-credentials");
		assertThat(item(after, code)).containsEntry("state", "CANCELLED");
		assertThat(item(after, replacement)).containsEntry("state", "OUTSTANDING")
			.containsEntry("memberId", this.other)
			.containsEntry("toUnionId", "os-bd-b");
		assertThat(count(after, "outstanding")).isEqualTo(count(before, "outstanding"));
		assertThat(count(after, "cancelled")).isEqualTo(count(before, "cancelled") + 1);

		// The old one can be neither re-issued nor cancelled again; nothing is written.
		long head = this.engine.headPosition();
		assertProblem(
				as(TestUsers.SJZ_OFFICER).postForEntity("/api/transfer-credentials/" + code + "/reissue",
						Map.of("reason", "again"), Map.class),
				HttpStatus.CONFLICT, "CREDENTIAL_NOT_OUTSTANDING", "code");
		assertProblem(
				as(TestUsers.SJZ_OFFICER).postForEntity("/api/transfer-credentials/" + code + "/cancellation",
						Map.of("reason", "again"), Map.class),
				HttpStatus.CONFLICT, "CREDENTIAL_NOT_OUTSTANDING", "code");
		assertThat(this.engine.headPosition()).isEqualTo(head);

		ResponseEntity<Map> cancelled = as(TestUsers.SJZ_OFFICER).postForEntity(
				"/api/transfer-credentials/" + replacement + "/cancellation", Map.of("reason", "工人留在原单位"), Map.class);
		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cancelled.getBody()).containsEntry("memberId", this.other)
			.containsEntry("effectiveDate", TODAY.toString());
		assertThat(item(list(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-c/transfer-credentials?state=CANCELLED"),
				replacement))
			.containsEntry("state", "CANCELLED");
		assertThat(list(TestUsers.BD_OFFICER, "/api/unions/os-bd-b/transfer-credentials/inbox").get("credentials"))
			.asList()
			.noneMatch(
					(c) -> replacement.equals(((Map<?, ?>) c).get("code")) || code.equals(((Map<?, ?>) c).get("code")));
	}

	@Test
	void outOfScopeACredentialIsUnknownAndNothingIsWritten() {
		String code = issue(enroll(TestUsers.SJZ_OFFICER, residentId(), "王五", "os-sjz-c"), "os-bd-b");
		long head = this.engine.headPosition();
		assertProblem(as(TestUsers.BD_OFFICER).postForEntity("/api/transfer-credentials/" + code + "/cancellation",
				Map.of("reason", "not mine"), Map.class), HttpStatus.NOT_FOUND, "CREDENTIAL_UNKNOWN", "code");
		assertProblem(as(TestUsers.BD_OFFICER).postForEntity("/api/transfer-credentials/" + code + "/reissue",
				Map.of("reason", "not mine"), Map.class), HttpStatus.NOT_FOUND, "CREDENTIAL_UNKNOWN", "code");
		assertThat(as(TestUsers.BD_OFFICER).getForEntity("/api/unions/os-sjz-c/transfer-credentials", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as(TestUsers.SJZ_OFFICER).getForEntity("/api/unions/os-bd-b/transfer-credentials/inbox", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.engine.headPosition()).isEqualTo(head);
	}

	@Test
	void badInputIsAProblemNamingItsFieldAndRuleAndWritesNothing() {
		String code = issue(enroll(TestUsers.SJZ_OFFICER, residentId(), "赵六", "os-sjz-c"), "os-bd-b");
		long head = this.engine.headPosition();
		String cancel = "/api/transfer-credentials/" + code + "/cancellation";
		assertProblem(as(TestUsers.SJZ_OFFICER).postForEntity(cancel, Map.of("reason", " "), Map.class), null, null,
				"reason");
		assertProblem(
				as(TestUsers.SJZ_OFFICER).postForEntity(cancel,
						Map.of("reason", "x", "effectiveDate", TODAY.plusDays(1).toString()), Map.class),
				HttpStatus.UNPROCESSABLE_ENTITY, "EFFECTIVE_DATE_IN_FUTURE", "effectiveDate");
		assertProblem(
				as(TestUsers.SJZ_OFFICER).postForEntity("/api/transfer-credentials/" + code + "/reissue",
						Map.of("reason", "x", "issuedOn", TODAY.plusDays(1).toString()), Map.class),
				HttpStatus.UNPROCESSABLE_ENTITY, "EFFECTIVE_DATE_IN_FUTURE", "issuedOn");
		assertProblem(as(TestUsers.SJZ_OFFICER).postForEntity("/api/transfer-credentials/TC-NOPE/cancellation",
				Map.of("reason", "x"), Map.class), HttpStatus.NOT_FOUND, "CREDENTIAL_UNKNOWN", "code");
		assertProblem(
				as(TestUsers.SJZ_OFFICER).getForEntity("/api/unions/os-sjz-c/transfer-credentials?size=0", Map.class),
				HttpStatus.UNPROCESSABLE_ENTITY, "PAGE_SIZE_OUT_OF_RANGE", "size");
		assertProblem(
				as(TestUsers.SJZ_OFFICER).getForEntity("/api/unions/os-sjz-c/transfer-credentials?page=-1", Map.class),
				HttpStatus.UNPROCESSABLE_ENTITY, "PAGE_OUT_OF_RANGE", "page");
		assertProblem(as(TestUsers.SJZ_OFFICER).getForEntity("/api/unions/os-sjz-c/transfer-credentials?state=LOST",
				Map.class), null, null, "state");
		assertProblem(as(TestUsers.SJZ_OFFICER).getForEntity("/api/transfer-destinations?limit=0", Map.class),
				HttpStatus.UNPROCESSABLE_ENTITY, "PAGE_SIZE_OUT_OF_RANGE", "limit");
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);
		assertThat(item(list(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-c/transfer-credentials"), code))
			.containsEntry("state", "OUTSTANDING");
	}

	@Test
	void unionsArePickedByNameAndMembersListedWithMaskedNames() {
		String staying = enroll(TestUsers.SJZ_OFFICER, residentId(), "张小三", "os-sjz-c");
		Map<String, Object> found = list(TestUsers.SJZ_OFFICER, "/api/transfer-destinations?name=" + "测试工会 os-bd");
		assertThat(found.get("unions")).asList()
			.anySatisfy((u) -> assertThat((Map<String, Object>) u).containsEntry("unionId", "os-bd-b")
				.containsEntry("name", "测试工会 os-bd-b")
				.containsEntry("place", "保定市竞秀区"));
		List<Map<String, Object>> members = candidates();
		assertThat(members)
			.anySatisfy((m) -> assertThat(m).containsEntry("memberId", staying).containsEntry("name", "张**"));
		assertThat(members).allSatisfy((m) -> assertThat((String) m.get("name")).doesNotContain("小三"));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> candidates() {
		return (List<Map<String, Object>>) list(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-c/transfer-candidates")
			.get("members");
	}

	private String issue(String memberId, String toUnionId) {
		ResponseEntity<Map> issued = as(TestUsers.SJZ_OFFICER).postForEntity(
				"/api/members/" + memberId + "/transfer-credentials",
				Map.of("issuedOn", TODAY.toString(), "toUnionId", toUnionId), Map.class);
		assertThat(issued.getStatusCode()).as(String.valueOf(issued.getBody())).isEqualTo(HttpStatus.CREATED);
		return (String) issued.getBody().get("code");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> list(String user, String path) {
		ResponseEntity<Map> response = as(user).getForEntity(path + (path.contains("?") ? "&" : "?") + "size=100",
				Map.class);
		assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> item(Map<String, Object> list, String code) {
		return ((List<Map<String, Object>>) list.get("credentials")).stream()
			.filter((c) -> code.equals(c.get("code")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(code + " not listed in " + list));
	}

	@SuppressWarnings("unchecked")
	private static long count(Map<String, Object> list, String state) {
		return ((Number) ((Map<String, Object>) list.get("counts")).get(state)).longValue();
	}

	/** A 4xx problem+json naming the field (and the rule and status when given). */
	private static void assertProblem(ResponseEntity<Map> response, HttpStatus status, String rule, String field) {
		assertThat(response.getStatusCode().is4xxClientError()).as(String.valueOf(response.getBody())).isTrue();
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		if (status != null) {
			assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
		}
		if (rule != null) {
			assertThat(response.getBody()).containsEntry("rule", rule);
		}
		assertThat(response.getBody()).containsEntry("field", field);
	}

}
