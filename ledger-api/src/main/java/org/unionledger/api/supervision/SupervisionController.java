package org.unionledger.api.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Ids;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.supervision.FindFindings;
import org.unionledger.projections.supervision.Finding;
import org.unionledger.projections.supervision.FindingKind;
import org.unionledger.statistics.StatisticalCalendar;

/** Findings of the double-count hunt for supervisors. */
@RestController
public class SupervisionController {

	private final QueryGateway queries;

	private final JurisdictionTable jurisdictions;

	private final StatisticalCalendar calendar;

	private final Clock clock;

	public SupervisionController(QueryGateway queries, JurisdictionTable jurisdictions, StatisticalCalendar calendar,
			Clock clock) {
		this.queries = queries;
		this.jurisdictions = jurisdictions;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Findings for a jurisdiction subtree or a union in a statistical year.
	 * @param jurisdiction a 2-, 4- or 6-digit code (or use {@code unionId})
	 * @param unionId a union instead of a jurisdiction
	 * @param year the statistical year (default: the current one)
	 * @param kind only findings of this kind
	 */
	@GetMapping("/api/supervision/findings")
	public Map<String, Object> findings(@RequestParam(required = false) String jurisdiction,
			@RequestParam(required = false) String unionId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) FindingKind kind) {
		String scope;
		if (jurisdiction != null && unionId == null) {
			if (!jurisdiction.matches("\\d{2}|\\d{4}|\\d{6}")
					|| this.jurisdictions.find(JurisdictionCode.of(jurisdiction)).isEmpty()) {
				throw ApiException.notFound("JURISDICTION_UNKNOWN", "jurisdiction", "no jurisdiction with this code");
			}
			scope = "J:" + jurisdiction;
		}
		else if (unionId != null && jurisdiction == null) {
			scope = "U:" + Ids.requireUnion(unionId, "unionId").value();
		}
		else {
			throw ApiException.invalid("SCOPE_REQUIRED", "jurisdiction",
					"give exactly one of jurisdiction and unionId");
		}
		int current = this.calendar.yearOf(LocalDate.now(this.clock));
		int statisticalYear = (year != null) ? year : current;
		if (statisticalYear < 1949 || statisticalYear > current + 1) {
			throw ApiException.invalid("YEAR_OUT_OF_RANGE", "year", "year must lie between 1949 and " + (current + 1));
		}
		List<Finding> findings = this.queries
			.query(new FindFindings(scope, statisticalYear, kind), ResponseTypes.multipleInstancesOf(Finding.class))
			.join();
		return Map.of("scope", scope, "statisticalYear", statisticalYear, "count", findings.size(), "findings",
				findings);
	}

}
