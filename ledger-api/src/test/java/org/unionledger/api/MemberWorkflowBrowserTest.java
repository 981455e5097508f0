package org.unionledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Member work in a real headless Chromium, in Chinese, as the union's officer: the member
 * list (its count agrees with the API), a search by resident ID and one by name, then on
 * the member's page a hold (a blank reason refused beside its field first), a resumption,
 * a name correction and a termination, each confirmed on the page, the status shown
 * agreeing with the API's after each. Screenshots go to {@code target/screenshots}
 * ({@code members-*}).
 */
class MemberWorkflowBrowserTest extends BrowserWorkflowSupport {

	private static final String UNION = "os-sjz-c";

	@BeforeAll
	void openBrowser() throws IOException {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion(UNION, "130104");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> api(String path) {
		ResponseEntity<Map> response = as(TestUsers.SJZ_OFFICER).getForEntity(path, Map.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private long listTotal() {
		return ((Number) api("/api/unions/" + UNION + "/member-list?size=1").get("total")).longValue();
	}

	private String status(String memberId) {
		return (String) api("/api/members/" + memberId).get("status");
	}

	/**
	 * Waits until the union's member list shows the member: right after the context
	 * starts, the read models may still be rebuilding past the read-your-writes bound.
	 */
	private void awaitListed(String memberId) {
		long until = System.nanoTime() + 120_000_000_000L;
		while (!api("/api/unions/" + UNION + "/member-list?size=100").toString().contains(memberId)) {
			assertThat(System.nanoTime()).as("member listed within 120 s").isLessThan(until);
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/** Presses an action's button, then confirms it in the box the page shows. */
	private void confirm(String form) {
		this.browser.find("#" + form + "-submit").click();
		this.browser.find("#" + form + "-confirm");
		this.browser.find("#" + form + "-yes").click();
	}

	@Test
	void anOfficerFindsAMemberHoldsResumesCorrectsTheNameAndTerminates() {
		String residentId = residentId();
		String memberId = enroll(TestUsers.SJZ_OFFICER, residentId, "孙晓梅", UNION);
		awaitListed(memberId);
		this.browser.signIn(TestUsers.SJZ_OFFICER, TestUsers.PASSWORD);
		assertThat(this.browser.text("#nav-members")).isEqualTo("会员管理");

		this.browser.route("#/members/" + UNION + "/0");
		this.browser.find("#member-rows");
		assertThat(this.browser.number("#list-total")).isEqualTo(listTotal());
		assertThat(this.browser.text("#page-of")).startsWith("第 1 页");
		this.browser.screenshot("members-01-list", "#member-list");

		// By resident ID, typed with a lower-case x where it has one.
		this.browser.find("#f-term").sendKeys(residentId.toLowerCase());
		this.browser.find("#member-search-submit").click();
		this.browser.waitForText("#search-results", "孙晓梅");
		assertThat(this.browser.text("#search-results")).contains(residentId.substring(0, 4) + "**********")
			.contains("在册");
		this.browser.screenshot("members-02-found-by-id", "#search-results");

		// By name.
		this.browser.find("#f-term").clear();
		this.browser.find("#f-term").sendKeys("孙晓梅");
		this.browser.find("#member-search-submit").click();
		this.browser.waitForText(".form-message", "找到 1 名会员");
		this.browser.find("#search-results a.member-link").click();
		this.browser.waitForText("#member-name", "孙晓梅");
		this.browser.settle();
		assertThat(this.browser.text("#member-status")).isEqualTo("在册");
		this.browser.screenshot("members-03-member-page");

		// A hold without a reason is refused beside the field, in Chinese; nothing
		// changes.
		confirm("hold-form");
		this.browser.waitForText("#f-hold-reason-error", "不能为空");
		assertThat(this.browser.text("#hold-form .form-message")).contains("请");
		assertThat(status(memberId)).isEqualTo("ACTIVE");
		this.browser.find("#f-hold-reason").sendKeys("退休");
		confirm("hold-form");
		this.browser.waitForText("#member-result", "已为 孙晓梅 办理保留会籍");
		assertThat(this.browser.text("#member-status")).isEqualTo("保留会籍");
		assertThat(status(memberId)).isEqualTo("ON_HOLD");
		this.browser.screenshot("members-04-held");

		confirm("resume-form");
		this.browser.waitForText("#member-result", "已为 孙晓梅 恢复会籍");
		assertThat(this.browser.text("#member-status")).isEqualTo("在册");
		assertThat(status(memberId)).isEqualTo("ACTIVE");

		this.browser.find("#f-correct-name").sendKeys("孙晓玫");
		this.browser.find("#f-correct-reason").sendKeys("入会时录入错误");
		this.browser.find("#correct-form-submit").click();
		assertThat(this.browser.text("#correct-form-confirm")).contains("孙晓梅").contains("孙晓玫");
		this.browser.find("#correct-form-yes").click();
		this.browser.waitForText("#member-result", "姓名已更正为 孙晓玫");
		assertThat(this.browser.text("#member-name")).isEqualTo("孙晓玫");
		assertThat(this.browser.text("#member-timeline")).contains("更正姓名").doesNotContain("孙晓梅");
		assertThat(api("/api/members/" + memberId)).containsEntry("name", "孙晓玫");
		this.browser.screenshot("members-05-name-corrected");

		long before = listTotal();
		this.browser.present("#terminate-form");
		confirm("terminate-form");
		this.browser.waitForText("#member-result", "孙晓玫 的会籍已终止");
		assertThat(this.browser.text("#member-status")).isEqualTo("已终止");
		assertThat(status(memberId)).isEqualTo("TERMINATED");
		assertThat(this.browser.all("#reenroll-form")).hasSize(1);
		this.browser.screenshot("members-06-terminated");

		this.browser.find("#back-to-list").click();
		this.browser.find("#list-total");
		this.browser.settle();
		assertThat(listTotal()).isEqualTo(before - 1);
		assertThat(this.browser.number("#list-total")).isEqualTo(listTotal());
		assertThat(this.browser.text("#member-list")).doesNotContain("孙晓玫");
		this.browser.screenshot("members-07-list-after");
		assertThat(this.browser.text("main h3"))
			.contains((String) api("/api/unions/" + UNION + "/member-list?size=1").get("unionName"));
	}

}
