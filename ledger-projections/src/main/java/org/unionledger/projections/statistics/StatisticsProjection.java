package org.unionledger.projections.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.EnrollmentReclassifiedAsTransferIn;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.ServingAssignmentEnded;
import org.unionledger.membership.Events.ServingUnionAssigned;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.support.Documents;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.projections.statistics.StoredEntries.Holding;
import org.unionledger.projections.statistics.StoredEntries.ScopeMove;
import org.unionledger.projections.statistics.StoredEntries.Served;
import org.unionledger.projections.statistics.StoredEntries.TargetChange;
import org.unionledger.projections.statistics.StoredEntries.UnionMove;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.targets.Events.EnrollmentTargetSet;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionMoved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;

/**
 * Dated counters for every figure of the statistics (see {@link Figures}) per union and
 * jurisdiction, answerable as of any effective date and as known at the end of any
 * recorded day, with one {@code _id $in} read (see {@link CounterKeys} for the bucket
 * layout and {@link StatisticsQueryHandler} for the arithmetic).
 * <p>
 * Each event becomes deltas {@code (scope, figure, effective date, recorded date,
 * amount)}; the recorded date is the event's {@code recordedAt} in the ledger's zone. The
 * deltas of one event are netted (a transfer inside a city changes nothing at the city),
 * gathered over the batch and added when it commits, in one change per document and batch
 * ({@link BatchedChanges}), to:
 * <ul>
 * <li>{@value #COUNTERS}: effective-date buckets (decade, year, and month with its days
 * inside), the statistical year's bucket and, for late entries (recorded after their
 * effective date), recorded-date buckets;</li>
 * <li>{@value #INDEX}: per scope, effective day and recorded day the global positions of
 * the events behind each figure, kept in documents per effective month
 * ({@code <scope>|i|d|<month>|<window>}: {@code g: {"<day of month>|<days late>":
 * {"<field>,<field>,…": [position, …]}}}, the events grouped by the set of figures they
 * count in, one document per window of {@value CounterKeys#INDEX_WINDOW} global positions
 * so that none grows past about 30 KB however many events share a month), with per
 * effective month the number of events per day and figure, the recorded days holding them
 * as days after the effective day, and the windows of each ({@code <scope>|i|m|<month>}:
 * {@code n: {day: {field: count}}}, {@code r: {day: [days late, …]}}, {@code w:
 * {"<day>|<days late>": [window, …]}}), so that drill-down pages through the events
 * without reading more than the pages' days;</li>
 * <li>{@value #MEMBERS}: what deltas depend on beyond the event itself: each member's
 * holding unions by effective date ({@code M:<memberId>}, for services read by the
 * holding union) and each member's services per statistical year
 * ({@code S:<memberId>:<year>}, for distinct members served); the entries' stored forms
 * are {@link StoredEntries}';</li>
 * <li>{@value #TARGETS}: every change of a jurisdiction's targets for a year
 * ({@code T:<code>:<year>}).</li>
 * </ul>
 * Figures are stored under short fields ({@link Figures#field}).
 * <p>
 * Idempotence: each document keeps the last global position applied to it. Deltas that
 * depend on {@value #MEMBERS} documents are derived only from their entries of earlier
 * positions, so a batch that is handled again after a partial write derives the same
 * deltas.
 * <p>
 * Distinct members served: per member, statistical year and scope the member counts from
 * the earliest delivery date among the services recorded so far. When a later-recorded
 * service is earlier, the count moves: −1 at the old date and +1 at the new one, both
 * recorded on the new service's recorded date. That keeps "as known at" exact for a count
 * that is not a sum.
 */
@ProcessingGroup(StatisticsProjection.PROCESSING_GROUP)
public class StatisticsProjection {

	public static final String PROCESSING_GROUP = "statistics";

	/**
	 * The layout of these read models (see
	 * {@link org.unionledger.projections.support.ReadModelLayouts}): 2 since figures are
	 * stored under short fields and the index groups positions by figure set; 3 since the
	 * index of a day is split per window of {@value CounterKeys#INDEX_WINDOW} global
	 * positions (the split into windows of 16,384 came without raising the layout, so a
	 * store written before it is rebuilt now too); 4 since an effective month's days are
	 * kept inside the month's counter and index documents, not one document per day (a
	 * batch of events spread over many days wrote a document per day and scope); 5 since
	 * the index's entries recorded on different days share their effective month's
	 * documents (a ledger recording on many days wrote one per event and scope).
	 */
	public static final int LAYOUT = 5;

