package org.unionledger.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfer credentials in the dashboard, in Chinese, as the officers who do the work
 * (issue 15, item 2): the Shijiazhuang officer issues a credential to a union picked by
 * name, for a member listed by (masked) name; the Baoding officer finds it in the inbox
 * with the member's masked name and the issuing union and accepts it through the link its
 * QR code holds; the Shijiazhuang officer cancels another credential and re-issues a
 * third. The counts and lists shown are compared with the API's answers. Screenshots go
 * to {@code target/screenshots} ({@code cred-*}).
 */
class CredentialWorkflowBrowserTest extends BrowserWorkflowSupport {

	private static final String ISSUED = "/api/unions/os-sjz-c/transfer-credentials?size=100";

	private static final String INBOX = "/api/unions/os-bd-b/transfer-credentials/inbox?size=100";

	@BeforeAll
	void openBrowser() throws IOException {
		ensureUnion("os-sjz-c", "130104");
		ensureUnion("os-bd-b", "130602");
	}

	@Test
	void issuePickByNameInboxAcceptByLinkCancelAndReissue() {
		String moving = enroll(TestUsers.SJZ_OFFICER, residentId(), "张小三", "os-sjz-c");
		String staying = enroll(TestUsers.SJZ_OFFICER, residentId(), "王大明", "os-sjz-c");
		String lost = enroll(TestUsers.SJZ_OFFICER, residentId(), "李小红", "os-sjz-c");
		String toCancel = issueByApi(staying);
		String toReissue = issueByApi(lost);

		// 石家庄的干事：会员按姓名（部分隐去）列出，转入工会按名称选择。
		this.browser.signIn(TestUsers.SJZ_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/issue/os-sjz-c");
		String option = this.browser.present("#f-memberId option[value='" + moving + "']").getAttribute("textContent");
		assertThat(option).startsWith("张**").doesNotContain(moving).doesNotContain("小三");
		this.browser.script("document.getElementById('f-memberId').value = arguments[0];", moving);
		this.browser.find("#f-toUnionId").sendKeys("测试工会 os-bd");
		this.browser.find("#toUnion-suggestions button[data-union-id='os-bd-b']").click();
		this.browser.waitForText("#toUnion-chosen", "已选：测试工会 os-bd-b（保定市竞秀区）");
		this.browser.find("#issue-form-submit").click();
		String code = this.browser.text("#credential-code");
		assertThat(code).matches("TC(-[0-9A-Z]{4}){4}");
		String link = this.browser.find("#credential-link").getAttribute("href");
		assertThat(link).isEqualTo("http://localhost:" + this.port + "/ui/#/accept/" + code);
		this.browser.wait.until((d) -> (Boolean) this.browser
			.script("const i = document.getElementById('credential-qr'); return i.complete && i.naturalWidth > 0;"));
		this.browser.screenshot("cred-01-issued-to-union-picked-by-name", "#credential");

		// 本会开具的凭证：各状态的数量与 API 一致。
		this.browser.route("#/transfers/u/os-sjz-c");
		this.browser.find("#issued-table");
		assertTabsAgreeWithTheApi();
		this.browser.screenshot("cred-02-issued-list", "#issued-credentials");
		this.browser.signOut();

		// 保定的干事：收件箱里有这张凭证，显示隐去部分的姓名和转出工会，未接收前可见。
		this.browser.signIn(TestUsers.BD_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/transfers/u/os-bd-b");
		this.browser.find("#inbox-table");
		Map<String, Object> inbox = api(TestUsers.BD_OFFICER, INBOX);
		assertThat(this.browser.number("#inbox-count")).isEqualTo(((Number) inbox.get("total")).longValue());
		String row = this.browser.find("#inbox-table a[data-code='" + code + "']")
			.findElement(org.openqa.selenium.By.xpath("./ancestor::tr"))
			.getText();
		assertThat(row).contains("张**", "测试工会 os-sjz-c").doesNotContain("小三");
		this.browser.screenshot("cred-03-inbox", "#credential-inbox");
		// 扫码：打开二维码里的链接，凭证编码和接收工会已填好。
		this.browser.go(link.substring(("http://localhost:" + this.port).length()));
		this.browser.waitForText("#preview-member", "张**");
		assertThat(this.browser.text("#preview-from")).isEqualTo("测试工会 os-sjz-c");
		assertThat(this.browser.find("#f-code").getAttribute("value")).isEqualTo(code);
		assertThat(this.browser.find("#f-unionId").getAttribute("value")).isEqualTo("os-bd-b");
		this.browser.screenshot("cred-04-accept-prefilled");
		this.browser.find("#accept-form-submit").click();
		this.browser.waitForText(".form-message", moving);
		assertThat(api(TestUsers.BD_OFFICER, "/api/members/" + moving + "/history").get("unionId"))
			.isEqualTo("os-bd-b");
		assertThat(codes(api(TestUsers.BD_OFFICER, INBOX))).doesNotContain(code);
		this.browser.signOut();

		// 石家庄的干事：作废一张，重新开具另一张。
		this.browser.signIn(TestUsers.SJZ_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/transfers/u/os-sjz-c");
		this.browser.find("#issued-table button[data-action='cancel'][data-code='" + toCancel + "']").click();
		this.browser.find("#f-reason").sendKeys("工人留在原单位");
		this.browser.find("#cred-action-submit").click();
		this.browser.waitForText("#cred-action-message", "凭证已作废");
		this.browser.find("#issued-table button[data-action='reissue'][data-code='" + toReissue + "']").click();
		this.browser.find("#cred-action-submit").click();
		this.browser.waitForText("#f-reason-error", "原因");
		this.browser.find("#f-reason").sendKeys("凭证遗失");
		this.browser.find("#cred-action-submit").click();
		this.browser.waitForText("#cred-action-message", "新凭证已开具");
		String replacement = this.browser.text("#credential-code");
		this.browser.screenshot("cred-05-reissued", "#cred-action");
		Map<String, Object> issued = api(TestUsers.SJZ_OFFICER, ISSUED);
		assertThat(state(issued, code)).isEqualTo("USED");
		assertThat(state(issued, toCancel)).isEqualTo("CANCELLED");
		assertThat(state(issued, toReissue)).isEqualTo("CANCELLED");
		assertThat(state(issued, replacement)).isEqualTo("OUTSTANDING");
		assertTabsAgreeWithTheApi();
		this.browser.find("#cred-tab-CANCELLED").click();
		this.browser.waitForText("#issued-table", toReissue);
		assertThat(this.browser.text("#issued-table")).contains("已作废", toCancel)
			.doesNotContain("OUTSTANDING", "CANCELLED");
		this.browser.screenshot("cred-06-cancelled-tab", "#issued-credentials");
		this.browser.signOut();
	}

	/** Each state's count on the page is the API's. */
	private void assertTabsAgreeWithTheApi() {
		Map<String, Object> issued = api(TestUsers.SJZ_OFFICER, ISSUED);
		@SuppressWarnings("unchecked")
		Map<String, Number> counts = (Map<String, Number>) issued.get("counts");
		long all = 0;
		for (String state : List.of("OUTSTANDING", "EXPIRED", "USED", "CANCELLED")) {
			long count = counts.get(state.toLowerCase()).longValue();
			this.browser.waitForText("#cred-tab-" + state + " .count", String.valueOf(count));
			assertThat(this.browser.number("#cred-tab-" + state + " .count")).as(state).isEqualTo(count);
			all += count;
		}
		assertThat(this.browser.number("#cred-tab-ALL .count")).isEqualTo(all);
	}

	private String issueByApi(String member) {
		ResponseEntity<Map> issued = as(TestUsers.SJZ_OFFICER).postForEntity(
				"/api/members/" + member + "/transfer-credentials",
				Map.of("issuedOn", TODAY.toString(), "toUnionId", "os-bd-b"), Map.class);
		assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) issued.getBody().get("code");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> api(String user, String path) {
		ResponseEntity<Map> response = as(user).getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	private static List<String> codes(Map<String, Object> list) {
		return ((List<Map<String, Object>>) list.get("credentials")).stream()
			.map((c) -> (String) c.get("code"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static String state(Map<String, Object> list, String code) {
		return ((List<Map<String, Object>>) list.get("credentials")).stream()
			.filter((c) -> code.equals(c.get("code")))
			.map((c) -> (String) c.get("state"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(code + " not listed"));
	}

}
