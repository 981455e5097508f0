package org.unionledger.api;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionledger.api.federation.FederatedDocuments;
import org.unionledger.federation.AcceptanceReceipt;
import org.unionledger.federation.InterLedgerCredential;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.CredentialCode;
import org.unionledger.union.UnionId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionledger.api.HenanLedger.HEBEI;
import static org.unionledger.api.HenanLedger.HENAN;

/**
 * Transfers between ledgers in the dashboard, in Chinese, as the Shijiazhuang officer
 * does them with Henan's ledger (whose side the test plays with Henan's test key, as
 * {@link InterLedgerTransferApiTest} does): a credential issued for a member moving to
 * Henan (the signed document shown, its QR code drawn), Henan's receipt recorded (the
 * member page then says where the member went), and a worker from Henan taken in on
 * Henan's credential, whose text the page shows before the ledger checks it, answered
 * with a receipt Henan's key verifies. Screenshots go to {@code target/screenshots}
 * ({@code xl-*}).
 */
class InterLedgerBrowserTest extends BrowserWorkflowSupport {

	private final FederatedDocuments henan = HenanLedger.documents();

	@BeforeAll
	void unions() throws IOException {
		ensureUnion("os-sjz-c", "130104");
	}

	private static Instant now() {
		return FixedClockConfiguration.NOW;
	}

