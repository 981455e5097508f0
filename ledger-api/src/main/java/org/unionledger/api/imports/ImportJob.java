package org.unionledger.api.imports;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An import job: its progress, its counts and every rejected row (the first 10,000), each
 * message in the reader's language. Counts and times appear once the job has them.
 *
 * @param importId the job
 * @param status {@code RUNNING}, {@code DONE}, {@code FAILED} or {@code INTERRUPTED}
 * @param encoding the file's character encoding as detected
 * @param rows the file's data rows
 * @param done rows handled so far
 * @param accepted rows enrolled
 * @param alreadyPresent rows found in the ledger already
 * @param rejected rows rejected
 * @param createdBy the user who started it
 * @param createdAt when it was started
 * @param finishedAt when it finished
 * @param durationMillis how long it ran
 * @param rejectionsTruncated whether more rows were rejected than are listed
 * @param rejections the rejected rows, by line
 */
public record ImportJob(@Schema(example = "imp-ofcbcjdxfpvmuzityfoleb7icq") String importId,
		@Schema(example = "DONE", allowableValues = {
				"RUNNING", "DONE", "FAILED", "INTERRUPTED" }) String status,
		@Schema(example = "UTF-8") String encoding, Integer rows, Integer done, Integer accepted,
		Integer alreadyPresent, Integer rejected, String createdBy, Instant createdAt, Instant finishedAt,
		Long durationMillis, Boolean rejectionsTruncated, List<Rejection> rejections){

	/**
	 * A rejected row.
	 *
	 * @param line its line in the file
	 * @param field the field at fault
	 * @param rule the rule it breaks
	 * @param message why, in the reader's language
	 */
	@Schema(name = "ImportRejection")
	public record Rejection(Integer line, @Schema(example = "effectiveDate") String field, String rule,
			String message) {
	}

}
