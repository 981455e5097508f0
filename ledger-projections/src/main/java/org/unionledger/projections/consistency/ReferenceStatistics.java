package org.unionledger.projections.consistency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.unionledger.membership.Events.EnrollmentReclassifiedAsTransferIn;
import org.unionledger.membership.Events.EnrollmentRejected;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.InterLedgerCredentialIssued;
import org.unionledger.membership.Events.InterLedgerReceiptRefused;
import org.unionledger.membership.Events.InterLedgerTransferRefused;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.MemberNameCorrected;
import org.unionledger.membership.Events.PersonalDataErased;
import org.unionledger.membership.Events.ServingAssignmentEnded;
import org.unionledger.membership.Events.ServingUnionAssigned;
import org.unionledger.membership.Events.TransferAcceptanceRejected;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipEvent;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.service.ServiceEvent;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.targets.Events.EnrollmentTargetSet;
import org.unionledger.targets.TargetEvent;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionMoved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.Events.UnionRenamed;
import org.unionledger.union.UnionEvent;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;

/**
 * The statistics recomputed by brute force from the events themselves, sharing nothing
 * with the dated counters but the figure names: every query replays the whole stream,
 * keeping only the events effective by the date asked and recorded by the day asked,
 * member by member, and counts who is where. Slow on purpose; it is what the counters
 * must agree with exactly, in tests and in the consistency check.
 * <p>
 * One rule is shared by definition rather than recomputed: a service to a member is read
 * by the member's holding union on the delivery date as known from the member's events
 * before the service in the global order.
 */
public final class ReferenceStatistics {

	private final List<Object> events = new ArrayList<>();

	private final StatisticalCalendar calendar;

	private final ZoneId zone;

	public ReferenceStatistics(StatisticalCalendar calendar, ZoneId zone) {
		this.calendar = calendar;
		this.zone = zone;
	}

	/** Adds the next event of the global stream (in position order). */
	public void add(Object payload) {
		this.events.add(payload);
	}

	public int size() {
		return this.events.size();
	}

	/** The statistical years any counted event falls in. */
	public Set<Integer> years() {
		Set<Integer> years = new TreeSet<>();
		for (Object event : this.events) {
			LocalDate effective = effective(event);
			if (effective != null) {
				years.add(this.calendar.yearOf(effective));
			}
		}
		return years;
	}

	/**
	 * Every scope's non-zero figures for the year: stocks as of {@code asOf}, flows from
	 * the year's first day to {@code asOf}, counting only events recorded by the end of
	 * day {@code knownAt} when it is given.
	 */
	public Map<String, Map<String, Long>> figures(int year, LocalDate asOf, LocalDate knownAt) {
		LocalDate first = this.calendar.firstDay(year);
		Replay replay = new Replay();
		for (Object event : this.events) {
			LocalDate effective = effective(event);
			if (effective == null) {
				continue;
			}
			boolean counted = !effective.isAfter(asOf) && (knownAt == null || !recorded(event).isAfter(knownAt));
			replay.at(effective, counted, counted && !effective.isBefore(first));
			if (event instanceof MembershipEvent e) {
				e.accept(replay);
			}
			else if (event instanceof UnionEvent e) {
				e.accept(replay);
			}
			else if (event instanceof ServiceDelivered e) {
				replay.on(e);
			}
		}
		return replay.totals();
	}

	/**
	 * One pass of {@link ReferenceStatistics#figures}: who is where and what happened in
	 * the year, event by event. Only events with an {@link ReferenceStatistics#effective}
	 * date reach it; the others' methods do nothing.
	 */
	private static final class Replay implements MembershipEvent.Visitor<Void>, UnionEvent.Visitor<Void> {

		private final Map<String, Map<String, Long>> figures = new TreeMap<>();

		private final Map<MemberId, Member> members = new HashMap<>();

		private final Map<MemberId, List<Object[]>> holdingHistory = new HashMap<>();

		private final Map<UnionId, UnionPlacement> openUnions = new HashMap<>();

		/** Where each moved union stands by the moves counted (effective and known). */
		private final Map<UnionId, UnionPlacement> placements = new HashMap<>();

