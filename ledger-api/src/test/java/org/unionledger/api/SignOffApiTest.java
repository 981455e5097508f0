package org.unionledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.annualreports.ChildReport;
import org.unionledger.annualreports.ChildReportStatus;
import org.unionledger.annualreports.ReportDigest;

/**
 * The yearly report of statistical year 2026 (2025-10-01 to 2026-09-30; the test clock
 * stands on 2026-11-24) signed level by level on the seeded data: every county with
 * figures, then its city, then Hebei; a parent's report chains its children's digests. A
 * member then enrolled with an effective date in the signed year flags the county and the
 * city, visible there and nowhere else; an amended county report clears the county's
 * flags and the city chains the new digest when it signs again.
 */
class SignOffApiTest extends ApiTestSupport {

	private static final String COUNTY = "130102";

	private static final String UNION = "so-changan-site";

	@Test
	@SuppressWarnings("unchecked")
	void countiesThenCityThenProvinceThenABackdatedEnrollmentIsFlaggedAndAnAmendmentClearsIt() {
		ensureUnion(UNION, COUNTY);

		// the province cannot sign before its cities
		ResponseEntity<Map> early = as(TestUsers.HEBEI_ADMIN)
			.postForEntity("/api/jurisdictions/13/annual-reports/2026/sign-off", Map.of(), Map.class);
		assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(early.getBody()).containsEntry("rule", "CHILD_NOT_SIGNED").containsEntry("field", "children");
		// nor can anyone sign a year that has not ended
		ResponseEntity<Map> notEnded = as(TestUsers.HEBEI_ADMIN)
			.postForEntity("/api/jurisdictions/13/annual-reports/2027/sign-off", Map.of(), Map.class);
		assertThat(notEnded.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(notEnded.getBody()).containsEntry("rule", "YEAR_NOT_ENDED");

		List<String> signedOrder = new ArrayList<>();
		Map<String, Object> province = signTree("13", signedOrder);
		System.out.println("Signed 2026 reports, in order: " + signedOrder);
		assertThat(signedOrder).contains(COUNTY, "1301", "1302", "1306").endsWith("13");
		assertThat(signedOrder.indexOf(COUNTY)).isLessThan(signedOrder.indexOf("1301"));
		assertThat(province).containsEntry("status", "SIGNED").containsEntry("signedBy", TestUsers.HEBEI_ADMIN);

		// the parent's report includes each child's signed digest, and every digest
		// recomputes
		Map<String, Object> city = report(TestUsers.SYSADMIN, "1301");
		Map<String, Object> county = report(TestUsers.SYSADMIN, COUNTY);
		assertThat(includedDigest(province, "1301")).isEqualTo(city.get("reportDigest"));
		assertThat(includedDigest(city, COUNTY)).isEqualTo(county.get("reportDigest"));
		for (Map<String, Object> report : List.of(province, city, county)) {
			assertThat(recomputed(report)).isEqualTo(report.get("reportDigest"));
		}
		assertThat((List<Map>) province.get("children"))
			.allSatisfy((child) -> assertThat(child.get("status")).isIn("SIGNED", "EXEMPT_NO_FIGURES"));
		Map<String, Long> signedCounty = figures(county);
		Map<String, Long> signedCity = figures(city);
		System.out.println("Signed " + COUNTY + " v1: newEnrollments=" + signedCounty.get("newEnrollments")
				+ " activeMembers=" + signedCounty.get("activeMembers") + " digest=" + county.get("reportDigest"));
		System.out.println("Signed 1301 v1: newEnrollments=" + signedCity.get("newEnrollments") + " activeMembers="
				+ signedCity.get("activeMembers") + " digest=" + city.get("reportDigest"));
		System.out.println("Signed 13 v1: digest=" + province.get("reportDigest"));

		// a member enrolled now with an effective date in the signed year: refused until
		// confirmed, naming the reports it would flag, and nothing changes meanwhile
		String person = residentId();
		int membersBefore = rosterCount();
		Map<String, Object> backdated = new HashMap<>(Map.of("residentId", person, "name", "周八", "unionId", UNION,
				"effectiveDate", "2026-09-01", "channel", "ON_SITE"));
		ResponseEntity<Map> unconfirmed = as(TestUsers.SYSADMIN).postForEntity("/api/members", backdated, Map.class);
		assertThat(unconfirmed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(unconfirmed.getBody()).containsEntry("rule", "BACKDATED_INTO_SIGNED_YEAR")
			.containsEntry("field", "effectiveDate");
		assertThat((List<Map>) unconfirmed.getBody().get("reports"))
			.extracting((report) -> report.get("code") + "/" + report.get("statisticalYear"))
			.containsExactly("13/2026", "1301/2026", COUNTY + "/2026");
		assertThat(flagCodes(flags(TestUsers.SYSADMIN, COUNTY))).isEmpty();
		assertThat(rosterCount()).isEqualTo(membersBefore);
		backdated.put("confirmBackdating", true);
		ResponseEntity<Map> enrolled = as(TestUsers.SYSADMIN).postForEntity("/api/members", backdated, Map.class);
		assertThat(enrolled.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		Map<String, Object> countyFlags = flags(TestUsers.SYSADMIN, COUNTY);
		Map countyNew = flag(countyFlags, COUNTY, "newEnrollments");
		long signedNew = signedCounty.getOrDefault("newEnrollments", 0L);
		assertThat(((Number) countyNew.get("signedValue")).longValue()).isEqualTo(signedNew);
		assertThat(((Number) countyNew.get("currentValue")).longValue()).isEqualTo(signedNew + 1);
		assertThat(countyNew).containsEntry("status", "OPEN").containsEntry("id", COUNTY + ":2026:v1:newEnrollments");
		assertThat((List<Map>) countyNew.get("events")).singleElement().satisfies((event) -> {
			assertThat(event).containsEntry("type", "MemberEnrolled").containsEntry("effectiveDate", "2026-09-01");
			assertThat(((Number) event.get("amount")).longValue()).isEqualTo(1);
		});
		System.out.println("Flag " + countyNew.get("id") + ": signed " + countyNew.get("signedValue") + ", current "
				+ countyNew.get("currentValue") + ", events " + countyNew.get("events"));

		// the county's flag shows at the county's level and at the city's level ...
		assertThat(flagCodes(flags(TestUsers.SJZ_SUPERVISOR, "1301"))).contains(COUNTY, "1301");
		Map<String, Object> cityNew = flag(flags(TestUsers.SJZ_SUPERVISOR, "1301"), "1301", "newEnrollments");
		assertThat(((Number) cityNew.get("currentValue")).longValue())
			.isEqualTo(signedCity.getOrDefault("newEnrollments", 0L) + 1);
		// ... and nowhere else: not at the province, not at a sibling city or county
		assertThat(flagCodes(flags(TestUsers.HEBEI_ADMIN, "13"))).doesNotContain(COUNTY).contains("1301");
		assertThat(flagCodes(flags(TestUsers.HEBEI_ADMIN, "1301"))).doesNotContain(COUNTY);
		assertThat(report(TestUsers.HEBEI_ADMIN, COUNTY)).containsEntry("flagsVisible", false)
			.doesNotContainKey("flags");
		assertThat(flagCodes(flags(TestUsers.TANGSHAN_SUPERVISOR, "1302"))).isEmpty();
		assertThat(flagCodes(flags(TestUsers.SYSADMIN, "130104"))).doesNotContain(COUNTY, "130104");
		Map<String, Object> cityReport = report(TestUsers.SJZ_SUPERVISOR, "1301");
		assertThat((List<Map>) cityReport.get("children")).filteredOn((child) -> COUNTY.equals(child.get("code")))
			.singleElement()
			.satisfies((child) -> assertThat(((Number) child.get("openFlags")).intValue()).isPositive());

		// the city cannot sign again over the county's flagged report
		ResponseEntity<Map> overFlagged = as(TestUsers.SYSADMIN)
			.postForEntity("/api/jurisdictions/1301/annual-reports/2026/sign-off", null, Map.class);
		assertThat(overFlagged.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(overFlagged.getBody()).containsEntry("rule", "CHILD_REPORT_FLAGGED");

		// the county amends its report: version 2, naming version 1; its flags clear and
		// stay
		ResponseEntity<Map> amended = as(TestUsers.SYSADMIN).postForEntity(
				"/api/jurisdictions/" + COUNTY + "/annual-reports/2026/sign-off",
				Map.of("comment", "one member enrolled late"), Map.class);
		assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Map<String, Object> countyV2 = amended.getBody();
		assertThat(countyV2).containsEntry("version", 2)
			.containsEntry("previousReportDigest", county.get("reportDigest"))
			.containsEntry("openFlags", 0)
			.containsEntry("comment", "one member enrolled late");
		assertThat(figures(countyV2)).containsEntry("newEnrollments", signedNew + 1);
		assertThat(recomputed(countyV2)).isEqualTo(countyV2.get("reportDigest"));
		assertThat((List<Map>) countyV2.get("flags")).isNotEmpty()
			.allSatisfy(
					(flag) -> assertThat(flag).containsEntry("status", "CLEARED").containsEntry("clearedByVersion", 2));
		System.out.println("Amended " + COUNTY + " v2: newEnrollments=" + figures(countyV2).get("newEnrollments")
				+ " digest=" + countyV2.get("reportDigest") + " previous=" + countyV2.get("previousReportDigest"));

		// the city still has its own open flags until it signs again over the new digest
		assertThat(flagCodes(flags(TestUsers.SJZ_SUPERVISOR, "1301"))).containsOnly("1301");
		ResponseEntity<Map> cityV2 = as(TestUsers.SYSADMIN)
			.postForEntity("/api/jurisdictions/1301/annual-reports/2026/sign-off", null, Map.class);
		assertThat(cityV2.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(cityV2.getBody()).containsEntry("version", 2).containsEntry("openFlags", 0);
		assertThat(includedDigest(cityV2.getBody(), COUNTY)).isEqualTo(countyV2.get("reportDigest"));
		assertThat(recomputed(cityV2.getBody())).isEqualTo(cityV2.getBody().get("reportDigest"));
	}

	private int rosterCount() {
		return ((Number) as(TestUsers.SYSADMIN).getForEntity("/api/unions/" + UNION + "/members", Map.class)
			.getBody()
			.get("count")).intValue();
	}

	/** Signs every unsigned child with figures first, then the jurisdiction itself. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> signTree(String code, List<String> order) {
		Map<String, Object> report = report(TestUsers.SYSADMIN, code);
		for (Map child : (List<Map>) report.get("children")) {
			if ("NOT_SIGNED".equals(child.get("status"))) {
				signTree((String) child.get("code"), order);
			}
		}
		String signer = switch (code) {
			case "13" -> TestUsers.HEBEI_ADMIN;
			case "1306" -> TestUsers.BAODING_ADMIN;
			default -> TestUsers.SYSADMIN;
		};
		ResponseEntity<Map> signed = as(signer).postForEntity(
				"/api/jurisdictions/" + code + "/annual-reports/2026/sign-off", Map.of("comment", "checked"),
				Map.class);
		assertThat(signed.getStatusCode()).as(code + ": " + signed.getBody()).isEqualTo(HttpStatus.CREATED);
		assertThat(signed.getBody()).containsEntry("version", 1).containsEntry("childrenReady", true);
		order.add(code);
		return signed.getBody();
	}

	private Map<String, Object> report(String user, String code) {
		ResponseEntity<Map> response = as(user).getForEntity("/api/jurisdictions/" + code + "/annual-reports/2026",
				Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private Map<String, Object> flags(String user, String code) {
		ResponseEntity<Map> response = as(user)
			.getForEntity("/api/jurisdictions/" + code + "/annual-reports/2026/flags", Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	private static List<String> flagCodes(Map<String, Object> flags) {
		return ((List<Map>) flags.get("flags")).stream()
			.filter((flag) -> "OPEN".equals(flag.get("status")))
			.map((flag) -> (String) flag.get("jurisdictionCode"))
			.distinct()
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> flag(Map<String, Object> flags, String code, String figure) {
		return ((List<Map<String, Object>>) flags.get("flags")).stream()
			.filter((flag) -> code.equals(flag.get("jurisdictionCode")) && figure.equals(flag.get("figure"))
					&& "OPEN".equals(flag.get("status")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no open flag on " + figure + " of " + code + " in " + flags));
	}

	@SuppressWarnings("unchecked")
	private static String includedDigest(Map<String, Object> report, String child) {
		return ((List<Map>) report.get("includedChildren")).stream()
			.filter((entry) -> child.equals(entry.get("code")))
			.map((entry) -> (String) entry.get("reportDigest"))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Long> figures(Map<String, Object> report) {
		Map<String, Long> figures = new TreeMap<>();
		((Map<String, Number>) report.get("figures")).forEach((name, value) -> figures.put(name, value.longValue()));
		return figures;
	}

	/** The report's digest recomputed from what the API shows. */
	@SuppressWarnings("unchecked")
	private static String recomputed(Map<String, Object> report) {
		List<ChildReport> children = new ArrayList<>();
		for (Map entry : (List<Map>) report.get("includedChildren")) {
			children.add(new ChildReport(JurisdictionCode.of((String) entry.get("code")),
					ChildReportStatus.valueOf((String) entry.get("status")), ((Number) entry.get("version")).intValue(),
					((Number) entry.get("globalPosition")).longValue(), (String) entry.get("reportDigest")));
		}
		return ReportDigest.of(JurisdictionCode.of((String) report.get("code")), 2026,
				((Number) report.get("version")).intValue(), figures(report),
				((Number) report.get("globalPosition")).longValue(), ((Number) report.get("sealedThrough")).longValue(),
				(String) report.get("sealDigest"), children, (String) report.get("previousReportDigest"));
	}

}
