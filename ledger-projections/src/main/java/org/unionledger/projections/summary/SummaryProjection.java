package org.unionledger.projections.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.membership.Events.EnrollmentReclassifiedAsTransferIn;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.union.Events.UnionMoved;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.support.Documents;
import org.unionledger.statistics.StatisticalCalendar;

/**
 * Counts per union and per jurisdiction (county or zone, city, province): members active
 * and on hold now, and per statistical year the new enrollments, re-enrollments,
 * transfers in and out across the scope's boundary, terminations, and services delivered.
 * A transfer-in is never a new enrollment. Each document remembers the last event applied
 * to it, so handling an event twice changes nothing.
 * <p>
 * Unions that moved to another jurisdiction: each event counts at the jurisdictions its
 * union stood under on its effective day. A move lists itself on the union's document
 * ({@code mv: [{p, e, d}]}) and on each jurisdiction it leaves or enters ({@code mv: [{u,
 * e, d, s}]}, {@code s} −1 or +1), and keeps in its own document ({@code d}) the stocks
 * of the union's events effective from its day; once that day has come, the union's
 * stocks counted where it stood before (its stocks now less those) count where it stands
 * ({@link SummaryDocument#read}).
 */
@ProcessingGroup(SummaryProjection.PROCESSING_GROUP)
public class SummaryProjection {

	public static final String PROCESSING_GROUP = "summaries";

	public static final String COLLECTION = "rm_summaries";

	private final MongoDatabase database;

	private final StatisticalCalendar calendar;

	public SummaryProjection(MongoDatabase database, StatisticalCalendar calendar) {
		this.database = database;
		this.calendar = calendar;
	}

	/** Before a replay from the first event, forget every figure. */
	@ResetHandler
	void reset() {
		this.database.getCollection(COLLECTION).drop();
	}

	@EventHandler
	void on(UnionMoved event, TrackingToken token) {
		long position = EventPositions.of(token);
		UnionPlacement to = event.placement();
		String union = SummaryKeys.union(to.unionId());
		String moved = SummaryDocument.movedKey(to.unionId(), position);
		LocalDate effective = event.effectiveDate();
		ReadModelBatch batch = ReadModelBatch.current();
		SummaryDocument.Move own = new SummaryDocument.Move(position, effective, moved);
		batch.apply(COLLECTION, union, position, (d) -> Documents.list(d, SummaryDocument.MOVES).add(own.toDocument()));
		ScopeKeys.crossed(to.unionId(), event.previousJurisdictionCode(), to.jurisdictionCode(),
				(key, sign) -> batch.apply(COLLECTION, key, position, (d) -> Documents.list(d, SummaryDocument.MOVES)
					.add(new SummaryDocument.Crossing(union, effective, moved, sign).toDocument())));
	}

	/**
	 * Applies a change of the union's stocks effective on {@code effective} to each move
	 * of the union recorded before this event that takes effect on or before that day.
	 */
	private static void carry(UnionId unionId, LocalDate effective, TrackingToken token, Consumer<Document> change) {
		long position = EventPositions.of(token);
		ReadModelBatch batch = ReadModelBatch.current();
		for (Document entry : Documents
			.before(batch.field(COLLECTION, SummaryKeys.union(unionId), SummaryDocument.MOVES), position)) {
			SummaryDocument.Move move = SummaryDocument.Move.of(entry);
			if (!effective.isBefore(move.effective())) {
				batch.apply(COLLECTION, move.since(), position, change);
			}
		}
	}

	@EventHandler
	void on(MemberEnrolled event, TrackingToken token) {
		change(SummaryKeys.chain(event.union()), token,
				d -> incYear(d, event.effectiveDate(), SummaryDocument.NEW_ENROLLMENTS, 1),
				d -> inc(d, SummaryDocument.ACTIVE, 1));
		carry(event.union().unionId(), event.effectiveDate(), token, d -> inc(d, SummaryDocument.ACTIVE, 1));
	}

	@EventHandler
	void on(MemberReEnrolled event, TrackingToken token) {
		change(SummaryKeys.chain(event.union()), token,
				d -> incYear(d, event.effectiveDate(), SummaryDocument.RE_ENROLLMENTS, 1),
				d -> inc(d, SummaryDocument.ACTIVE, 1));
		carry(event.union().unionId(), event.effectiveDate(), token, d -> inc(d, SummaryDocument.ACTIVE, 1));
	}

	/**
	 * A confirmed double count corrected: the first enrollment counts as a transfer in
	 * from outside the ledger, in the year it took effect; the active count stays.
	 */
	@EventHandler
	void on(EnrollmentReclassifiedAsTransferIn event, TrackingToken token) {
		change(SummaryKeys.chain(event.union()), token,
				d -> incYear(d, event.effectiveDate(), SummaryDocument.NEW_ENROLLMENTS, -1),
				d -> incYear(d, event.effectiveDate(), SummaryDocument.TRANSFERS_IN, 1));
	}

