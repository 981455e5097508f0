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
 * {@code |e|y|<year>}, {@code |e|m|<year-month>}, and {@code |e|pre} for anything before
 * 1900; each holds {@code c: {figure: delta}}, and a month's document also holds its days
 * ({@code d: {"<day of month>": {figure: delta}}}, the day as two digits). Each delta is
 * added to its decade, year and month bucket and to its day in the month's. Everything
 * effective on or before {@code A} is the sum of the earlier decades, the earlier years
 * of A's decade, the earlier months of A's year and the days of A's month up to A: at
 * most 1 + 12 + 9 + 11 + 1 = 34 documents. (Up to layout 3 each day had a document of its
 * own: a batch of events spread over many days wrote one document per day and
 * scope.)</li>
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

	/** A counter document's totals: {@code {field: delta}}. */
	static final String TOTALS = "c";

	/**
	 * An effective month's document's days: {@code {"<day of month>": {field: delta}}}.
	 */
	static final String DAYS = "d";

	/**
	 * A recorded bucket's late deltas by effective month (totals documents) or day
	 * (detail documents): {@code {"<month or date>": {field: delta}}}.
	 */
	static final String BY_EFFECTIVE = "e";

	/**
	 * An index entries document's groups: {@code {"<day of month>|<days late>":
	 * {"<field>,<field>,…": [position, …]}}}.
	 */
	static final String INDEX_GROUPS = "g";

	/** An index month's entries per day and field: {@code {"<date>": {field: count}}}. */
	static final String INDEX_COUNTS = "n";

	/** An index month's recorded days per day: {@code {"<date>": [days late, …]}}. */
	static final String INDEX_RECORDED = "r";

	/**
	 * An index month's windows per day and recorded day: {@code {"<date>|<days late>":
	 * [window, …]}}.
	 */
	static final String INDEX_WINDOWS = "w";

	/** Dates before this fall into the {@code pre} buckets. */
	static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);

	private CounterKeys() {
	}

	/**
	 * The buckets whose totals a delta effective on {@code date} is added to (without the
	 * statistical year's); the last one is the month's document ({@link #month}) unless
	 * the date lies before {@link #EPOCH}.
	 */
	static List<String> effective(String scope, LocalDate date) {
		String prefix = scope + "|e|";
		if (date.isBefore(EPOCH)) {
			return List.of(prefix + "pre");
		}
		return List.of(prefix + "x|" + decade(date.getYear()), prefix + "y|" + date.getYear(), month(scope, date));
	}

	/**
	 * The document of the effective month of {@code date}, which holds the month's total
	 * and its days ({@link #day}).
	 */
	static String month(String scope, LocalDate date) {
		return scope + "|e|m|" + YearMonth.from(date);
	}

	/** The field of a month's document ({@link #month}) holding the deltas of a day. */
	static String day(LocalDate date) {
		int day = date.getDayOfMonth();
		return (day < 10) ? "0" + day : Integer.toString(day);
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

	/**
	 * The effective-date buckets that together hold every delta effective on or before
	 * {@code date}: whole totals of all but the last, and of the last, when it is
	 * {@code date}'s month ({@link #month}), the days up to {@code date}.
	 * @throws IllegalArgumentException for a date before 1899-12-31 (the {@code pre}
	 * bucket cannot be split)
	 */
	static List<String> upTo(String scope, LocalDate date) {
		String prefix = scope + "|e|";
		if (date.isBefore(EPOCH.minusDays(1))) {
			throw new IllegalArgumentException("figures are kept by date from " + EPOCH + " on");
		}
		List<String> keys = new ArrayList<>(34);
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
		keys.add(month(scope, date));
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
	 * Global positions per drill-down index document of one effective month and recorded
	 * day: at most this many positions (about 15 bytes each in BSON, so at most about 30
	 * KB) share a document. Every batch that records events of a month rewrites that
	 * month's newest document: an import of one effective day rewrote up to 250 KB per
	 * scope and batch with windows of 16,384.
	 */
	static final long INDEX_WINDOW = 1L << 11;

	/** The window of global positions an event's index entries go to. */
	static long indexWindow(long position) {
		return position / INDEX_WINDOW;
	}

	/**
	 * The drill-down index document holding the entries of a scope, effective month and
	 * window of global positions, by effective day and recorded day ({@code g: {"<day of
	 * month>|<days late>": {"<field>,<field>,…": [position, …]}}}, see
	 * {@link #indexGroup}): each batch appends to the documents of the months and window
	 * it records, so none grows past one window's positions. (Up to layout 3 each
	 * effective day had documents of its own, up to layout 4 each recorded day too: a
	 * ledger recording on many days wrote one per event and scope.)
	 */
	static String indexEntries(String scope, LocalDate effective, long window) {
		return scope + "|i|d|" + YearMonth.from(effective) + "|" + window;
	}

	/**
	 * The group of an index document ({@link #indexEntries}) holding the entries
	 * effective on {@code effective} and recorded on {@code recorded}.
	 */
	static String indexGroup(LocalDate effective, LocalDate recorded) {
		return day(effective) + "|" + (recorded.toEpochDay() - effective.toEpochDay());
	}

	/**
	 * The drill-down index document of a scope and effective month: per day the number of
	 * entries per figure and the recorded days holding them.
	 */
	static String indexMonth(String scope, YearMonth month) {
		return scope + "|i|m|" + month;
	}

	/**
	 * The unions that moved into or out of a jurisdiction scope ({@code m: [{u: union
	 * scope, e: effective day, r: recorded day, s: +1 in, −1 out}]}): from a move's day
	 * the union's stocks as of the day before count at the scope it moved into, not at
	 * the one it left (see {@link StatisticsQueryHandler}). Read with the counters.
	 */
	static String moves(String scope) {
		return scope + "|mv";
	}

}