	public static final String COUNTERS = "rm_stat_counters";

	public static final String INDEX = "rm_stat_index";

	public static final String MEMBERS = "rm_stat_members";

	public static final String TARGETS = "rm_stat_targets";

	public static final List<String> COLLECTIONS = List.of(COUNTERS, INDEX, MEMBERS, TARGETS);

	private final MongoDatabase database;

	private final StatisticalCalendar calendar;

	private final ZoneId zone;

	private final FigureChangeListener listener;

	/**
	 * @param database where the reset handler drops the collections; {@code null} when
	 * the projection fills another store (a consistency check's rebuild)
	 * @param calendar the statistical year
	 * @param zone the ledger's zone, which turns recorded instants into recorded dates
	 */
	public StatisticsProjection(MongoDatabase database, StatisticalCalendar calendar, ZoneId zone) {
		this(database, calendar, zone, null);
	}

	/**
	 * @param database where the reset handler drops the collections; {@code null} when
	 * the projection fills another store (a consistency check's rebuild)
	 * @param calendar the statistical year
	 * @param zone the ledger's zone, which turns recorded instants into recorded dates
	 * @param listener told, inside the same batch, how each event changed the
	 * jurisdictions' figures; {@code null} for none
	 */
	public StatisticsProjection(MongoDatabase database, StatisticalCalendar calendar, ZoneId zone,
			FigureChangeListener listener) {
		this.database = database;
		this.calendar = calendar;
		this.zone = zone;
		this.listener = listener;
	}

	/** Before a replay from the first event, forget every figure. */
	@ResetHandler
	void reset() {
		if (this.database != null) {
			COLLECTIONS.forEach((collection) -> this.database.getCollection(collection).drop());
		}
	}

	@EventHandler
	void on(UnionRegistered event, TrackingToken token) {
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		UnionPlacement union = event.placement();
		deltas.add(ScopeKeys.chain(union), event.establishedOn(), 1, Figures.UNIONS_ESTABLISHED,
				Figures.of(Figures.UNIONS_ESTABLISHED, Figures.SECTOR, union.sector()),
				Figures.of(Figures.UNIONS_ESTABLISHED, Figures.UNION_TYPE, union.type()), Figures.OPEN_UNIONS);
		write(EventPositions.of(token), deltas);
	}

	@EventHandler
	void on(UnionDissolved event, TrackingToken token) {
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		List<String> chain = ScopeKeys.chain(event.placement());
		deltas.add(chain, event.effectiveDate(), 1, Figures.UNIONS_DISSOLVED);
		deltas.add(chain, event.effectiveDate(), -1, Figures.OPEN_UNIONS);
		write(EventPositions.of(token), deltas);
	}

	/**
	 * A union moves to another county-level jurisdiction: no delta (its events effective
	 * from the move carry the new jurisdiction), but each scope it leaves or enters lists
	 * the move ({@link CounterKeys#moves}), so that its stocks as of the move's day count
	 * where it then stands; and the union's moves are kept ({@code P:<unionId>}) for the
	 * services read by a member's holding union.
	 */
	@EventHandler
	void on(UnionMoved event, TrackingToken token) {
		long position = EventPositions.of(token);
		UnionPlacement to = event.placement();
		String union = ScopeKeys.union(to.unionId());
		LocalDate recorded = recorded(event.recordedAt());
		ReadModelBatch batch = ReadModelBatch.current();
		ScopeKeys.crossed(to.unionId(), event.previousJurisdictionCode(), to.jurisdictionCode(),
				(scope, sign) -> batch.apply(COUNTERS, CounterKeys.moves(scope), position,
						(document) -> list(document, ScopeMove.LIST)
							.add(new ScopeMove(union, event.effectiveDate(), recorded, sign).toDocument())));
		UnionMove move = new UnionMove(position, event.effectiveDate(), event.previousJurisdictionCode(),
				to.jurisdictionCode());
		batch.apply(MEMBERS, unionMovesKey(to.unionId()), position,
				(document) -> list(document, UnionMove.LIST).add(move.toDocument()));
	}

