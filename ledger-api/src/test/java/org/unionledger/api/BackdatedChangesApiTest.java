package org.unionledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Backdating into a signed year asks for confirmation not only when enrolling: a hold, a
 * resumption, a termination, a re-enrollment and a service dated in a year whose report
 * is signed are refused (409 {@code BACKDATED_INTO_SIGNED_YEAR}, the reports they would
 * flag listed, nothing written) until sent again with {@code confirmBackdating}; an
 * import rejects such rows unless started with {@code confirmBackdating=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackdatedChangesApiTest extends ApiTestSupport {

	private static final String COUNTY = "130105";

	private static final String UNION = "bk-xinhua-site";

	private String member;

	@BeforeAll
	void signTheCountysYearAndEnrollIntoIt() {
		ensureUnion(UNION, COUNTY);
		ResponseEntity<Map> signed = as(TestUsers.SYSADMIN).postForEntity(
				"/api/jurisdictions/" + COUNTY + "/annual-reports/2026/sign-off", Map.of("comment", "核对无误"), Map.class);
		// signed here, or by another test that signed the whole province's 2026 first
		assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody()))
			.isIn(HttpStatus.OK, HttpStatus.CREATED, HttpStatus.CONFLICT);
		ResponseEntity<Map> enrolled = as(TestUsers.SYSADMIN).postForEntity("/api/members",
				Map.of("residentId", residentId(), "name", "冯十五", "unionId", UNION, "effectiveDate", "2026-08-01",
						"channel", "ON_SITE", "confirmBackdating", true),
				Map.class);
		assertThat(enrolled.getStatusCode()).as(String.valueOf(enrolled.getBody())).isEqualTo(HttpStatus.CREATED);
		this.member = (String) enrolled.getBody().get("memberId");
	}

	/** Refused unconfirmed (naming the county's signed report), then done confirmed. */
	@SuppressWarnings("unchecked")
	private void refusedThenConfirmed(String path, Map<String, Object> body, String field) {
		long head = this.engine.headPosition();
		ResponseEntity<Map> refused = as(TestUsers.SYSADMIN).postForEntity(path, body, Map.class);
		assertThat(refused.getStatusCode()).as(path + " " + refused.getBody()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody()).containsEntry("rule", "BACKDATED_INTO_SIGNED_YEAR").containsEntry("field", field);
		assertThat((List<Map<String, Object>>) refused.getBody().get("reports"))
			.extracting((report) -> report.get("code") + "/" + report.get("statisticalYear"))
			.contains(COUNTY + "/2026");
		assertThat(this.engine.headPosition()).as(path + " wrote nothing").isEqualTo(head);
		Map<String, Object> confirmed = new HashMap<>(body);
		confirmed.put("confirmBackdating", true);
		ResponseEntity<Map> done = as(TestUsers.SYSADMIN).postForEntity(path, confirmed, Map.class);
		assertThat(done.getStatusCode().is2xxSuccessful()).as(path + " " + done.getBody()).isTrue();
	}

	@Test
	void holdResumeTerminateAndReEnrollIntoASignedYearNeedConfirmation() {
		String path = "/api/members/" + this.member;
		refusedThenConfirmed(path + "/hold", Map.of("effectiveDate", "2026-09-01", "reason", "退休"), "effectiveDate");
		refusedThenConfirmed(path + "/resumption", Map.of("effectiveDate", "2026-09-10"), "effectiveDate");
		refusedThenConfirmed(path + "/termination",
				Map.of("effectiveDate", "2026-09-20", "reason", "VOLUNTARY_WITHDRAWAL"), "effectiveDate");
		refusedThenConfirmed(path + "/re-enrollment",
				Map.of("unionId", UNION, "effectiveDate", "2026-09-25", "channel", "ON_SITE"), "effectiveDate");
		// a change dated after the signed year needs nothing
		ResponseEntity<Map> current = as(TestUsers.SYSADMIN).postForEntity(path + "/hold",
				Map.of("effectiveDate", TODAY.toString(), "reason", "失业"), Map.class);
		assertThat(current.getStatusCode()).as(String.valueOf(current.getBody())).isEqualTo(HttpStatus.OK);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> imported(String query, String csv) {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setContentType(org.springframework.http.MediaType.parseMediaType("text/csv"));
		ResponseEntity<Map> started = as(TestUsers.SYSADMIN).postForEntity("/api/imports" + query,
				new org.springframework.http.HttpEntity<>(csv, headers), Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return awaitDone(TestUsers.SYSADMIN, (String) started.getBody().get("importId"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void anImportedRowDatedInASignedYearIsRejectedUnlessTheImportIsConfirmed() {
		String csv = "residentId,name,unionId,effectiveDate\n" + residentId() + ",褚十六," + UNION + ",2026-09-05\n"
				+ residentId() + ",卫十七," + UNION + "," + TODAY + "\n";
		long head = this.engine.headPosition();
		Map<String, Object> unconfirmed = imported("", csv);
		assertThat(unconfirmed).containsEntry("accepted", 1).containsEntry("rejected", 1);
		assertThat((List<Map<String, Object>>) unconfirmed.get("rejections")).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("line", 2)
				.containsEntry("field", "effectiveDate")
				.containsEntry("rule", "BACKDATED_INTO_SIGNED_YEAR");
			assertThat((String) row.get("message")).contains("2026 v");
		});
		assertThat(this.engine.headPosition()).as("only the current row written").isGreaterThan(head);
		Map<String, Object> confirmed = imported("?confirmBackdating=true", csv);
		assertThat(confirmed).containsEntry("accepted", 1)
			.containsEntry("alreadyPresent", 1)
			.containsEntry("rejected", 0);
		// the same file again, unconfirmed: both rows are already there, neither is
		// refused
		assertThat(imported("", csv)).containsEntry("alreadyPresent", 2).containsEntry("rejected", 0);
	}

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void theCommandLineImportConfirmsBackdatingWhenAsked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
			throws Exception {
		java.nio.file.Path file = folder.resolve("members.csv");
		java.nio.file.Files.writeString(file,
				"residentId,name,unionId,effectiveDate\n" + residentId() + ",蒋十八," + UNION + ",2026-09-06\n");
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
		String[] plain = { "--url", "http://localhost:" + this.port, "--user", TestUsers.SYSADMIN, file.toString() };
		assertThat(org.unionledger.api.imports.ImportCli.run(plain, Map.of("LEDGER_PASSWORD", TestUsers.PASSWORD),
				print, print))
			.isZero();
		assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("0 accepted")
			.contains("1 rejected")
			.contains("effectiveDate BACKDATED_INTO_SIGNED_YEAR");
		out.reset();
		String[] confirmed = { "--url", "http://localhost:" + this.port, "--user", TestUsers.SYSADMIN,
				"--confirm-backdating", file.toString() };
		assertThat(org.unionledger.api.imports.ImportCli.run(confirmed, Map.of("LEDGER_PASSWORD", TestUsers.PASSWORD),
				print, print))
			.isZero();
		assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("1 accepted").contains("0 rejected");
	}

	@Test
	void aServiceDeliveredInASignedYearNeedsConfirmation() {
		refusedThenConfirmed("/api/services", Map.of("unionId", UNION, "type", "SKILLS_TRAINING", "deliveredOn",
				"2026-09-15", "personTimes", 12, "amountYuan", "600.00"), "deliveredOn");
	}

}
