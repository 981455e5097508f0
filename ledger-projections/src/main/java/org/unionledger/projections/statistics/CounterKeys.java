package org.unionledger.projections.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code _id}s of the dated counter documents. Counts are kept as deltas in a
 * hierarchy of buckets per scope, so that any prefix sum over dates is a handful of
 * {@code _id}s, whatever the number of members or events, and every document stays small:
 * <ul>
 * <li>by effective date: {@code <scope>|e|x|<decade>} ({@code 202} is 2020–2029),
 * {@code |e|y|<year>}, {@code |e|m|<year-month>}, {@code |e|d|<date>}, and {@code |e|pre}
 * for anything before 1900; each holds {@code c: {figure: delta}}. Each delta is added to
 * its decade, year, month and day bucket. Everything effective on or before {@code A} is
 * the sum of the earlier decades, the earlier years of A's decade, the earlier months of
 * A's year and the days of A's month up to A: at most 1 + 12 + 9 + 11 + 31 = 64
 * documents.</li>
 * <li>by statistical year: {@code <scope>|sy|<year>}, the whole year's deltas in one
 * document (rankings read one per sibling).</li>
 * <li>late entries by recorded date: a delta whose recorded date (in the ledger's zone)
 * lies after its effective date is also added under the year, month and day of its
 * recorded date ({@code <scope>|l|y|<year>}, {@code |l|m|<month>}, {@code |l|d|<date>}),
 * each split in a totals document by effective month ({@code …|t}: {@code e: {month:
 * {figure: delta}}}) and one detail document per effective month by effective day
 * ({@code …|m|<month>}: {@code e: {date: {figure: delta}}}). Everything recorded after
 * day {@code K} and effective on or before {@code B} is, over the later days of K's
 * month, the later months of K's year and the later years: the totals of the months
 * before B's month plus the details of B's month up to B — three documents per recorded
 * bucket.</li>
 * </ul>
 */
final class CounterKeys {

	/** Dates before this fall into the {@code pre} buckets. */
	static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);

	private CounterKeys() {
	}

	/** The buckets a delta effective on {@code date} is added to (without the year's). */
	static List<String> effective(String scope, LocalDate date) {
		return buckets(scope, "e", date);
	}

	/**
	 * The recorded-date buckets of a late delta recorded on {@code date}: prefixes of
	 * their totals ({@link #totals}) and detail ({@link #detail}) documents.
	 */
	static List<String> late(String scope, LocalDate recorded) {
		String prefix = scope + "|l|";
		return List.of(prefix + "y|" + recorded.getYear(), prefix + "m|" + YearMonth.from(recorded),
				prefix + "d|" + recorded);
	}

	/** The document of a recorded bucket holding its late deltas by effective month. */
	static String totals(String bucket) {
		return bucket + "|t";
	}

	/**
	 * The document of a recorded bucket holding its late deltas of one effective month by
	 * effective day.
	 */
	static String detail(String bucket, YearMonth effectiveMonth) {
		return bucket + "|m|" + effectiveMonth;
	}

	static String statisticalYear(String scope, int year) {
		return scope + "|sy|" + year;
	}

	private static List<String> buckets(String scope, String kind, LocalDate date) {
		String prefix = scope + "|" + kind + "|";
		if (date.isBefore(EPOCH)) {
			return List.of(prefix + "pre");
		}
		return List.of(prefix + "x|" + decade(date.getYear()), prefix + "y|" + date.getYear(),
				prefix + "m|" + YearMonth.from(date), prefix + "d|" + date);
	}

	/**
	 * The effective-date buckets that together hold every delta effective on or before
	 * {@code date}.
	 * @throws IllegalArgumentException for a date before 1899-12-31 (the {@code pre}
	 * bucket cannot be split)
	 */
	static List<String> upTo(String scope, LocalDate date) {
		String prefix = scope + "|e|";
		if (date.isBefore(EPOCH.minusDays(1))) {
			throw new IllegalArgumentException("figures are kept by date from " + EPOCH + " on");
		}
		List<String> keys = new ArrayList<>(64);
		keys.add(prefix + "pre");
		if (date.isBefore(EPOCH)) {
			return keys;
		}
		int year = date.getYear();
		for (int decade = decade(EPOCH.getYear()); decade < decade(year); decade++) {
			keys.add(prefix + "x|" + decade);
		}
		for (int y = decade(year) * 10; y < year; y++) {
			keys.add(prefix + "y|" + y);
		}
		for (int month = 1; month < date.getMonthValue(); month++) {
			keys.add(prefix + "m|" + YearMonth.of(year, month));
		}
		for (int day = 1; day <= date.getDayOfMonth(); day++) {
			keys.add(prefix + "d|" + date.withDayOfMonth(day));
		}
		return keys;
	}

	/**
	 * The recorded-date buckets (prefixes, see {@link #late}) that together hold every
	 * late delta recorded after day {@code known} and on or before the end of
	 * {@code horizon}'s year.
	 */
	static List<String> recordedAfter(String scope, LocalDate known, LocalDate horizon) {
		String prefix = scope + "|l|";
		List<String> keys = new ArrayList<>(64);
		for (LocalDate day = known.plusDays(1); day.getMonth() == known.getMonth(); day = day.plusDays(1)) {
			keys.add(prefix + "d|" + day);
		}
		for (int month = known.getMonthValue() + 1; month <= 12; month++) {
			keys.add(prefix + "m|" + YearMonth.of(known.getYear(), month));
		}
		for (int year = known.getYear() + 1; year <= horizon.getYear(); year++) {
			keys.add(prefix + "y|" + year);
		}
		return keys;
	}

	private static int decade(int year) {
		return year / 10;
	}

	/**
	 * Global positions per drill-down index document of one day: at most this many
	 * positions (about 15 bytes each in BSON, so at most about 30 KB) share a document.
	 * Every batch that records events of a day rewrites that day's newest document: an
	 * import of one effective day rewrote up to 250 KB per scope and batch with windows
	 * of 16,384.
	 */
	static final long INDEX_WINDOW = 1L << 11;

	/** The window of global positions an event's index entries go to. */
	static long indexWindow(long position) {
		return position / INDEX_WINDOW;
	}

	/**
	 * The drill-down index document of a scope, effective day, recorded day and window of
	 * global positions: each batch appends to the documents of the days and window it
	 * records, so none grows past one window's positions.
	 */
	static String indexDay(String scope, LocalDate effective, LocalDate recorded, long window) {
		return scope + "|i|d|" + effective + "|" + recorded + "|" + window;
	}

	/**
	 * The drill-down index document of a scope and effective month: per day the number of
	 * entries per figure and the recorded days holding them.
	 */
	static String indexMonth(String scope, YearMonth month) {
		return scope + "|i|m|" + month;
	}

}