		/** Every union's moves seen so far in the stream: the day and where from then. */
		private final Map<UnionId, List<Object[]>> moves = new HashMap<>();

		private final Map<String, Set<MemberId>> servedHere = new HashMap<>();

		private final Map<String, Set<MemberId>> servedHeld = new HashMap<>();

		/** The effective date of the event at hand. */
		private LocalDate effective;

		/**
		 * Whether the event at hand is effective by the date asked and known by the day
		 * asked.
		 */
		private boolean counted;

		/** Whether it is counted and effective in the year asked. */
		private boolean inYear;

		void at(LocalDate effectiveDate, boolean isCounted, boolean isInYear) {
			this.effective = effectiveDate;
			this.counted = isCounted;
			this.inYear = isInYear;
		}

		@Override
		public Void on(UnionRegistered e) {
			if (this.counted) {
				this.openUnions.put(e.placement().unionId(), e.placement());
			}
			if (this.inYear) {
				count(this.figures, e.placement(), 1, Figures.UNIONS_ESTABLISHED,
						Figures.of(Figures.UNIONS_ESTABLISHED, Figures.SECTOR, e.placement().sector()),
						Figures.of(Figures.UNIONS_ESTABLISHED, Figures.UNION_TYPE, e.placement().type()));
			}
			return null;
		}

		/** A new name counts in no figure: the union stays where it is. */
		@Override
		public Void on(UnionRenamed e) {
			return null;
		}

		@Override
		public Void on(UnionDissolved e) {
			if (this.counted) {
				this.openUnions.remove(e.placement().unionId());
			}
			if (this.inYear) {
				count(this.figures, e.placement(), 1, Figures.UNIONS_DISSOLVED);
			}
			return null;
		}

		/**
		 * A move counts in no flow: from its day the union's members, and the union as
		 * open, count where it then stands (see {@link #placed}).
		 */
		@Override
		public Void on(UnionMoved e) {
			this.moves.computeIfAbsent(e.placement().unionId(), (u) -> new ArrayList<>())
				.add(new Object[] { e.effectiveDate(), e.placement() });
			if (this.counted) {
				this.placements.put(e.placement().unionId(), e.placement());
				this.openUnions.computeIfPresent(e.placement().unionId(), (u, p) -> e.placement());
			}
			return null;
		}

		/** Where a union stands by the moves counted. */
		private UnionPlacement placed(UnionPlacement union) {
			return (union != null) ? this.placements.getOrDefault(union.unionId(), union) : null;
		}

		@Override
		public Void on(MemberEnrolled e) {
			history(this.holdingHistory, e.memberId()).add(new Object[] { this.effective, e.union() });
			if (this.counted) {
				this.members.put(e.memberId(), new Member(e.union(), Status.ACTIVE, null));
			}
			if (this.inYear) {
				count(this.figures, e.union(), 1, Figures.NEW,
						Figures.of(Figures.NEW, Figures.SECTOR, e.union().sector()),
						Figures.of(Figures.NEW, Figures.UNION_TYPE, e.union().type()),
						Figures.of(Figures.NEW, Figures.CHANNEL, e.channel()));
			}
			return null;
		}

		@Override
		public Void on(EnrollmentReclassifiedAsTransferIn e) {
			if (this.inYear) {
				count(this.figures, e.union(), -1, Figures.NEW,
						Figures.of(Figures.NEW, Figures.SECTOR, e.union().sector()),
						Figures.of(Figures.NEW, Figures.UNION_TYPE, e.union().type()),
						Figures.of(Figures.NEW, Figures.CHANNEL, e.channel()));
				for (String scope : ScopeKeys.chain(e.union())) {
					count(this.figures, scope, Figures.TRANSFERS_IN, 1);
				}
			}
			return null;
		}

		@Override
		public Void on(MemberReEnrolled e) {
			history(this.holdingHistory, e.memberId()).add(new Object[] { this.effective, e.union() });
			if (this.counted) {
				Member member = this.members.get(e.memberId());
				this.members.put(e.memberId(),
						new Member(e.union(), Status.ACTIVE, (member != null) ? member.serving() : null));
			}
			if (this.inYear) {
				count(this.figures, e.union(), 1, Figures.RE, Figures.of(Figures.RE, Figures.CHANNEL, e.channel()));
			}
			return null;
		}