	private static String unionMovesKey(UnionId unionId) {
		return "P:" + unionId.value();
	}

	/**
	 * The union's moves recorded before the event at {@code position}, read without
	 * copying the document: empty for nearly every union.
	 */
	private static List<UnionMove> movesBefore(UnionId unionId, long position) {
		List<Document> moves = Documents
			.before(ReadModelBatch.current().field(MEMBERS, unionMovesKey(unionId), UnionMove.LIST), position);
		return moves.isEmpty() ? List.of() : moves.stream().map(UnionMove::of).toList();
	}

	@EventHandler
	void on(MemberEnrolled event, TrackingToken token) {
		long position = EventPositions.of(token);
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		UnionPlacement union = event.union();
		List<String> chain = ScopeKeys.chain(union);
		deltas.add(chain, event.effectiveDate(), 1, Figures.NEW,
				Figures.of(Figures.NEW, Figures.SECTOR, union.sector()),
				Figures.of(Figures.NEW, Figures.UNION_TYPE, union.type()),
				Figures.of(Figures.NEW, Figures.CHANNEL, event.channel()));
		deltas.add(chain, event.effectiveDate(), 1, active(union));
		recordHolding(position, event.memberId(), event.effectiveDate(), union);
		write(position, deltas);
	}

	@EventHandler
	void on(MemberReEnrolled event, TrackingToken token) {
		long position = EventPositions.of(token);
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		List<String> chain = ScopeKeys.chain(event.union());
		deltas.add(chain, event.effectiveDate(), 1, Figures.RE,
				Figures.of(Figures.RE, Figures.CHANNEL, event.channel()));
		deltas.add(chain, event.effectiveDate(), 1, active(event.union()));
		recordHolding(position, event.memberId(), event.effectiveDate(), event.union());
		write(position, deltas);
	}

	@EventHandler
	void on(EnrollmentReclassifiedAsTransferIn event, TrackingToken token) {
		long position = EventPositions.of(token);
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		UnionPlacement union = event.union();
		List<String> chain = ScopeKeys.chain(union);
		deltas.add(chain, event.effectiveDate(), -1, Figures.NEW,
				Figures.of(Figures.NEW, Figures.SECTOR, union.sector()),
				Figures.of(Figures.NEW, Figures.UNION_TYPE, union.type()),
				Figures.of(Figures.NEW, Figures.CHANNEL, event.channel()));
		for (String scope : chain) {
			deltas.add(scope, Figures.TRANSFERS_IN, event.effectiveDate(), 1);
		}
		write(position, deltas);
	}

	/**
	 * A transfer moves the active count and counts as a transfer out and in wherever the
	 * member crosses a scope's boundary.
	 */
	@EventHandler
	void on(TransferAccepted event, TrackingToken token) {
		long position = EventPositions.of(token);
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		List<String> from = ScopeKeys.chain(event.fromUnion());
		List<String> to = ScopeKeys.chain(event.toUnion());
		LocalDate effective = event.effectiveDate();
		deltas.add(from, effective, -1, active(event.fromUnion()));
		deltas.add(to, effective, 1, active(event.toUnion()));
		Set<String> touched = new LinkedHashSet<>(from);
		touched.addAll(to);
		for (String scope : touched) {
			if (!to.contains(scope)) {
				deltas.add(scope, Figures.TRANSFERS_OUT, effective, 1);
			}
			if (!from.contains(scope)) {
				deltas.add(scope, Figures.TRANSFERS_IN, effective, 1);
			}
		}
		boolean intraCity = event.fromUnion()
			.jurisdictionCode()
			.city()
			.equals(event.toUnion().jurisdictionCode().city());
		deltas.add(touched, effective, 1, intraCity ? Figures.INTRA_CITY : Figures.CROSS_CITY);
		recordHolding(position, event.memberId(), effective, event.toUnion());
		write(position, deltas);
	}

	/**
	 * The member left for another ledger on its receipt: no longer counted here, a
	 * transfer out at every scope of the union left, and one to the partner ledger.
	 */
	@EventHandler
	void on(MemberTransferredToLedger event, TrackingToken token) {
		long position = EventPositions.of(token);
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		List<String> chain = ScopeKeys.chain(event.fromUnion());
		LocalDate effective = event.effectiveDate();
		leave(deltas, chain, effective, event.fromUnion(), event.wasOnHold());
		deltas.add(chain, effective, 1, Figures.TRANSFERS_OUT, Figures.TO_OTHER_LEDGERS,
				Figures.partner(Figures.TO_OTHER_LEDGERS, event.receivingLedger()));
		recordHolding(position, event.memberId(), effective, null);
		write(position, deltas);
	}

