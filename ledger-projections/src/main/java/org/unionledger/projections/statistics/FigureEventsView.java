package org.unionledger.projections.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * A page of the events behind a figure, as global positions.
 *
 * @param scope the scope
 * @param figure the figure
 * @param from first effective day covered
 * @param to last effective day covered
 * @param total events behind the figure in the period
 * @param page this page, from 0
 * @param size page size
 * @param positions the events' global positions, by effective date then position
 * @param openingBalance for a stock, its value the day before {@code from}; otherwise
 * {@code null}
 */
public record FigureEventsView(String scope, String figure, LocalDate from, LocalDate to, long total, int page,
		int size, List<Long> positions, Long openingBalance) {

}
