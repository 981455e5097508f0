package org.unionledger.api.statistics;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionId;

/**
 * Checks of the parameters every statistics request shares, before anything is read:
 * known jurisdictions and unions, plausible years, dates that are not in the future.
 */
@Component
public class StatisticsRequests {

	static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);

	private final JurisdictionTable jurisdictions;

	private final UnionDirectory unions;

	private final StatisticalCalendar calendar;

	private final Clock clock;

	public StatisticsRequests(JurisdictionTable jurisdictions, UnionDirectory unions, StatisticalCalendar calendar,
			Clock clock) {
		this.jurisdictions = jurisdictions;
		this.unions = unions;
		this.calendar = calendar;
		this.clock = clock;
	}

	public Jurisdiction jurisdiction(String code) {
		if (code == null || !code.matches("\\d{2}|\\d{4}|\\d{6}")) {
			throw ApiException.of(Rule.JURISDICTION_UNKNOWN, "code", "a jurisdiction code has 2, 4 or 6 digits");
		}
		return this.jurisdictions.find(JurisdictionCode.of(code))
			.orElseThrow(() -> ApiException.of(Rule.JURISDICTION_UNKNOWN, "code",
					"no jurisdiction with this code in table " + this.jurisdictions.version()));
	}

	public UnionId union(String unionId) {
		return Ids.union(unionId)
			.filter((u) -> this.unions.find(u).isPresent())
			.orElseThrow(() -> ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
	}

	/** The requested year, or the statistical year of {@code asOf} (default today). */
	public int year(Integer requested, LocalDate asOf) {
		int current = this.calendar.yearOf(today());
		if (requested == null) {
			return this.calendar.yearOf((asOf != null) ? asOf : today());
		}
		if (requested < 1950 || requested > current + 1) {
			throw ApiException.of(Rule.YEAR_OUT_OF_RANGE, "year", "year must lie between 1950 and " + (current + 1));
		}
		return requested;
	}

	/** A date of the past (or today) from 1 October 1949 on, or {@code null}. */
	public LocalDate pastDate(LocalDate date, String field) {
		if (date == null) {
			return null;
		}
		Ids.requireNotFuture(date, this.clock, field);
		if (date.isBefore(EARLIEST)) {
			throw ApiException.of(Rule.DATE_OUT_OF_RANGE, field, field + " must not lie before " + EARLIEST);
		}
		return date;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
