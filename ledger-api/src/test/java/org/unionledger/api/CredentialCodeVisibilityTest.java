package org.unionledger.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transfer credential's code is a bearer secret: only the officers of the issuing and
 * of the receiving union read it; auditors and supervisors read its last four characters
 * (issue 16, item 5).
 */
class CredentialCodeVisibilityTest extends ApiTestSupport {

	@Test
	void anOutstandingCodeShowsOnlyToTheIssuingUnionsOfficers() {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-bd-b", "130602");
		String member = enroll(TestUsers.SJZ_OFFICER, residentId(), "郑十", "os-sjz-a");
		String code = issue(member);
		String history = "/api/members/" + member + "/history";

		assertThat(codesIn(TestUsers.SJZ_OFFICER, history)).as("the issuing officer").containsExactly(code);
		for (String reader : new String[] { TestUsers.HEBEI_AUDITOR, TestUsers.SJZ_SUPERVISOR }) {
			List<String> seen = codesIn(reader, history);
			assertThat(seen).as(reader).hasSize(1).doesNotContain(code);
			assertThat(seen.get(0)).as(reader)
				.isEqualTo("TC-****-****-****-" + code.substring(code.length() - 4))
				.doesNotContain(code.substring(3, 7));
		}
	}

	@Test
	void anAcceptedCodeShowsToTheReceivingUnionsOfficersAndIsMaskedInFigureEvents() {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-bd-b", "130602");
		String member = enroll(TestUsers.SJZ_OFFICER, residentId(), "郑十一", "os-sjz-a");
		String code = issue(member);
		assertThat(as(TestUsers.BD_OFFICER)
			.postForEntity("/api/transfer-credentials/" + code + "/acceptance",
					Map.of("unionId", "os-bd-b", "effectiveDate", TODAY.toString()), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		String history = "/api/members/" + member + "/history";

		assertThat(codesIn(TestUsers.BD_OFFICER, history)).as("the receiving officer").containsExactly(code, code);
		assertThat(codesIn(TestUsers.HEBEI_AUDITOR, history)).hasSize(2).doesNotContain(code);

		String events = "/api/unions/os-bd-b/statistics/transfersIn/events?size=500";
		assertThat(codesOfMember(TestUsers.HEBEI_AUDITOR, events, member)).as("an auditor explaining a figure")
			.hasSize(1)
			.doesNotContain(code);
		assertThat(codesOfMember(TestUsers.BD_OFFICER, events, member)).containsExactly(code);
	}

	private String issue(String member) {
		ResponseEntity<Map> issued = as(TestUsers.SJZ_OFFICER).postForEntity(
				"/api/members/" + member + "/transfer-credentials",
				Map.of("issuedOn", TODAY.toString(), "toUnionId", "os-bd-b"), Map.class);
		assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) issued.getBody().get("code");
	}

	private List<String> codesIn(String user, String history) {
		ResponseEntity<Map> response = as(user).getForEntity(history, Map.class);
		assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
		return ((List<Map>) response.getBody().get("events")).stream()
			.filter(e -> e.containsKey("code"))
			.map(e -> (String) e.get("code"))
			.toList();
	}

	private List<String> codesOfMember(String user, String path, String member) {
		ResponseEntity<Map> response = as(user).getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).as(user + " " + response.getBody()).isEqualTo(HttpStatus.OK);
		return ((List<Map>) response.getBody().get("events")).stream()
			.filter(e -> member.equals(e.get("aggregateId")))
			.map(e -> (String) ((Map) e.get("payload")).get("code"))
			.toList();
	}

}