	/**
	 * The member came in from another ledger: active here, a transfer in at every scope
	 * of the receiving union and one from the partner ledger, never a new enrollment.
	 */
	@EventHandler
	void on(MemberTransferredInFromLedger event, TrackingToken token) {
		long position = EventPositions.of(token);
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		List<String> chain = ScopeKeys.chain(event.union());
		LocalDate effective = event.effectiveDate();
		deltas.add(chain, effective, 1, active(event.union()));
		deltas.add(chain, effective, 1, Figures.TRANSFERS_IN, Figures.FROM_OTHER_LEDGERS,
				Figures.partner(Figures.FROM_OTHER_LEDGERS, event.originLedger()));
		recordHolding(position, event.memberId(), effective, event.union());
		write(position, deltas);
	}

	@EventHandler
	void on(MembershipPutOnHold event, TrackingToken token) {
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		List<String> chain = ScopeKeys.chain(event.union());
		deltas.add(chain, event.effectiveDate(), -1, active(event.union()));
		deltas.add(chain, event.effectiveDate(), 1, Figures.ON_HOLD, Figures.HOLDS);
		write(EventPositions.of(token), deltas);
	}

	@EventHandler
	void on(MembershipResumed event, TrackingToken token) {
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		List<String> chain = ScopeKeys.chain(event.union());
		deltas.add(chain, event.effectiveDate(), -1, Figures.ON_HOLD);
		deltas.add(chain, event.effectiveDate(), 1, active(event.union()));
		deltas.add(chain, event.effectiveDate(), 1, Figures.RESUMPTIONS);
		write(EventPositions.of(token), deltas);
	}

	@EventHandler
	void on(MembershipTerminated event, TrackingToken token) {
		long position = EventPositions.of(token);
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		List<String> chain = ScopeKeys.chain(event.union());
		leave(deltas, chain, event.effectiveDate(), event.union(), event.wasOnHold());
		deltas.add(chain, event.effectiveDate(), 1, Figures.TERMINATIONS,
				Figures.of(Figures.TERMINATIONS, Figures.REASON, event.reason()));
		recordHolding(position, event.memberId(), event.effectiveDate(), null);
		write(position, deltas);
	}

	@EventHandler
	void on(ServingUnionAssigned event, TrackingToken token) {
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		deltas.add(ScopeKeys.chain(event.servingUnion()), event.effectiveDate(), 1, Figures.SERVING);
		write(EventPositions.of(token), deltas);
	}

	@EventHandler
	void on(ServingAssignmentEnded event, TrackingToken token) {
		Deltas deltas = new Deltas(event, recorded(event.recordedAt()));
		deltas.add(ScopeKeys.chain(event.servingUnion()), event.effectiveDate(), -1, Figures.SERVING);
		write(EventPositions.of(token), deltas);
	}

	@EventHandler
	void on(ServiceDelivered event, TrackingToken token) {
		long position = EventPositions.of(token);
		LocalDate recorded = recorded(event.recordedAt());
		LocalDate effective = event.deliveredOn();
		Deltas deltas = new Deltas(event, recorded);
		List<String> delivered = ScopeKeys.chain(event.union());
		long fen = event.amountYuan().movePointRight(2).longValueExact();
		String group = (event.memberId() != null) ? Figures.MEMBERS : Figures.NON_MEMBERS;
		addService(deltas, delivered, effective, Figures.SERVICES, event, fen);
		deltas.add(delivered, effective, 1, Figures.of(Figures.SERVICES, group, Figures.DELIVERIES));
		deltas.add(delivered, effective, event.personTimes(),
				Figures.of(Figures.SERVICES, group, Figures.PERSON_TIMES));
		deltas.add(delivered, effective, fen, Figures.of(Figures.SERVICES, group, Figures.AMOUNT_FEN));
		if (event.memberId() != null) {
			UnionPlacement holding = holdingOn(event.memberId(), effective, position);
			List<String> held = (holding != null) ? ScopeKeys.chain(holding) : List.of();
			addService(deltas, held, effective, Figures.HELD_SERVICES, event, fen);
			distinctMembersServed(deltas, position,
					new Served(position, recorded, effective, delivered, held, event.memberId()));
		}
		write(position, deltas);
	}

