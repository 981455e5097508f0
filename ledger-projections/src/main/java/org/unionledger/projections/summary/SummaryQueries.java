package org.unionledger.projections.summary;

import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.union.UnionId;

/** Queries answered from the summary read model. */
public final class SummaryQueries {

	private SummaryQueries() {
	}

	/** Figures of one union for a statistical year. */
	public record FindUnionSummary(UnionId unionId, int statisticalYear) {
	}

	/** Figures of a province, city or county/zone for a statistical year. */
	public record FindJurisdictionSummary(JurisdictionCode code, int statisticalYear) {
	}

}
