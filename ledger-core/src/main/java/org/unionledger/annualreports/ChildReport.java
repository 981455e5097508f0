package org.unionledger.annualreports;

import org.unionledger.jurisdiction.JurisdictionCode;

/**
 * A report of the level below as its parent's report includes it.
 *
 * @param code the child jurisdiction
 * @param status signed, or exempt for want of figures
 * @param version the child's signed version (from 1); 0 when exempt
 * @param globalPosition the position the child's figures were computed at; 0 when exempt
 * @param reportDigest the child's report digest (SHA-256, hex); {@code null} when exempt
 */
public record ChildReport(JurisdictionCode code, ChildReportStatus status, int version, long globalPosition,
		String reportDigest) {

	public static ChildReport signed(JurisdictionCode code, int version, long globalPosition, String reportDigest) {
		return new ChildReport(code, ChildReportStatus.SIGNED, version, globalPosition, reportDigest);
	}

	public static ChildReport exempt(JurisdictionCode code) {
		return new ChildReport(code, ChildReportStatus.EXEMPT_NO_FIGURES, 0, 0, null);
	}

}
