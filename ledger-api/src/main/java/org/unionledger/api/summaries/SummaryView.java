package org.unionledger.api.summaries;

import java.math.BigDecimal;

import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.projections.summary.SummaryDocument;

/**
 * The figures of a union or jurisdiction as the API shows them. {@code activeMembers} and
 * {@code onHold} are counts now; the rest belong to {@code statisticalYear}.
 *
 * @param statisticalYear the statistical year of the yearly figures
 * @param activeMembers members counted here now
 * @param onHold members on hold here now
 * @param newEnrollments first enrollments in the year
 * @param reEnrollments re-enrollments in the year
 * @param transfersIn transfers into this scope in the year
 * @param transfersOut transfers out of this scope in the year
 * @param terminations memberships ended in the year
 * @param servicePersonTimes person-times served in the year
 * @param serviceAmountYuan yuan spent on services in the year
 */
public record SummaryView(int statisticalYear, long activeMembers, long onHold, long newEnrollments, long reEnrollments,
		long transfersIn, long transfersOut, long terminations, long servicePersonTimes, BigDecimal serviceAmountYuan) {

	/**
	 * The same fields from the statistics' dated counters (amounts kept in fen there).
	 */
	static SummaryView of(StatisticsView s) {
		return new SummaryView(s.statisticalYear(), s.figure(Figures.ACTIVE), s.figure(Figures.ON_HOLD),
				s.figure(Figures.NEW), s.figure(Figures.RE), s.figure(Figures.TRANSFERS_IN),
				s.figure(Figures.TRANSFERS_OUT), s.figure(Figures.TERMINATIONS),
				s.figure(Figures.of(Figures.SERVICES, Figures.PERSON_TIMES)),
				BigDecimal.valueOf(s.figure(Figures.of(Figures.SERVICES, Figures.AMOUNT_FEN)), 2));
	}

	static SummaryView of(SummaryDocument d) {
		return new SummaryView(d.statisticalYear(), d.activeMembers(), d.onHold(), d.newEnrollments(),
				d.reEnrollments(), d.transfersIn(), d.transfersOut(), d.terminations(), d.servicePersonTimes(),
				d.serviceAmountYuan());
	}

}
