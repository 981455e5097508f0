package org.unionledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.unionledger.projections.rosters.RosterProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.unionledger.identity.ResidentId;

/**
 * An officer's member work over HTTP: lookup by resident ID in every spelling and by
 * name, the paged member list, hold, resume, terminate, re-enroll and name correction;
 * bad input and refused changes are 4xx problems naming field and rule, and write
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberWorkApiTest extends ApiTestSupport {

	private static final String UNION = "os-sjz-c";

	private String legacyId;

	private String xId;

	private String member;

	@org.springframework.beans.factory.annotation.Autowired
	com.mongodb.client.MongoDatabase database;

	@BeforeAll
	void fixture() {
		ensureUnion(UNION, "130104");
		// A member enrolled with a 15-digit legacy number, and one whose ID ends in X.
		this.legacyId = "139901" + "790512" + "357";
		this.member = enroll(TestUsers.SJZ_OFFICER, this.legacyId, "王晓明", UNION);
		for (int n = 100; n < 999; n++) {
			String first17 = "139901" + "19850203" + n;
			if (ResidentId.checkDigitFor(first17) == 'X') {
				this.xId = first17 + "X";
				break;
			}
		}
		enroll(TestUsers.SJZ_OFFICER, this.xId, "李娜", UNION);
	}

	private ResponseEntity<Map> post(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
	}

	private ResponseEntity<Map> lookup(String user, Map<String, Object> body) {
		return post(user, "/api/members/lookup", body);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> members(ResponseEntity<Map> response) {
		return (List<Map<String, Object>>) response.getBody().get("members");
	}

	@Test
	void aMemberIsFoundByResidentIdInEverySpelling() {
		String first17 = "139901" + "19" + "790512" + "357";
		String eighteen = first17 + ResidentId.checkDigitFor(first17);
		for (String spelling : List.of(this.legacyId, eighteen, " " + eighteen + " ")) {
			ResponseEntity<Map> found = lookup(TestUsers.SJZ_OFFICER, Map.of("residentId", spelling));
			assertThat(found.getStatusCode()).as(spelling).isEqualTo(HttpStatus.OK);
			assertThat(members(found)).singleElement()
				.satisfies((m) -> assertThat(m).containsEntry("memberId", this.member)
					.containsEntry("name", "王晓明")
					.containsEntry("nameMasked", false)
					.containsEntry("residentId", eighteen.substring(0, 4) + "**********" + eighteen.substring(14)));
		}
		ResponseEntity<Map> lower = lookup(TestUsers.SJZ_OFFICER, Map.of("residentId", this.xId.toLowerCase()));
		assertThat(lower.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(members(lower)).singleElement().satisfies((m) -> assertThat(m).containsEntry("name", "李娜"));
	}

	@Test
	void aSupervisorFindsTheMemberWithTheNameMaskedAndAnOfficerElsewhereDoesNotFindThem() {
		ResponseEntity<Map> supervisor = lookup(TestUsers.SJZ_SUPERVISOR, Map.of("residentId", this.xId));
		assertThat(supervisor.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(members(supervisor)).singleElement()
			.satisfies((m) -> assertThat(m).containsEntry("name", "李*").containsEntry("nameMasked", true));
		ResponseEntity<Map> elsewhere = lookup(TestUsers.BD_OFFICER, Map.of("residentId", this.xId));
		ResponseEntity<Map> nobody = lookup(TestUsers.BD_OFFICER, Map.of("residentId", residentId()));
		assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(elsewhere.getBody()).containsEntry("rule", "MEMBER_UNKNOWN");
		assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(elsewhere.getBody()).containsEntry("rule", nobody.getBody().get("rule"))
			.containsEntry("detail", nobody.getBody().get("detail"));
	}

	@Test
	void anOfficerFindsAMemberByNameInTheirUnionsAndNobodyIsNotFound() {
		ResponseEntity<Map> found = lookup(TestUsers.SJZ_OFFICER, Map.of("name", " 李娜 "));
		assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(members(found)).extracting((m) -> m.get("name")).containsExactly("李娜");
		ResponseEntity<Map> none = lookup(TestUsers.SJZ_OFFICER, Map.of("name", "无此人"));
		assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(none.getBody()).containsEntry("rule", "MEMBER_UNKNOWN");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					neither ID nor name   | /api/members/lookup | {}                                             | LOOKUP_TERM_REQUIRED | residentId
					both ID and name      | /api/members/lookup | {"residentId":"139901197905123570","name":"王"} | LOOKUP_TERM_REQUIRED | name
					bad check digit       | /api/members/lookup | {"residentId":"139901199001011230"}             | RESIDENT_ID_CHECK_DIGIT | residentId
					name with digits      | /api/members/lookup | {"name":"王1"}                                   | NAME_CHARACTERS | name
					hold without reason   | /api/members/%M%/hold | {"effectiveDate":"2026-01-01","reason":" "}  | NOT_BLANK | reason
					hold in the future    | /api/members/%M%/hold | {"effectiveDate":"2999-01-01","reason":"退休"} | EFFECTIVE_DATE_IN_FUTURE | effectiveDate
					unknown reason        | /api/members/%M%/termination | {"effectiveDate":"2026-01-01","reason":"BORED"} | INVALID_VALUE | reason
					resume an active one  | /api/members/%M%/resumption | {"effectiveDate":"2026-01-01"}          | MEMBERSHIP_NOT_ON_HOLD | memberId
					re-enroll an active one | /api/members/%M%/re-enrollment | {"unionId":"os-sjz-c","effectiveDate":"2026-01-01","channel":"ON_SITE"} | MEMBERSHIP_NOT_ENDED | memberId
					same name             | /api/members/%M%/name-correction | {"name":"王晓明","reason":"x"}        | NAME_UNCHANGED | name
					name with a symbol    | /api/members/%M%/name-correction | {"name":"=王","reason":"x"}           | NAME_CHARACTERS | name
					""")
	void badInputIsA4xxProblemNamingFieldAndRuleAndWritesNothing(String label, String path, String body, String rule,
			String field) {
		long head = this.engine.headPosition();
		ResponseEntity<Map> response = post(TestUsers.SJZ_OFFICER, path.replace("%M%", this.member), body);
		assertThat(response.getStatusCode().is4xxClientError()).as(label + ": " + response.getBody()).isTrue();
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("rule", rule).containsEntry("field", field);
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);
	}

	@Test
	void aNameIsFoundThroughTheIndexOnlyForCurrentMembersWithThatNameNow() {
		ensureUnion("os-sjz-a", "130102");
		String first = enroll(TestUsers.SJZ_OFFICER, residentId(), "欧阳小雨", UNION);
		String second = enroll(TestUsers.SJZ_OFFICER, residentId(), "欧阳小雨", "os-sjz-a");
		String day = TODAY.toString();

		assertThat(members(lookup(TestUsers.SJZ_OFFICER, Map.of("name", " 欧阳 小雨 "))))
			.extracting((m) -> m.get("memberId"))
			.containsExactlyInAnyOrder(first, second);
		assertThat(members(lookup(TestUsers.SJZ_OFFICER, Map.of("name", "欧阳小雨", "unionId", "os-sjz-a"))))
			.extracting((m) -> m.get("memberId"))
			.containsExactly(second);
		for (Document chunk : this.database.getCollection(RosterProjection.COLLECTION).find()) {
			assertThat(chunk.toJson()).as("no name in a roster").doesNotContain("欧阳").doesNotContain("小雨");
		}

		post(TestUsers.SJZ_OFFICER, "/api/members/" + first + "/termination",
				Map.of("effectiveDate", day, "reason", "LEFT_WORKFORCE"));
		assertThat(members(lookup(TestUsers.SJZ_OFFICER, Map.of("name", "欧阳小雨")))).extracting((m) -> m.get("memberId"))
			.containsExactly(second);

		ResponseEntity<Map> erased = post(TestUsers.SYSADMIN, "/api/members/" + second + "/erasure",
				Map.of("legalBasis", "PIPL art. 47, request 2026-31"));
		assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(lookup(TestUsers.SJZ_OFFICER, Map.of("name", "欧阳小雨")).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		List<Document> history = this.database.getCollection(RosterProjection.MEMBERS)
			.find(new Document("_id", second))
			.first()
			.getList("h", Document.class);
		assertThat(history.get(0)).containsKey("t");
		assertThat(history.get(history.size() - 1)).as("the erased person has no name token").doesNotContainKey("t");
	}

	@Test
	void anOfficerHoldsResumesTerminatesAndReEnrollsAMember() {
		String id = residentId();
		String memberId = enroll(TestUsers.SJZ_OFFICER, id, "赵强", UNION);
		String path = "/api/members/" + memberId;
		String day = TODAY.minusDays(20).toString();
		ResponseEntity<Map> held = post(TestUsers.SJZ_OFFICER, path + "/hold",
				Map.of("effectiveDate", day, "reason", "退休"));
		assertThat(held.getStatusCode()).as(String.valueOf(held.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(held.getBody()).containsEntry("status", "ON_HOLD");
		assertThat(memberList("status=ON_HOLD").get("members").toString()).contains(memberId);
		long head = this.engine.headPosition();
		ResponseEntity<Map> again = post(TestUsers.SJZ_OFFICER, path + "/hold",
				Map.of("effectiveDate", day, "reason", "退休"));
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody()).containsEntry("rule", "MEMBERSHIP_NOT_ACTIVE");
		assertThat(this.engine.headPosition()).isEqualTo(head);
		assertThat(post(TestUsers.SJZ_OFFICER, path + "/resumption", Map.of("effectiveDate", day)).getBody())
			.containsEntry("status", "ACTIVE");
		assertThat(post(TestUsers.SJZ_OFFICER, path + "/termination",
				Map.of("effectiveDate", day, "reason", "LEFT_WORKFORCE"))
			.getBody()).containsEntry("status", "TERMINATED");
		assertThat(as(TestUsers.SJZ_OFFICER).getForEntity(path, Map.class).getBody()).containsEntry("status",
				"TERMINATED");
		ResponseEntity<Map> back = post(TestUsers.SJZ_OFFICER, path + "/re-enrollment",
				Map.of("unionId", UNION, "effectiveDate", TODAY.toString(), "channel", "ON_SITE"));
		assertThat(back.getStatusCode()).as(String.valueOf(back.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(back.getBody()).containsEntry("status", "ACTIVE");
		List<?> history = (List<?>) as(TestUsers.SJZ_OFFICER).getForEntity(path + "/history", Map.class)
			.getBody()
			.get("events");
		assertThat(history.toString()).contains("MembershipPutOnHold", "MembershipResumed", "MembershipTerminated",
				"MemberReEnrolled");
	}

	@Test
	void aCorrectedNameReplacesTheOldOneForEveryReaderWithoutDisclosureRights() {
		String memberId = enroll(TestUsers.SJZ_OFFICER, residentId(), "张纬", UNION);
		String path = "/api/members/" + memberId;
		ResponseEntity<Map> corrected = post(TestUsers.SJZ_OFFICER, path + "/name-correction",
				Map.of("name", "章伟", "reason", "入会时录入错误"));
		assertThat(corrected.getStatusCode()).as(String.valueOf(corrected.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(corrected.getBody()).containsEntry("name", "章伟");
		assertThat(members(lookup(TestUsers.SJZ_OFFICER, Map.of("name", "章伟")))).extracting((m) -> m.get("memberId"))
			.containsExactly(memberId);
		assertThat(lookup(TestUsers.SJZ_OFFICER, Map.of("name", "张纬")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		String history = as(TestUsers.SJZ_OFFICER).getForEntity(path + "/history", Map.class).getBody().toString();
		assertThat(history).contains("MemberNameCorrected", "章*", "入会时录入错误", TestUsers.SJZ_OFFICER).doesNotContain("张");
		assertThat(as(TestUsers.SJZ_SUPERVISOR).getForEntity(path, Map.class).getBody()).containsEntry("name", "章*");
		assertThat(memberList("").toString()).contains("章伟").doesNotContain("张纬");
		ResponseEntity<Map> disclosed = as(TestUsers.SJZ_SUPERVISOR).getForEntity(path + "/personal-data?purpose=check",
				Map.class);
		assertThat(disclosed.getBody().get("name")).isEqualTo("章伟");
	}

	@Test
	void theMemberListIsPagedAndFiltered() {
		Map<String, Object> all = memberList("size=1");
		int total = (Integer) all.get("total");
		assertThat(total).isGreaterThanOrEqualTo(2);
		assertThat((List<?>) all.get("members")).hasSize(1);
		assertThat(all.get("unionName")).isNotNull().isNotEqualTo(UNION);
		Map<String, Object> second = memberList("size=1&page=1");
		assertThat(second.get("members")).isNotEqualTo(all.get("members"));
		assertThat(second).containsEntry("total", total);
		Map<String, Object> none = memberList("since=" + TODAY.plusDays(1) + "&size=5");
		assertThat(none).containsEntry("total", 0);
		ResponseEntity<Map> tooBig = as(TestUsers.SJZ_OFFICER)
			.getForEntity("/api/unions/" + UNION + "/member-list?size=101", Map.class);
		assertThat(tooBig.getStatusCode().is4xxClientError()).isTrue();
		assertThat(tooBig.getBody()).containsEntry("rule", "PAGE_SIZE_OUT_OF_RANGE").containsEntry("field", "size");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> memberList(String query) {
		TestRestTemplate officer = as(TestUsers.SJZ_OFFICER);
		ResponseEntity<Map> list = officer.getForEntity("/api/unions/" + UNION + "/member-list?" + query, Map.class);
		assertThat(list.getStatusCode()).as(String.valueOf(list.getBody())).isEqualTo(HttpStatus.OK);
		return (Map<String, Object>) list.getBody();
	}

}
