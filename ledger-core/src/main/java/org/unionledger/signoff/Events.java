package org.unionledger.signoff;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.serialization.Revision;
import org.unionledger.annualreports.ChildReport;
import org.unionledger.annualreports.ReportDigest;
import org.unionledger.annualreports.ReportId;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.JurisdictionCode;

/** Events of the sign-off feature. */
public final class Events {

	private Events() {
	}

	/**
	 * A jurisdiction's yearly statistics report was signed off, as version
	 * {@code version}; a later version amends (never edits) the earlier one and names its
	 * digest in {@code previousReportDigest}. {@code reportDigest} is
	 * {@link ReportDigest#of} over every field but the comment, the time and the signer.
	 */
	@Revision("1")
	public record AnnualReportSignedOff(ReportId reportId, JurisdictionCode jurisdictionCode, int statisticalYear,
			int version, Map<String, Long> figures, long globalPosition, long sealedThrough, String sealDigest,
			List<ChildReport> children, String previousReportDigest, String reportDigest, String comment,
			Instant recordedAt, RecordedBy signedBy) implements AnnualReportEvent {
	}

}