		@Override
		public Void on(TransferAccepted e) {
			history(this.holdingHistory, e.memberId()).add(new Object[] { this.effective, e.toUnion() });
			if (this.counted) {
				Member member = this.members.get(e.memberId());
				this.members.put(e.memberId(), new Member(e.toUnion(), member.status(), member.serving()));
			}
			if (this.inYear) {
				List<String> from = ScopeKeys.chain(e.fromUnion());
				List<String> to = ScopeKeys.chain(e.toUnion());
				Set<String> touched = new LinkedHashSet<>(from);
				touched.addAll(to);
				boolean intraCity = e.fromUnion()
					.jurisdictionCode()
					.city()
					.equals(e.toUnion().jurisdictionCode().city());
				for (String scope : touched) {
					if (!to.contains(scope)) {
						count(this.figures, scope, Figures.TRANSFERS_OUT, 1);
					}
					if (!from.contains(scope)) {
						count(this.figures, scope, Figures.TRANSFERS_IN, 1);
					}
					count(this.figures, scope, intraCity ? Figures.INTRA_CITY : Figures.CROSS_CITY, 1);
				}
			}
			return null;
		}

		@Override
		public Void on(MembershipPutOnHold e) {
			if (this.counted) {
				Member member = this.members.get(e.memberId());
				this.members.put(e.memberId(), new Member(member.union(), Status.ON_HOLD, member.serving()));
			}
			if (this.inYear) {
				count(this.figures, e.union(), 1, Figures.HOLDS);
			}
			return null;
		}

		@Override
		public Void on(MembershipResumed e) {
			if (this.counted) {
				Member member = this.members.get(e.memberId());
				this.members.put(e.memberId(), new Member(member.union(), Status.ACTIVE, member.serving()));
			}
			if (this.inYear) {
				count(this.figures, e.union(), 1, Figures.RESUMPTIONS);
			}
			return null;
		}

		@Override
		public Void on(MembershipTerminated e) {
			history(this.holdingHistory, e.memberId()).add(new Object[] { this.effective, null });
			if (this.counted) {
				Member member = this.members.get(e.memberId());
				this.members.put(e.memberId(), new Member(member.union(), Status.TERMINATED, member.serving()));
			}
			if (this.inYear) {
				count(this.figures, e.union(), 1, Figures.TERMINATIONS,
						Figures.of(Figures.TERMINATIONS, Figures.REASON, e.reason()));
			}
			return null;
		}

		@Override
		public Void on(ServingUnionAssigned e) {
			if (this.counted) {
				Member member = this.members.get(e.memberId());
				this.members.put(e.memberId(), new Member(member.union(), member.status(), e.servingUnion()));
			}
			return null;
		}

		@Override
		public Void on(ServingAssignmentEnded e) {
			if (this.counted) {
				Member member = this.members.get(e.memberId());
				this.members.put(e.memberId(), new Member(member.union(), member.status(), null));
			}
			return null;
		}

		/** Counts nowhere (no date in {@link ReferenceStatistics#effective}). */
		@Override
		public Void on(EnrollmentRejected e) {
			return null;
		}

		/** Counts nowhere: only the accepted transfer moves a member. */
		@Override
		public Void on(TransferCredentialIssued e) {
			return null;
		}

		/** Counts nowhere. */
		@Override
		public Void on(TransferCredentialCancelled e) {
			return null;
		}

		/** Counts nowhere. */
		@Override
		public Void on(TransferAcceptanceRejected e) {
			return null;
		}

		/** Counts nowhere: erasure changes no figure. */
		@Override
		public Void on(PersonalDataErased e) {
			return null;
		}

		/** Counts nowhere: a corrected name changes no figure. */
		@Override
		public Void on(MemberNameCorrected e) {
			return null;
		}