	@EventHandler
	void on(EnrollmentTargetSet event, TrackingToken token) {
		long position = EventPositions.of(token);
		String id = targetKey(event.jurisdictionCode(), event.statisticalYear());
		TargetChange change = new TargetChange(position, event.source(), event.target(), event.effectiveDate(),
				recorded(event.recordedAt()));
		ReadModelBatch.current().apply(TARGETS, id, position, (document) -> {
			document.put("code", event.jurisdictionCode().value());
			document.put("year", event.statisticalYear());
			list(document, TargetChange.LIST).add(change.toDocument());
		});
	}

	static String targetKey(JurisdictionCode code, int year) {
		return "T:" + code.value() + ":" + year;
	}

	private static void addService(Deltas deltas, List<String> scopes, LocalDate effective, String perspective,
			ServiceDelivered event, long fen) {
		List<String> prefixes = new ArrayList<>(3);
		prefixes.add(perspective);
		prefixes.add(Figures.of(perspective, Figures.TYPE, event.type().name()));
		if (event.campaign() != null) {
			prefixes.add(Figures.of(perspective, Figures.CAMPAIGN, event.campaign().name()));
		}
		for (String prefix : prefixes) {
			deltas.add(scopes, effective, 1, Figures.of(prefix, Figures.DELIVERIES));
			deltas.add(scopes, effective, event.personTimes(), Figures.of(prefix, Figures.PERSON_TIMES));
			deltas.add(scopes, effective, fen, Figures.of(prefix, Figures.AMOUNT_FEN));
		}
	}

	/** A member leaves the union's stocks: active, or on hold if it left from hold. */
	private static void leave(Deltas deltas, List<String> chain, LocalDate effective, UnionPlacement union,
			boolean wasOnHold) {
		if (wasOnHold) {
			deltas.add(chain, effective, -1, Figures.ON_HOLD);
		}
		else {
			deltas.add(chain, effective, -1, active(union));
		}
	}

	private static String[] active(UnionPlacement union) {
		return new String[] { Figures.ACTIVE, Figures.of(Figures.ACTIVE, Figures.SECTOR, union.sector()),
				Figures.of(Figures.ACTIVE, Figures.UNION_TYPE, union.type()) };
	}

	private LocalDate recorded(Instant recordedAt) {
		return recordedAt.atZone(this.zone).toLocalDate();
	}

	// Members: holding unions by effective date, services per statistical year

	private static String memberKey(MemberId memberId) {
		return "M:" + memberId.value();
	}

	private void recordHolding(long position, MemberId memberId, LocalDate effective, UnionPlacement union) {
		Holding holding = new Holding(position, effective, union);
		ReadModelBatch.current()
			.apply(MEMBERS, memberKey(memberId), position,
					(document) -> list(document, Holding.LIST).add(holding.toDocument()));
	}

	/**
	 * The union holding the membership on {@code date} by the member's events before
	 * {@code position}, or {@code null} if none did.
	 */
	private static UnionPlacement holdingOn(MemberId memberId, LocalDate date, long position) {
		Document document = ReadModelBatch.current().document(MEMBERS, memberKey(memberId));
		Document held = null;
		for (Document entry : Documents.before(document, Holding.LIST, position)) {
			if (!Holding.effectiveOf(entry).isAfter(date)) {
				held = entry;
			}
		}
		UnionPlacement union = (held != null) ? Holding.of(held).union() : null;
		if (union == null) {
			return null;
		}
		JurisdictionCode jurisdiction = union.jurisdictionCode();
		// where the union stood on the day, by its moves before this event
		for (UnionMove move : movesBefore(union.unionId(), position)) {
			if (!move.effective().isAfter(date)) {
				jurisdiction = move.to();
			}
		}
		return new UnionPlacement(union.unionId(), jurisdiction, union.type(), union.sector());
	}

