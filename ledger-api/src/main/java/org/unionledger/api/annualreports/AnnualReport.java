package org.unionledger.api.annualreports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.unionledger.jurisdiction.JurisdictionLevel;
import org.unionledger.projections.annualreports.AnnualReportView;
import org.unionledger.annualreports.ChildReport;

/**
 * A jurisdiction's yearly statistics report: its latest signed version (absent fields
 * while it is not signed) and the status of every report directly below it.
 *
 * @param code the jurisdiction's code
 * @param name its name
 * @param level its level
 * @param statisticalYear the year
 * @param status {@code SIGNED} or {@code NOT_SIGNED}
 * @param version the latest signed version
 * @param signedAt when it was signed
 * @param signedBy who signed it
 * @param comment the signer's remark
 * @param globalPosition the position its figures were computed at
 * @param sealedThrough the position the seal covered
 * @param sealDigest the seal's chain hash at {@code sealedThrough}
 * @param reportDigest the version's digest
 * @param previousReportDigest the digest of the version it amends
 * @param figures the signed figures by name
 * @param includedChildren the reports of the level below as this version includes them
 * @param versions every version, oldest first
 * @param flagsVisible whether this reader may see the report's change flags
 * @param openFlags how many flags are open (when visible)
 * @param flags the flags, in the order raised (when visible)
 * @param children the reports directly below, as they stand now
 * @param childrenReady whether every report below is signed or exempt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnnualReport(String code, String name, JurisdictionLevel level, int statisticalYear, String status,
		Integer version, Instant signedAt, String signedBy, String comment, Long globalPosition, Long sealedThrough,
		String sealDigest, String reportDigest, String previousReportDigest, Map<String, Long> figures,
		List<ChildReport> includedChildren, List<AnnualReportView.Version> versions, Boolean flagsVisible,
		Integer openFlags, List<ReportFlag> flags, List<ChildStatus> children, boolean childrenReady) {

	/**
	 * A report directly below, as it stands now.
	 *
	 * @param code the child jurisdiction's code
	 * @param name its name
	 * @param level its level
	 * @param status {@code SIGNED}, {@code EXEMPT_NO_FIGURES} or {@code NOT_SIGNED}
	 * @param version its latest signed version
	 * @param globalPosition the position that version's figures were computed at
	 * @param reportDigest that version's digest
	 * @param signedAt when it was signed
	 * @param openFlags how many of its flags are open (when this reader may see them)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ChildStatus(String code, String name, JurisdictionLevel level, String status, Integer version,
			Long globalPosition, String reportDigest, Instant signedAt, Integer openFlags) {
	}

}
