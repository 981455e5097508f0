package org.unionledger.projections.transfers;

import java.time.LocalDate;
import java.util.List;

/**
 * The transfers of a scope: flows across city boundaries over a statistical year up to
 * {@code asOf}, and the outstanding credentials of the scope and of each listed child
 * scope as of {@code today}.
 *
 * @param scope {@code U:<unionId>} or {@code J:<code>}
 * @param children child scopes whose credentials are counted too (may be empty)
 * @param statisticalYear the year of the flows
 * @param from the year's first day
 * @param asOf the last effective day of the flows counted
 * @param today the day credentials are judged expired or not (expired: expiry date on or
 * before it)
 */
public record FindTransfers(String scope, List<String> children, int statisticalYear, LocalDate from, LocalDate asOf,
		LocalDate today) {
}