	private void distinctMembersServed(Deltas deltas, long position, Served served) {
		String id = "S:" + served.memberId().value() + ":" + this.calendar.yearOf(served.effective());
		Document document = ReadModelBatch.current().document(MEMBERS, id);
		List<Served> before = new ArrayList<>();
		for (Document entry : Documents.before(document, Served.LIST, position)) {
			before.add(Served.of(entry));
		}
		List<Served> after = new ArrayList<>(before);
		after.add(served);
		String deliveredFigure = Figures.of(Figures.SERVICES, Figures.DISTINCT_MEMBERS);
		String heldFigure = Figures.of(Figures.HELD_SERVICES, Figures.DISTINCT_MEMBERS);
		DistinctChain.difference(before, after, Served::delivered)
			.forEach(
					(key, amount) -> deltas.add(key.scope(), deliveredFigure, key.effective(), key.recorded(), amount));
		DistinctChain.difference(before, after, Served::held)
			.forEach((key, amount) -> deltas.add(key.scope(), heldFigure, key.effective(), key.recorded(), amount));
		ReadModelBatch.current().apply(MEMBERS, id, position, (d) -> list(d, Served.LIST).add(served.toDocument()));
	}

	// Writing deltas into the counters and the index

	private void write(long position, Deltas deltas) {
		Map<Delta.Key, Long> net = new LinkedHashMap<>();
		for (Delta delta : deltas.list) {
			net.merge(delta.key(), delta.amount(), Long::sum);
		}
		if (this.listener != null) {
			tell(position, deltas.eventType, net);
		}
		ReadModelBatch batch = ReadModelBatch.current();
		if (batch.dryRun()) {
			// handlers never read the counters and the index: the batch's changes load
			// them themselves when they are applied
			return;
		}
		// The netted deltas by scope and dates, so that each bucket's id is built once
		// per event and changed with all its fields.
		Map<Dated, Map<String, Long>> byDates = new LinkedHashMap<>();
		for (Map.Entry<Delta.Key, Long> entry : net.entrySet()) {
			if (entry.getValue() != 0) {
				Delta.Key key = entry.getKey();
				byDates
					.computeIfAbsent(new Dated(key.scope(), key.effective(), key.recorded()),
							(k) -> new LinkedHashMap<>())
					.put(Figures.field(key.figure()), entry.getValue());
			}
		}
		BatchedChanges changes = batch.deferred(this, BatchedChanges::new, (c) -> c.apply(batch));
		Map<String, Map<LocalDate, Set<String>>> indexed = new LinkedHashMap<>();
		byDates.forEach((dated, amounts) -> {
			for (String id : CounterKeys.effective(dated.scope(), dated.effective())) {
				changes.add(id, position, CounterKeys.TOTALS, null, amounts);
			}
			if (!dated.effective().isBefore(CounterKeys.EPOCH)) {
				changes.add(CounterKeys.month(dated.scope(), dated.effective()), position, CounterKeys.DAYS,
						CounterKeys.day(dated.effective()), amounts);
			}
			changes.add(CounterKeys.statisticalYear(dated.scope(), this.calendar.yearOf(dated.effective())), position,
					CounterKeys.TOTALS, null, amounts);
			if (dated.recorded().isAfter(dated.effective())) {
				YearMonth month = YearMonth.from(dated.effective());
				String day = dated.effective().toString();
				for (String bucket : CounterKeys.late(dated.scope(), dated.recorded())) {
					changes.add(CounterKeys.totals(bucket), position, CounterKeys.BY_EFFECTIVE, month.toString(),
							amounts);
					changes.add(CounterKeys.detail(bucket, month), position, CounterKeys.BY_EFFECTIVE, day, amounts);
				}
			}
			indexed.computeIfAbsent(dated.scope(), (k) -> new LinkedHashMap<>())
				.computeIfAbsent(dated.effective(), (k) -> new TreeSet<>())
				.addAll(amounts.keySet());
		});
		indexed.forEach((scope, days) -> days.forEach((day, fields) -> {
			String group = String.join(",", fields);
			int late = (int) (deltas.recorded.toEpochDay() - day.toEpochDay());
			long window = CounterKeys.indexWindow(position);
			String entries = CounterKeys.indexGroup(day, deltas.recorded);
			changes.change(CounterKeys.indexEntries(scope, day, window), position,
					(document) -> values(sub(sub(document, CounterKeys.INDEX_GROUPS), entries), group).add(position));
			changes.change(CounterKeys.indexMonth(scope, YearMonth.from(day)), position, (document) -> {
				Document perDay = sub(sub(document, CounterKeys.INDEX_COUNTS), day.toString());
				fields.forEach((field) -> increment(perDay, field, 1));
				List<Object> recordedDays = values(sub(document, CounterKeys.INDEX_RECORDED), day.toString());
				if (!recordedDays.contains(late)) {
					recordedDays.add(late);
				}
				List<Object> windows = values(sub(document, CounterKeys.INDEX_WINDOWS), day + "|" + late);
				if (windows.stream().noneMatch((w) -> ((Number) w).longValue() == window)) {
					windows.add(window);
				}
			});
		}));
	}

