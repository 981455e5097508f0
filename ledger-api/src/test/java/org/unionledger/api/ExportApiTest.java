package org.unionledger.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reports and files (issue 15, items 8 and 9): the signed report as a labelled sheet and
 * an XLSX file read back, a union's roster as CSV and XLSX within the caller's scope with
 * formula injection neutralised, the import's template and Chinese headers, and
 * backdating into a signed year refused until confirmed.
 */
@SuppressWarnings({ "unchecked", "rawtypes" })
class ExportApiTest extends ApiTestSupport {

	/** A county no other test uses, so its 2024 report is this class's to sign. */
	static final String COUNTY = "130110";

	static final String UNION = "ex-luquan-site";

	/** A union name a spreadsheet would run as a formula. */
	static final String FORMULA_NAME = "=1+2 鹿泉工会";

	void signedReport() {
		signedReport(as(TestUsers.SYSADMIN));
	}

	/**
	 * Registers the union, enrolls a member and records a service in 2024 and signs the
	 * county's 2024 report, as the system administrator, unless it is signed already.
	 */
	static void signedReport(TestRestTemplate admin) {
		if (admin.getForEntity("/api/unions/" + UNION, Map.class).getStatusCode() != HttpStatus.OK) {
			ResponseEntity<Map> union = admin.postForEntity("/api/unions",
					Map.of("unionId", UNION, "name", FORMULA_NAME, "type", "PROJECT_SITE", "sector", "CONSTRUCTION",
							"jurisdictionCode", COUNTY, "establishedOn", "2024-01-01"),
					Map.class);
			assertThat(union.getStatusCode()).as(String.valueOf(union.getBody())).isEqualTo(HttpStatus.CREATED);
		}
		Map report = admin.getForObject("/api/jurisdictions/" + COUNTY + "/annual-reports/2024", Map.class);
		if ("SIGNED".equals(report.get("status"))) {
			return;
		}
		String residentId = residentId();
		LeakScan.remember(residentId, "鹿泉甲");
		ResponseEntity<Map> enrolled = admin.postForEntity("/api/members",
				Map.of("residentId", residentId, "name", "鹿泉甲", "unionId", UNION, "effectiveDate", "2024-03-01",
						"channel", "ON_SITE",
						// later years may be signed already (SignOffApiTest signs 2026)
						"confirmBackdating", true),
				Map.class);
		assertThat(enrolled.getStatusCode()).as(String.valueOf(enrolled.getBody())).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<Map> service = admin.postForEntity("/api/services",
				Map.of("unionId", UNION, "memberId", enrolled.getBody().get("memberId"), "type",
						"EMPLOYMENT_ASSISTANCE", "deliveredOn", "2024-06-01", "amountYuan", "1234.56",
						// later years may be signed already, as for the enrollment above
						"confirmBackdating", true),
				Map.class);
		assertThat(service.getStatusCode()).as(String.valueOf(service.getBody())).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<Map> signed = admin.postForEntity(
				"/api/jurisdictions/" + COUNTY + "/annual-reports/2024/sign-off", Map.of("comment", "核对无误"), Map.class);
		assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void theSignedReportIsASheetInYuanWithChineseLabelsAndAnXlsxFileSayingTheSame() throws IOException {
		signedReport();
		Map report = as(TestUsers.SJZ_SUPERVISOR).getForObject("/api/jurisdictions/" + COUNTY + "/annual-reports/2024",
				Map.class);
		Map<String, Object> figures = (Map<String, Object>) report.get("figures");
		Map sheet = as(TestUsers.SJZ_SUPERVISOR)
			.getForObject("/api/jurisdictions/" + COUNTY + "/annual-reports/2024/sheet", Map.class);
		assertThat(sheet).containsEntry("language", "zh-CN")
			.containsEntry("title", "鹿泉区 2024 年度统计年报（已签报）")
			.containsEntry("reportDigest", report.get("reportDigest"))
			.containsEntry("sealDigest", report.get("sealDigest"))
			.containsEntry("version", report.get("version"));
		Map<String, Map> lines = ((List<Map>) sheet.get("lines")).stream()
			.collect(Collectors.toMap((line) -> (String) line.get("figure"), (line) -> line));
		assertThat(lines.keySet()).isEqualTo(figures.keySet());
		String amount = "heldServices.type.EMPLOYMENT_ASSISTANCE.amountFen";
		assertThat(((Number) figures.get(amount)).longValue()).isEqualTo(123456L);
		assertThat(lines.get(amount)).containsEntry("label", "会员所属地服务 · 就业援助 · 金额（元）").containsEntry("unit", "元");
		assertThat(new BigDecimal(lines.get(amount).get("value").toString())).isEqualByComparingTo("1234.56");
		assertThat(lines.get("newEnrollments")).containsEntry("label", "新发展会员").doesNotContainKey("unit");
		assertThat(lines.get("newEnrollments.sector.CONSTRUCTION")).containsEntry("label", "新发展会员 · 建筑");
		assertThat(((Number) lines.get("newEnrollments").get("value")).longValue())
			.isEqualTo(((Number) figures.get("newEnrollments")).longValue());
		Map english = as(TestUsers.SJZ_SUPERVISOR)
			.getForObject("/api/jurisdictions/" + COUNTY + "/annual-reports/2024/sheet?lang=en", Map.class);
		assertThat(((List<Map>) english.get("lines")).stream().filter((l) -> amount.equals(l.get("figure"))))
			.singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("unit", "yuan")
				.containsEntry("label", "Services to members held here · Employment assistance · amount (yuan)"));

		ResponseEntity<byte[]> file = as(TestUsers.SJZ_SUPERVISOR)
			.getForEntity("/api/jurisdictions/" + COUNTY + "/annual-reports/2024/report.xlsx", byte[].class);
		assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(file.getHeaders().getContentType().toString())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(file.getHeaders().getContentDisposition().getFilename())
			.isEqualTo("annual-report-" + COUNTY + "-2024-v" + report.get("version") + ".xlsx");
		List<Row> rows = read(file.getBody());
		assertThat(rows.get(0).getCellText(0)).isEqualTo("鹿泉区 2024 年度统计年报（已签报）");
		assertThat(rows.stream()
			.filter((row) -> row.getCellCount() > 1 && "年报摘要".equals(row.getCellText(0)))
			.map((row) -> row.getCellText(1))).containsExactly((String) report.get("reportDigest"));
		Row amountRow = rows.stream()
			.filter((row) -> row.getCellCount() > 3 && amount.equals(row.getCellText(3)))
			.findFirst()
			.orElseThrow();
		assertThat(amountRow.getCellText(0)).isEqualTo("会员所属地服务 · 就业援助 · 金额（元）");
		assertThat(amountRow.getCell(1).getType()).isEqualTo(CellType.NUMBER);
		assertThat(amountRow.getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("1234.56");
		assertThat(amountRow.getCellText(2)).isEqualTo("元");
		assertThat(rows.stream().filter((row) -> row.getCellCount() > 3 && figures.containsKey(row.getCellText(3))))
			.hasSize(figures.size());
		System.out.println("Report " + COUNTY + "/2024 as XLSX: " + file.getBody().length + " bytes, " + rows.size()
				+ " rows, " + figures.size() + " figures; " + amount + " = " + amountRow.getCellText(1) + " 元");

		// outside the reader's scope, or not signed
		assertThat(as(TestUsers.TANGSHAN_SUPERVISOR)
			.getForEntity("/api/jurisdictions/" + COUNTY + "/annual-reports/2024/report.xlsx", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> unsigned = as(TestUsers.SYSADMIN)
			.getForEntity("/api/jurisdictions/" + COUNTY + "/annual-reports/2023/sheet", Map.class);
		assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unsigned.getBody()).containsEntry("rule", "REPORT_NOT_SIGNED");
	}

	@Test
	void backdatingIntoTheSignedYearAsksForConfirmationAndChangesNothingUntilConfirmed() {
		signedReport();
		Map before = as(TestUsers.SYSADMIN).getForObject("/api/unions/" + UNION + "/members", Map.class);
		String residentId = residentId();
		LeakScan.remember(residentId, "鹿泉乙");
		Map<String, Object> request = new HashMap<>(Map.of("residentId", residentId, "name", "鹿泉乙", "unionId", UNION,
				"effectiveDate", "2024-08-01", "channel", "ON_SITE"));
		HttpHeaders chinese = new HttpHeaders();
		chinese.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
		ResponseEntity<Map> refused = as(TestUsers.SYSADMIN).exchange("/api/members", HttpMethod.POST,
				new HttpEntity<>(request, chinese), Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody()).containsEntry("rule", "BACKDATED_INTO_SIGNED_YEAR")
			.containsEntry("field", "effectiveDate");
		assertThat((String) refused.getBody().get("detail")).contains("已签报");
		assertThat((List<Map>) refused.getBody().get("reports"))
			.anySatisfy((report) -> assertThat(report).containsEntry("code", COUNTY)
				.containsEntry("name", "鹿泉区")
				.containsEntry("statisticalYear", 2024));
		assertThat(as(TestUsers.SYSADMIN).getForObject("/api/unions/" + UNION + "/members", Map.class).get("count"))
			.isEqualTo(before.get("count"));
		Map flags = as(TestUsers.SYSADMIN).getForObject("/api/jurisdictions/" + COUNTY + "/annual-reports/2024",
				Map.class);
		Object openBefore = flags.get("openFlags");

		request.put("confirmBackdating", true);
		ResponseEntity<Map> enrolled = as(TestUsers.SYSADMIN).postForEntity("/api/members", request, Map.class);
		assertThat(enrolled.getStatusCode()).as(String.valueOf(enrolled.getBody())).isEqualTo(HttpStatus.CREATED);
		Map after = as(TestUsers.SYSADMIN).getForObject("/api/jurisdictions/" + COUNTY + "/annual-reports/2024",
				Map.class);
		assertThat(((Number) after.get("openFlags")).intValue()).isGreaterThan(((Number) openBefore).intValue());
		System.out.println("Backdated enrollment into " + COUNTY + "/2024: refused unconfirmed with "
				+ refused.getBody().get("reports") + "; confirmed, open flags " + openBefore + " -> "
				+ after.get("openFlags"));
		// a date after the signed year needs no confirmation
		request.remove("confirmBackdating");
		request.put("residentId", residentId());
		request.put("effectiveDate", TODAY.minusDays(3).toString());
		assertThat(as(TestUsers.SYSADMIN).postForEntity("/api/members", request, Map.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aRosterIsExportedWithinTheCallersScopeWithFormulasNeutralised() throws IOException {
		signedReport();
		Map roster = as(TestUsers.SJZ_SUPERVISOR).getForObject("/api/unions/" + UNION + "/members", Map.class);
		ResponseEntity<byte[]> csv = as(TestUsers.SJZ_SUPERVISOR).getForEntity("/api/unions/" + UNION + "/roster.csv",
				byte[].class);
		assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
		String text = new String(csv.getBody(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF工会名称,会员编号,会籍状态,起始日期\r\n");
		List<String> lines = text.lines().toList();
		assertThat(lines).hasSize(1 + ((Number) roster.get("count")).intValue());
		assertThat(lines.subList(1, lines.size())).allSatisfy((line) -> assertThat(line).startsWith("'=1+2 鹿泉工会,m-"))
			.anySatisfy((line) -> assertThat(line).contains(",在册,2024-03-01"));

		ResponseEntity<byte[]> xlsx = as(TestUsers.SYSADMIN)
			.getForEntity("/api/unions/" + UNION + "/roster.xlsx?lang=en", byte[].class);
		assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Row> rows = read(xlsx.getBody());
		assertThat(rows.get(0).getCellText(0)).isEqualTo("Union");
		assertThat(rows).hasSize(1 + ((Number) roster.get("count")).intValue());
		assertThat(rows.get(1).getCell(0).getType()).isEqualTo(CellType.STRING);
		assertThat(rows.get(1).getCellText(0)).isEqualTo("'" + FORMULA_NAME);
		assertThat(rows.get(1).getCellText(2)).isEqualTo("active");

		// an officer of other unions, and a supervisor of another city, are refused
		assertThat(as(TestUsers.SJZ_OFFICER).getForEntity("/api/unions/" + UNION + "/roster.csv", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as(TestUsers.TANGSHAN_SUPERVISOR).getForEntity("/api/unions/" + UNION + "/roster.xlsx", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(
				as(TestUsers.SYSADMIN).getForEntity("/api/unions/no-such-union/roster.csv", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theTemplateComesInBothLanguagesAndAChineseFileIsImportedWithRejectionsInChinese() {
		ensureUnion("os-sjz-a", "130102");
		ResponseEntity<byte[]> template = as(TestUsers.SJZ_OFFICER).getForEntity("/api/imports/template.csv",
				byte[].class);
		assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
		String chinese = new String(template.getBody(), StandardCharsets.UTF_8);
		assertThat(chinese).isEqualTo("\uFEFF身份证号,姓名,工会,入会日期,渠道\r\n");
		assertThat(new String(
				as(TestUsers.SJZ_OFFICER).getForEntity("/api/imports/template.csv?lang=en", byte[].class).getBody(),
				StandardCharsets.UTF_8))
			.isEqualTo("\uFEFFresidentId,name,unionId,effectiveDate,channel\r\n");
		assertThat(as(TestUsers.HEBEI_AUDITOR).getForEntity("/api/imports/template.csv", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		String good = residentId();
		LeakScan.remember(good, "导入甲");
		String file = chinese + good + ",导入甲,os-sjz-a," + TODAY.minusDays(2) + ",现场\r\n" + "123,导入乙,os-sjz-a,"
				+ TODAY.minusDays(2) + ",\r\n";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("text/csv"));
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
		ResponseEntity<Map> started = as(TestUsers.SJZ_OFFICER).exchange("/api/imports", HttpMethod.POST,
				new HttpEntity<>(file.getBytes(StandardCharsets.UTF_8), headers), Map.class);
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		Map job = awaitDone((String) started.getBody().get("importId"), headers);
		assertThat(job).containsEntry("status", "DONE").containsEntry("accepted", 1).containsEntry("rejected", 1);
		assertThat((List<Map>) job.get("rejections")).singleElement().satisfies((rejection) -> {
			assertThat(rejection).containsEntry("line", 3).containsEntry("field", "residentId");
			assertThat((String) rejection.get("message")).contains("身份证号");
		});

		ResponseEntity<Map> badHeader = as(TestUsers.SJZ_OFFICER).exchange("/api/imports", HttpMethod.POST,
				new HttpEntity<>("身份证,姓名\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8), headers), Map.class);
		assertThat(badHeader.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(badHeader.getBody()).containsEntry("rule", "CSV_HEADER");
		assertThat((String) badHeader.getBody().get("detail")).contains("身份证号,姓名,工会,入会日期");
	}

	private Map awaitDone(String importId, HttpHeaders headers) {
		for (int i = 0; i < 3000; i++) {
			Map job = as(TestUsers.SJZ_OFFICER)
				.exchange("/api/imports/" + importId, HttpMethod.GET, new HttpEntity<>(headers), Map.class)
				.getBody();
			if (!"RUNNING".equals(job.get("status")) && !"QUEUED".equals(job.get("status"))) {
				return job;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return fail("import " + importId + " did not finish");
	}

	static List<Row> read(byte[] xlsx) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			return workbook.getFirstSheet().read();
		}
	}

}