	@Test
	void issueForHenanRecordItsReceiptAndTakeInAWorkerFromHenan() {
		String leaving = enroll(TestUsers.SJZ_OFFICER, residentId(), "赵小五", "os-sjz-c");

		// 石家庄的干事：为转往河南的会员开具跨省转接凭证。
		this.browser.signIn(TestUsers.SJZ_OFFICER, TestUsers.PASSWORD);
		this.browser.route("#/inter-ledger/os-sjz-c");
		this.browser.waitForText("#xl-identity", "河南省（41）");
		String option = this.browser.present("#f-xl-memberId option[value='" + leaving + "']")
			.getAttribute("textContent");
		assertThat(option).startsWith("赵**").doesNotContain("小五");
		this.browser.script("document.getElementById('f-xl-memberId').value = arguments[0];", leaving);
		this.browser.find("#xl-issue-form-submit").click();
		this.browser.waitForText("#xl-destination", "河南省（41）");
		String code = this.browser.text("#xl-code");
		assertThat(this.browser.text("#xl-masked-name")).isEqualTo("赵**");
		String document = (String) this.browser.script("return document.getElementById('xl-document').value;");
		InterLedgerCredential credential = this.henan.verifyCredential(document, now());
		assertThat(credential.code().value()).isEqualTo(code);
		assertThat(credential.originLedger()).isEqualTo(HEBEI);
		assertThat(credential.destinationLedger()).isEqualTo(HENAN);
		assertThat(credential.originMember()).isEqualTo(leaving);
		this.browser.wait.until((d) -> (Boolean) this.browser
			.script("const i = document.getElementById('xl-qr'); return i.complete && i.naturalWidth > 0;"));
		this.browser.screenshot("xl-01-credential-for-henan", "#xl-issue");
		assertThat(member(leaving)).containsEntry("status", "ACTIVE");

		// 河南接收后出具回执；干事在本页登记，会籍转出。
		String receipt = this.henan.sign(new AcceptanceReceipt("r-browser-" + code, credential.code(), HEBEI, HENAN,
				new UnionId("zz-site-01"), "郑州某项目部工会", TODAY, credential.person(), credential.originMember()), now());
		this.browser.setValue("#f-rc-document", receipt);
		this.browser.waitForText("#xl-rc-preview", "郑州某项目部工会");
		this.browser.find("#xl-receipt-form-submit").click();
		this.browser.waitForText("#xl-receipt-form .form-message", "会员已转往河南省");
		this.browser.screenshot("xl-02-receipt-recorded", "#xl-receipt-card");
		assertThat(member(leaving)).containsEntry("status", "TERMINATED").containsEntry("leftForLedger", "41");
		this.browser.find("#xl-closed-member").click();
		this.browser.waitForText("#member-status", "已转往河南省工会账本");
		this.browser.screenshot("xl-03-member-left-for-henan", "#member-facts");

		// A replayed receipt is refused with the rule named, and changes nothing.
		this.browser.route("#/inter-ledger/os-sjz-c");
		this.browser.setValue("#f-rc-document", receipt);
		this.browser.find("#xl-receipt-form-submit").click();
		this.browser.waitForText("#xl-receipt-form", "CREDENTIAL_ALREADY_USED");

		// 河南来的工人持河南账本的凭证：接收前看到凭证所载内容，接收后得到回执。
		String arriving = residentId();
		InterLedgerCredential fromHenan = new InterLedgerCredential(
				new CredentialCode("HN-BROWSER-" + System.nanoTime()), HENAN, new UnionId("zz-site-01"), "郑州某项目部工会",
				HEBEI, null, TODAY.minusDays(2), TODAY.plusDays(28), "钱*", HenanLedger.person(arriving, TODAY),
				"m-henan-browser");
		this.browser.setValue("#f-in-document", this.henan.sign(fromHenan, now()));
		this.browser.waitForText("#xl-in-member", "钱*");
		assertThat(this.browser.text("#xl-in-origin")).isEqualTo("河南省（41）");
		assertThat(this.browser.text("#xl-in-origin-union")).isEqualTo("郑州某项目部工会");
		this.browser.find("#f-in-residentId").sendKeys(arriving);
		this.browser.find("#f-in-name").sendKeys("钱六");
		this.browser.setValue("#f-in-unionId", "os-sjz-c");
		this.browser.screenshot("xl-04-credential-from-henan", "#xl-accept");
		this.browser.find("#xl-accept-form-submit").click();
		this.browser.waitForText("#xl-accept-form .form-message", "已接收来自河南省的转入会员");
		String signedReceipt = (String) this.browser
			.script("return document.getElementById('xl-receipt-document').value;");
		AcceptanceReceipt back = this.henan.verifyReceipt(signedReceipt, now());
		assertThat(back.code()).isEqualTo(fromHenan.code());
		assertThat(back.receivingUnion()).isEqualTo(new UnionId("os-sjz-c"));
		assertThat(back.person()).isEqualTo(fromHenan.person());
		this.browser.screenshot("xl-05-taken-in-receipt", "#xl-accept");
		String href = this.browser.find("#xl-accepted-member").getAttribute("href");
		String memberId = href.substring(href.indexOf("#/m/") + 4);
		assertThat(member(memberId)).containsEntry("status", "ACTIVE").containsEntry("unionId", "os-sjz-c");

		// The same credential again: refused, with the rule named.
		this.browser.find("#xl-accept-form-submit").click();
		this.browser.waitForText("#xl-accept-form", "CREDENTIAL_");
		this.browser.signOut();
	}

