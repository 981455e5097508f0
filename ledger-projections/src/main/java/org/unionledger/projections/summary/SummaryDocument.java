package org.unionledger.projections.summary;

import java.math.BigDecimal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.bson.Document;
import org.unionledger.projections.support.Documents;
import org.unionledger.union.UnionId;

/**
 * A union's or jurisdiction's figures for one statistical year, as read from its summary
 * document.
 *
 * @param scope {@code U:<unionId>} or {@code J:<code>}
 * @param statisticalYear the year the yearly figures belong to
 * @param activeMembers members counted here now
 * @param onHold members on hold (保留会籍) here now
 * @param newEnrollments first enrollments in the year (never transfers-in or
 * re-enrollments)
 * @param reEnrollments re-enrollments of formerly terminated members in the year
 * @param transfersIn transfers into this scope from outside it in the year
 * @param transfersOut transfers out of this scope in the year
 * @param terminations memberships ended in the year
 * @param servicePersonTimes person-times served in the year
 * @param serviceAmountYuan yuan spent on services in the year
 * @param lastPosition global position of the last event counted here
 */
public record SummaryDocument(String scope, int statisticalYear, long activeMembers, long onHold, long newEnrollments,
		long reEnrollments, long transfersIn, long transfersOut, long terminations, long servicePersonTimes,
		BigDecimal serviceAmountYuan, long lastPosition) {

	static final String ACTIVE = "activeMembers";

	static final String ON_HOLD = "onHold";

	static final String YEARS = "years";

	static final String MOVES = "mv";

	static final String NEW_ENROLLMENTS = "newEnrollments";

	static final String RE_ENROLLMENTS = "reEnrollments";

	static final String TRANSFERS_IN = "transfersIn";

	static final String TRANSFERS_OUT = "transfersOut";

	static final String TERMINATIONS = "terminations";

	static final String SERVICE_PERSON_TIMES = "servicePersonTimes";

	static final String SERVICE_AMOUNT_FEN = "serviceAmountFen";

	/** The figures of one year as read from a summary document ({@code null}: none). */
	public static SummaryDocument from(String scope, int year, Document document) {
		if (document == null) {
			return new SummaryDocument(scope, year, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2), -1);
		}
		Document years = document.get(YEARS, Document.class);
		Document y = (years != null && years.get(Integer.toString(year)) != null)
				? years.get(Integer.toString(year), Document.class) : new Document();
		return new SummaryDocument(scope, year, number(document, ACTIVE), number(document, ON_HOLD),
				number(y, NEW_ENROLLMENTS), number(y, RE_ENROLLMENTS), number(y, TRANSFERS_IN),
				number(y, TRANSFERS_OUT), number(y, TERMINATIONS), number(y, SERVICE_PERSON_TIMES),
				BigDecimal.valueOf(number(y, SERVICE_AMOUNT_FEN), 2), number(document, "lastPosition"));
	}

	/**
	 * The document of a union's move at {@code position}: the stocks of the union's
	 * events effective from the move's day.
	 */
	static String movedKey(UnionId unionId, long position) {
		return "MV:" + unionId.value() + ":" + position;
	}

	/**
	 * The figures of one year of a scope, read with {@code find} (summary documents by
	 * id): at a jurisdiction a union moved into or out of on a day up to {@code today},
	 * the union's stocks counted where it stood before move with it.
	 */
	public static SummaryDocument read(String scope, int year, LocalDate today,
			Function<Collection<String>, Map<String, Document>> find) {
		Document document = find.apply(List.of(scope)).get(scope);
		SummaryDocument summary = from(scope, year, document);
		List<Crossing> moves = (document != null) ? Documents.list(document, MOVES)
			.stream()
			.filter(Crossing::is)
			.map(Crossing::of)
			.filter((move) -> !move.effective().isAfter(today))
			.toList() : List.of();
		if (moves.isEmpty()) {
			return summary;
		}
		Set<String> ids = new LinkedHashSet<>();
		moves.forEach((move) -> {
			ids.add(move.union());
			ids.add(move.since());
		});
		Map<String, Document> found = find.apply(ids);
		long active = summary.activeMembers();
		long onHold = summary.onHold();
		for (Crossing move : moves) {
			long sign = move.sign();
			Document union = found.getOrDefault(move.union(), new Document());
			Document since = found.getOrDefault(move.since(), new Document());
			active += sign * (number(union, ACTIVE) - number(since, ACTIVE));
			onHold += sign * (number(union, ON_HOLD) - number(since, ON_HOLD));
		}
		return new SummaryDocument(scope, year, active, onHold, summary.newEnrollments(), summary.reEnrollments(),
				summary.transfersIn(), summary.transfersOut(), summary.terminations(), summary.servicePersonTimes(),
				summary.serviceAmountYuan(), summary.lastPosition());
	}

	/**
	 * A move of a union, in the union's own document (list {@value #MOVES}): {@code p}
	 * the event's global position, {@code e} the day it takes effect, {@code d} the
	 * document ({@link #movedKey}) that holds the union's stocks effective from that day.
	 *
	 * @param position the event's global position
	 * @param effective from when
	 * @param since the document of the stocks from then
	 */
	record Move(long position, LocalDate effective, String since) {

		Document toDocument() {
			return new Document("p", this.position).append("e", this.effective.toString()).append("d", this.since);
		}

		static Move of(Document entry) {
			return new Move(number(entry, "p"), LocalDate.parse(entry.getString("e")), entry.getString("d"));
		}

	}

	/**
	 * A union that moved into or out of a jurisdiction, in the jurisdiction's document
	 * (list {@value #MOVES}): {@code u} the union's document, {@code e} the day it takes
	 * effect, {@code d} the document of the union's stocks from then ({@link #movedKey}),
	 * {@code s} +1 into the jurisdiction, −1 out of it.
	 *
	 * @param union the union's summary document
	 * @param effective from when
	 * @param since the document of the union's stocks from then
	 * @param sign +1 in, −1 out
	 */
	record Crossing(String union, LocalDate effective, String since, int sign) {

		Document toDocument() {
			return new Document("u", this.union).append("e", this.effective.toString())
				.append("d", this.since)
				.append("s", this.sign);
		}

		/** Whether a stored move is a crossing (not one of a union's own moves). */
		static boolean is(Document entry) {
			return entry.containsKey("u");
		}

		static Crossing of(Document entry) {
			return new Crossing(entry.getString("u"), LocalDate.parse(entry.getString("e")), entry.getString("d"),
					(int) number(entry, "s"));
		}

	}

	private static long number(Document document, String field) {
		Object value = document.get(field);
		return (value instanceof Number n) ? n.longValue() : 0L;
	}

}
