package org.unionledger.api.exports;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.statistics.StatisticsRequests;
import org.unionledger.jurisdiction.Jurisdiction;

/**
 * Reports and files for people: a signed annual report as a sheet to print and as an XLSX
 * file, and a union's roster as CSV and XLSX. {@code lang} ({@code zh-CN}, the default,
 * or {@code en}) chooses the labels' language; without it the {@code Accept-Language}
 * does.
 */
@RestController
public class ExportController {

	private static final String CSV = "text/csv";

	private final ReportSheets sheets;

	private final ReportWorkbook workbooks;

	private final RosterExports rosters;

	private final StatisticsRequests requests;

	private final AccessScopes access;

	public ExportController(ReportSheets sheets, ReportWorkbook workbooks, RosterExports rosters,
			StatisticsRequests requests, AccessScopes access) {
		this.sheets = sheets;
		this.workbooks = workbooks;
		this.rosters = rosters;
		this.requests = requests;
		this.access = access;
	}

	/**
	 * The latest signed version of the report as a sheet to print: labels in the reader's
	 * language, amounts in yuan, the digests.
	 */
	@GetMapping("/api/jurisdictions/{code}/annual-reports/{year}/sheet")
	public ReportSheet sheet(@PathVariable String code, @PathVariable int year,
			@RequestParam(required = false) String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		return readableSheet(code, year, lang, acceptLanguage);
	}

	@ApiResponse(responseCode = "200", description = "The signed report as an XLSX workbook",
			content = @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")))
	@GetMapping(path = "/api/jurisdictions/{code}/annual-reports/{year}/report.xlsx")
	public ResponseEntity<byte[]> reportXlsx(@PathVariable String code, @PathVariable int year,
			@RequestParam(required = false) String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		ReportSheet sheet = readableSheet(code, year, lang, acceptLanguage);
		return file(this.workbooks.write(sheet), Xlsx.MEDIA_TYPE,
				"annual-report-" + sheet.code() + "-" + year + "-v" + sheet.version() + ".xlsx");
	}

	@ApiResponse(responseCode = "200", description = "The union's roster as CSV (UTF-8 with a byte-order mark)",
			content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
	@GetMapping(path = "/api/unions/{unionId}/roster.csv")
	public ResponseEntity<byte[]> rosterCsv(@PathVariable String unionId, @RequestParam(required = false) String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		return file(this.rosters.csv(unionId, Labels.language(lang, acceptLanguage)), CSV + ";charset=UTF-8",
				"roster-" + unionId + ".csv");
	}

	@ApiResponse(responseCode = "200", description = "The union's roster as an XLSX workbook",
			content = @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")))
	@GetMapping(path = "/api/unions/{unionId}/roster.xlsx")
	public ResponseEntity<byte[]> rosterXlsx(@PathVariable String unionId, @RequestParam(required = false) String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		return file(this.rosters.xlsx(unionId, Labels.language(lang, acceptLanguage)), Xlsx.MEDIA_TYPE,
				"roster-" + unionId + ".xlsx");
	}

	private ReportSheet readableSheet(String code, int year, String lang, String acceptLanguage) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		return this.sheets.sheet(jurisdiction, year, Labels.language(lang, acceptLanguage));
	}

	static ResponseEntity<byte[]> file(byte[] body, String mediaType, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(mediaType))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

}