	/** The scope and dates a group of netted deltas shares. */
	private record Dated(String scope, LocalDate effective, LocalDate recorded) {
	}

	/**
	 * Hands the listener the event's net changes of jurisdiction figures, by scope,
	 * figure and effective date (the recorded date does not matter to figures as known
	 * now).
	 */
	private void tell(long position, String eventType, Map<Delta.Key, Long> net) {
		Map<FigureChange, Long> byDay = new LinkedHashMap<>();
		Map<String, List<UnionMove>> moves = new LinkedHashMap<>();
		net.forEach((key, amount) -> {
			if (key.scope().startsWith("J:")) {
				byDay.merge(new FigureChange(key.scope(), key.figure(), key.effective(), 0), amount, Long::sum);
			}
			else if (Figures.isStock(key.figure())) {
				List<UnionMove> unionMoves = moves.computeIfAbsent(key.scope(),
						(scope) -> movesBefore(new UnionId(scope.substring(2)), position));
				if (!unionMoves.isEmpty()) {
					movedLater(key, amount, unionMoves, byDay);
				}
			}
		});
		List<FigureChange> changes = new ArrayList<>();
		byDay.forEach((change, amount) -> {
			if (amount != 0) {
				changes.add(new FigureChange(change.scope(), change.figure(), change.effective(), amount));
			}
		});
		if (!changes.isEmpty()) {
			this.listener.figuresChanged(position, eventType, changes);
		}
	}

	/**
	 * A union's stock changed on a day before one of its {@code moves} (those known
	 * before this event): from the move's day that change counts where the union moved
	 * to, so the jurisdictions it left see it end there and those it entered see it
	 * start.
	 */
	private static void movedLater(Delta.Key key, long amount, List<UnionMove> moves, Map<FigureChange, Long> byDay) {
		UnionId union = new UnionId(key.scope().substring(2));
		for (UnionMove move : moves) {
			LocalDate effective = move.effective();
			if (!effective.isAfter(key.effective())) {
				continue;
			}
			ScopeKeys.crossed(union, move.from(), move.to(), (scope, sign) -> byDay
				.merge(new FigureChange(scope, key.figure(), effective, 0), sign * amount, Long::sum));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Object> values(Document document, String field) {
		Object value = document.get(field);
		if (value instanceof List<?> list) {
			return (List<Object>) list;
		}
		List<Object> created = new ArrayList<>();
		document.put(field, created);
		return created;
	}

	private static void increment(Document document, String field, long delta) {
		Documents.increment(document, field, delta);
	}

	static Document sub(Document document, String field) {
		return Documents.sub(document, field);
	}

	static List<Document> list(Document document, String field) {
		return Documents.list(document, field);
	}

	static long number(Document document, String field) {
		return Documents.number(document, field);
	}

	/**
	 * The deltas of one event, all recorded on the event's recorded date unless given.
	 */
	private static final class Deltas {

		private final List<Delta> list = new ArrayList<>();

		private final LocalDate recorded;

		private final String eventType;

		Deltas(Object event, LocalDate recorded) {
			this.eventType = event.getClass().getSimpleName();
			this.recorded = recorded;
		}

		void add(Collection<String> scopes, LocalDate effective, long amount, String... figures) {
			for (String scope : scopes) {
				for (String figure : figures) {
					this.list.add(new Delta(scope, figure, effective, this.recorded, amount));
				}
			}
		}

		void add(String scope, String figure, LocalDate effective, long amount) {
			this.list.add(new Delta(scope, figure, effective, this.recorded, amount));
		}

		void add(String scope, String figure, LocalDate effective, LocalDate recorded, long amount) {
			this.list.add(new Delta(scope, figure, effective, recorded, amount));
		}

	}

}
