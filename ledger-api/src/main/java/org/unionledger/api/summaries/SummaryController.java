package org.unionledger.api.summaries;

import java.time.Clock;
import java.time.LocalDate;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.statistics.Statistics;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.summary.SummaryDocument;
import org.unionledger.projections.summary.SummaryQueries.FindJurisdictionSummary;
import org.unionledger.projections.summary.SummaryQueries.FindUnionSummary;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionId;

/** Counted figures per jurisdiction and per union. */
@RestController
public class SummaryController {

	private final QueryGateway queries;

	private final JurisdictionTable jurisdictions;

	private final UnionDirectory unions;

	private final StatisticalCalendar calendar;

	private final Clock clock;

	private final Statistics statistics;

	private final AccessScopes scopes;

	public SummaryController(QueryGateway queries, JurisdictionTable jurisdictions, UnionDirectory unions,
			StatisticalCalendar calendar, Clock clock, Statistics statistics, AccessScopes scopes) {
		this.statistics = statistics;
		this.scopes = scopes;
		this.queries = queries;
		this.jurisdictions = jurisdictions;
		this.unions = unions;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Without {@code asOf} and {@code knownAt}, the summary read model answers (counts
	 * now); with either, the statistics' dated counters do, with the same fields.
	 */
	@GetMapping("/api/jurisdictions/{code}/summary")
	public SummaryView jurisdiction(@PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownAt) {
		if (code == null || !code.matches("\\d{2}|\\d{4}|\\d{6}")) {
			throw ApiException.of(Rule.JURISDICTION_UNKNOWN, "code", "a jurisdiction code has 2, 4 or 6 digits");
		}
		JurisdictionCode jurisdiction = JurisdictionCode.of(code);
		this.scopes.requireReadable(jurisdiction);
		if (this.jurisdictions.find(jurisdiction).isEmpty()) {
			throw ApiException.of(Rule.JURISDICTION_UNKNOWN, "code",
					"no jurisdiction with this code in table " + this.jurisdictions.version());
		}
		if (asOf != null || knownAt != null) {
			return SummaryView.of(this.statistics.of(ScopeKeys.jurisdiction(jurisdiction), year, asOf, knownAt));
		}
		return SummaryView.of(
				this.queries
					.query(new FindJurisdictionSummary(jurisdiction, year(year)),
							ResponseTypes.instanceOf(SummaryDocument.class))
					.join());
	}

	@GetMapping("/api/unions/{unionId}/summary")
	public SummaryView union(@PathVariable String unionId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownAt) {
		var facts = Ids.union(unionId)
			.flatMap(this.unions::find)
			.orElseThrow(() -> ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
		this.scopes.requireUnionReadable(facts);
		UnionId id = facts.placement().unionId();
		if (asOf != null || knownAt != null) {
			return SummaryView.of(this.statistics.of(ScopeKeys.union(id), year, asOf, knownAt));
		}
		return SummaryView.of(this.queries
			.query(new FindUnionSummary(id, year(year)), ResponseTypes.instanceOf(SummaryDocument.class))
			.join());
	}

	private int year(Integer requested) {
		int current = this.calendar.yearOf(LocalDate.now(this.clock));
		if (requested == null) {
			return current;
		}
		if (requested < 1949 || requested > current + 1) {
			throw ApiException.of(Rule.YEAR_OUT_OF_RANGE, "year", "year must lie between 1949 and " + (current + 1));
		}
		return requested;
	}

}
