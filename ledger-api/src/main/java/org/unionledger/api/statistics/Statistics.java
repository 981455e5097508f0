package org.unionledger.api.statistics;

import java.time.LocalDate;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.unionledger.projections.statistics.StatisticsQueries.FindStatistics;
import org.unionledger.projections.statistics.StatisticsView;

/**
 * The statistics query the statistics, targets, summary and annual-report routes share: a
 * scope's figures as of an effective date and as known at a recorded day, after the
 * checks every statistics request shares.
 */
@Service
public class Statistics {

	private final QueryGateway queries;

	private final StatisticsRequests requests;

	public Statistics(QueryGateway queries, StatisticsRequests requests) {
		this.queries = queries;
		this.requests = requests;
	}

	/**
	 * The scope's figures.
	 * @param scope a statistics scope ({@code ScopeKeys.jurisdiction} or
	 * {@code ScopeKeys.union})
	 * @param year the statistical year, or {@code null} for the one of {@code asOf} (or
	 * today)
	 * @param asOf stocks as of this day, flows up to it; {@code null}: today
	 * @param knownAt only what had been recorded by the end of this day; {@code null}:
	 * everything
	 * @throws org.unionledger.api.problems.ApiException 422 for a future date or a year
	 * out of range
	 */
	public StatisticsView of(String scope, Integer year, LocalDate asOf, LocalDate knownAt) {
		LocalDate effective = this.requests.pastDate(asOf, "asOf");
		LocalDate known = this.requests.pastDate(knownAt, "knownAt");
		int statisticalYear = this.requests.year(year, effective);
		return this.queries
			.query(new FindStatistics(scope, statisticalYear, effective, known),
					ResponseTypes.instanceOf(StatisticsView.class))
			.join();
	}

}
