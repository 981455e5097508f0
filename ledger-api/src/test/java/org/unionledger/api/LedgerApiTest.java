package org.unionledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.unionledger.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path over HTTP: a request becomes a command, an event in MongoDB, a counted
 * figure. Runs on the embedded store, or on a real MongoDB when
 * {@code ledger.test.mongo.uri} is set.
 */
class LedgerApiTest extends ApiTestSupport {

	/** Every request signs in as the test system administrator. */
	@BeforeEach
	void signIn() {
		this.http = this.http.withBasicAuth(TestUsers.SYSADMIN, TestUsers.PASSWORD);
	}

	private void registerUnion(String unionId, String county) {
		ResponseEntity<Map> response = post("/api/unions", Map.of("unionId", unionId, "name", "测试工会 " + unionId, "type",
				"PROJECT_SITE", "sector", "CONSTRUCTION", "jurisdictionCode", county, "establishedOn", "2020-01-01"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	private String enroll(String residentId, String unionId) {
		return enroll(TestUsers.SYSADMIN, residentId, "张三", unionId);
	}

	@Test
	void anEnrollmentIsCountedAtTheUnionAndEveryLevelAbove() {
		registerUnion("t1-changan-site", "130102");
		Map before = summary("/api/jurisdictions/13/summary");
		enroll(residentId(), "t1-changan-site");

		assertThat(summary("/api/unions/t1-changan-site/summary")).containsEntry("activeMembers", 1)
			.containsEntry("newEnrollments", 1);
		assertThat(number(summary("/api/jurisdictions/130102/summary"), "activeMembers")).isGreaterThanOrEqualTo(1);
		assertThat(number(summary("/api/jurisdictions/13/summary"), "activeMembers"))
			.isEqualTo(number(before, "activeMembers") + 1);
	}

	@Test
	void theSamePersonInAnotherSpellingIsRefusedAndTheAttemptIsRecorded() {
		registerUnion("t2-qiaoxi-site", "130104");
		registerUnion("t2-tangshan-site", "130203");
		String first17 = "139901" + "19850615" + "321";
		String eighteen = first17 + ResidentId.checkDigitFor(first17);
		String memberId = enroll(eighteen, "t2-qiaoxi-site");

		ResponseEntity<Map> second = post("/api/members", Map.of("residentId", eighteen.toLowerCase(), "name", "张三",
				"unionId", "t2-tangshan-site", "effectiveDate", TODAY.minusDays(3).toString(), "channel", "ONLINE"));
		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(second.getBody()).containsEntry("rule", "ALREADY_ACTIVE").containsEntry("field", "residentId");

		Map history = this.http.getForObject("/api/members/" + memberId + "/history", Map.class);
		List<Map> events = (List<Map>) history.get("events");
		assertThat(events).extracting(e -> e.get("type")).containsExactly("MemberEnrolled", "EnrollmentRejected");
		assertThat(history.toString()).doesNotContain(eighteen).doesNotContain(first17);
		assertThat(events.get(0).get("residentIdMasked")).isEqualTo("1399**********" + eighteen.substring(14));
		assertThat(summary("/api/unions/t2-tangshan-site/summary")).containsEntry("activeMembers", 0);
	}

	@Test
	void aTransferAcrossCitiesMovesTheMemberButIsNoNewEnrollment() {
		registerUnion("t3-changan-express", "130102");
		registerUnion("t3-baoding-express", "130602");
		String memberId = enroll(residentId(), "t3-changan-express");

		ResponseEntity<Map> credential = post("/api/members/" + memberId + "/transfer-credentials",
				Map.of("issuedOn", TODAY.minusDays(2).toString(), "toUnionId", "t3-baoding-express"));
		assertThat(credential.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String code = (String) credential.getBody().get("code");
		assertThat(credential.getBody().get("expiresOn")).isEqualTo(TODAY.minusDays(2).plusDays(90).toString());
		assertThat(summary("/api/unions/t3-changan-express/summary")).as("still counted at the origin in flight")
			.containsEntry("activeMembers", 1);

		Map baodingBefore = summary("/api/jurisdictions/1306/summary");
		ResponseEntity<Map> accepted = post("/api/transfer-credentials/" + code + "/acceptance",
				Map.of("unionId", "t3-baoding-express", "effectiveDate", TODAY.minusDays(1).toString()));
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(summary("/api/unions/t3-changan-express/summary")).containsEntry("activeMembers", 0)
			.containsEntry("transfersOut", 1);
		assertThat(summary("/api/unions/t3-baoding-express/summary")).containsEntry("activeMembers", 1)
			.containsEntry("transfersIn", 1)
			.containsEntry("newEnrollments", 0);
		Map baodingAfter = summary("/api/jurisdictions/1306/summary");
		assertThat(number(baodingAfter, "newEnrollments")).isEqualTo(number(baodingBefore, "newEnrollments"));
		assertThat(number(baodingAfter, "activeMembers")).isEqualTo(number(baodingBefore, "activeMembers") + 1);

		ResponseEntity<Map> again = post("/api/transfer-credentials/" + code + "/acceptance",
				Map.of("unionId", "t3-baoding-express", "effectiveDate", TODAY.toString()));
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody()).containsEntry("rule", "CREDENTIAL_ALREADY_USED");
	}

	@Test
	void servicesAreCountedAsPersonTimesAndYuan() {
		registerUnion("t4-dispatch", "130171");
		ResponseEntity<Map> recorded = post("/api/services",
				Map.of("unionId", "t4-dispatch", "type", "SEASONAL_CARE", "campaign", "WINTER_WARMTH", "deliveredOn",
						TODAY.toString(), "personTimes", 40, "amountYuan", "2000.50"));
		assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Map summary = summary("/api/unions/t4-dispatch/summary");
		assertThat(summary).containsEntry("servicePersonTimes", 40);
		assertThat(summary.get("serviceAmountYuan").toString()).isEqualTo("2000.5");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					malformed JSON         | /api/members | {"residentId":                                                    | MALFORMED_JSON     |
					unknown enum           | /api/members | {"residentId":"%ID%","name":"a","unionId":"t5-u","effectiveDate":"2025-01-01","channel":"FAX"} | INVALID_VALUE | channel
					wrong type             | /api/members | {"residentId":"%ID%","name":"a","unionId":"t5-u","effectiveDate":"yesterday","channel":"ONLINE"} | INVALID_VALUE | effectiveDate
					17-digit ID            | /api/members | {"residentId":"13990119900101123","name":"a","unionId":"t5-u","effectiveDate":"2025-01-01","channel":"ONLINE"} | RESIDENT_ID_LENGTH | residentId
					bad check digit        | /api/members | {"residentId":"139901199001011230","name":"a","unionId":"t5-u","effectiveDate":"2025-01-01","channel":"ONLINE"} | RESIDENT_ID_CHECK_DIGIT | residentId
					unknown union          | /api/members | {"residentId":"%ID%","name":"a","unionId":"nowhere","effectiveDate":"2025-01-01","channel":"ONLINE"} | UNION_UNKNOWN | unionId
					future date            | /api/members | {"residentId":"%ID%","name":"a","unionId":"t5-u","effectiveDate":"2999-01-01","channel":"ONLINE"} | EFFECTIVE_DATE_IN_FUTURE | effectiveDate
					oversized name         | /api/members | {"residentId":"%ID%","name":"%LONG%","unionId":"t5-u","effectiveDate":"2025-01-01","channel":"ONLINE"} | SIZE | name
					unknown field          | /api/members | {"residentId":"%ID%","name":"a","unionId":"t5-u","effectiveDate":"2025-01-01","channel":"ONLINE","x":1} | UNKNOWN_FIELD | x
					operator as value      | /api/members | {"residentId":{"$gt":""},"name":"a","unionId":"t5-u","effectiveDate":"2025-01-01","channel":"ONLINE"} | INVALID_VALUE | residentId
					negative amount        | /api/services | {"unionId":"t5-u","type":"MICRO_LOAN","deliveredOn":"2025-01-01","amountYuan":-1} | DECIMAL_MIN | amountYuan
					three decimals         | /api/services | {"unionId":"t5-u","type":"MICRO_LOAN","deliveredOn":"2025-01-01","amountYuan":1.005} | DIGITS | amountYuan
					unknown jurisdiction   | /api/unions | {"unionId":"t5-v","name":"x","type":"REGIONAL","sector":"OTHER","jurisdictionCode":"139999","establishedOn":"2020-01-01"} | JURISDICTION_UNKNOWN | jurisdictionCode
					city code for a union  | /api/unions | {"unionId":"t5-v","name":"x","type":"REGIONAL","sector":"OTHER","jurisdictionCode":"1301","establishedOn":"2020-01-01"} | PATTERN | jurisdictionCode
					reserved union id      | /api/unions | {"unionId":"m-abc","name":"x","type":"REGIONAL","sector":"OTHER","jurisdictionCode":"130102","establishedOn":"2020-01-01"} | PATTERN | unionId
					""")
	void badInputIsA4xxProblemNamingFieldAndRuleAndWritesNothing(String label, String path, String body, String rule,
			String field) {
		if (!unionExists("t5-u")) {
			registerUnion("t5-u", "130105");
		}
		long head = this.engine.headPosition();
		String json = body.replace("%ID%", residentId()).replace("%LONG%", "名".repeat(101));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map> response = this.http.postForEntity(path, new HttpEntity<>(json, headers), Map.class);

		assertThat(response.getStatusCode().is4xxClientError()).as(label).isTrue();
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("rule", rule);
		if (field != null) {
			assertThat(response.getBody()).containsEntry("field", field);
		}
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);
	}

	@Test
	void unknownThingsAre404Problems() {
		assertThat(this.http.getForEntity("/api/unions/no-such-union", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.http.getForEntity("/api/jurisdictions/139999/summary", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(
				this.http.getForEntity("/api/members/m-aaaaaaaaaaaaaaaaaaaaaaaaaa/history", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<Map> credential = post("/api/transfer-credentials/TC-0000-0000-0000-0000/acceptance",
				Map.of("unionId", "t5-u", "effectiveDate", "2025-01-01"));
		assertThat(credential.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(credential.getBody()).containsEntry("rule", "CREDENTIAL_UNKNOWN");
	}

	private boolean unionExists(String unionId) {
		return this.http.getForEntity("/api/unions/" + unionId, Map.class).getStatusCode() == HttpStatus.OK;
	}

	private ResponseEntity<Map> post(String path, Object body) {
		return this.http.postForEntity(path, body, Map.class);
	}

	private Map summary(String path) {
		ResponseEntity<Map> response = this.http.getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private static long number(Map map, String key) {
		return ((Number) map.get(key)).longValue();
	}

}
