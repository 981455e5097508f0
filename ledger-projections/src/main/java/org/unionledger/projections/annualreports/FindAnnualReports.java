package org.unionledger.projections.annualreports;

import java.util.List;

import org.unionledger.jurisdiction.JurisdictionCode;

/**
 * The signed reports of some jurisdictions for one statistical year, answered as a map by
 * code (unsigned ones absent).
 *
 * @param codes the jurisdictions
 * @param statisticalYear the year
 */
public record FindAnnualReports(List<JurisdictionCode> codes, int statisticalYear) {
}
