package org.unionledger.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium against the running ledger: signing in as
 * each role, drilling from Hebei to a union, enrolling and seeing the counts change, a
 * transfer across cities, a CSV import, refusals out of scope, both languages and a 375
 * px wide screen, and the yearly report signed level by level on the sign-off page. Every
 * figure asserted on the page is compared with the API's answer. Screenshots go to
 * {@code target/screenshots}. One browser for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest extends ApiTestSupport {

	@LocalServerPort
	int port;

	Browser browser;

	/** Enrolled through the browser, then transferred through it. */
	String enrolledMember;

	@BeforeAll
	void openBrowser() throws IOException {
		this.browser = Browser.open("http://localhost:" + this.port, 1280, 900);
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-sjz-c", "130104");
		ensureUnion("os-bd-b", "130602");
	}

	/**
	 * Under the Content-Security-Policy nothing the dashboard does is refused: the
	 * console has no complaint after any test.
	 */
	@AfterEach
	void noPolicyViolations() {
		if (this.browser != null) {
			assertThat(this.browser.policyViolations()).isEmpty();
		}
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> api(String user, String path) {
		ResponseEntity<Map> response = as(user).getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	long active(String user, String path) {
		return ((Number) ((Map<String, Object>) api(user, path).get("members")).get("active")).longValue();
	}

	@Test
	@Order(1)
	void signInPageIsChineseByDefaultAndSwitchesToEnglish() {
		this.browser.go("/ui/");
		this.browser.wait.until((d) -> d.getCurrentUrl().contains("/ui/login"));
		assertThat(this.browser.text("h1")).isEqualTo("工会会员台账");
		assertThat(this.browser.text("#login-submit")).isEqualTo("登录");
		this.browser.screenshot("01-login-zh");
		this.browser.find("#lang-switch").click();
		this.browser.waitForText("h1", "Union Membership Ledger");
		assertThat(this.browser.text("#login-submit")).isEqualTo("Sign in");
		this.browser.screenshot("02-login-en");
		this.browser.find("#lang-switch").click();
		this.browser.waitForText("h1", "工会会员台账");
		this.browser.find("#username").sendKeys(TestUsers.HEBEI_AUDITOR);
		this.browser.find("#password").sendKeys("wrong-password");
		this.browser.find("#login-submit").click();
		this.browser.waitForText("#login-message", "用户名或密码不正确");
	}

	@Test
	@Order(2)
	void eachRoleSignsInAndSeesOnlyItsPages() {
		Map<String, List<String>> navigation = Map.of(TestUsers.SYSADMIN,
				List.of("nav-j", "nav-enroll", "nav-findings", "nav-verify"), TestUsers.HEBEI_ADMIN,
				List.of("nav-j", "nav-transfers", "nav-signoff", "nav-findings"), TestUsers.SJZ_SUPERVISOR,
				List.of("nav-j", "nav-findings", "nav-member"), TestUsers.HEBEI_AUDITOR,
				List.of("nav-j", "nav-findings", "nav-verify"), TestUsers.SJZ_OFFICER,
				List.of("nav-u", "nav-enroll", "nav-issue", "nav-accept", "nav-service", "nav-import"));
		Map<String, List<String>> hidden = Map.of(TestUsers.SYSADMIN, List.of("nav-u"), TestUsers.HEBEI_ADMIN,
				List.of("nav-enroll", "nav-member", "nav-verify"), TestUsers.SJZ_SUPERVISOR,
				List.of("nav-enroll", "nav-verify"), TestUsers.HEBEI_AUDITOR, List.of("nav-enroll"),
				TestUsers.SJZ_OFFICER, List.of("nav-j", "nav-signoff", "nav-findings", "nav-verify"));
		Map<String, String> roles = Map.of(TestUsers.SYSADMIN, "系统管理员", TestUsers.HEBEI_ADMIN, "辖区管理员",
				TestUsers.SJZ_SUPERVISOR, "督查人员", TestUsers.HEBEI_AUDITOR, "审计人员", TestUsers.SJZ_OFFICER, "基层工会干事");
		for (String user : List.of(TestUsers.SYSADMIN, TestUsers.HEBEI_ADMIN, TestUsers.SJZ_SUPERVISOR,
				TestUsers.HEBEI_AUDITOR, TestUsers.SJZ_OFFICER)) {
			this.browser.signIn(user, TestUsers.PASSWORD);
			assertThat(this.browser.text("#user-name")).isEqualTo(user);
			assertThat(this.browser.text("#user-role")).isEqualTo(roles.get(user));
			for (String id : navigation.get(user)) {
				assertThat(this.browser.all("#" + id)).as(user + " sees " + id).hasSize(1);
			}
			for (String id : hidden.get(user)) {
				assertThat(this.browser.all("#" + id)).as(user + " does not see " + id).isEmpty();
			}
			this.browser.find("#kpi-active");
			this.browser.screenshot("03-home-" + user);
			this.browser.signOut();
			this.browser.waitForText("#login-message", "您已退出");
		}
	}

	@Test
	@Order(3)
	void drillsFromHebeiToACityACountyAndAUnion() {
		this.browser.signIn(TestUsers.HEBEI_AUDITOR, TestUsers.PASSWORD);
		this.browser.route("#/j/13");
		this.browser.find("#children-table");
		assertThat(this.browser.text("#page-title")).isEqualTo("河北省（13）");
		assertThat(this.browser.number("#kpi-active .kpi-value"))
			.isEqualTo(active(TestUsers.HEBEI_AUDITOR, "/api/jurisdictions/13/statistics"));
		this.browser.screenshot("04-jurisdiction-hebei");
		// The children table sorts by a column: by active members, most first.
		WebElement sort = this.browser.find("#children-table thead th:nth-child(3) button");
		sort.click();
		List<WebElement> cells = this.browser.all("#children-table tbody tr td:nth-child(3)");
		long first = Long.parseLong(cells.get(0).getText().replaceAll("[^0-9]", "0"));
		long second = Long.parseLong(cells.get(1).getText().replaceAll("[^0-9]", "0"));
		assertThat(first).isGreaterThanOrEqualTo(second);
		// Targets for Shijiazhuang (assigned by the province's admin; the city's own set
		// by
		// a system administrator, as the test users have no city admin of Shijiazhuang):
		// the gauges compare with them.
		for (Map<String, Object> target : List.of(Map.<String, Object>of("source", "ASSIGNED", "target", 20),
				Map.<String, Object>of("source", "SELF_SET", "target", 30))) {
			assertThat(as("ASSIGNED".equals(target.get("source")) ? TestUsers.HEBEI_ADMIN : TestUsers.SYSADMIN)
				.exchange("/api/jurisdictions/1301/targets/2027", org.springframework.http.HttpMethod.PUT,
						new org.springframework.http.HttpEntity<>(target), Map.class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		this.browser.find("#children-table a[href='#/j/1301']").click();
		this.browser.waitForText("#page-title", "石家庄市（1301）");
		this.browser.settle();
		this.browser.find("#chart-completion .toggle").click();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> completion = (List<Map<String, Object>>) api(TestUsers.HEBEI_AUDITOR,
				"/api/jurisdictions/1301/statistics")
			.get("completion");
		for (Map<String, Object> source : completion) {
			String label = "ASSIGNED".equals(source.get("source")) ? "省总要求" : "我市目标";
			WebElement row = this.browser.all("#chart-completion-table tbody tr")
				.stream()
				.filter((r) -> r.getText().startsWith(label))
				.findFirst()
				.orElseThrow();
			List<WebElement> targetCells = row.findElements(By.cssSelector("td"));
			assertThat(targetCells.get(1).getText()).isEqualTo(String.valueOf(source.get("target")));
			assertThat(targetCells.get(2).getText()).isEqualTo(String.valueOf(source.get("newEnrollments")));
			assertThat(targetCells.get(3).getText())
				.isEqualTo(String.format("%.2f%%", ((Number) source.get("percent")).doubleValue()));
		}
		this.browser.find("#chart-completion .toggle").click();
		assertThat(this.browser.text("#breadcrumbs")).contains("河北省").contains("石家庄市");
		assertThat(this.browser.number("#kpi-active .kpi-value"))
			.isEqualTo(active(TestUsers.HEBEI_AUDITOR, "/api/jurisdictions/1301/statistics"));
		this.browser.find("#chart-ranking");
		// A tooltip, drawn on the canvas (ECharts' HTML tooltips would break the CSP).
		new org.openqa.selenium.interactions.Actions(this.browser.driver)
			.moveToElement(this.browser.find("#chart-ranking canvas"))
			.perform();
		this.browser.screenshot("05-jurisdiction-shijiazhuang");
		this.browser.find("#children-table a[href='#/j/130102']").click();
		this.browser.waitForText("#page-title", "（130102）");
		this.browser.find("#unions-table");
		long county = active(TestUsers.HEBEI_AUDITOR, "/api/jurisdictions/130102/statistics");
		assertThat(this.browser.number("#kpi-active .kpi-value")).isEqualTo(county);
		this.browser.screenshot("06-jurisdiction-county-130102");
		this.browser.find("#unions-table a[href='#/u/os-sjz-a']").click();
		this.browser.waitForText("#breadcrumbs", "石家庄市");
		this.browser.find("#kpi-active");
		assertThat(this.browser.number("#kpi-active .kpi-value"))
			.isEqualTo(active(TestUsers.HEBEI_AUDITOR, "/api/unions/os-sjz-a/statistics"));
		this.browser.screenshot("07-union-os-sjz-a", "#kpis");
		assertThat(this.browser.text("main"))
			.as("an auditor's union page has no officer actions, and no 'null' in their place")
			.doesNotContain("null")
			.doesNotContain("undefined");
		this.browser.signOut();
	}

	@Test
	@Order(4)
	void anOfficerEnrollsAMemberAndTheCountsChange() {
		long countyBefore = active(TestUsers.SJZ_SUPERVISOR, "/api/jurisdictions/130102/statistics");
		this.browser.signIn(TestUsers.SJZ_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/enroll/os-sjz-a");
		long before = this.browser.number("#kpi-union-active .kpi-value");
		assertThat(before).isEqualTo(active(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-a/statistics"));
		String valid = residentId();
		String wrongCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '0' ? "1" : "0");
		this.browser.find("#f-residentId").sendKeys(wrongCheckDigit);
		this.browser.waitForText("#f-residentId-error", "校验码不正确");
		this.browser.screenshot("08-enroll-check-digit");
		this.browser.find("#f-residentId").clear();
		this.browser.find("#f-residentId").sendKeys(valid);
		this.browser.waitForText("#f-residentId-error", "校验码正确");
		this.browser.find("#f-name").sendKeys("浏览器测试");
		this.browser.setValue("#f-effectiveDate", TODAY.minusDays(10).toString());
		this.browser.find("#enroll-form-submit").click();
		this.browser.find("#enrolled-member");
		this.enrolledMember = this.browser.text("#enrolled-member");
		this.browser.wait.until((d) -> this.browser.number("#kpi-union-active .kpi-value") == before + 1);
		assertThat(active(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-a/statistics")).isEqualTo(before + 1);
		this.browser.screenshot("09-enrolled", "#enroll-form");
		// The same person again: the server's 409 problem appears beside the resident ID.
		this.browser.find("#f-residentId").sendKeys(valid);
		this.browser.find("#f-name").sendKeys("浏览器测试");
		this.browser.find("#enroll-form-submit").click();
		this.browser.waitForText("#f-residentId-error", "ALREADY");
		assertThat(this.browser.number("#kpi-union-active .kpi-value")).isEqualTo(before + 1);
		this.browser.screenshot("10-enroll-duplicate-problem", "#f-residentId");
		this.browser.signOut();
		// A supervisor of the city sees the county's count moved by one.
		this.browser.signIn(TestUsers.SJZ_SUPERVISOR, TestUsers.PASSWORD);
		this.browser.route("#/j/130102");
		this.browser.find("#unions-table");
		assertThat(this.browser.number("#kpi-active .kpi-value")).isEqualTo(countyBefore + 1);
		this.browser.signOut();
	}

	@Test
	@Order(5)
	void aMemberIsTransferredFromShijiazhuangToBaoding() {
		assertThat(this.enrolledMember).as("enrolled by the previous test").isNotNull();
		this.browser.signIn(TestUsers.SJZ_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/issue/os-sjz-a");
		this.browser.present("#f-memberId option[value='" + this.enrolledMember + "']");
		this.browser.script("const s = document.getElementById('f-memberId'); s.value = arguments[0];",
				this.enrolledMember);
		this.browser.find("#f-toUnionId").sendKeys("os-bd-b");
		this.browser.find("#issue-form-submit").click();
		String code = this.browser.text("#credential-code");
		assertThat(code).matches("TC(-[0-9A-Z]{4}){4}");
		this.browser.wait.until((d) -> (Boolean) this.browser
			.script("const i = document.getElementById('credential-qr'); return i.complete && i.naturalWidth > 0;"));
		this.browser.screenshot("11-credential-issued-qr", "#credential");
		this.browser.signOut();
		this.browser.signIn(TestUsers.BD_OFFICER, TestUsers.PASSWORD);
		long before = active(TestUsers.BD_OFFICER, "/api/unions/os-bd-b/statistics");
		this.browser.route("#/accept");
		this.browser.find("#f-code").sendKeys(code);
		this.browser.find("#accept-form-submit").click();
		this.browser.waitForText(".form-message", this.enrolledMember);
		this.browser.screenshot("12-transfer-accepted", ".form-message");
		assertThat(active(TestUsers.BD_OFFICER, "/api/unions/os-bd-b/statistics")).isEqualTo(before + 1);
		assertThat(api(TestUsers.BD_OFFICER, "/api/members/" + this.enrolledMember + "/history").get("unionId"))
			.isEqualTo("os-bd-b");
		this.browser.route("#/u/os-bd-b");
		assertThat(this.browser.number("#kpi-active .kpi-value")).isEqualTo(before + 1);
		this.browser.signOut();
		// The province's transfers page shows the flow from Shijiazhuang to Baoding.
		this.browser.signIn(TestUsers.HEBEI_AUDITOR, TestUsers.PASSWORD);
		this.browser.route("#/transfers/13");
		this.browser.find("#chart-flows");
		this.browser.screenshot("13-transfers-hebei");
		this.browser.find("#chart-flows .toggle").click();
		WebElement row = this.browser.find("#chart-flows-table")
			.findElements(By.cssSelector("tbody tr"))
			.stream()
			.filter((r) -> r.getText().contains("石家庄市") && r.getText().contains("保定市"))
			.findFirst()
			.orElseThrow();
		long shown = Long.parseLong(row.findElements(By.cssSelector("td")).get(2).getText().replaceAll("[^0-9]", ""));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> flows = (List<Map<String, Object>>) api(TestUsers.HEBEI_AUDITOR,
				"/api/jurisdictions/13/transfers")
			.get("flows");
		long expected = flows.stream()
			.filter((f) -> "1301".equals(f.get("fromCity")) && "1306".equals(f.get("toCity")))
			.mapToLong((f) -> ((Number) f.get("count")).longValue())
			.sum();
		assertThat(shown).isEqualTo(expected).isGreaterThanOrEqualTo(1);
		this.browser.screenshot("14-transfers-hebei-table", "#chart-flows");
		this.browser.signOut();
	}

	@Test
	@Order(6)
	void anOfficerImportsASmallCsvAndWatchesItsOutcome() throws IOException {
		Path csv = Files.createTempFile("dashboard-import-", ".csv");
		String day = TODAY.minusDays(5).toString();
		Files.writeString(csv,
				"residentId,name,unionId,effectiveDate\n" + residentId() + ",导入甲,os-sjz-c," + day + "\n" + residentId()
						+ ",导入乙,os-sjz-c," + day + "\n" + "130102199001011234,导入丙,os-sjz-c," + day + "\n",
				StandardCharsets.UTF_8);
		long before = active(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-c/statistics");
		this.browser.signIn(TestUsers.SJZ_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/import");
		this.browser.present("#f-file").sendKeys(csv.toAbsolutePath().toString());
		this.browser.find("#import-form-submit").click();
		this.browser.waitForText("#import-status", "已完成");
		assertThat(this.browser.number("#import-rows")).isEqualTo(3);
		assertThat(this.browser.number("#import-accepted")).isEqualTo(2);
		assertThat(this.browser.number("#import-rejected")).isEqualTo(1);
		assertThat(this.browser.text("#import-rejections")).contains("身份证号");
		this.browser.screenshot("15-import-done", "#import-progress");
		assertThat(active(TestUsers.SJZ_OFFICER, "/api/unions/os-sjz-c/statistics")).isEqualTo(before + 2);
		this.browser.signOut();
		Files.deleteIfExists(csv);
	}

	@Test
	@Order(7)
	@SuppressWarnings("unchecked")
	void anOfficerRecordsAWinterWarmthServiceAndTheServicesPageCountsIt() {
		Map<String, Object> before = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) api(
				TestUsers.SJZ_SUPERVISOR, "/api/unions/os-sjz-c/statistics")
			.get("services")).get("deliveredHere")).get("byCampaign");
		long winterBefore = ((Number) ((Map<String, Object>) before.get("WINTER_WARMTH")).get("personTimes"))
			.longValue();
		this.browser.signIn(TestUsers.SJZ_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/service/os-sjz-c");
		this.browser.setValue("#f-type", "SEASONAL_CARE");
		this.browser.setValue("#f-campaign", "WINTER_WARMTH");
		this.browser.setValue("#f-personTimes", "40");
		this.browser.setValue("#f-amountYuan", "2000.50");
		this.browser.find("#service-form-submit").click();
		this.browser.find("#service-id");
		this.browser.screenshot("15b-service-recorded", "#service-form");
		this.browser.route("#/services/u/os-sjz-c");
		this.browser.find("#chart-campaign .toggle").click();
		WebElement winter = this.browser.all("#chart-campaign-table tbody tr")
			.stream()
			.filter((r) -> r.getText().startsWith("冬送温暖"))
			.findFirst()
			.orElseThrow();
		List<WebElement> cells = winter.findElements(By.cssSelector("td"));
		assertThat(Long.parseLong(cells.get(2).getText().replaceAll("[^0-9]", ""))).isEqualTo(winterBefore + 40);
		assertThat(cells.get(3).getText()).contains("2,000.50");
		this.browser.screenshot("15c-services-union-table", "#chart-campaign");
		this.browser.signOut();
	}

	@Test
	@Order(8)
	void pagesOutOfScopeAreRefused() {
		this.browser.signIn(TestUsers.BD_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/u/os-sjz-a");
		assertThat(this.browser.text("#refused-status")).contains("403").contains("OUT_OF_SCOPE");
		assertThat(as(TestUsers.BD_OFFICER).getForEntity("/api/unions/os-sjz-a/statistics", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		this.browser.screenshot("16-refused-officer-other-city");
		this.browser.route("#/findings");
		assertThat(this.browser.text("#refused")).contains("不能使用此页面");
		this.browser.signOut();
		this.browser.signIn(TestUsers.TANGSHAN_SUPERVISOR, TestUsers.PASSWORD);
		this.browser.route("#/j/1301");
		assertThat(this.browser.text("#refused-status")).contains("403");
		assertThat(as(TestUsers.TANGSHAN_SUPERVISOR).getForEntity("/api/jurisdictions/1301/statistics", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		this.browser.screenshot("17-refused-tangshan-supervisor");
		this.browser.signOut();
	}

	@Test
	@Order(9)
	void aKnownAtComparisonHighlightsTheBackdatedEnrollment() {
		this.browser.signIn(TestUsers.SJZ_SUPERVISOR, TestUsers.PASSWORD);
		this.browser.route("#/j/130102");
		this.browser.setValue("#filter-knownat", TODAY.minusDays(1).toString());
		this.browser.find("#filter-apply").click();
		this.browser.find("#late-table");
		@SuppressWarnings("unchecked")
		Map<String, Object> later = (Map<String, Object>) api(TestUsers.SJZ_SUPERVISOR,
				"/api/jurisdictions/130102/statistics?knownAt=" + TODAY.minusDays(1))
			.get("recordedAfterKnownAt");
		long lateNew = ((Number) later.get("newEnrollments")).longValue();
		assertThat(lateNew).isGreaterThanOrEqualTo(1);
		WebElement row = this.browser.all("#late-table tbody tr")
			.stream()
			.filter((r) -> r.getText().startsWith("新发展会员"))
			.findFirst()
			.orElseThrow();
		assertThat(row.findElements(By.cssSelector("td")).get(3).getText()).isEqualTo(String.valueOf(lateNew));
		assertThat(this.browser.find("#kpi-new").getAttribute("class")).contains("late");
		this.browser.screenshot("18-known-at-late-entries", "#late-entries");
		this.browser.setValue("#filter-knownat", "");
		this.browser.find("#filter-apply").click();
		this.browser.settle();
		this.browser.signOut();
	}

	@Test
	@Order(10)
	void supervisorsAndAuditorsWorkTheirPages() {
		this.browser.signIn(TestUsers.SJZ_SUPERVISOR, TestUsers.PASSWORD);
		this.browser.route("#/findings/1301");
		this.browser.find("#findings-count");
		long count = ((Number) api(TestUsers.SJZ_SUPERVISOR, "/api/supervision/findings?jurisdiction=1301")
			.get("count")).longValue();
		assertThat(this.browser.number("#findings-count")).isEqualTo(count);
		this.browser.screenshot("19-findings");
		// The duplicate attempt of the enrollment test is a finding; the supervisor
		// dismisses it.
		this.browser.route("#/findings/130102");
		this.browser.setValue("#findings-kind", "DUPLICATE_ENROLLMENT_ATTEMPT");
		this.browser.find("#findings-filter button[type=submit]").click();
		WebElement finding = this.browser
			.present("li.finding.status-OPEN a[href='#/member/" + this.enrolledMember + "']")
			.findElement(By.xpath("ancestor::li"));
		String findingId = finding.getAttribute("data-finding");
		finding.findElement(By.cssSelector(".decide input")).sendKeys("同一人重复提交，已核实");
		finding.findElements(By.cssSelector(".decide button")).get(1).click();
		this.browser.present("li.finding.status-DISMISSED[data-finding='" + findingId + "']");
		assertThat(this.browser.text("li.finding[data-finding='" + findingId + "']")).contains("已排除")
			.contains("同一人重复提交，已核实");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> decided = (List<Map<String, Object>>) api(TestUsers.SJZ_SUPERVISOR,
				"/api/supervision/findings?jurisdiction=130102&kind=DUPLICATE_ENROLLMENT_ATTEMPT")
			.get("findings");
		assertThat(decided).filteredOn((f) -> findingId.equals(f.get("id")))
			.singleElement()
			.satisfies((f) -> assertThat(f).containsEntry("status", "DISMISSED")
				.containsEntry("decisionReason", "同一人重复提交，已核实"));
		this.browser.screenshot("19b-finding-dismissed", "li.finding[data-finding='" + findingId + "']");
		this.browser.route("#/services/1301");
		this.browser.find("#chart-campaign");
		@SuppressWarnings("unchecked")
		Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) api(TestUsers.SJZ_SUPERVISOR,
				"/api/jurisdictions/1301/statistics")
			.get("services")).get("deliveredHere");
		assertThat(this.browser.number("#kpi-personTimes .kpi-value"))
			.isEqualTo(((Number) services.get("personTimes")).longValue());
		this.browser.screenshot("21-services-shijiazhuang");
		this.browser.signOut();
		this.browser.signIn(TestUsers.HEBEI_AUDITOR, TestUsers.PASSWORD);
		this.browser.route("#/member/" + this.enrolledMember);
		this.browser.find("#timeline");
		assertThat(this.browser.text("#timeline")).contains("入会").contains("开具转接凭证").contains("转入已接收");
		this.browser.screenshot("20-member-timeline");
		this.browser.route("#/verify");
		this.browser.find("#verify-button").click();
		this.browser.find("#verify-outcome");
		assertThat(this.browser.text("#verify-outcome")).contains("完整");
		this.browser.screenshot("22-verify", "#verify-outcome");
		this.browser.signOut();
	}

	@Test
	@Order(11)
	void englishSwitchAndAPhoneWideScreen() {
		this.browser.signIn(TestUsers.SJZ_SUPERVISOR, TestUsers.PASSWORD);
		this.browser.find("#lang-switch").click();
		this.browser.waitForText("#user-role", "Supervisor");
		this.browser.settle();
		this.browser.find("#kpi-active");
		assertThat(this.browser.text("#kpi-active .kpi-label")).isEqualTo("Active members");
		this.browser.screenshot("23-jurisdiction-english");
		this.browser.find("#lang-switch").click();
		this.browser.waitForText("#user-role", "督查人员");
		// Keyboard: the first Tab reaches the skip link, Enter moves to the content; the
		// navigation and the charts' table toggles are links and buttons.
		this.browser.route("#/j/1301");
		// A fresh load, so that sequential focus starts at the top of the document.
		this.browser.driver.navigate().refresh();
		this.browser.wait.until((d) -> "#/j/1301".equals(
				((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.body.dataset.rendered;")));
		this.browser.find("#kpi-active");
		new org.openqa.selenium.interactions.Actions(this.browser.driver).sendKeys(org.openqa.selenium.Keys.TAB)
			.perform();
		assertThat(this.browser.driver.switchTo().activeElement().getText()).isEqualTo("跳到正文");
		new org.openqa.selenium.interactions.Actions(this.browser.driver).sendKeys(org.openqa.selenium.Keys.ENTER)
			.perform();
		this.browser.wait.until((d) -> "main".equals(d.switchTo().activeElement().getAttribute("id")));
		assertThat(this.browser.all("#nav a")).allSatisfy((a) -> assertThat(a.getAttribute("href")).contains("#/"));
		assertThat(this.browser.all(".card .toggle")).isNotEmpty()
			.allSatisfy((b) -> assertThat(b.getTagName()).isEqualTo("button"));
		this.browser.driver.manage().window().setSize(new Dimension(375, 812));
		this.browser.route("#/j/1301");
		this.browser.find("#kpi-active");
		long overflow = (Long) this.browser
			.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(0);
		assertThat(this.browser.find("#menu-toggle").isDisplayed()).isTrue();
		assertThat(this.browser.driver.findElement(By.id("nav")).isDisplayed()).isFalse();
		this.browser.screenshot("24-phone-jurisdiction");
		this.browser.find("#menu-toggle").click();
		assertThat(this.browser.find("#nav-findings").isDisplayed()).isTrue();
		this.browser.screenshot("25-phone-menu");
		this.browser.find("#nav-findings").click();
		this.browser.find("#findings-count");
		this.browser.screenshot("26-phone-findings");
		this.browser.driver.manage().window().setSize(new Dimension(1280, 900));
		this.browser.signOut();
	}

	/**
	 * The 2025 report (2024-10-01 to 2025-09-30, ended on the test clock; no other test
	 * signs it) of Shijiazhuang, signed through the page: refused while counties with
	 * figures have not signed, then each county, then the city, whose report includes
	 * each county's digest. A member enrolled afterwards into the signed year flags the
	 * city's report. An auditor sees the page without the button.
	 */
	@Test
	@Order(12)
	@SuppressWarnings("unchecked")
	void theYearlyReportIsSignedCountyByCountyThenTheCityOnTheSignOffPage() {
		String city = "#/signoff/1301/2025";
		this.browser.signIn(TestUsers.SYSADMIN, TestUsers.PASSWORD);
		this.browser.route(city);
		this.browser.find("#units-table");
		Map<String, Object> before = api(TestUsers.SYSADMIN, "/api/jurisdictions/1301/annual-reports/2025");
		assertThat(before).containsEntry("status", "NOT_SIGNED");
		assertThat(this.browser.find("#report-status").getAttribute("data-status")).isEqualTo("NOT_SIGNED");
		assertThat(shownStatuses()).isEqualTo(statuses(before));
		List<String> notSigned = ((List<Map<String, Object>>) before.get("children")).stream()
			.filter((child) -> "NOT_SIGNED".equals(child.get("status")))
			.map((child) -> (String) child.get("code"))
			.toList();
		System.out.println("Sign-off page, 1301 2025 before: " + shownStatuses());
		assertThat(notSigned).isNotEmpty();
		this.browser.screenshot("27-signoff-city-not-signed");

		// the city first: the server's refusal appears beside the button
		this.browser.find("#signoff-submit").click();
		this.browser.waitForText("#signoff-rule", "CHILD_NOT_SIGNED");
		assertThat(this.browser.text("#signoff-rule")).contains("409");
		String detail = this.browser.text("#signoff-detail");
		assertThat(notSigned).anySatisfy((code) -> assertThat(detail).contains(code));
		assertThat(this.browser.text("#signoff-message")).contains("下级单位尚未签报");
		this.browser.screenshot("27-signoff-refused-child-not-signed", "#signoff");

		// each county, following the link down and the breadcrumb back
		for (String county : notSigned) {
			follow("#units-table a[href='#/signoff/" + county + "/2025']", "#/signoff/" + county + "/2025");
			this.browser.find("#units-none");
			this.browser.find("#signoff-comment").sendKeys("县区年报已核对");
			this.browser.find("#signoff-submit").click();
			this.browser.find("#signoff-done");
			assertThat(this.browser.find("#report-status").getAttribute("data-status")).isEqualTo("SIGNED");
			Map<String, Object> signed = api(TestUsers.SYSADMIN,
					"/api/jurisdictions/" + county + "/annual-reports/2025");
			assertThat(this.browser.find("#report-digest").getAttribute("data-digest"))
				.isEqualTo(signed.get("reportDigest"));
			assertThat(this.browser.text("#report-comment")).isEqualTo("县区年报已核对");
			if (county.equals(notSigned.get(0))) {
				this.browser.screenshot("27-signoff-county-signed");
			}
			follow("#breadcrumbs a[href='" + city + "']", city);
		}

		// then the city: signed, and its report includes each county's digest
		this.browser.find("#signoff-comment").sendKeys("各县区均已签报");
		this.browser.find("#signoff-submit").click();
		this.browser.find("#signoff-done");
		Map<String, Object> after = api(TestUsers.SYSADMIN, "/api/jurisdictions/1301/annual-reports/2025");
		assertThat(after).containsEntry("status", "SIGNED").containsEntry("version", 1);
		assertThat(this.browser.find("#report-status").getAttribute("data-status")).isEqualTo("SIGNED");
		assertThat(this.browser.text("#report-version")).isEqualTo("v1");
		assertThat(this.browser.text("#report-signer")).isEqualTo(TestUsers.SYSADMIN);
		assertThat(this.browser.text("#report-comment")).isEqualTo("各县区均已签报");
		assertThat(this.browser.number("#report-position"))
			.isEqualTo(((Number) after.get("globalPosition")).longValue());
		assertThat(this.browser.find("#report-digest").getAttribute("data-digest"))
			.isEqualTo(after.get("reportDigest"));
		this.browser.find("#report-digest button[aria-expanded]").click();
		assertThat(this.browser.text("#report-digest-text")).isEqualTo(after.get("reportDigest"));
		assertThat(shownStatuses()).isEqualTo(statuses(after)).doesNotContainValue("NOT_SIGNED/");
		for (Map<String, Object> included : (List<Map<String, Object>>) after.get("includedChildren")) {
			String code = (String) included.get("code");
			if (!"SIGNED".equals(included.get("status"))) {
				continue;
			}
			Object countyDigest = api(TestUsers.SYSADMIN, "/api/jurisdictions/" + code + "/annual-reports/2025")
				.get("reportDigest");
			assertThat(included.get("reportDigest")).isEqualTo(countyDigest);
			assertThat(this.browser.present("#included-" + code + "-digest").getAttribute("data-digest"))
				.isEqualTo(countyDigest);
		}
		System.out.println(
				"Sign-off page, 1301 2025 after: " + shownStatuses() + ", city digest " + after.get("reportDigest"));
		this.browser.screenshot("27-signoff-city-signed");

		// a member enrolled now into the signed year (backdating confirmed): the city's
		// report is flagged
		ResponseEntity<Map> enrolled = as(TestUsers.SYSADMIN).postForEntity("/api/members",
				Map.of("residentId", residentId(), "name", "补录会员", "unionId", "os-sjz-a", "effectiveDate", "2025-09-01",
						"channel", "ON_SITE", "confirmBackdating", true),
				Map.class);
		assertThat(enrolled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		this.browser.driver.navigate().refresh();
		this.browser.wait.until((d) -> city.equals(this.browser.script("return document.body.dataset.rendered;")));
		this.browser.find("#flags-table");
		List<Map<String, Object>> open = ((List<Map<String, Object>>) api(TestUsers.SYSADMIN,
				"/api/jurisdictions/1301/annual-reports/2025/flags")
			.get("flags")).stream().filter((flag) -> "OPEN".equals(flag.get("status"))).toList();
		assertThat(this.browser.all("#flags-table tbody tr")).hasSize(open.size());
		Map<String, Object> cityNew = open.stream()
			.filter((flag) -> "1301".equals(flag.get("jurisdictionCode"))
					&& "newEnrollments".equals(flag.get("figure")))
			.findFirst()
			.orElseThrow();
		assertThat(((Number) cityNew.get("currentValue")).longValue())
			.isEqualTo(((Number) cityNew.get("signedValue")).longValue() + 1);
		WebElement row = this.browser.all("#flags-table tbody tr.flag-open")
			.stream()
			.filter((r) -> r.getText().startsWith("石家庄市（1301）")
					&& "newEnrollments".equals(r.findElement(By.cssSelector("td:nth-child(3) small")).getText()))
			.findFirst()
			.orElseThrow();
		List<WebElement> cells = row.findElements(By.cssSelector("td"));
		assertThat(cells.get(3).getText().replaceAll("[^0-9-]", ""))
			.isEqualTo(String.valueOf(cityNew.get("signedValue")));
		assertThat(cells.get(4).getText().replaceAll("[^0-9-]", ""))
			.isEqualTo(String.valueOf(cityNew.get("currentValue")));
		assertThat(cells.get(5).getText()).isEqualTo("+1");
		assertThat(cells.get(7).getText()).contains("入会").contains("2025-09-01");
		assertThat(this.browser.text("#signoff-submit")).contains("v2");
		System.out.println("Flag shown on the page: " + row.getText().replace('\n', ' '));
		this.browser.screenshot("27-signoff-city-flagged", "#flags");
		this.browser.signOut();

		// an auditor: from the jurisdiction view to the page (the last ended year), no
		// button
		this.browser.signIn(TestUsers.HEBEI_AUDITOR, TestUsers.PASSWORD);
		this.browser.find("#open-signoff").click();
		this.browser.wait
			.until((d) -> "#/signoff/13".equals(this.browser.script("return document.body.dataset.rendered;")));
		this.browser.settle();
		this.browser.find("#report-status");
		int lastEnded = ((Number) api(TestUsers.HEBEI_AUDITOR, "/api/me").get("statisticalYear")).intValue() - 1;
		assertThat(this.browser.find("#signoff-year").getAttribute("value")).isEqualTo(String.valueOf(lastEnded));
		this.browser.route(city);
		this.browser.find("#units-table");
		assertThat(this.browser.all("#signoff-submit")).isEmpty();
		assertThat(this.browser.text("main")).doesNotContain("null").doesNotContain("undefined");
		assertThat(shownStatuses())
			.isEqualTo(statuses(api(TestUsers.HEBEI_AUDITOR, "/api/jurisdictions/1301/annual-reports/2025")));
		assertThat(this.browser.all("#flags-table tbody tr")).isNotEmpty();
		this.browser.screenshot("27-signoff-auditor-no-button");
		this.browser.find("#lang-switch").click();
		this.browser.waitForText("#nav-signoff", "Sign-off");
		this.browser.find("#units-table");
		assertThat(this.browser.text("#report-title")).isEqualTo("This level's report");
		this.browser.screenshot("27-signoff-english");
		this.browser.find("#lang-switch").click();
		this.browser.waitForText("#nav-signoff", "签报");
		this.browser.driver.manage().window().setSize(new Dimension(375, 812));
		this.browser.route(city);
		this.browser.find("#units-table");
		long overflow = (Long) this.browser
			.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(0);
		this.browser.screenshot("27-signoff-phone");
		this.browser.driver.manage().window().setSize(new Dimension(1280, 900));
		this.browser.signOut();
	}

	/**
	 * The Content-Security-Policy is in force in the browser: a script or style attribute
	 * slipped into the page is refused, and the console says so (the check after each
	 * test reads the same console).
	 */
	@Test
	@Order(13)
	void anInjectedInlineScriptOrStyleIsRefusedByTheBrowser() {
		this.browser.signIn(TestUsers.HEBEI_AUDITOR, TestUsers.PASSWORD);
		this.browser.script("const s = document.createElement('script'); s.textContent = 'window.injected = true;';"
				+ "document.head.append(s);" + "const d = document.createElement('div'); d.id = 'injected-style';"
				+ "d.setAttribute('style', 'width: 123px'); document.body.append(d);");
		assertThat(this.browser.script("return window.injected === true;")).isEqualTo(false);
		assertThat(this.browser.script("return document.getElementById('injected-style').offsetWidth;"))
			.isNotEqualTo(123L);
		List<String> violations = this.browser.policyViolations();
		assertThat(violations).anySatisfy((message) -> assertThat(message).contains("script-src"))
			.anySatisfy((message) -> assertThat(message).contains("style-src"));
		this.browser.signOut();
	}

	/**
	 * Swagger UI works under its own policy (inline styles allowed, scripts from the
	 * ledger only): the operations are listed and the console has no complaint.
	 */
	@Test
	@Order(14)
	void theApiDescriptionPageWorksUnderItsPolicy() {
		this.browser.go("/swagger-ui/index.html");
		this.browser.find(".swagger-ui .info .title");
		this.browser.find(".swagger-ui .opblock");
		this.browser.screenshot("28-api-description");
	}

	/** Clicks a link of the page and waits until the route it leads to has rendered. */
	private void follow(String css, String hash) {
		this.browser.find(css).click();
		this.browser.wait.until((d) -> hash.equals(this.browser.script("return document.body.dataset.rendered;")));
		this.browser.settle();
	}

	/** Each unit below as the sign-off page shows it: code to status/version. */
	private Map<String, String> shownStatuses() {
		Map<String, String> shown = new java.util.TreeMap<>();
		for (WebElement badge : this.browser.all("#units-table .status[data-code]")) {
			shown.put(badge.getAttribute("data-code"),
					badge.getAttribute("data-status") + "/" + badge.getAttribute("data-version"));
		}
		return shown;
	}

	/** Each unit below as the API answers: code to status/version. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> statuses(Map<String, Object> report) {
		Map<String, String> statuses = new java.util.TreeMap<>();
		for (Map<String, Object> child : (List<Map<String, Object>>) report.get("children")) {
			statuses.put((String) child.get("code"),
					child.get("status") + "/" + ((child.get("version") != null) ? child.get("version") : ""));
		}
		return statuses;
	}

}
