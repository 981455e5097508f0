package org.unionledger.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.unionledger.api.applications.RateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command routes' answers as they are written on the wire, but for the ids a request
 * makes (shown as {@code <memberId>} and the like): field names, nesting, and which
 * fields are absent; their order too where a handler fixed it. The response records keep
 * writing what the maps they replaced wrote.
 */
class CommandAnswersTest extends ApiTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	RateLimiter limiter;

	private final Ids ids = new Ids();

	private final SoftAssertions softly = new SoftAssertions();

	@BeforeEach
	void unions() {
		this.limiter.reset();
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-sjz-c", "130104"); // as the other tests sharing the store
											// register it
		ensureUnion("os-bd-b", "130602");
	}

	@Test
	void aMembersEnrollmentTransferServingErasureAndHistory() {
		String residentId = residentId();
		this.ids.put("residentId", residentId);
		this.ids.put("residentIdMasked", "1399**********" + residentId.substring(14));
		LeakScan.remember(residentId, "答复测试");
		ResponseEntity<String> enrolled = post(TestUsers.BD_OFFICER, "/api/members",
				Map.of("residentId", residentId, "name", "答复测试", "unionId", "os-bd-b", "effectiveDate",
						TODAY.minusDays(30).toString(), "channel", "ON_SITE"));
		assertThat(enrolled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		exactly(enrolled, "{\"memberId\":\"<memberId>\"}", "memberId");
		String memberId = this.ids.get("memberId");
		this.softly.assertThat(enrolled.getHeaders().getLocation()).hasToString("/api/members/" + memberId);

		ResponseEntity<String> credential = post(TestUsers.BD_OFFICER,
				"/api/members/" + memberId + "/transfer-credentials",
				Map.of("issuedOn", TODAY.minusDays(25).toString(), "toUnionId", "os-sjz-a"));
		assertThat(credential.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		sameFields(credential, """
				{"code":"<code>","expiresOn":"2027-01-28","memberId":"<memberId>","issuingUnionId":"os-bd-b"}""",
				"code");

		ResponseEntity<String> serving = post(TestUsers.BD_OFFICER, "/api/members/" + memberId + "/serving-assignments",
				Map.of("servingUnionId", "os-sjz-c", "effectiveDate", TODAY.minusDays(20).toString()));
		assertThat(serving.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		sameFields(serving,
				"""
						{"memberId":"<memberId>","holdingUnionId":"os-bd-b","servingUnionId":"os-sjz-c","effectiveDate":"2026-11-04"}""");

		ResponseEntity<String> ended = post(TestUsers.BD_OFFICER,
				"/api/members/" + memberId + "/serving-assignments/end",
				Map.of("effectiveDate", TODAY.minusDays(10).toString()));
		assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.OK);
		sameFields(ended, """
				{"memberId":"<memberId>","holdingUnionId":"os-bd-b","effectiveDate":"2026-11-14"}""");

		ResponseEntity<String> accepted = post(TestUsers.SJZ_OFFICER,
				"/api/transfer-credentials/" + this.ids.get("code") + "/acceptance",
				Map.of("unionId", "os-sjz-a", "effectiveDate", TODAY.minusDays(5).toString()));
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
		sameFields(accepted,
				"""
						{"memberId":"<memberId>","fromUnionId":"os-bd-b","toUnionId":"os-sjz-a","effectiveDate":"2026-11-19"}""");

		ResponseEntity<String> disclosed = as(TestUsers.SYSADMIN)
			.getForEntity("/api/members/" + memberId + "/personal-data?purpose=answer test", String.class);
		assertThat(disclosed.getStatusCode()).isEqualTo(HttpStatus.OK);
		this.softly.assertThat(disclosed.getHeaders().getCacheControl()).isEqualTo("no-store");
		sameFields(disclosed, """
				{"memberId":"<memberId>","residentId":"<residentId>","name":"答复测试","disclosureRecorded":true}""");

		ResponseEntity<String> history = as(TestUsers.SYSADMIN).getForEntity("/api/members/" + memberId + "/history",
				String.class);
		assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
		sameFields(history,
				"""
						{"memberId":"<memberId>","unionId":"os-sjz-a","status":"ACTIVE","events":[
						{"sequence":0,"type":"MemberEnrolled","residentIdMasked":"<residentIdMasked>","nameMasked":"答***","memberId":"<memberId>","union":{"unionId":"os-bd-b","jurisdictionCode":"130602","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"channel":"ON_SITE","effectiveDate":"2026-10-25","recordedAt":"2026-11-24T02:00:00Z","recordedBy":"officer-os-bd"},
						{"sequence":1,"type":"TransferCredentialIssued","memberId":"<memberId>","code":"<code>","issuingUnion":{"unionId":"os-bd-b","jurisdictionCode":"130602","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"toUnionId":"os-sjz-a","issuedOn":"2026-10-30","expiresOn":"2027-01-28","recordedAt":"2026-11-24T02:00:00Z","recordedBy":"officer-os-bd"},
						{"sequence":2,"type":"ServingUnionAssigned","memberId":"<memberId>","holdingUnion":{"unionId":"os-bd-b","jurisdictionCode":"130602","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"servingUnion":{"unionId":"os-sjz-c","jurisdictionCode":"130104","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"effectiveDate":"2026-11-04","recordedAt":"2026-11-24T02:00:00Z","recordedBy":"officer-os-bd"},
						{"sequence":3,"type":"ServingAssignmentEnded","memberId":"<memberId>","holdingUnion":{"unionId":"os-bd-b","jurisdictionCode":"130602","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"servingUnion":{"unionId":"os-sjz-c","jurisdictionCode":"130104","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"reason":"ENDED","effectiveDate":"2026-11-14","recordedAt":"2026-11-24T02:00:00Z","recordedBy":"officer-os-bd"},
						{"sequence":4,"type":"TransferAccepted","memberId":"<memberId>","code":"<code>","fromUnion":{"unionId":"os-bd-b","jurisdictionCode":"130602","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"toUnion":{"unionId":"os-sjz-a","jurisdictionCode":"130102","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"effectiveDate":"2026-11-19","recordedAt":"2026-11-24T02:00:00Z","recordedBy":"officer-os-sjz"}]}""");

		ResponseEntity<String> erased = post(TestUsers.SYSADMIN, "/api/members/" + memberId + "/erasure",
				Map.of("legalBasis", "PIPL art. 47, answer test"));
		assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
		sameFields(erased, """
				{"memberId":"<memberId>","erasedKeyRef":"<erasedKeyRef>"}""", "erasedKeyRef");

		ResponseEntity<String> afterErasure = as(TestUsers.SYSADMIN)
			.getForEntity("/api/members/" + memberId + "/history", String.class);
		sameFields(afterErasure,
				"""
						{"memberId":"<memberId>","unionId":"os-sjz-a","status":"ACTIVE","events":[
						{"sequence":0,"type":"MemberEnrolled","residentIdMasked":"[erased]","nameMasked":"[erased]","memberId":"<memberId>","union":{"unionId":"os-bd-b","jurisdictionCode":"130602","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"channel":"ON_SITE","effectiveDate":"2026-10-25","recordedAt":"2026-11-24T02:00:00Z","recordedBy":"officer-os-bd"},
						{"sequence":1,"type":"TransferCredentialIssued","memberId":"<memberId>","code":"<code>","issuingUnion":{"unionId":"os-bd-b","jurisdictionCode":"130602","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"toUnionId":"os-sjz-a","issuedOn":"2026-10-30","expiresOn":"2027-01-28","recordedAt":"2026-11-24T02:00:00Z","recordedBy":"officer-os-bd"},
						{"sequence":2,"type":"ServingUnionAssigned","memberId":"<memberId>","holdingUnion":{"unionId":"os-bd-b","jurisdictionCode":"130602","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"servingUnion":{"unionId":"os-sjz-c","jurisdictionCode":"130104","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"effectiveDate":"2026-11-04","recordedAt":"2026-11-24T02:00:00Z","recordedBy":"officer-os-bd"},
						{"sequence":3,"type":"ServingAssignmentEnded","memberId":"<memberId>","holdingUnion":{"unionId":"os-bd-b","jurisdictionCode":"130602","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"servingUnion":{"unionId":"os-sjz-c","jurisdictionCode":"130104","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"reason":"ENDED","effectiveDate":"2026-11-14","recordedAt":"2026-11-24T02:00:00Z","recordedBy":"officer-os-bd"},
						{"sequence":4,"type":"TransferAccepted","memberId":"<memberId>","code":"<code>","fromUnion":{"unionId":"os-bd-b","jurisdictionCode":"130602","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"toUnion":{"unionId":"os-sjz-a","jurisdictionCode":"130102","type":"PROJECT_SITE","sector":"CONSTRUCTION"},"effectiveDate":"2026-11-19","recordedAt":"2026-11-24T02:00:00Z","recordedBy":"officer-os-sjz"},
						{"sequence":5,"type":"PersonalDataErased","memberId":"<memberId>","keyRef":"<erasedKeyRef>","legalBasis":"PIPL art. 47, answer test","recordedAt":"2026-11-24T02:00:00Z","recordedBy":"tester-sysadmin"}]}""");
		this.softly.assertAll();
	}

	@Test
	void applicationsSubmittedReadApprovedAndDeclined() {
		ensureUnion("answers-apps", "130102");
		String residentId = residentId();
		this.ids.put("residentIdMasked", "1399**********" + residentId.substring(14));
		ResponseEntity<String> submitted = submit(residentId, "answers-apps");
		assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		sameFields(submitted, "{\"applicationId\":\"<applicationId>\",\"status\":\"PENDING\"}", "applicationId");
		String applicationId = this.ids.get("applicationId");
		this.softly.assertThat(submitted.getHeaders().getLocation()).hasToString("/api/applications/" + applicationId);
		exactly(as(TestUsers.SYSADMIN).getForEntity("/api/applications/" + applicationId, String.class), """
				{"applicationId":"<applicationId>","unionId":"answers-apps","status":"PENDING",\
				"submittedOn":"2026-11-24","residentIdMasked":"<residentIdMasked>","nameMasked":"申***"}""");
		sameFields(as(TestUsers.SYSADMIN).getForEntity("/api/unions/answers-apps/applications", String.class),
				"""
						{"unionId":"answers-apps","pending":[{"applicationId":"<applicationId>","submittedOn":"2026-11-24"}]}""");

		String approvedId = learn("approvedId", submit(residentId, "os-sjz-a"));
		ResponseEntity<String> approved = post(TestUsers.SJZ_OFFICER, "/api/applications/" + approvedId + "/approval",
				Map.of("effectiveDate", TODAY.toString()));
		assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.OK);
		exactly(approved, """
				{"applicationId":"<approvedId>","status":"APPROVED","enrollment":"ENROLLED","memberId":"<memberId>"}""",
				"memberId");
		exactly(as(TestUsers.SJZ_OFFICER).getForEntity("/api/applications/" + approvedId, String.class), """
				{"applicationId":"<approvedId>","unionId":"os-sjz-a","status":"APPROVED","submittedOn":"2026-11-24",\
				"residentIdMasked":"<residentIdMasked>","nameMasked":"申***","decidedBy":"officer-os-sjz"}""");

		// the same person again: the enrollment is refused, the approval stands
		String refusedId = learn("refusedId", submit(residentId, "os-sjz-a"));
		ResponseEntity<String> refused = post(TestUsers.SJZ_OFFICER, "/api/applications/" + refusedId + "/approval",
				null);
		assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.OK);
		exactly(refused, """
				{"applicationId":"<refusedId>","status":"APPROVED","enrollment":"ALREADY_ACTIVE"}""");

		String declinedId = learn("declinedId", submit(residentId(), "os-sjz-a"));
		ResponseEntity<String> declined = post(TestUsers.SJZ_OFFICER, "/api/applications/" + declinedId + "/decline",
				Map.of("reason", "申请人非本单位职工"));
		assertThat(declined.getStatusCode()).as(declined.getBody()).isEqualTo(HttpStatus.OK);
		sameFields(declined, "{\"applicationId\":\"<declinedId>\",\"status\":\"DECLINED\"}");
		exactly(as(TestUsers.SJZ_OFFICER).getForEntity("/api/applications/" + declinedId, String.class), """
				{"applicationId":"<declinedId>","unionId":"os-sjz-a","status":"DECLINED","submittedOn":"2026-11-24",\
				"residentIdMasked":"<residentIdMasked>","nameMasked":"申***","decidedBy":"officer-os-sjz",\
				"reason":"申请人非本单位职工"}""", "residentIdMasked");
		this.softly.assertAll();
	}

	private ResponseEntity<String> submit(String residentId, String unionId) {
		this.limiter.reset();
		return this.http.postForEntity("/api/applications",
				json(Map.of("residentId", residentId, "name", "申请答复", "unionId", unionId)), String.class);
	}

	private String learn(String name, ResponseEntity<String> answer) {
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
		String value = (String) read(answer.getBody()).get("applicationId");
		this.ids.put(name, value);
		return value;
	}

	@Test
	void servicesAndImports() {
		ResponseEntity<String> recorded = post(TestUsers.SJZ_OFFICER, "/api/services", Map.of("unionId", "os-sjz-a",
				"type", "SEASONAL_CARE", "deliveredOn", TODAY.toString(), "personTimes", 3, "amountYuan", "12.50"));
		assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		exactly(recorded, "{\"serviceId\":\"<serviceId>\"}", "serviceId");
		this.softly.assertThat(recorded.getHeaders().getLocation())
			.hasToString("/api/services/" + this.ids.get("serviceId"));

		String csv = "residentId,name,unionId,effectiveDate\n" + residentId() + ",导入答复,os-sjz-a," + TODAY.minusDays(3)
				+ "\n" + residentId() + ",导入答复,os-sjz-a,2999-01-01\n";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("text/csv"));
		ResponseEntity<String> started = as(TestUsers.SJZ_OFFICER).postForEntity("/api/imports",
				new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), String.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		exactly(started, """
				{"importId":"<importId>","status":"RUNNING","encoding":"UTF-8","rows":2,"done":0,"accepted":0,\
				"alreadyPresent":0,"rejected":0,"createdBy":"officer-os-sjz","createdAt":"2026-11-24T02:00:00Z",\
				"rejections":[]}""", "importId");
		String path = "/api/imports/" + this.ids.get("importId");
		this.softly.assertThat(started.getHeaders().getLocation()).hasToString(path);
		ResponseEntity<String> done = null;
		for (int i = 0; i < 3000; i++) {
			done = as(TestUsers.SJZ_OFFICER).getForEntity(path, String.class);
			if (!done.getBody().contains("\"RUNNING\"")) {
				break;
			}
			sleep();
		}
		exactly(done, """
				{"importId":"<importId>","status":"DONE","encoding":"UTF-8","rows":2,"done":2,"accepted":1,\
				"alreadyPresent":0,"rejected":1,"createdBy":"officer-os-sjz","createdAt":"2026-11-24T02:00:00Z",\
				"finishedAt":"2026-11-24T02:00:00Z","durationMillis":<n>,"rejectionsTruncated":false,"rejections":[\
				{"line":3,"field":"effectiveDate","rule":"EFFECTIVE_DATE_IN_FUTURE",\
				"message":"effectiveDate must not be in the future"}]}""");
		this.softly.assertAll();
	}

	private ResponseEntity<String> post(String user, String path, Object body) {
		return as(user).postForEntity(path, json(body), String.class);
	}

	private static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	/** The body, ids shown by name, is this text. */
	private void exactly(ResponseEntity<String> answer, String expected, String... learn) {
		this.softly.assertThat(this.ids.shown(answer.getBody(), learn)).isEqualTo(expected);
	}

	/**
	 * The body, ids shown by name, has these fields and values (whose order a
	 * {@code Map.of} never fixed).
	 */
	private void sameFields(ResponseEntity<String> answer, String expected, String... learn) {
		String shown = this.ids.shown(answer.getBody(), learn);
		this.softly.assertThat(read(shown)).as(shown).isEqualTo(read(expected));
	}

	private static Map<?, ?> read(String text) {
		try {
			return JSON.readValue(text, Map.class);
		}
		catch (JsonProcessingException ex) {
			return Map.of("unreadable", text);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The ids answers made, learnt from the answers and shown by name. */
	private static final class Ids {

		private final Map<String, String> values = new LinkedHashMap<>();

		void put(String name, String value) {
			this.values.put(name, value);
		}

		String shown(String body, String... learn) {
			for (String field : learn) {
				Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(body);
				if (m.find()) {
					this.values.put(field, m.group(1));
				}
			}
			String shown = body.replaceAll("\"durationMillis\":\\d+", "\"durationMillis\":<n>");
			List<Map.Entry<String, String>> longestFirst = new ArrayList<>(this.values.entrySet());
			longestFirst
				.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
			for (Map.Entry<String, String> e : longestFirst) {
				shown = shown.replace(e.getValue(), "<" + e.getKey() + ">");
			}
			return shown;
		}

		String get(String field) {
			return this.values.get(field);
		}

	}

}
