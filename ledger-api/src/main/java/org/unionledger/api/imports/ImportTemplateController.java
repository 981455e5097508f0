package org.unionledger.api.imports;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.exports.Labels;
import org.unionledger.api.security.AccessScopes;

/**
 * The import's CSV template for those who import: the header row in Chinese
 * (身份证号,姓名,工会,入会日期,渠道) or English ({@code lang=en}), UTF-8 with a byte-order mark so that
 * spreadsheet programs open it in Chinese. Both headers are accepted back.
 */
@RestController
public class ImportTemplateController {

	private final AccessScopes scopes;

	public ImportTemplateController(AccessScopes scopes) {
		this.scopes = scopes;
	}

	@ApiResponse(responseCode = "200", description = "The template: a header row",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@GetMapping("/api/imports/template.csv")
	public ResponseEntity<byte[]> template(@RequestParam(required = false) String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		this.scopes.requireSomeUnionActor();
		boolean chinese = !"en".equals(Labels.language(lang, acceptLanguage));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(chinese ? "会员导入模板.csv" : "enrollment-import-template.csv", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(EnrollmentCsv.template(chinese).getBytes(StandardCharsets.UTF_8));
	}

}
