package org.unionledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionledger.identity.ResidentId;
import org.unionledger.statistics.StatisticalCalendar;

/**
 * Statistics over HTTP: as of a date and as known at a recorded day, targets and
 * completion, rankings, children, drill-down, holding versus serving union, and bad input
 * as problems. Uses Cangzhou (1309) and Langfang (1310), where no other test writes.
 */
class StatisticsApiTest extends ApiTestSupport {

	/** Signs in as the test system administrator. */
	@org.junit.jupiter.api.BeforeEach
	void signIn() {
		this.http = this.http.withBasicAuth(TestUsers.SYSADMIN, TestUsers.PASSWORD);
	}

	static final LocalDate TODAY = FixedClockConfiguration.TODAY;

	static final StatisticalCalendar CALENDAR = StatisticalCalendar.ACFTU;

	private static int serial = 500;

	static String residentId() {
		String first17 = "139902" + "19880303" + String.format("%03d", serial++);
		return first17 + ResidentId.checkDigitFor(first17);
	}

	private void registerUnion(String unionId, String county, String type, String sector) {
		ResponseEntity<Map> response = this.http.postForEntity("/api/unions",
				Map.of("unionId", unionId, "name", "工会 " + unionId, "type", type, "sector", sector, "jurisdictionCode",
						county, "establishedOn", "2020-01-01"),
				Map.class);
		assertThat(response.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
	}

	private String enroll(String unionId, LocalDate on) {
		ResponseEntity<Map> response = this.http.postForEntity("/api/members", Map.of("residentId", residentId(),
				"name", "李四", "unionId", unionId, "effectiveDate", on.toString(), "channel", "ONLINE"), Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) response.getBody().get("memberId");
	}

	private Map get(String path) {
		ResponseEntity<Map> response = this.http.getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private ResponseEntity<Map> put(String path, Object body) {
		return this.http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
	}

	private static long number(Map map, String... path) {
		Object value = map;
		for (String key : path) {
			value = ((Map) value).get(key);
		}
		return ((Number) value).longValue();
	}

	@Test
	void aBackdatedEnrollmentShowsInPastFiguresAndAsADifferenceOfKnowledge() {
		registerUnion("cz-xinhua-site", "130902", "PROJECT_SITE", "CONSTRUCTION");
		LocalDate effective = TODAY.minusDays(20);
		int year = CALENDAR.yearOf(effective);
		Map before = get("/api/jurisdictions/130902/statistics?year=" + year + "&asOf=" + effective);
		enroll("cz-xinhua-site", effective);

		Map now = get("/api/jurisdictions/130902/statistics?year=" + year + "&asOf=" + effective);
		Map dayBefore = get("/api/jurisdictions/130902/statistics?year=" + year + "&asOf=" + effective.minusDays(1));
		Map knownYesterday = get("/api/jurisdictions/130902/statistics?year=" + year + "&asOf=" + effective
				+ "&knownAt=" + TODAY.minusDays(1));

		assertThat(number(now, "flows", "newEnrollments")).isEqualTo(number(before, "flows", "newEnrollments") + 1);
		assertThat(number(now, "members", "active")).isEqualTo(number(before, "members", "active") + 1);
		assertThat(number(now, "breakdowns", "newEnrollmentsByChannel", "ONLINE")).isPositive();
		assertThat(number(dayBefore, "members", "active")).isEqualTo(number(before, "members", "active"));
		assertThat(number(knownYesterday, "members", "active")).isEqualTo(number(before, "members", "active"));
		assertThat((Map<String, Object>) knownYesterday.get("recordedAfterKnownAt")).containsEntry("newEnrollments", 1)
			.containsEntry("activeMembers", 1);
		assertThat(knownYesterday.get("name")).isEqualTo("新华区");

		Map summary = get("/api/jurisdictions/130902/summary?year=" + year + "&knownAt=" + TODAY.minusDays(1));
		assertThat(number(summary, "activeMembers")).isEqualTo(number(before, "members", "active"));
		assertThat(
				number(get("/api/unions/cz-xinhua-site/summary?year=" + year + "&asOf=" + effective), "newEnrollments"))
			.isEqualTo(1);
		assertThat(number(get("/api/unions/cz-xinhua-site/statistics?year=" + year), "flows", "newEnrollments"))
			.isEqualTo(1);

		// the events behind the figure: the backdated enrollment, unless as known
		// yesterday
		String behind = "/api/unions/cz-xinhua-site/statistics/newEnrollments/events?year=" + year + "&asOf="
				+ effective;
		Map all = get(behind);
		assertThat(number(all, "total")).isEqualTo(1);
		assertThat((List<Map>) all.get("events")).singleElement()
			.satisfies((event) -> assertThat(event.get("type")).isEqualTo("MemberEnrolled"));
		Map knownThen = get(behind + "&knownAt=" + TODAY.minusDays(1));
		assertThat(number(knownThen, "total")).isZero();
		assertThat((List<Map>) knownThen.get("events")).isEmpty();
		assertThat(knownThen.get("knownAt")).isEqualTo(TODAY.minusDays(1).toString());
		assertThat(number(get(behind + "&knownAt=" + TODAY), "total")).isEqualTo(1);
	}

	@Test
	void targetsGiveCompletionPerSourceAndATransferInLeavesItUnchanged() {
		registerUnion("lf-anci-site", "131002", "PROJECT_SITE", "CONSTRUCTION");
		registerUnion("cz-yunhe-express", "130903", "ENTERPRISE", "LOGISTICS");
		int year = CALENDAR.yearOf(TODAY);
		assertThat(put("/api/jurisdictions/1310/targets/" + year, Map.of("source", "ASSIGNED", "target", 4))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map targets = put("/api/jurisdictions/1310/targets/" + year, Map.of("source", "SELF_SET", "target", 5))
			.getBody();
		assertThat(number(targets, "targets", "ASSIGNED", "target")).isEqualTo(4);
		assertThat(number(targets, "targets", "SELF_SET", "target")).isEqualTo(5);
		enroll("lf-anci-site", TODAY);
		String mover = enroll("cz-yunhe-express", TODAY);
		Map before = get("/api/jurisdictions/1310/statistics");

		String code = (String) this.http
			.postForEntity("/api/members/" + mover + "/transfer-credentials", Map.of("issuedOn", TODAY.toString()),
					Map.class)
			.getBody()
			.get("code");
		assertThat(this.http
			.postForEntity("/api/transfer-credentials/" + code + "/acceptance",
					Map.of("unionId", "lf-anci-site", "effectiveDate", TODAY.toString()), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map after = get("/api/jurisdictions/1310/statistics");

		assertThat(number(after, "members", "active")).isEqualTo(number(before, "members", "active") + 1);
		assertThat(number(after, "flows", "transfersIn")).isEqualTo(number(before, "flows", "transfersIn") + 1);
		assertThat(number(after, "flows", "transfersCrossCity")).isEqualTo(1);
		assertThat(after.get("completion")).isEqualTo(before.get("completion"));
		List<Map> completion = (List<Map>) after.get("completion");
		assertThat(completion).extracting((c) -> c.get("source"), (c) -> c.get("rate"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ASSIGNED", 0.25),
					org.assertj.core.groups.Tuple.tuple("SELF_SET", 0.2));

		Map ranking = get("/api/jurisdictions/13/ranking?year=" + year + "&by=completion&source=ASSIGNED");
		assertThat((List<Map>) ranking.get("entries")).anySatisfy((entry) -> {
			assertThat(entry.get("code")).isEqualTo("1310");
			assertThat(entry.get("name")).isEqualTo("廊坊市");
			assertThat(entry.get("completionRate")).isEqualTo(0.25);
		});
		Map byNumber = get("/api/jurisdictions/13/ranking?year=" + year + "&by=newEnrollments");
		assertThat((List<Map>) byNumber.get("entries")).hasSize(11)
			.allSatisfy((e) -> assertThat(e.get("rank")).isNotNull());
		Map knownYesterday = get("/api/jurisdictions/13/ranking?year=" + year + "&by=completion&asOf=" + TODAY
				+ "&knownAt=" + TODAY.minusDays(1));
		assertThat(knownYesterday.get("knownAt")).isEqualTo(TODAY.minusDays(1).toString());
		assertThat((List<Map>) knownYesterday.get("entries")).anySatisfy((entry) -> {
			assertThat(entry.get("code")).isEqualTo("1310");
			assertThat(entry.get("newEnrollments")).as("today's enrollments were not known yesterday").isEqualTo(0);
			assertThat(entry.get("target")).as("nor was the target set today").isNull();
		});
	}

	@Test
	void childrenDrillDownAndServingAssignments() {
		Map children = get("/api/jurisdictions/1309/children");
		assertThat((List<Map>) children.get("children")).extracting((c) -> c.get("code")).contains("130902", "130903");
		assertThat(children.get("name")).isEqualTo("沧州市");

		registerUnion("cz-dispatch", "130903", "LABOUR_DISPATCH", "LABOUR_DISPATCH");
		registerUnion("cz-host-site", "130902", "PROJECT_SITE", "CONSTRUCTION");
		String worker = enroll("cz-dispatch", TODAY);
		ResponseEntity<Map> assigned = this.http.postForEntity("/api/members/" + worker + "/serving-assignments",
				Map.of("servingUnionId", "cz-host-site", "effectiveDate", TODAY.toString()), Map.class);
		assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(
				this.http
					.postForEntity("/api/services",
							Map.of("unionId", "cz-host-site", "memberId", worker, "type", "SKILLS_TRAINING",
									"deliveredOn", TODAY.toString(), "personTimes", 3, "amountYuan", "90.00"),
							Map.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.CREATED);

		Map host = get("/api/unions/cz-host-site/statistics");
		Map holder = get("/api/unions/cz-dispatch/statistics");
		assertThat(number(holder, "members", "active")).isEqualTo(1);
		assertThat(number(host, "members", "active")).isZero();
		assertThat(number(host, "members", "servedHereHeldElsewhere")).isEqualTo(1);
		assertThat(number(host, "services", "deliveredHere", "personTimes")).isEqualTo(3);
		assertThat(number(holder, "services", "toMembersHeldHere", "personTimes")).isEqualTo(3);
		assertThat(number(holder, "services", "toMembersHeldHere", "distinctMembers")).isEqualTo(1);
		assertThat(get("/api/members/" + worker + "/history")).containsEntry("servingUnionId", "cz-host-site");
		ResponseEntity<Map> twice = this.http.postForEntity("/api/members/" + worker + "/serving-assignments",
				Map.of("servingUnionId", "cz-host-site", "effectiveDate", TODAY.toString()), Map.class);
		assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(twice.getBody()).containsEntry("rule", "SERVING_ASSIGNMENT_EXISTS");
		assertThat(this.http
			.postForEntity("/api/members/" + worker + "/serving-assignments/end",
					Map.of("effectiveDate", TODAY.toString()), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(number(get("/api/unions/cz-host-site/statistics"), "members", "servedHereHeldElsewhere")).isZero();

		Map page = get("/api/unions/cz-dispatch/statistics/newEnrollments/events?size=10");
		assertThat(number(page, "total")).isEqualTo(1);
		List<Map> events = (List<Map>) page.get("events");
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.get("type")).isEqualTo("MemberEnrolled");
			assertThat(event.get("aggregateId")).isEqualTo(worker);
			assertThat(((Map) event.get("payload")).get("personalData")).isEqualTo("[encrypted]");
		});
		Map services = get("/api/jurisdictions/1309/statistics/heldServices.personTimes/events");
		assertThat((List<Map>) services.get("events")).extracting((e) -> e.get("type"))
			.containsExactly("ServiceDelivered");
	}

	@Test
	void badStatisticsRequestsAreProblems() {
		String future = TODAY.plusDays(1).toString();
		for (Object[] request : new Object[][] {
				{ "/api/jurisdictions/1309/statistics?asOf=" + future, HttpStatus.UNPROCESSABLE_ENTITY,
						"EFFECTIVE_DATE_IN_FUTURE" },
				{ "/api/jurisdictions/1309/statistics?knownAt=yesterday", HttpStatus.BAD_REQUEST, "INVALID_VALUE" },
				{ "/api/jurisdictions/1309/statistics?year=1800", HttpStatus.UNPROCESSABLE_ENTITY,
						"YEAR_OUT_OF_RANGE" },
				{ "/api/jurisdictions/139999/statistics", HttpStatus.NOT_FOUND, "JURISDICTION_UNKNOWN" },
				{ "/api/jurisdictions/1309/statistics/noSuchFigure/events", HttpStatus.NOT_FOUND, "FIGURE_UNKNOWN" },
				{ "/api/jurisdictions/1309/statistics/newEnrollments/events?size=0", HttpStatus.UNPROCESSABLE_ENTITY,
						"PAGE_SIZE_OUT_OF_RANGE" },
				{ "/api/jurisdictions/1309/statistics/newEnrollments/events?knownAt=" + future,
						HttpStatus.UNPROCESSABLE_ENTITY, "EFFECTIVE_DATE_IN_FUTURE" },
				{ "/api/jurisdictions/1309/statistics/newEnrollments/events?knownAt=2026-13-01", HttpStatus.BAD_REQUEST,
						"INVALID_VALUE" },
				{ "/api/jurisdictions/13/ranking?by=luck", HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_VALUE" },
				{ "/api/jurisdictions/13/ranking?asOf=" + future, HttpStatus.UNPROCESSABLE_ENTITY,
						"EFFECTIVE_DATE_IN_FUTURE" },
				{ "/api/jurisdictions/13/ranking?knownAt=soon", HttpStatus.BAD_REQUEST, "INVALID_VALUE" },
				{ "/api/jurisdictions/130902/ranking", HttpStatus.UNPROCESSABLE_ENTITY, "NO_CHILDREN" },
				{ "/api/unions/no-such-union/statistics", HttpStatus.NOT_FOUND, "UNION_UNKNOWN" } }) {
			ResponseEntity<Map> response = this.http.getForEntity((String) request[0], Map.class);
			assertThat(response.getStatusCode()).as((String) request[0]).isEqualTo(request[1]);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).containsEntry("rule", request[2]);
		}
		ResponseEntity<Map> negative = put("/api/jurisdictions/1309/targets/" + CALENDAR.yearOf(TODAY),
				Map.of("source", "ASSIGNED", "target", -1));
		assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(negative.getBody()).containsEntry("field", "target");
		ResponseEntity<Map> unknownSource = put("/api/jurisdictions/1309/targets/" + CALENDAR.yearOf(TODAY),
				Map.of("source", "WISHFUL", "target", 1));
		assertThat(unknownSource.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

}
