package org.unionledger.api.annualreports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.problems.ApiException;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionLevel;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.annualreports.AnnualReportView;
import org.unionledger.projections.annualreports.FindAnnualReports;
import org.unionledger.projections.annualreports.SignedReports;
import org.unionledger.statistics.StatisticalCalendar;

/**
 * Backdating into a signed year: a dated action whose effective date lies on or before
 * the last day of a statistical year whose report is signed changes that report's figures
 * (a stock as of the year's last day, or a flow of the year), so the annual-report
 * projection flags it. Such an action goes ahead only when the person confirms it, having
 * been told which reports it will flag: the county's (or zone's) and every level above
 * it, for every signed year from the effective date's on.
 */
@Service
public class Backdating {

	private final QueryGateway queries;

	private final JurisdictionTable jurisdictions;

	private final StatisticalCalendar calendar;

	private final Clock clock;

	public Backdating(QueryGateway queries, JurisdictionTable jurisdictions, StatisticalCalendar calendar,
			Clock clock) {
		this.queries = queries;
		this.jurisdictions = jurisdictions;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * A signed report a backdated action would flag.
	 *
	 * @param code the jurisdiction's code
	 * @param name its name
	 * @param level its level
	 * @param statisticalYear the report's year
	 * @param version its latest signed version
	 */
	public record FlaggedReport(String code, String name, JurisdictionLevel level, int statisticalYear, int version) {
	}

	/** The statistical year a day falls in (the reports it may flag start there). */
	public int statisticalYearOf(LocalDate date) {
		return this.calendar.yearOf(date);
	}

	/**
	 * The signed reports that an action of a union in this jurisdiction, effective on the
	 * day, would flag: for each ended year whose last day is on or after the day, the
	 * signed reports of the jurisdiction and its ancestors, oldest year first, province
	 * first.
	 */
	public List<FlaggedReport> reportsFlaggedBy(JurisdictionCode jurisdiction, LocalDate effectiveDate) {
		List<Jurisdiction> path = this.jurisdictions.path(jurisdiction);
		if (path.isEmpty()) {
			return List.of();
		}
		List<JurisdictionCode> codes = path.stream().map(Jurisdiction::code).toList();
		LocalDate today = LocalDate.now(this.clock);
		List<FlaggedReport> flagged = new ArrayList<>();
		for (int year = this.calendar.yearOf(effectiveDate); this.calendar.lastDay(year).isBefore(today); year++) {
			SignedReports signed = this.queries
				.query(new FindAnnualReports(codes, year), ResponseTypes.instanceOf(SignedReports.class))
				.join();
			for (Jurisdiction each : path) {
				AnnualReportView report = signed.of(each.code()).orElse(null);
				if (report != null) {
					flagged
						.add(new FlaggedReport(each.code().value(), each.name(), each.level(), year, report.version()));
				}
			}
		}
		return flagged;
	}

	/**
	 * Refuses an unconfirmed action that would flag signed reports: 409
	 * {@code BACKDATED_INTO_SIGNED_YEAR} naming the field and listing the reports
	 * ({@code reports}); nothing is sent.
	 */
	public void requireConfirmed(JurisdictionCode jurisdiction, LocalDate effectiveDate, boolean confirmed,
			String field) {
		if (confirmed || effectiveDate == null) {
			return;
		}
		List<FlaggedReport> flagged = reportsFlaggedBy(jurisdiction, effectiveDate);
		if (!flagged.isEmpty()) {
			throw ApiException
				.of(Rule.BACKDATED_INTO_SIGNED_YEAR, field,
						refusal(field, effectiveDate, flagged)
								+ ": send it again with confirmBackdating=true to go ahead")
				.with("reports", flagged);
		}
	}

	/**
	 * Why a change dated {@code effectiveDate} waits for confirmation, naming the reports
	 * it would flag (for the problem's detail and an import's rejected row).
	 */
	public static String refusal(String field, LocalDate effectiveDate, List<FlaggedReport> flagged) {
		return field + " " + effectiveDate + " lies in a statistical year whose report is signed; it would flag "
				+ flagged.stream()
					.map((report) -> report.name() + " " + report.statisticalYear() + " v" + report.version())
					.collect(java.util.stream.Collectors.joining(", "));
	}

}