	@Test
	void aSupervisorExportsFingerprintsForHenanAndFindsWhomHenansExportCountsToo() {
		String twiceId = residentId();
		String counted = enroll(TestUsers.SJZ_OFFICER, twiceId, "孙大七", "os-sjz-c");
		enroll(TestUsers.SJZ_OFFICER, residentId(), "周小八", "os-sjz-c");
		String henanOnly = residentId();

		this.browser.signIn(TestUsers.SJZ_SUPERVISOR, TestUsers.PASSWORD);
		this.browser.route("#/cross-ledger");
		this.browser.find("#xc-export-form-submit").click();
		this.browser.waitForText("#xc-export-form .form-message", "供河南省比对");
		String ours = (String) this.browser.script("return document.getElementById('xc-document').value;");
		org.unionledger.federation.FingerprintExport export = this.henan.verifyExport(ours, now());
		assertThat(export.ledger()).isEqualTo(HEBEI);
		assertThat(export.addressee()).isEqualTo(HENAN);
		assertThat(export.entries()).extracting((e) -> e.person()).contains(HenanLedger.person(twiceId, TODAY));
		assertThat(ours).doesNotContain(twiceId);
		this.browser.screenshot("xl-06-fingerprints-exported", "#xc-export");

		String theirs = this.henan.sign(
				new org.unionledger.federation.FingerprintExport(HENAN, HEBEI, "41",
						java.util.List.of(
								new org.unionledger.federation.FingerprintExport.Entry(
										HenanLedger.person(twiceId, TODAY), new UnionId("zz-site-01"), "郑州某项目部工会"),
								new org.unionledger.federation.FingerprintExport.Entry(
										HenanLedger.person(henanOnly, TODAY), new UnionId("zz-site-02"), "洛阳某工地工会"))),
				now());
		this.browser.setValue("#f-xc-document", theirs);
		this.browser.waitForText("#xc-says", "河南省（41）");
		this.browser.find("#xc-compare-form-submit").click();
		this.browser.waitForText("#xc-compare-form .form-message", "对方 2 人");
		assertThat(this.browser.text("#xc-found")).contains("…" + counted.substring(counted.length() - 6),
				"测试工会 os-sjz-c", "郑州某项目部工会");
		assertThat(this.browser.all("#xc-found tbody tr")).hasSize(1);
		this.browser.screenshot("xl-07-compared-with-henan", "#xc-compare");
		this.browser.signOut();
	}

	@Test
	void aSupervisorExportsTheirScopeInPartsAndComparesHenansPartsOneByOne() {
		String twiceId = residentId();
		String counted = enroll(TestUsers.SJZ_OFFICER, twiceId, "钱小九", "os-sjz-c");
		enroll(TestUsers.SJZ_OFFICER, residentId(), "郑小十", "os-sjz-c");

		this.browser.signIn(TestUsers.SJZ_SUPERVISOR, TestUsers.PASSWORD);
		this.browser.route("#/cross-ledger");
		this.browser.setValue("#f-xc-parts", "2");
		this.browser.find("#xc-export-form-submit").click();
		this.browser.waitForText("#xc-export-form .form-message", "第 1/2 部分");
		this.browser.find("#xc-part-2").click();
		this.browser.waitForText("#xc-export-form .form-message", "第 2/2 部分");
		String second = (String) this.browser.script("return document.getElementById('xc-document').value;");
		org.unionledger.federation.FingerprintExport export = this.henan.verifyExport(second, now());
		org.unionledger.federation.ExportPart partTwo = new org.unionledger.federation.ExportPart(2, 2);
		assertThat(export.part()).isEqualTo(partTwo);
		assertThat(export.entries()).allSatisfy((e) -> assertThat(partTwo.holds(e.person())).isTrue());
		this.browser.screenshot("xl-08-fingerprints-exported-in-parts", "#xc-export");

		// Henan's export in two parts: the part holding the person counted in both
		org.unionledger.identity.PersonFingerprint twice = HenanLedger.person(twiceId, TODAY);
		org.unionledger.federation.ExportPart part = org.unionledger.federation.ExportPart.of(twice, 2);
		String theirs = this.henan.sign(new org.unionledger.federation.FingerprintExport(HENAN, HEBEI, "41", part,
				java.util.List.of(new org.unionledger.federation.FingerprintExport.Entry(twice,
						new UnionId("zz-site-01"), "郑州某项目部工会"))),
				now());
		this.browser.setValue("#f-xc-document", theirs);
		this.browser.waitForText("#xc-says", "第 " + part.number() + "/2 部分");
		this.browser.find("#xc-compare-form-submit").click();
		this.browser.waitForText("#xc-compare-form .form-message", "第 " + part.number() + "/2 部分：对方 1 人");
		assertThat(this.browser.text("#xc-found")).contains("…" + counted.substring(counted.length() - 6));
		assertThat(this.browser.all("#xc-found tbody tr")).hasSize(1);
		this.browser.signOut();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> member(String memberId) {
		return as(TestUsers.SJZ_OFFICER).getForObject("/api/members/" + memberId, Map.class);
	}

}
