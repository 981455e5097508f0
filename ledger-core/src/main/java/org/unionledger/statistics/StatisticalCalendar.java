package org.unionledger.statistics;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The statistical year that figures are reported in. ACFTU's year runs 1 October to 30
 * September; a year is named after the calendar year it ends in, so statistical year 2026
 * runs 2025-10-01 to 2026-09-30. With a start of 1 January it is the calendar year.
 *
 * @param start the first day of every statistical year
 */
public record StatisticalCalendar(MonthDay start) {

	/** The ACFTU default: 1 October to 30 September. */
	public static final StatisticalCalendar ACFTU = new StatisticalCalendar(MonthDay.of(10, 1));

	public StatisticalCalendar {
		if (start == null || start.equals(MonthDay.of(2, 29))) {
			throw new IllegalArgumentException("a statistical year needs a start day that every year has");
		}
	}

	/** The name of the statistical year the date falls in. */
	public int yearOf(LocalDate date) {
		if (this.start.equals(MonthDay.of(1, 1))) {
			return date.getYear();
		}
		return MonthDay.from(date).isBefore(this.start) ? date.getYear() : date.getYear() + 1;
	}

	/** First day of the named statistical year. */
	public LocalDate firstDay(int year) {
		return this.start.equals(MonthDay.of(1, 1)) ? LocalDate.of(year, 1, 1) : this.start.atYear(year - 1);
	}

	/** Last day of the named statistical year. */
	public LocalDate lastDay(int year) {
		return firstDay(year + 1).minusDays(1);
	}

}