		/**
		 * The member leaves this ledger: no longer counted here, a transfer out at every
		 * scope of the union it left, and one to the partner ledger.
		 */
		@Override
		public Void on(MemberTransferredToLedger e) {
			history(this.holdingHistory, e.memberId()).add(new Object[] { this.effective, null });
			if (this.counted) {
				Member member = this.members.get(e.memberId());
				this.members.put(e.memberId(), new Member(member.union(), Status.TERMINATED, member.serving()));
			}
			if (this.inYear) {
				count(this.figures, e.fromUnion(), 1, Figures.TRANSFERS_OUT, Figures.TO_OTHER_LEDGERS,
						Figures.partner(Figures.TO_OTHER_LEDGERS, e.receivingLedger()));
			}
			return null;
		}

		/**
		 * The member comes in from another ledger: active here, a transfer in at every
		 * scope of the receiving union, never a new enrollment.
		 */
		@Override
		public Void on(MemberTransferredInFromLedger e) {
			history(this.holdingHistory, e.memberId()).add(new Object[] { this.effective, e.union() });
			if (this.counted) {
				Member member = this.members.get(e.memberId());
				this.members.put(e.memberId(),
						new Member(e.union(), Status.ACTIVE, (member != null) ? member.serving() : null));
			}
			if (this.inYear) {
				count(this.figures, e.union(), 1, Figures.TRANSFERS_IN, Figures.FROM_OTHER_LEDGERS,
						Figures.partner(Figures.FROM_OTHER_LEDGERS, e.originLedger()));
			}
			return null;
		}

		/** Counts nowhere: until the receipt arrives the member counts here (rule 7). */
		@Override
		public Void on(InterLedgerCredentialIssued e) {
			return null;
		}

		/** Counts nowhere: a refused receipt moves no one. */
		@Override
		public Void on(InterLedgerReceiptRefused e) {
			return null;
		}

		/** Counts nowhere: a refused presentation moves no one. */
		@Override
		public Void on(InterLedgerTransferRefused e) {
			return null;
		}

		void on(ServiceDelivered e) {
			UnionPlacement holding = null;
			if (e.memberId() != null) {
				for (Object[] change : history(this.holdingHistory, e.memberId())) {
					if (!((LocalDate) change[0]).isAfter(e.deliveredOn())) {
						holding = (UnionPlacement) change[1];
					}
				}
				if (holding != null) {
					// the holding union where it stood on the day, by the moves before
					// the
					// service in the stream
					for (Object[] move : this.moves.getOrDefault(holding.unionId(), List.of())) {
						if (!((LocalDate) move[0]).isAfter(e.deliveredOn())) {
							holding = (UnionPlacement) move[1];
						}
					}
				}
			}
			if (this.inYear) {
				long fen = e.amountYuan().movePointRight(2).longValueExact();
				service(this.figures, ScopeKeys.chain(e.union()), Figures.SERVICES, e, fen);
				String group = (e.memberId() != null) ? Figures.MEMBERS : Figures.NON_MEMBERS;
				for (String scope : ScopeKeys.chain(e.union())) {
					count(this.figures, scope, Figures.of(Figures.SERVICES, group, Figures.DELIVERIES), 1);
					count(this.figures, scope, Figures.of(Figures.SERVICES, group, Figures.PERSON_TIMES),
							e.personTimes());
					count(this.figures, scope, Figures.of(Figures.SERVICES, group, Figures.AMOUNT_FEN), fen);
					if (e.memberId() != null) {
						this.servedHere.computeIfAbsent(scope, (s) -> new HashSet<>()).add(e.memberId());
					}
				}
				if (holding != null) {
					service(this.figures, ScopeKeys.chain(holding), Figures.HELD_SERVICES, e, fen);
					for (String scope : ScopeKeys.chain(holding)) {
						this.servedHeld.computeIfAbsent(scope, (s) -> new HashSet<>()).add(e.memberId());
					}
				}
			}
		}

