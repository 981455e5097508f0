package org.unionledger.projections.statistics;

import java.time.LocalDate;

/**
 * How one event changed one figure of one jurisdiction, effective on one day (netted over
 * the event's deltas).
 *
 * @param scope {@code J:<code>}
 * @param figure the figure's name (see {@link Figures})
 * @param effective the effective date of the change
 * @param amount how much the figure changes (amounts in fen)
 */
public record FigureChange(String scope, String figure, LocalDate effective, long amount) {
}
