package org.unionledger.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets (目标任务) on the dashboard, in Chinese, as the city admin who owns them: Baoding's
 * admin sets the target assigned to one of its counties (竞秀区) on the county's page, the
 * page shows the target, the new enrollments achieved and the completion rate exactly as
 * the API answers, and the "同级排名" card ranks the county among the counties of Baoding,
 * with the county highlighted. Screenshots go to {@code target/screenshots}.
 */
class TargetsWorkflowBrowserTest extends BrowserWorkflowSupport {

	private static final String CITY = "1306";

	private static final String COUNTY = "130602";

	@BeforeAll
	void openBrowser() throws IOException {
		ensureUnion("os-bd-b", COUNTY);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> api(String path) {
		ResponseEntity<Map> response = as(TestUsers.BAODING_ADMIN).getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCityAdminSetsACountyTargetAndTheCountyPageShowsItsCompletionAndItsSiblings() {
		int year = ((Number) api("/api/me").get("statisticalYear")).intValue();
		Map<String, Object> before = (Map<String, Object>) api("/api/jurisdictions/" + COUNTY + "/targets/" + year)
			.get("targets");
		long current = (before.get("ASSIGNED") instanceof Map<?, ?> assigned && assigned.get("target") != null)
				? ((Number) assigned.get("target")).longValue() : 0;
		long target = current + 7;

		this.browser.signIn(TestUsers.BAODING_ADMIN, TestUsers.PASSWORD);
		this.browser.route("#/j/" + COUNTY);
		this.browser.waitForText("#page-title", "（" + COUNTY + "）");
		this.browser.find("#targets");
		assertThat(this.browser.text("#targets h3")).contains("目标任务");
		// A city's admin owns the county's assigned target, not its own target.
		assertThat(this.browser.all("#target-ASSIGNED-form")).hasSize(1);
		assertThat(this.browser.all("#target-SELF_SET-form")).isEmpty();
		WebElement input = this.browser.find("#target-ASSIGNED-input");
		input.clear();
		input.sendKeys(String.valueOf(target));
		this.browser.find("#target-ASSIGNED-save").click();
		this.browser.waitForText("#targets-table tbody tr:first-child td:nth-child(2)",
				String.format(java.util.Locale.ROOT, "%,d", target));
		this.browser.settle();

		Map<String, Object> answer = (Map<String, Object>) ((Map<String, Object>) api(
				"/api/jurisdictions/" + COUNTY + "/targets/" + year)
			.get("targets")).get("ASSIGNED");
		assertThat(((Number) answer.get("target")).longValue()).isEqualTo(target);
		List<WebElement> cells = this.browser.find("#targets-table tbody tr:first-child")
			.findElements(By.cssSelector("td"));
		assertThat(cells.get(0).getText()).isEqualTo("市总下达");
		assertThat(cells.get(1).getText()).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", target));
		assertThat(cells.get(2).getText()).isEqualTo(answer.get("effectiveDate"));
		assertThat(cells.get(3).getText()).isEqualTo(
				String.format(java.util.Locale.ROOT, "%,d", ((Number) answer.get("newEnrollments")).longValue()));
		String rate = new BigDecimal(String.valueOf(answer.get("rate"))).movePointRight(2)
			.setScale(2, RoundingMode.HALF_UP)
			.toPlainString() + "%";
		assertThat(cells.get(4).getText()).isEqualTo(rate);
		this.browser.screenshot("targets-01-county-target-set", "#targets");

		// The amendment is an event: the target's history is in the event store.
		assertThat(this.engine.readEvents("target:" + COUNTY + ":" + year).asStream().count()).isPositive();

		// 同级排名: the counties of Baoding, this one highlighted, as the API ranks them.
		Map<String, Object> ranking = api("/api/jurisdictions/" + CITY + "/ranking?year=" + year);
		List<Map<String, Object>> entries = (List<Map<String, Object>>) ranking.get("entries");
		if (entries.stream().noneMatch((e) -> e.get("completionRate") != null)) {
			ranking = api("/api/jurisdictions/" + CITY + "/ranking?year=" + year + "&by=newEnrollments");
			entries = (List<Map<String, Object>>) ranking.get("entries");
		}
		assertThat(this.browser.text("#chart-ranking-title")).startsWith("同级排名：保定市");
		this.browser.find("#chart-ranking .toggle").click();
		List<WebElement> rows = this.browser.all("#chart-ranking-table tbody tr");
		assertThat(rows).extracting((r) -> r.findElements(By.cssSelector("td")).get(1).getText())
			.containsExactlyElementsOf(entries.stream().map((e) -> (String) e.get("name")).toList());
		Map<String, Object> own = entries.stream()
			.filter((e) -> COUNTY.equals(e.get("code")))
			.findFirst()
			.orElseThrow();
		WebElement highlighted = this.browser.find("#chart-ranking-table tr.highlight");
		assertThat(highlighted.findElements(By.cssSelector("td")).get(1).getText()).isEqualTo(own.get("name"));
		assertThat(highlighted.findElements(By.cssSelector("td")).get(3).getText())
			.isEqualTo(String.format(java.util.Locale.ROOT, "%,d", target));
		// Every listed unit is a county of Baoding, none is shown tied with nothing to
		// rank by.
		assertThat(entries).allSatisfy((e) -> assertThat((String) e.get("code")).startsWith(CITY).hasSize(6));
		for (WebElement row : rows) {
			List<WebElement> td = row.findElements(By.cssSelector("td"));
			if (td.get(0).getText().contains("并列")) {
				assertThat(td.get(2).getText()).isNotEqualTo("0");
			}
		}
		this.browser.screenshot("targets-02-county-ranking-among-siblings", "#chart-ranking");

		// A refusal in Chinese beside the form: a negative target.
		input = this.browser.find("#target-ASSIGNED-input");
		input.clear();
		input.sendKeys("-3");
		this.browser.find("#target-ASSIGNED-save").click();
		this.browser.waitForText("#target-ASSIGNED-message", "整数");
		this.browser.signOut();
	}

}
