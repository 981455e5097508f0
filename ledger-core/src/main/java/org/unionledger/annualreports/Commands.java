package org.unionledger.annualreports;

import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.JurisdictionCode;

/** Commands of the sign-off feature. */
public final class Commands {

	private Commands() {
	}

	/**
	 * Sign off (or sign again, amended) the yearly statistics report of a jurisdiction.
	 * The caller computed the figures from the read models at {@code globalPosition}
	 * (stocks as of the year's last day, flows over the year, everything recorded up to
	 * that position) and sealed the event store through {@code sealedThrough}, whose
	 * chain hash is {@code sealDigest}. {@code reportId} must be
	 * {@code ReportId.of(jurisdictionCode, statisticalYear)}.
	 *
	 * @param reportId the report
	 * @param jurisdictionCode its jurisdiction
	 * @param statisticalYear its year
	 * @param figures every non-zero figure by name (amounts in fen)
	 * @param globalPosition the last global position the figures include
	 * @param sealedThrough the last position the seal covers
	 * @param sealDigest the seal's chain hash at {@code sealedThrough} (SHA-256, hex)
	 * @param children one entry per jurisdiction directly below
	 * @param flaggedChildren those of the signed children whose report has open change
	 * flags at {@code globalPosition} (a later event changed a figure they signed)
	 * @param comment the signer's remark, or {@code null}
	 * @param signedBy the signer
	 */
	public record SignOffAnnualReport(@TargetAggregateIdentifier ReportId reportId, JurisdictionCode jurisdictionCode,
			int statisticalYear, Map<String, Long> figures, long globalPosition, long sealedThrough, String sealDigest,
			List<ChildReport> children, List<JurisdictionCode> flaggedChildren, String comment, RecordedBy signedBy) {
	}

}
