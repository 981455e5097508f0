package org.unionledger.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.unionledger.api.applications.RateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision and online applications in a real headless Chromium, in Chinese, on a 375
 * px wide screen, as the roles that do the work: a supervisor filters the findings, opens
 * one and reads names instead of ids, confirms it, corrects it after a confirmation (the
 * union's new enrollments fall by one, as the API says), reads the member's full data
 * (recorded) and pages through the city's findings; an officer approves one online
 * application, declines another with a reason and sees the ledger's refusal in Chinese
 * for one decided meanwhile. Every figure on the page is compared with the API's answer.
 * Screenshots go to {@code target/screenshots/supervision-*}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings({ "unchecked", "rawtypes" })
class SupervisionWorkflowBrowserTest extends BrowserWorkflowSupport {

	@Override
	int[] windowSize() {
		return new int[] { 375, 800 };
	}

	@Autowired
	RateLimiter limiter;

	@BeforeAll
	void openBrowser() throws IOException {
		register("sw-home", "裕华区督查演示建筑工会", "130108");
		register("sw-attempt", "井陉矿区督查演示物流工会", "130107");
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-sjz-c", "130104");
	}

	private void register(String unionId, String name, String county) {
		ResponseEntity<Map> answer = as(TestUsers.SYSADMIN).postForEntity("/api/unions",
				Map.of("unionId", unionId, "name", name, "type", "ENTERPRISE", "sector", "LOGISTICS",
						"jurisdictionCode", county, "establishedOn", "2019-04-01"),
				Map.class);
		assertThat(answer.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
	}

	private Map api(String user, String path) {
		ResponseEntity<Map> response = as(user).getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private long newEnrollments(String unionId) {
		return ((Number) ((Map) api(TestUsers.SJZ_SUPERVISOR, "/api/unions/" + unionId + "/statistics").get("flows"))
			.get("newEnrollments")).longValue();
	}

	@Test
	@Order(1)
	void aSupervisorFiltersOpensConfirmsCorrectsAndPagesThroughFindings() {
		String residentId = residentId();
		String member = enroll(TestUsers.SYSADMIN, residentId, "周一", "sw-home");
		for (String[] person : new String[][] { { residentId, "周一" }, { null, "吴二" } }) {
			String id = (person[0] != null) ? person[0] : residentId();
			if (person[0] == null) {
				enroll(TestUsers.SYSADMIN, id, person[1], "sw-home");
			}
			ResponseEntity<Map> refused = as(TestUsers.SYSADMIN).postForEntity("/api/members",
					Map.of("residentId", id, "name", person[1], "unionId", "sw-attempt", "effectiveDate",
							TODAY.toString(), "channel", "ON_SITE"),
					Map.class);
			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		}
		// 21 enrollments recorded 40 days after they took effect (one import): 21
		// backdated records, more than a page.
		StringBuilder csv = new StringBuilder("residentId,name,unionId,effectiveDate\n");
		for (int i = 0; i < 21; i++) {
			csv.append(residentId()).append(",补录会员,sw-home,").append(TODAY.minusDays(40)).append('\n');
		}
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setContentType(org.springframework.http.MediaType.parseMediaType("text/csv"));
		ResponseEntity<Map> started = as(TestUsers.SYSADMIN).postForEntity("/api/imports",
				new org.springframework.http.HttpEntity<>(csv.toString(), headers), Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		awaitImport((String) started.getBody().get("importId"));
		this.browser.signIn(TestUsers.SJZ_SUPERVISOR, TestUsers.PASSWORD);

		// The city's findings: one page of at most 20, the count and the pages as the API
		// says.
		this.browser.route("#/findings/1301");
		Map city = api(TestUsers.SJZ_SUPERVISOR, "/api/supervision/findings?jurisdiction=1301&size=20");
		long count = ((Number) city.get("count")).longValue();
		assertThat(this.browser.number("#findings-count")).isEqualTo(count);
		assertThat(this.browser.all("li.finding")).hasSize(((List) city.get("findings")).size())
			.hasSizeLessThanOrEqualTo(20);
		this.browser.screenshot("supervision-01-findings-375px");
		assertThat(count).isGreaterThan(20);
		{
			assertThat(this.browser.text("#findings-pager .pager-where"))
				.isEqualTo("第 1 / " + ((count + 19) / 20) + " 页");
			this.browser.find("#findings-pager .pager-next").click();
			this.browser.waitForText("#findings-pager .pager-where", "第 2 / ");
			Map second = api(TestUsers.SJZ_SUPERVISOR, "/api/supervision/findings?jurisdiction=1301&size=20&page=1");
			String firstOnSecond = (String) ((List<Map>) second.get("findings")).get(0).get("id");
			assertThat(this.browser.all("li.finding").get(0).getAttribute("data-finding")).isEqualTo(firstOnSecond);
			this.browser.screenshot("supervision-02-findings-page-2");
		}
		Long height = (Long) this.browser.script("return document.documentElement.scrollHeight;");
		System.out.printf("supervision page: %d findings in Shijiazhuang, the first page %d px high at 375 px%n", count,
				height);

		// Filter: the county by name, then the union by name, one kind, every status.
		this.browser.setValue("#findings-jurisdiction", "130107");
		this.browser.present("#findings-union option[value='sw-attempt']");
		this.browser.setValue("#findings-union", "sw-attempt");
		this.browser.setValue("#findings-kind", "DUPLICATE_ENROLLMENT_ATTEMPT");
		this.browser.find("#findings-filter button[type=submit]").click();
		String scope = "/api/supervision/findings?unionId=sw-attempt&kind=DUPLICATE_ENROLLMENT_ATTEMPT&size=20";
		Map filtered = api(TestUsers.SJZ_SUPERVISOR, scope);
		assertThat(filtered.get("count")).isEqualTo(2);
		this.browser.waitForText("#findings-count", "共 2 条");
		assertThat(this.browser.text("#findings-by-status")).contains("待处理 2").contains("已更正 0");

		// Open one: names, not ids; Chinese, not the ledger's codes.
		WebElement finding = this.browser.present("li.finding a[href='#/member/" + member + "']")
			.findElement(By.xpath("ancestor::li"));
		String findingId = finding.getAttribute("data-finding");
		String text = finding.getText();
		assertThat(text).contains("重复入会申请", "井陉矿区督查演示物流工会", "井陉矿区", "周*", "原因：已有在册会籍", "会籍所在工会：裕华区督查演示建筑工会", "渠道：现场",
				"登记人：" + TestUsers.SYSADMIN);
		assertThat(text).doesNotContain("sw-attempt", "sw-home", member, "ALREADY_ACTIVE", "recordedBy",
				"currentUnionId", "130107", "ON_SITE", "DUPLICATE_ENROLLMENT_ATTEMPT");
		this.browser.screenshot("supervision-03-finding-named", "li.finding[data-finding='" + findingId + "']");

		// Confirm it.
		finding.findElement(By.cssSelector(".decide input")).sendKeys("同一人在两个工会登记，已电话核实");
		finding.findElement(By.cssSelector(".decide button.primary")).click();
		String item = "li.finding[data-finding='" + findingId + "']";
		this.browser.present("li.finding.status-CONFIRMED[data-finding='" + findingId + "']");
		assertThat(this.browser.text(item)).contains("已确认").contains("同一人在两个工会登记，已电话核实");

		// Correct it, after the page asks; the union's new enrollments fall by one.
		long before = newEnrollments("sw-home");
		this.browser.route("#/findings/130107");
		this.browser.setValue("#findings-union", "sw-attempt");
		this.browser.setValue("#findings-status", "CONFIRMED");
		this.browser.find("#findings-filter button[type=submit]").click();
		this.browser.waitForText("#findings-count", "共 1 条");
		WebElement confirmed = this.browser.find(item);
		confirmed.findElement(By.cssSelector(".correct-reason")).sendKeys("从外省工会转来，误登记为新入会");
		confirmed.findElement(By.cssSelector(".correct-start")).click();
		WebElement question = this.browser.find(item + " .correct-confirm");
		assertThat(question.getText()).contains("确定更正 周* 的记录吗").contains("新发展会员将减少 1 人");
		this.browser.screenshot("supervision-04-correction-asked", item + " .correct-confirm");
		question.findElement(By.cssSelector(".correct-yes")).click();
		this.browser.waitForText("#correction-done", "已更正");
		this.browser.waitForText("#findings-count", "共 0 条");
		Map after = api(TestUsers.SJZ_SUPERVISOR, scope);
		assertThat((Map) after.get("byStatus")).containsEntry("CORRECTED", 1).containsEntry("CONFIRMED", 0);
		assertThat(this.browser.text("#findings-by-status")).contains("已更正 1").contains("已确认 0");
		assertThat(newEnrollments("sw-home")).isEqualTo(before - 1);
		this.browser.setValue("#findings-status", "CORRECTED");
		this.browser.find("#findings-filter button[type=submit]").click();
		this.browser.present("li.finding.status-CORRECTED[data-finding='" + findingId + "']");
		assertThat(this.browser.text(item)).contains("已更正").contains("从外省工会转来，误登记为新入会");
		this.browser.screenshot("supervision-05-corrected", item);
		this.browser.route("#/u/sw-home");
		assertThat(this.browser.number("#kpi-new .kpi-value")).isEqualTo(before - 1);

		// The member's full data, on request, recorded.
		this.browser.route("#/findings/130107");
		this.browser.setValue("#findings-union", "sw-attempt");
		this.browser.find("#findings-filter button[type=submit]").click();
		this.browser.present(item);
		WebElement disclosing = this.browser.find(item);
		disclosing.findElement(By.cssSelector(".disclose summary")).click();
		disclosing.findElement(By.cssSelector(".disclose-purpose")).sendKeys("核实重复入会");
		disclosing.findElement(By.cssSelector(".disclose-button")).click();
		this.browser.waitForText(item + " .disclosed-name", "周一");
		assertThat(this.browser.text(item + " .disclosed-id")).isEqualTo(residentId);
		assertThat(this.browser.text(item + " .disclosed")).contains("本次查看已记录");
		this.browser.screenshot("supervision-06-disclosed", item + " .disclosed");
		this.browser.signOut();

		// An auditor reads the findings but is offered neither decisions nor full data.
		this.browser.signIn(TestUsers.HEBEI_AUDITOR, TestUsers.PASSWORD);
		this.browser.route("#/findings/130107");
		this.browser.find("#findings-count");
		assertThat(this.browser.all(".decide input, .correct, .disclose")).isEmpty();
		this.browser.signOut();
	}

	private void awaitImport(String importId) {
		for (int i = 0; i < 3000; i++) {
			Map job = api(TestUsers.SYSADMIN, "/api/imports/" + importId);
			if (!"RUNNING".equals(job.get("status"))) {
				assertThat(job).containsEntry("status", "DONE").containsEntry("accepted", 21);
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private String submit(String name, String unionId) {
		ResponseEntity<Map> submitted = this.http.postForEntity("/api/applications",
				Map.of("residentId", residentId(), "name", name, "unionId", unionId), Map.class);
		assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return (String) submitted.getBody().get("applicationId");
	}

	@Test
	@Order(2)
	void anOfficerApprovesOneApplicationAndDeclinesAnotherWithAReason() {
		this.limiter.reset();
		String approved = submit("蒋一", "os-sjz-c");
		String declined = submit("沈二", "os-sjz-c");
		String decidedMeanwhile = submit("韩三", "os-sjz-c");
		this.browser.signIn(TestUsers.SJZ_OFFICER, TestUsers.PASSWORD);
		this.browser.present("#nav-applications");
		this.browser.route("#/applications");
		long all = ((Number) api(TestUsers.SJZ_OFFICER, "/api/applications").get("count")).longValue();
		assertThat(this.browser.number("#applications-count")).isEqualTo(all);
		this.browser.setValue("#applications-union", "os-sjz-c");
		this.browser.find("#applications-filter button[type=submit]").click();
		long atC = ((Number) api(TestUsers.SJZ_OFFICER, "/api/applications?unionId=os-sjz-c").get("count")).longValue();
		this.browser.waitForText("#applications-count", "待处理申请 " + atC + " 份");
		String first = "li.application[data-application='" + approved + "']";
		assertThat(this.browser.text(first)).contains("蒋*").contains("测试工会 os-sjz-c").doesNotContain(approved);
		this.browser.screenshot("supervision-07-applications-inbox", first);

		// Approve one: the person is enrolled, the inbox shrinks as the API says.
		this.browser.find(first + " .approve").click();
		this.browser.waitForText("#application-result", "已批准：蒋* 已登记入会");
		this.browser.waitForText("#applications-count", "待处理申请 " + (atC - 1) + " 份");
		Map view = api(TestUsers.SJZ_OFFICER, "/api/applications/" + approved);
		assertThat(view).containsEntry("status", "APPROVED");
		assertThat(this.browser.number("#applications-count")).isEqualTo(
				((Number) api(TestUsers.SJZ_OFFICER, "/api/applications?unionId=os-sjz-c").get("count")).longValue());
		this.browser.screenshot("supervision-08-application-approved");

		// Decline another: a reason is required, then recorded.
		String second = "li.application[data-application='" + declined + "']";
		this.browser.find(second + " .decline-button").click();
		this.browser.waitForText(second + " .field-error", "请填写不予批准的理由");
		this.browser.find(second + " .decline-reason").sendKeys("申请人非本单位职工");
		this.browser.find(second + " .decline-button").click();
		this.browser.waitForText("#application-result", "已不予批准：沈*，理由：申请人非本单位职工");
		assertThat(api(TestUsers.SJZ_OFFICER, "/api/applications/" + declined)).containsEntry("status", "DECLINED")
			.containsEntry("reason", "申请人非本单位职工");
		this.browser.waitForText("#applications-count", "待处理申请 " + (atC - 2) + " 份");
		this.browser.screenshot("supervision-09-application-declined");

		// One decided meanwhile (another officer, another tab): the ledger's refusal, in
		// Chinese.
		assertThat(as(TestUsers.SJZ_OFFICER)
			.postForEntity("/api/applications/" + decidedMeanwhile + "/decline", Map.of("reason", "重复申请"), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		String third = "li.application[data-application='" + decidedMeanwhile + "']";
		this.browser.find(third + " .approve").click();
		this.browser.waitForText(third + " .field-error", "该入会申请已处理");
		assertThat(this.browser.text(third + " .field-error")).doesNotContain("APPLICATION_NOT_PENDING");
		this.browser.screenshot("supervision-10-application-refused", third);
		this.browser.signOut();
	}

}
