package org.unionledger.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transfer across cities, Shijiazhuang to Baoding: the origin union's officer issues,
 * only an officer of the receiving union accepts, and neither sees the other's members.
 */
class TransferScopeTest extends ApiTestSupport {

	@Test
	void eachOfficerSeesOnlyTheirOwnUnionsMembersBeforeAndAfterTheTransfer() {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-bd-b", "130602");
		String member = enroll(TestUsers.SJZ_OFFICER, residentId(), "周九", "os-sjz-a");
		String history = "/api/members/" + member + "/history";

		assertThat(as(TestUsers.BD_OFFICER)
			.postForEntity("/api/members/" + member + "/transfer-credentials", Map.of("issuedOn", TODAY.toString()),
					Map.class)
			.getStatusCode()).as("the receiving officer cannot issue").isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<Map> issued = as(TestUsers.SJZ_OFFICER).postForEntity(
				"/api/members/" + member + "/transfer-credentials",
				Map.of("issuedOn", TODAY.toString(), "toUnionId", "os-bd-b"), Map.class);
		assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String accept = "/api/transfer-credentials/" + issued.getBody().get("code") + "/acceptance";
		Map<String, String> acceptance = Map.of("unionId", "os-bd-b", "effectiveDate", TODAY.toString());

		assertThat(as(TestUsers.BD_OFFICER).getForEntity(history, Map.class).getStatusCode())
			.as("in flight the member still belongs to the origin")
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as(TestUsers.BD_OFFICER).getForEntity("/api/unions/os-sjz-a/members", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as(TestUsers.SJZ_OFFICER).postForEntity(accept, acceptance, Map.class).getStatusCode())
			.as("the origin officer cannot accept for the receiving union")
			.isEqualTo(HttpStatus.FORBIDDEN);

		assertThat(as(TestUsers.BD_OFFICER).postForEntity(accept, acceptance, Map.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		assertThat(as(TestUsers.SJZ_OFFICER).getForEntity(history, Map.class).getStatusCode())
			.as("after the transfer the origin no longer sees the member")
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as(TestUsers.BD_OFFICER).getForEntity(history, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(as(TestUsers.SJZ_OFFICER).getForEntity("/api/unions/os-bd-b/members", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(memberIds(TestUsers.SJZ_OFFICER, "os-sjz-a")).doesNotContain(member);
		assertThat(memberIds(TestUsers.BD_OFFICER, "os-bd-b")).contains(member);
		assertThat(memberIds(TestUsers.SJZ_SUPERVISOR, "os-sjz-a")).as("the city's supervisor reads its unions")
			.doesNotContain(member);
	}

	private List<Object> memberIds(String user, String union) {
		ResponseEntity<Map> roster = as(user).getForEntity("/api/unions/" + union + "/members", Map.class);
		assertThat(roster.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((List<Map>) roster.getBody().get("members")).stream().map(m -> m.get("memberId")).toList();
	}

}