	@EventHandler
	void on(TransferAccepted event, TrackingToken token) {
		List<String> from = SummaryKeys.chain(event.fromUnion());
		List<String> to = SummaryKeys.chain(event.toUnion());
		long position = EventPositions.of(token);
		ReadModelBatch batch = ReadModelBatch.current();
		// Only scopes the member actually leaves or enters see a transfer; a move inside
		// a
		// city changes nothing at the city and province.
		for (String key : from) {
			if (!to.contains(key)) {
				batch.apply(COLLECTION, key, position, d -> {
					inc(d, SummaryDocument.ACTIVE, -1);
					incYear(d, event.effectiveDate(), SummaryDocument.TRANSFERS_OUT, 1);
				});
			}
		}
		for (String key : to) {
			if (!from.contains(key)) {
				batch.apply(COLLECTION, key, position, d -> {
					inc(d, SummaryDocument.ACTIVE, 1);
					incYear(d, event.effectiveDate(), SummaryDocument.TRANSFERS_IN, 1);
				});
			}
		}
		carry(event.fromUnion().unionId(), event.effectiveDate(), token, d -> inc(d, SummaryDocument.ACTIVE, -1));
		carry(event.toUnion().unionId(), event.effectiveDate(), token, d -> inc(d, SummaryDocument.ACTIVE, 1));
	}

	/** The member left for another ledger: a transfer out wherever it was counted. */
	@EventHandler
	void on(MemberTransferredToLedger event, TrackingToken token) {
		String count = event.wasOnHold() ? SummaryDocument.ON_HOLD : SummaryDocument.ACTIVE;
		change(SummaryKeys.chain(event.fromUnion()), token, d -> inc(d, count, -1),
				d -> incYear(d, event.effectiveDate(), SummaryDocument.TRANSFERS_OUT, 1));
		carry(event.fromUnion().unionId(), event.effectiveDate(), token, d -> inc(d, count, -1));
	}

	/** The member came in from another ledger: a transfer in, never a new enrollment. */
	@EventHandler
	void on(MemberTransferredInFromLedger event, TrackingToken token) {
		change(SummaryKeys.chain(event.union()), token,
				d -> incYear(d, event.effectiveDate(), SummaryDocument.TRANSFERS_IN, 1),
				d -> inc(d, SummaryDocument.ACTIVE, 1));
		carry(event.union().unionId(), event.effectiveDate(), token, d -> inc(d, SummaryDocument.ACTIVE, 1));
	}

	@EventHandler
	void on(MembershipPutOnHold event, TrackingToken token) {
		change(SummaryKeys.chain(event.union()), token, d -> inc(d, SummaryDocument.ACTIVE, -1),
				d -> inc(d, SummaryDocument.ON_HOLD, 1));
		carry(event.union().unionId(), event.effectiveDate(), token, d -> {
			inc(d, SummaryDocument.ACTIVE, -1);
			inc(d, SummaryDocument.ON_HOLD, 1);
		});
	}

	@EventHandler
	void on(MembershipResumed event, TrackingToken token) {
		change(SummaryKeys.chain(event.union()), token, d -> inc(d, SummaryDocument.ON_HOLD, -1),
				d -> inc(d, SummaryDocument.ACTIVE, 1));
		carry(event.union().unionId(), event.effectiveDate(), token, d -> {
			inc(d, SummaryDocument.ON_HOLD, -1);
			inc(d, SummaryDocument.ACTIVE, 1);
		});
	}

	@EventHandler
	void on(MembershipTerminated event, TrackingToken token) {
		String count = event.wasOnHold() ? SummaryDocument.ON_HOLD : SummaryDocument.ACTIVE;
		change(SummaryKeys.chain(event.union()), token, d -> inc(d, count, -1),
				d -> incYear(d, event.effectiveDate(), SummaryDocument.TERMINATIONS, 1));
		carry(event.union().unionId(), event.effectiveDate(), token, d -> inc(d, count, -1));
	}

	@EventHandler
	void on(ServiceDelivered event, TrackingToken token) {
		long fen = toFen(event.amountYuan());
		change(SummaryKeys.chain(event.union()), token,
				d -> incYear(d, event.deliveredOn(), SummaryDocument.SERVICE_PERSON_TIMES, event.personTimes()),
				d -> incYear(d, event.deliveredOn(), SummaryDocument.SERVICE_AMOUNT_FEN, fen));
	}

	@SafeVarargs
	private static void change(List<String> keys, TrackingToken token, Consumer<Document>... changes) {
		long position = EventPositions.of(token);
		ReadModelBatch batch = ReadModelBatch.current();
		for (String key : keys) {
			batch.apply(COLLECTION, key, position, d -> {
				for (Consumer<Document> change : changes) {
					change.accept(d);
				}
			});
		}
	}

	private static void inc(Document document, String field, long delta) {
		document.put(field, ((Number) document.getOrDefault(field, 0L)).longValue() + delta);
	}

	private void incYear(Document document, LocalDate date, String field, long delta) {
		Document years = (Document) document.computeIfAbsent(SummaryDocument.YEARS, k -> new Document());
		Document year = (Document) years.computeIfAbsent(Integer.toString(this.calendar.yearOf(date)),
				k -> new Document());
		inc(year, field, delta);
	}

	static long toFen(BigDecimal yuan) {
		return yuan.movePointRight(2).longValueExact();
	}

}