		/** The stocks as of the date asked, added to the flows counted event by event. */
		Map<String, Map<String, Long>> totals() {
			for (Member member : this.members.values()) {
				UnionPlacement union = placed(member.union());
				if (member.status() == Status.ACTIVE) {
					count(this.figures, union, 1, Figures.ACTIVE,
							Figures.of(Figures.ACTIVE, Figures.SECTOR, union.sector()),
							Figures.of(Figures.ACTIVE, Figures.UNION_TYPE, union.type()));
				}
				else if (member.status() == Status.ON_HOLD) {
					count(this.figures, union, 1, Figures.ON_HOLD);
				}
				if (member.serving() != null) {
					count(this.figures, placed(member.serving()), 1, Figures.SERVING);
				}
			}
			for (UnionPlacement union : this.openUnions.values()) {
				count(this.figures, union, 1, Figures.OPEN_UNIONS);
			}
			this.servedHere.forEach((scope, served) -> count(this.figures, scope,
					Figures.of(Figures.SERVICES, Figures.DISTINCT_MEMBERS), served.size()));
			this.servedHeld.forEach((scope, served) -> count(this.figures, scope,
					Figures.of(Figures.HELD_SERVICES, Figures.DISTINCT_MEMBERS), served.size()));
			this.figures.values().forEach((values) -> values.values().removeIf((value) -> value == 0));
			this.figures.values().removeIf(Map::isEmpty);
			return this.figures;
		}

	}

	/**
	 * The targets of a jurisdiction for a year in force on {@code asOf} as known at the
	 * end of {@code knownAt}: per source the latest change by effective date, then by
	 * order of recording.
	 */
	public Map<TargetSource, Long> targets(String code, int year, LocalDate asOf, LocalDate knownAt) {
		Map<TargetSource, Long> targets = new EnumMap<>(TargetSource.class);
		targetsInForce(code, year, asOf, knownAt).forEach((source, target) -> targets.put(source, target.target()));
		return targets;
	}

	/** As {@link #targets}, each with the effective date of the change in force. */
	public Map<TargetSource, TargetInForce> targetsInForce(String code, int year, LocalDate asOf, LocalDate knownAt) {
		Map<TargetSource, TargetInForce> targets = new EnumMap<>(TargetSource.class);
		for (Object event : this.events) {
			if (event instanceof EnrollmentTargetSet e && e.jurisdictionCode().value().equals(code)
					&& e.statisticalYear() == year && !e.effectiveDate().isAfter(asOf)
					&& (knownAt == null || !recorded(e).isAfter(knownAt))) {
				TargetInForce current = targets.get(e.source());
				if (current == null || !e.effectiveDate().isBefore(current.effectiveDate())) {
					targets.put(e.source(), new TargetInForce(e.target(), e.effectiveDate()));
				}
			}
		}
		return targets;
	}

	/**
	 * A target in force.
	 *
	 * @param target new enrollments to reach
	 * @param effectiveDate when the change that set it took effect
	 */
	public record TargetInForce(long target, LocalDate effectiveDate) {
	}

	private static void service(Map<String, Map<String, Long>> figures, List<String> scopes, String perspective,
			ServiceDelivered e, long fen) {
		List<String> prefixes = new ArrayList<>();
		prefixes.add(perspective);
		prefixes.add(Figures.of(perspective, Figures.TYPE, e.type().name()));
		if (e.campaign() != null) {
			prefixes.add(Figures.of(perspective, Figures.CAMPAIGN, e.campaign().name()));
		}
		for (String scope : scopes) {
			for (String prefix : prefixes) {
				count(figures, scope, Figures.of(prefix, Figures.DELIVERIES), 1);
				count(figures, scope, Figures.of(prefix, Figures.PERSON_TIMES), e.personTimes());
				count(figures, scope, Figures.of(prefix, Figures.AMOUNT_FEN), fen);
			}
		}
	}

	private static List<Object[]> history(Map<MemberId, List<Object[]>> histories, MemberId memberId) {
		return histories.computeIfAbsent(memberId, (m) -> new ArrayList<>());
	}

	private static void count(Map<String, Map<String, Long>> figures, UnionPlacement union, long amount,
			String... names) {
		for (String scope : ScopeKeys.chain(union)) {
			for (String name : names) {
				count(figures, scope, name, amount);
			}
		}
	}

	private static void count(Map<String, Map<String, Long>> figures, String scope, String name, long amount) {
		figures.computeIfAbsent(scope, (s) -> new TreeMap<>()).merge(name, amount, Long::sum);
	}

	private LocalDate recorded(Object event) {
		Instant recordedAt = recordedAt(event);
		return recordedAt.atZone(this.zone).toLocalDate();
	}

