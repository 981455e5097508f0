package org.unionledger.api.supervision;

import java.util.List;

import org.unionledger.projections.supervision.Finding;

/**
 * The findings of a scope in a statistical year, other unions outside the reader's scope
 * masked.
 *
 * @param scope {@code J:<code>} or {@code U:<unionId>}
 * @param statisticalYear the year
 * @param count how many findings
 * @param findings the findings
 */
public record FindingList(String scope, int statisticalYear, int count, List<Finding> findings) {
}
