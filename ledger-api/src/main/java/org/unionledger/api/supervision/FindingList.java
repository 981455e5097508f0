package org.unionledger.api.supervision;

import java.util.List;
import java.util.Map;

import org.unionledger.projections.supervision.Finding;

/**
 * One page of the findings of a scope in a statistical year, filtered by kind and status,
 * other unions outside the reader's scope masked, with the names a reader needs instead
 * of ids: of the unions and jurisdictions the page names and of its members (masked).
 *
 * @param scope {@code J:<code>} or {@code U:<unionId>}
 * @param statisticalYear the year
 * @param count how many findings match the filters (on every page)
 * @param page the page, from 0
 * @param size findings per page
 * @param byStatus how many findings of the kind asked for are in each status (before the
 * status filter)
 * @param findings the findings on this page, oldest first
 * @param unionNames the name of each union this page names (within the reader's scope)
 * @param jurisdictionNames the name of each jurisdiction this page names
 * @param memberNames each member's name on this page, masked ({@code 张*}), or
 * {@code [erased]}
 */
public record FindingList(String scope, int statisticalYear, int count, int page, int size,
		Map<FindingStatus, Integer> byStatus, List<Finding> findings, Map<String, String> unionNames,
		Map<String, String> jurisdictionNames, Map<String, String> memberNames) {
}