	/** The effective date of an event the replay counts, else {@code null}. */
	static LocalDate effective(Object event) {
		if (event instanceof MembershipEvent e) {
			return e.accept(EFFECTIVE);
		}
		if (event instanceof UnionEvent e) {
			return e.accept(EFFECTIVE);
		}
		if (event instanceof ServiceDelivered e) {
			return e.deliveredOn();
		}
		if (event instanceof EnrollmentTargetSet e) {
			return e.effectiveDate();
		}
		return null;
	}

	private static Instant recordedAt(Object event) {
		if (event instanceof MembershipEvent e) {
			return e.recordedAt();
		}
		if (event instanceof UnionEvent e) {
			return e.recordedAt();
		}
		if (event instanceof ServiceEvent e) {
			return e.recordedAt();
		}
		if (event instanceof TargetEvent e) {
			return e.recordedAt();
		}
		throw new IllegalArgumentException("not a counted event: " + event);
	}

	private static final EffectiveDates EFFECTIVE = new EffectiveDates();

	/**
	 * Which events the replay counts, by their effective date; {@code null} for those it
	 * skips.
	 */
	private static final class EffectiveDates
			implements MembershipEvent.Visitor<LocalDate>, UnionEvent.Visitor<LocalDate> {

		@Override
		public LocalDate on(UnionRegistered e) {
			return e.establishedOn();
		}

		@Override
		public LocalDate on(UnionRenamed e) {
			return null;
		}

		@Override
		public LocalDate on(UnionDissolved e) {
			return e.effectiveDate();
		}

		@Override
		public LocalDate on(UnionMoved e) {
			return e.effectiveDate();
		}

		@Override
		public LocalDate on(MemberEnrolled e) {
			return e.effectiveDate();
		}

		@Override
		public LocalDate on(MemberReEnrolled e) {
			return e.effectiveDate();
		}

		@Override
		public LocalDate on(EnrollmentReclassifiedAsTransferIn e) {
			return e.effectiveDate();
		}

		@Override
		public LocalDate on(TransferAccepted e) {
			return e.effectiveDate();
		}

		@Override
		public LocalDate on(MembershipPutOnHold e) {
			return e.effectiveDate();
		}

		@Override
		public LocalDate on(MembershipResumed e) {
			return e.effectiveDate();
		}

		@Override
		public LocalDate on(MembershipTerminated e) {
			return e.effectiveDate();
		}

		@Override
		public LocalDate on(ServingUnionAssigned e) {
			return e.effectiveDate();
		}

		@Override
		public LocalDate on(ServingAssignmentEnded e) {
			return e.effectiveDate();
		}

		/** A refusal: the membership did not change. */
		@Override
		public LocalDate on(EnrollmentRejected e) {
			return null;
		}

		/** Until accepted the member counts where it was. */
		@Override
		public LocalDate on(TransferCredentialIssued e) {
			return null;
		}

		/** The member stays where it was. */
		@Override
		public LocalDate on(TransferCredentialCancelled e) {
			return null;
		}

		/** A refusal: the membership did not move. */
		@Override
		public LocalDate on(TransferAcceptanceRejected e) {
			return null;
		}

		/** No figure counts personal data. */
		@Override
		public LocalDate on(PersonalDataErased e) {
			return null;
		}

		/** No figure counts personal data. */
		@Override
		public LocalDate on(MemberNameCorrected e) {
			return null;
		}

		@Override
		public LocalDate on(MemberTransferredToLedger e) {
			return e.effectiveDate();
		}

		@Override
		public LocalDate on(MemberTransferredInFromLedger e) {
			return e.effectiveDate();
		}

		/** Until the receipt arrives the member counts where it was. */
		@Override
		public LocalDate on(InterLedgerCredentialIssued e) {
			return null;
		}

		/** A refusal: nobody moved. */
		@Override
		public LocalDate on(InterLedgerReceiptRefused e) {
			return null;
		}

		/** A refusal: nobody moved. */
		@Override
		public LocalDate on(InterLedgerTransferRefused e) {
			return null;
		}

	}

	private enum Status {

		ACTIVE, ON_HOLD, TERMINATED

	}

	private record Member(UnionPlacement union, Status status, UnionPlacement serving) {
	}

}
