package org.unionledger.projections.annualreports;

import java.util.Map;
import java.util.Optional;

import org.unionledger.jurisdiction.JurisdictionCode;

/**
 * The answer to {@link FindAnnualReports}.
 *
 * @param byCode the signed reports by jurisdiction code; unsigned ones are absent
 */
public record SignedReports(Map<String, AnnualReportView> byCode) {

	public Optional<AnnualReportView> of(JurisdictionCode code) {
		return Optional.ofNullable(this.byCode.get(code.value()));
	}

}
