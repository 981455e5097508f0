package org.unionledger.api.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of the events behind a figure, for auditors.
 *
 * @param scope the scope's statistics key
 * @param figure the figure's drill-down name
 * @param from the first day counted
 * @param to the last day counted
 * @param knownAt the recorded day the events are limited to, absent without it
 * @param total how many events lie behind the figure
 * @param page this page's number, from 0
 * @param size the page size
 * @param openingBalance for a stock: its value on the day before {@code from}, absent for
 * a flow
 * @param events the page's events in the order they were recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureEvents(String scope, String figure, LocalDate from, LocalDate to, LocalDate knownAt, long total,
		int page, int size, Long openingBalance, List<FigureEvent> events) {

	/**
	 * A recorded event.
	 *
	 * @param position its global position
	 * @param type its type (simple class name)
	 * @param aggregateId the aggregate it belongs to
	 * @param sequence its sequence number in that aggregate
	 * @param payload its fields as recorded; encrypted personal data shows as
	 * {@code [encrypted]}, credential codes are masked unless the reader acts for their
	 * unions
	 * @param nameMasked the person's name masked, for an event carrying personal data
	 * read by someone who may read the members of the union it names; absent otherwise
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FigureEvent(long position, String type, String aggregateId, Long sequence,
			@Schema(description = "the event's fields as recorded",
					additionalPropertiesSchema = Object.class) Map<String, Object> payload,
			@Schema(example = "张*") String nameMasked) {
	}

}
