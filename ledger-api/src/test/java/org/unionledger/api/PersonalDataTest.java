package org.unionledger.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.unionledger.disclosure.Events.PersonalDataDisclosed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full resident ID is a separate permission: supervisors in their subtree and system
 * administrators read it, with a purpose, and each read is recorded before the answer.
 */
class PersonalDataTest extends ApiTestSupport {

	@Autowired
	EventStore eventStore;

	@Test
	void aSupervisorReadsTheFullIdAndTheReadIsRecordedWithWhoAndWhy() {
		ensureUnion("os-sjz-a", "130102");
		String residentId = residentId();
		String member = enroll(TestUsers.SJZ_OFFICER, residentId, "欧阳春", "os-sjz-a");
		long head = this.engine.headPosition();

		ResponseEntity<Map> read = as(TestUsers.SJZ_SUPERVISOR)
			.getForEntity("/api/members/" + member + "/personal-data?purpose=duplicate report 17", Map.class);

		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read.getBody()).containsEntry("residentId", residentId).containsEntry("name", "欧阳春");
		assertThat(read.getHeaders().getCacheControl()).contains("no-store");
		assertThat(this.engine.headPosition()).isEqualTo(head + 1);
		List<PersonalDataDisclosed> disclosures = disclosures(member);
		assertThat(disclosures).singleElement().satisfies(d -> {
			assertThat(d.disclosedTo().value()).isEqualTo(TestUsers.SJZ_SUPERVISOR);
			assertThat(d.purpose()).isEqualTo("duplicate report 17");
		});
		assertThat(as(TestUsers.SYSADMIN)
			.getForEntity("/api/members/" + member + "/personal-data?purpose=audit", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(disclosures(member)).hasSize(2);
	}

	@Test
	void officersAuditorsOtherSubtreesAndReadsWithoutPurposeGetNothingAndNothingIsRecorded() {
		ensureUnion("os-sjz-a", "130102");
		String member = enroll(TestUsers.SJZ_OFFICER, residentId(), "上官秋", "os-sjz-a");
		String path = "/api/members/" + member + "/personal-data?purpose=check";
		long head = this.engine.headPosition();

		assertThat(status(TestUsers.SJZ_OFFICER, path)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(TestUsers.HEBEI_AUDITOR, path)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(TestUsers.HEBEI_ADMIN, path)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(TestUsers.TANGSHAN_SUPERVISOR, path)).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<Map> noPurpose = as(TestUsers.SJZ_SUPERVISOR)
			.getForEntity("/api/members/" + member + "/personal-data", Map.class);
		assertThat(noPurpose.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noPurpose.getBody()).containsEntry("rule", "REQUIRED").containsEntry("field", "purpose");
		ResponseEntity<Map> blank = as(TestUsers.SJZ_SUPERVISOR)
			.getForEntity("/api/members/" + member + "/personal-data?purpose= ", Map.class);
		assertThat(blank.getBody()).containsEntry("rule", "PURPOSE_BLANK");
		assertThat(this.engine.headPosition()).isEqualTo(head);
		assertThat(disclosures(member)).isEmpty();
	}

	@Test
	void aPurposeLongerThanTheLimitIsRefusedWithTheLimitItBreaks() {
		ensureUnion("os-sjz-a", "130102");
		String member = enroll(TestUsers.SJZ_OFFICER, residentId(), "司马冬", "os-sjz-a");
		long head = this.engine.headPosition();

		ResponseEntity<Map> longest = as(TestUsers.SJZ_SUPERVISOR)
			.getForEntity("/api/members/" + member + "/personal-data?purpose={purpose}", Map.class, "因".repeat(200));
		ResponseEntity<Map> tooLong = as(TestUsers.SJZ_SUPERVISOR)
			.getForEntity("/api/members/" + member + "/personal-data?purpose={purpose}", Map.class, "因".repeat(201));

		assertThat(longest.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(tooLong.getBody()).containsEntry("rule", "PURPOSE_TOO_LONG").containsEntry("field", "purpose");
		assertThat((String) tooLong.getBody().get("detail")).contains("200");
		assertThat(this.engine.headPosition()).isEqualTo(head + 1);
	}

	private HttpStatus status(String user, String path) {
		return (HttpStatus) as(user).getForEntity(path, Map.class).getStatusCode();
	}

	private List<PersonalDataDisclosed> disclosures(String member) {
		List<PersonalDataDisclosed> found = new ArrayList<>();
		this.eventStore.readEvents("pd-" + member).forEachRemaining((DomainEventMessage<?> m) -> {
			if (m.getPayload() instanceof PersonalDataDisclosed d) {
				found.add(d);
			}
		});
		return found;
	}

}
