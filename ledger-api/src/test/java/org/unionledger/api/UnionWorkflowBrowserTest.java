package org.unionledger.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Union administration on the dashboard, in Chinese, as the province's admin: register a
 * union on a county's page, rename it on its own page (the former name kept under 名称沿革),
 * try to dissolve it while it has a member (refused beside the date, in Chinese, nothing
 * written), and dissolve it once the membership has ended. Each step is checked against
 * the API. Screenshots go to {@code target/screenshots}.
 */
class UnionWorkflowBrowserTest extends BrowserWorkflowSupport {

	private static final String COUNTY = "130104";

	@SuppressWarnings("unchecked")
	private Map<String, Object> union(String unionId) {
		ResponseEntity<Map> response = as(TestUsers.HEBEI_ADMIN).getForEntity("/api/unions/" + unionId, Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAdminRegistersRenamesAndDissolvesAUnion() {
		String name = "桥西区浏览器测试工会" + (System.nanoTime() % 100_000);
		this.browser.signIn(TestUsers.HEBEI_ADMIN, TestUsers.PASSWORD);
		this.browser.route("#/j/" + COUNTY);
		this.browser.waitForText("#page-title", "（" + COUNTY + "）");

		// 登记基层工会 on the county's page
		this.browser.find("#union-register-open").click();
		this.browser.find("#f-register-name").sendKeys(name);
		this.browser.setValue("#f-register-type", "PROJECT_SITE");
		this.browser.setValue("#f-register-sector", "CONSTRUCTION");
		this.browser.setValue("#f-register-establishedOn", "2026-01-01");
		String unionId = this.browser.find("#f-register-unionId").getAttribute("value");
		assertThat(unionId).startsWith("u" + COUNTY + "-");
		this.browser.find("#register-union-form-submit").click();
		assertThat(this.browser.text("#register-union-form-confirm")).contains(name).contains("桥西区");
		this.browser.find("#register-union-form-yes").click();
		this.browser.waitForText("#union-admin-result", "已登记");
		this.browser.waitForText("#unions-table", name);
		assertThat(union(unionId)).containsEntry("name", name)
			.containsEntry("type", "PROJECT_SITE")
			.containsEntry("establishedOn", "2026-01-01");
		this.browser.screenshot("unions-01-registered", "#unions");

		// 工会更名 on its page; the old name stays under 名称沿革
		String newName = name + "联合会";
		this.browser.route("#/u/" + unionId);
		this.browser.waitForText("#page-title", name);
		this.browser.find("#f-rename-name").sendKeys(newName);
		this.browser.find("#f-rename-reason").sendKeys("与两个项目合并");
		this.browser.find("#rename-union-form-submit").click();
		this.browser.find("#rename-union-form-yes").click();
		this.browser.waitForText("#union-admin-result", "已更名为");
		this.browser.waitForText("#page-title", newName);
		assertThat(this.browser.text("#union-names")).contains(name).contains(newName);
		List<Map<String, Object>> names = (List<Map<String, Object>>) union(unionId).get("names");
		assertThat(names).extracting((n) -> n.get("name")).containsExactly(name, newName);
		this.browser.screenshot("unions-02-renamed", "#union-names");

		// 撤销 refused while a member belongs to it, beside the date, in Chinese
		String member = enroll(TestUsers.SYSADMIN, residentId(), "郑十二", unionId);
		long head = this.engine.headPosition();
		this.browser.find("#dissolve-union-form-submit").click();
		this.browser.find("#dissolve-union-form-yes").click();
		this.browser.waitForText("#f-dissolve-effectiveDate-error", "仍有会员");
		assertThat(this.browser.text("#dissolve-union-form .form-message")).isNotBlank();
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);
		this.browser.screenshot("unions-03-dissolution-refused", "#union-dissolve");

		// once the membership has ended, the union is dissolved from today
		ResponseEntity<Map> ended = as(TestUsers.SYSADMIN).postForEntity("/api/members/" + member + "/termination",
				Map.of("effectiveDate", TODAY.minusDays(1).toString(), "reason", "LEFT_WORKFORCE"), Map.class);
		assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.OK);
		this.browser.route("#/u/" + unionId);
		this.browser.waitForText("#page-title", newName);
		this.browser.find("#f-dissolve-reason").sendKeys("项目竣工");
		this.browser.find("#dissolve-union-form-submit").click();
		assertThat(this.browser.text("#dissolve-union-form-confirm")).contains(newName).contains(TODAY.toString());
		this.browser.find("#dissolve-union-form-yes").click();
		this.browser.waitForText("#union-admin-result", "已撤销");
		this.browser.waitForText(".page-title .sub", "已于 " + TODAY + " 撤销");
		assertThat(this.browser.all("#dissolve-union-form")).as("no actions on a dissolved union").isEmpty();
		assertThat(union(unionId)).containsEntry("dissolvedOn", TODAY.toString());
		this.browser.screenshot("unions-04-dissolved");
		this.browser.signOut();
	}

	/**
	 * 变更所属行政区划: the province's admin moves a union of Qiaoxi to Jingxiu (Baoding) from
	 * tomorrow on its page; a move to its own county is refused beside the code, in
	 * Chinese, nothing written; the move is listed under 行政区划变更.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void anAdminMovesAUnionToAnotherCountyFromTomorrow() {
		String unionId = "ub-move-" + (System.nanoTime() % 100_000);
		ResponseEntity<Map> registered = as(TestUsers.HEBEI_ADMIN).postForEntity("/api/unions",
				Map.of("unionId", unionId, "name", "桥西区迁移测试工会", "type", "ENTERPRISE", "sector", "LOGISTICS",
						"jurisdictionCode", COUNTY, "establishedOn", "2025-01-01"),
				Map.class);
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		this.browser.signIn(TestUsers.HEBEI_ADMIN, TestUsers.PASSWORD);
		this.browser.route("#/u/" + unionId);
		this.browser.waitForText("#page-title", "桥西区迁移测试工会");
		assertThat(this.browser.find("#f-move-effectiveDate").getAttribute("value"))
			.isEqualTo(TODAY.plusDays(1).toString());

		// to its own county: refused beside the code
		long head = this.engine.headPosition();
		this.browser.find("#f-move-jurisdictionCode").sendKeys(COUNTY);
		this.browser.find("#move-union-form-submit").click();
		this.browser.find("#move-union-form-yes").click();
		this.browser.waitForText("#f-move-jurisdictionCode-error", "已隶属于该行政区划");
		assertThat(this.engine.headPosition()).as("nothing written").isEqualTo(head);

		// to Jingxiu, Baoding, from tomorrow
		this.browser.find("#f-move-jurisdictionCode").clear();
		this.browser.find("#f-move-jurisdictionCode").sendKeys("130602");
		this.browser.find("#f-move-reason").sendKeys("行政区划调整");
		this.browser.find("#move-union-form-submit").click();
		assertThat(this.browser.text("#move-union-form-confirm")).contains("130602")
			.contains(TODAY.plusDays(1).toString());
		this.browser.find("#move-union-form-yes").click();
		this.browser.waitForText("#union-admin-result", "划归");
		this.browser.waitForText("#union-moves", "竞秀区");
		assertThat((List<Map<String, Object>>) union(unionId).get("moves")).singleElement()
			.satisfies((move) -> assertThat(move).containsEntry("fromJurisdictionCode", COUNTY)
				.containsEntry("toJurisdictionCode", "130602")
				.containsEntry("effectiveDate", TODAY.plusDays(1).toString()));
		this.browser.screenshot("unions-05-moved", "#union-moves");
		this.browser.signOut();
	}

}
