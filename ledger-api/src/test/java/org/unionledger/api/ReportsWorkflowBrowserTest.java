package org.unionledger.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports and files in the dashboard, in Chinese, as the roles that do the work (issue
 * 15, items 8 and 9): a supervisor opens the print view of a signed yearly report (元,
 * Chinese labels, the digests; every figure compared with the API's report), an officer
 * downloads the import template and imports a file with Chinese headers, and an officer
 * backdating an enrollment into a signed year is asked to confirm, first cancels (nothing
 * is written), then confirms. Screenshots go to {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings({ "unchecked", "rawtypes" })
class ReportsWorkflowBrowserTest extends BrowserWorkflowSupport {

	@BeforeAll
	void openBrowser() throws IOException {
		ensureUnion("os-sjz-a", "130102");
		ExportApiTest.signedReport(as(TestUsers.SYSADMIN));
		Map report = as(TestUsers.SYSADMIN).getForObject("/api/jurisdictions/130102/annual-reports/2024", Map.class);
		if (!"SIGNED".equals(report.get("status"))) {
			ResponseEntity<Map> signed = as(TestUsers.SYSADMIN).postForEntity(
					"/api/jurisdictions/130102/annual-reports/2024/sign-off", Map.of("comment", "年报核对完毕"), Map.class);
			assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody())).isEqualTo(HttpStatus.CREATED);
		}
	}

	@Test
	@Order(1)
	void aSupervisorPrintsTheSignedReportInYuanWithChineseLabels() {
		String county = ExportApiTest.COUNTY;
		Map report = as(TestUsers.SJZ_SUPERVISOR).getForObject("/api/jurisdictions/" + county + "/annual-reports/2024",
				Map.class);
		Map<String, Number> figures = (Map<String, Number>) report.get("figures");
		this.browser.signIn(TestUsers.SJZ_SUPERVISOR, TestUsers.PASSWORD);
		this.browser.route("#/signoff/" + county + "/2024");
		this.browser.find("#signoff-print-link").click();
		this.browser.waitForText("#page-title", "鹿泉区 2024 年度统计年报（已签报）");
		this.browser.settle();
		assertThat(this.browser.text("#print-report-digest")).isEqualTo(report.get("reportDigest"));
		assertThat(this.browser.text("#print-seal-digest")).isEqualTo(report.get("sealDigest"));
		assertThat(this.browser.text("#print-version")).isEqualTo("v" + report.get("version"));
		List<WebElement> rows = this.browser.all("#print-lines tbody tr");
		assertThat(rows).hasSize(figures.size());
		for (Map.Entry<String, Number> figure : figures.entrySet()) {
			WebElement row = this.browser.present("#print-lines tr.line-" + figure.getKey().replace('.', '-'));
			List<WebElement> cells = row.findElements(By.tagName("td"));
			String shown = cells.get(1).getText().replace(",", "");
			if (figure.getKey().endsWith("amountFen")) {
				assertThat(new BigDecimal(shown)).as(figure.getKey())
					.isEqualByComparingTo(BigDecimal.valueOf(figure.getValue().longValue(), 2));
				assertThat(cells.get(2).getText()).isEqualTo("元");
			}
			else {
				assertThat(Long.parseLong(shown)).as(figure.getKey()).isEqualTo(figure.getValue().longValue());
			}
			assertThat(cells.get(0).getText()).as("label of " + figure.getKey()).doesNotContain(figure.getKey());
		}
		WebElement amount = this.browser
			.present("#print-lines tr.line-heldServices-type-EMPLOYMENT_ASSISTANCE-amountFen");
		assertThat(amount.getText()).contains("会员所属地服务 · 就业援助 · 金额（元）", "1,234.56", "元");
		assertThat(this.browser.text("main")).doesNotContain("amountFen", "heldServices", "（分）");
		assertThat(this.browser.present("#report-xlsx").getAttribute("href"))
			.endsWith("/api/jurisdictions/" + county + "/annual-reports/2024/report.xlsx?lang=zh-CN");
		this.browser.screenshot("r1-report-print-view");
		this.browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		assertThat(this.browser.all("#print-button").get(0).isDisplayed()).isFalse();
		assertThat(this.browser.all("header.top").get(0).isDisplayed()).isFalse();
		this.browser.screenshot("r2-report-as-printed");
		this.browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		this.browser.signOut();
	}

	@Test
	@Order(2)
	void anOfficerDownloadsTheTemplateAndImportsAFileWithChineseHeaders() throws IOException {
		this.browser.signIn(TestUsers.SJZ_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/import");
		assertThat(this.browser.text("#f-file-hint")).contains("身份证号,姓名,工会,入会日期");
		assertThat(this.browser.text("#template-zh")).isEqualTo("下载导入模板（中文表头）");
		String template = (String) this.browser.driver
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch(document.getElementById('template-zh').href, {credentials: 'same-origin'})"
					+ ".then((r) => r.arrayBuffer())"
					+ ".then((b) => new TextDecoder('utf-8', {ignoreBOM: true}).decode(b))"
					+ ".then(done, (e) => done('failed: ' + e));");
		// the bytes are ExportApiTest's; here what the browser's download holds (line
		// ends
		// as the driver hands them back)
		assertThat(template).startsWith("\uFEFF身份证号,姓名,工会,入会日期,渠道").endsWith("\n");
		this.browser.screenshot("r3-import-template-links");

		String good = residentId();
		LeakScan.remember(good, "模板甲");
		Path csv = Files.createTempFile("chinese-headers-", ".csv");
		Files.writeString(csv, template + good + ",模板甲,os-sjz-a," + TODAY.minusDays(4) + ",现场\r\n"
				+ "13990119800101123,模板乙,os-sjz-a," + TODAY.minusDays(4) + ",\r\n", StandardCharsets.UTF_8);
		this.browser.present("#f-file").sendKeys(csv.toAbsolutePath().toString());
		this.browser.find("#import-form-submit").click();
		this.browser.waitForText("#import-status", "已完成");
		assertThat(this.browser.number("#import-accepted")).isEqualTo(1);
		assertThat(this.browser.number("#import-rejected")).isEqualTo(1);
		String rejections = this.browser.text("#import-rejections");
		assertThat(rejections).contains("身份证号").doesNotContain("residentId");
		assertThat(rejections).containsPattern("[\\u4e00-\\u9fff]{4,}");
		this.browser.screenshot("r4-import-chinese-headers", "#import-progress");
		this.browser.signOut();
		Files.deleteIfExists(csv);
	}

	@Test
	@Order(3)
	void backdatingIntoASignedYearAsksForConfirmationCancelChangesNothingConfirmEnrolls() {
		String date = "2024-09-15";
		// what the API answers for such an enrollment: the reports it would flag
		Map<String, Object> probe = new HashMap<>(Map.of("residentId", residentId(), "name", "探查", "unionId",
				"os-sjz-a", "effectiveDate", date, "channel", "ON_SITE"));
		ResponseEntity<Map> refused = as(TestUsers.SJZ_OFFICER).postForEntity("/api/members", probe, Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		List<String> expected = ((List<Map>) refused.getBody().get("reports")).stream()
			.map((r) -> r.get("code") + "/" + r.get("statisticalYear"))
			.toList();
		assertThat(expected).contains("130102/2024");
		int before = rosterCount();

		this.browser.signIn(TestUsers.SJZ_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/enroll/os-sjz-a");
		String person = residentId();
		LeakScan.remember(person, "补录甲");
		this.browser.find("#f-residentId").sendKeys(person);
		this.browser.find("#f-name").sendKeys("补录甲");
		this.browser.setValue("#f-effectiveDate", date);
		this.browser.find("#enroll-form-submit").click();
		this.browser.find("#backdating-dialog");
		assertThat(this.browser.text("#backdating-title")).isEqualTo("补录到已签报的统计年度");
		assertThat(this.browser.text("#backdating-dialog")).contains("入会日期 " + date, "长安区 2024 年度统计年报");
		assertThat(this.browser.all("#backdating-reports li")
			.stream()
			.map((li) -> li.getAttribute("data-code") + "/" + li.getAttribute("data-year"))
			.toList()).isEqualTo(expected);
		this.browser.screenshot("r5-backdating-confirmation");
		this.browser.find("#backdating-cancel").click();
		this.browser.waitForText(".form-message", "已取消补录");
		assertThat(this.browser.all("#backdating-dialog")).isEmpty();
		assertThat(rosterCount()).isEqualTo(before);

		this.browser.find("#enroll-form-submit").click();
		this.browser.find("#backdating-confirm").click();
		this.browser.find("#enrolled-member");
		String memberId = this.browser.text("#enrolled-member");
		assertThat(rosterCount()).isEqualTo(before + 1);
		Map history = as(TestUsers.SJZ_OFFICER).getForObject("/api/members/" + memberId + "/history", Map.class);
		assertThat(history.toString()).contains(date);
		Map flags = as(TestUsers.SYSADMIN).getForObject("/api/jurisdictions/130102/annual-reports/2024", Map.class);
		assertThat(((Number) flags.get("openFlags")).intValue()).isPositive();
		this.browser.screenshot("r6-backdating-confirmed", "#enroll-form");
		this.browser.signOut();
	}

	private int rosterCount() {
		return ((Number) as(TestUsers.SJZ_OFFICER).getForObject("/api/unions/os-sjz-a/members", Map.class).get("count"))
			.intValue();
	}

}
