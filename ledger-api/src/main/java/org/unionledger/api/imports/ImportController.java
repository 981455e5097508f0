package org.unionledger.api.imports;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.problems.ProblemMessages;
import org.unionledger.api.security.LedgerUser;
import org.unionledger.api.security.Role;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.common.Rule;

/**
 * Bulk enrollment: {@code POST /api/imports} with a CSV file (as the body,
 * {@code text/csv}, or as the part {@code file} of a multipart form) starts a job and
 * answers 202 with its id; {@code GET /api/imports/{id}} shows its progress and every
 * rejected row, its message in the reader's language. Officers import for their unions
 * (rows for other unions are rejected as {@link Rule#OUT_OF_SCOPE}), system
 * administrators for any; a job is visible to the user who started it and to system
 * administrators. Rows dated in a statistical year whose report is signed are rejected
 * ({@link Rule#BACKDATED_INTO_SIGNED_YEAR}, naming the reports they would flag) unless
 * the import is started with {@code confirmBackdating=true}.
 */
@RestController
@RequestMapping("/api/imports")
@EnableConfigurationProperties(ImportProperties.class)
public class ImportController {

	private final ImportJobs jobs;

	private final AccessScopes scopes;

	private final ProblemMessages messages;

	public ImportController(ImportJobs jobs, AccessScopes scopes, ProblemMessages messages) {
		this.jobs = jobs;
		this.scopes = scopes;
		this.messages = messages;
	}

	@PostMapping(consumes = { "text/csv", "text/plain", "application/octet-stream" })
	@ResponseStatus(HttpStatus.ACCEPTED)
	public ResponseEntity<ImportJob> importBody(@RequestBody(required = false) byte[] body,
			@RequestParam(defaultValue = "false") boolean confirmBackdating) {
		this.scopes.requireSomeUnionActor();
		return started(body, confirmBackdating);
	}

	@PostMapping(consumes = "multipart/form-data")
	@ResponseStatus(HttpStatus.ACCEPTED)
	public ResponseEntity<ImportJob> importFile(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean confirmBackdating) throws IOException {
		this.scopes.requireSomeUnionActor();
		return started(file.getBytes(), confirmBackdating);
	}

	private ResponseEntity<ImportJob> started(byte[] body, boolean confirmBackdating) {
		if (body == null || body.length == 0) {
			throw ApiException.of(Rule.CSV_EMPTY, "file", "the file is empty");
		}
		Document job = this.jobs.submit(body, this.scopes.current(), confirmBackdating);
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.getString("_id"))).body(view(job));
	}

	@GetMapping("/{importId}")
	public ImportJob get(@PathVariable String importId) {
		LedgerUser user = this.scopes.current();
		Document job = (importId.matches("imp-[a-z2-7]{26}") ? this.jobs.find(importId)
				: java.util.Optional.<Document>empty())
			.filter(j -> user.is(Role.SYSTEM_ADMIN) || user.name().equals(j.getString("createdBy")))
			.orElseThrow(() -> ApiException.of(Rule.IMPORT_UNKNOWN, "importId", "no import with this id"));
		return view(job);
	}

	private ImportJob view(Document job) {
		Object rejections = job.get("rejections");
		return new ImportJob(job.getString("_id"), job.getString("status"), job.getString("encoding"),
				integer(job, "rows"), integer(job, "done"), integer(job, "accepted"), integer(job, "alreadyPresent"),
				integer(job, "rejected"), job.getString("createdBy"), instant(job, "createdAt"),
				instant(job, "finishedAt"),
				(job.get("durationMillis") instanceof Number n) ? Long.valueOf(n.longValue()) : null,
				job.getBoolean("rejectionsTruncated"),
				(rejections instanceof List<?> rows) ? rows.stream().map(this::inReadersLanguage).toList() : List.of());
	}

	private static Integer integer(Document job, String key) {
		return (job.get(key) instanceof Number n) ? Integer.valueOf(n.intValue()) : null;
	}

	private static Instant instant(Document job, String key) {
		return (job.get(key) instanceof Date date) ? date.toInstant() : null;
	}

	/**
	 * A rejected row with its message in the reader's language, from the catalogue (a
	 * rule of an earlier version, kept in a job written then, keeps its stored message).
	 */
	private ImportJob.Rejection inReadersLanguage(Object row) {
		Document rejection = (Document) row;
		String message = rejection.getString("message");
		if (rejection.get("rule") instanceof String name) {
			Optional<Rule> rule = Arrays.stream(Rule.values()).filter((r) -> r.name().equals(name)).findFirst();
			if (rule.isPresent()) {
				message = this.messages.detail(rule.get(), rejection.getString("field"), message,
						LocaleContextHolder.getLocale());
			}
		}
		return new ImportJob.Rejection(integer(rejection, "line"), rejection.getString("field"),
				rejection.getString("rule"), message);
	}

}
