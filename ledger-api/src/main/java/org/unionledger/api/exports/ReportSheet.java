package org.unionledger.api.exports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.unionledger.jurisdiction.JurisdictionLevel;

/**
 * A signed annual report as a person reads it, printed or in a spreadsheet: its facts and
 * digests, and every signed figure with its label in the reader's language, amounts in
 * yuan.
 *
 * @param language the language of the labels ({@code zh-CN} or {@code en})
 * @param title the sheet's title
 * @param code the jurisdiction's code
 * @param name its name
 * @param level its level
 * @param statisticalYear the year
 * @param version the signed version shown (the latest)
 * @param signedAt when it was signed
 * @param signedBy who signed it
 * @param comment the signer's remark
 * @param globalPosition the position its figures were computed at
 * @param sealedThrough the position the seal covered
 * @param reportDigest the version's digest
 * @param previousReportDigest the digest of the version it amends
 * @param sealDigest the seal's chain hash at {@code sealedThrough}
 * @param children the reports of the level below as this version includes them
 * @param lines the signed figures, labelled, in the order of their names
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportSheet(String language, String title, String code, String name, JurisdictionLevel level,
		int statisticalYear, int version, Instant signedAt, String signedBy, String comment, long globalPosition,
		long sealedThrough, String reportDigest, String previousReportDigest, String sealDigest, List<Child> children,
		List<Line> lines) {

	/**
	 * A report of the level below as the signed version includes it.
	 *
	 * @param code the unit's code
	 * @param name its name
	 * @param status {@code SIGNED} or {@code EXEMPT_NO_FIGURES}, in the reader's language
	 * @param version its signed version, when signed
	 * @param reportDigest that version's digest, when signed
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "ReportSheetChild")
	public record Child(String code, String name, String status, Integer version, String reportDigest) {
	}

	/**
	 * One signed figure.
	 *
	 * @param figure its name in the API ({@code heldServices.amountFen})
	 * @param label its name for people
	 * @param unit {@code 元} / {@code yuan} for an amount, else absent
	 * @param value the signed value; an amount in yuan with two decimals
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "ReportSheetLine")
	public record Line(String figure, String label, String unit, BigDecimal value) {
	}

}
