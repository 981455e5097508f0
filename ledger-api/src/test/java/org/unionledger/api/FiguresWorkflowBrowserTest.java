package org.unionledger.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 从指标到人（issue 15, items 5 and 10）：保定市的辖区管理员打开本市页面，页面只发出少量请求
 * （各县区的数字一次取回，不再一县一个请求）；点开一个指标，看到指标背后的会员和事件，条数与指标 和 API
 * 的明细（{@code …/statistics/{figure}/events}）相同；辖区管理员看不到会员姓名。 Screenshots go to
 * {@code target/screenshots}.
 */
class FiguresWorkflowBrowserTest extends BrowserWorkflowSupport {

	@BeforeAll
	void openBrowser() throws IOException {
		ensureUnion("os-bd-b", "130602");
		// 保定市本年度至少有一名新发展会员
		enroll(TestUsers.BD_OFFICER, residentId(), "周八", "os-bd-b");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> api(String path) {
		ResponseEntity<Map> response = as(TestUsers.BAODING_ADMIN).getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	private long flow(String path, String figure) {
		return ((Number) ((Map<String, Object>) api(path).get("flows")).get(figure)).longValue();
	}

	/** The API requests the page sent since the resource timings were cleared. */
	@SuppressWarnings("unchecked")
	private List<String> apiRequests() {
		return (List<String>) this.browser.script("return performance.getEntriesByType('resource')"
				+ ".filter((e) => e.initiatorType === 'fetch' && new URL(e.name).pathname.startsWith('/api/'))"
				+ ".map((e) => new URL(e.name).pathname + new URL(e.name).search);");
	}

	/** The rows the figure page lists, every page followed. */
	private int listedRows() {
		int rows = this.browser.all("#figure-table tbody tr").size();
		while (!this.browser.all("#figure-next").isEmpty()) {
			String before = this.browser.text("#figure-page");
			this.browser.find("#figure-next").click();
			this.browser.wait.until((d) -> !this.browser.text("#figure-page").equals(before));
			this.browser.settle();
			rows += this.browser.all("#figure-table tbody tr").size();
		}
		return rows;
	}

	@Test
	void 市辖区管理员从本市页面点开指标看到背后的会员() {
		this.browser.signIn(TestUsers.BAODING_ADMIN, TestUsers.PASSWORD);
		// 首页即保定市页面；再次打开时数一数页面发出的请求
		this.browser.route("#/findings");
		this.browser.script("performance.clearResourceTimings(); performance.setResourceTimingBufferSize(1000);");
		this.browser.route("#/j/1306");
		this.browser.find("#children-table");
		assertThat(this.browser.text("#page-title")).isEqualTo("保定市（1306）");
		List<String> requests = apiRequests();
		assertThat(requests).as("保定市页面的请求")
			.hasSizeLessThan(6)
			.anyMatch((r) -> r.startsWith("/api/jurisdictions/1306/children/statistics"))
			.noneMatch((r) -> r.matches("/api/jurisdictions/1306\\d\\d/statistics.*"));
		this.browser.find("#kpi-active a");
		this.browser.screenshot("figures-01-city-baoding");

		// 表中各县区的数字与该县区自己的统计相同，并可点开
		long cityNew = flow("/api/jurisdictions/1306/statistics", "newEnrollments");
		assertThat(cityNew).isPositive();
		assertThat(this.browser.number("#kpi-new .kpi-value")).isEqualTo(cityNew);
		WebElement countyLink = this.browser
			.find("#children-table a.figure-link[href='#/figure/j/130602/newEnrollments']");
		long countyNew = flow("/api/jurisdictions/130602/statistics", "newEnrollments");
		assertThat(Long.parseLong(countyLink.getText().replaceAll("[^0-9]", ""))).isEqualTo(countyNew);

		// 点开“新发展会员”：列出的会员数 = 指标 = API 明细的总数
		this.browser.find("#kpi-new a").click();
		this.browser.wait.until((d) -> "#/figure/j/1306/newEnrollments"
			.equals(this.browser.script("return document.body.dataset.rendered;")));
		this.browser.settle();
		assertThat(this.browser.text("#page-title")).isEqualTo("新发展会员：保定市");
		Map<String, Object> drill = api("/api/jurisdictions/1306/statistics/newEnrollments/events?size=500");
		long total = ((Number) drill.get("total")).longValue();
		assertThat(total).isEqualTo(cityNew);
		assertThat(this.browser.number("#figure-total .kpi-value")).isEqualTo(cityNew);
		assertThat(this.browser.text("#figure-events h3")).endsWith("共 " + total + " 条");
		// 辖区管理员看不到会员记录：不显示姓名，不链接到会员页面
		assertThat(this.browser.text("#figure-no-names")).contains("不显示姓名");
		assertThat(this.browser.all("#figure-table a.member-link")).isEmpty();
		List<WebElement> cells = this.browser.all("#figure-table tbody tr td:nth-child(3)");
		assertThat(cells).isNotEmpty().allSatisfy((cell) -> assertThat(cell.getText()).isEqualTo("入会"));
		// 工会以名称显示，不显示编号
		assertThat(this.browser.all("#figure-table tbody tr td:nth-child(5)"))
			.allSatisfy((cell) -> assertThat(cell.getText()).isNotBlank().doesNotMatch("[a-z0-9-]+( → [a-z0-9-]+)*"));
		this.browser.screenshot("figures-02-new-enrollments-baoding");
		assertThat(listedRows()).isEqualTo(total);

		// 县区的指标：从表中点开，条数与表中的数字相同
		this.browser.route("#/j/1306");
		this.browser.find("#children-table a.figure-link[href='#/figure/j/130602/newEnrollments']").click();
		this.browser.wait.until((d) -> "#/figure/j/130602/newEnrollments"
			.equals(this.browser.script("return document.body.dataset.rendered;")));
		this.browser.settle();
		assertThat(this.browser.number("#figure-total .kpi-value")).isEqualTo(countyNew);
		assertThat(listedRows()).isEqualTo(countyNew);

		// 存量指标（在册会员）：期初数加本年度的增减
		this.browser.route("#/figure/j/1306/activeMembers");
		Map<String, Object> stock = api("/api/jurisdictions/1306/statistics/activeMembers/events?size=1");
		assertThat(this.browser.number("#figure-opening .kpi-value"))
			.isEqualTo(((Number) stock.get("openingBalance")).longValue());
		assertThat(this.browser.number("#figure-total .kpi-value"))
			.isEqualTo(((Number) stock.get("total")).longValue());
		this.browser.screenshot("figures-03-active-members-baoding");
		this.browser.signOut();
	}

	@Test
	void 基层工会干事看到指标背后会员的姓名并可打开会员记录() {
		this.browser.signIn(TestUsers.BD_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/u/os-bd-b");
		this.browser.find("#kpi-new a").click();
		this.browser.wait.until((d) -> "#/figure/u/os-bd-b/newEnrollments"
			.equals(this.browser.script("return document.body.dataset.rendered;")));
		this.browser.settle();
		ResponseEntity<Map> drill = as(TestUsers.BD_OFFICER)
			.getForEntity("/api/unions/os-bd-b/statistics/newEnrollments/events?size=500", Map.class);
		long total = ((Number) drill.getBody().get("total")).longValue();
		assertThat(this.browser.number("#figure-total .kpi-value")).isEqualTo(total);
		assertThat(this.browser.all("#figure-no-names")).isEmpty();
		List<WebElement> members = this.browser.all("#figure-table a.member-link");
		assertThat(members).hasSize((int) Math.min(total, 50));
		assertThat(members).extracting(WebElement::getText).contains("周*");
		this.browser.screenshot("figures-04-union-officer-names");
		members.stream().filter((m) -> m.getText().equals("周*")).findFirst().orElseThrow().click();
		this.browser.wait.until((d) -> String.valueOf(this.browser.script("return document.body.dataset.rendered;"))
			.startsWith("#/member/"));
		this.browser.settle();
		this.browser.signOut();
	}

}
