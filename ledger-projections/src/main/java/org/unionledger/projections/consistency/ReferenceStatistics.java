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
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.Scopes;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.targets.Events.EnrollmentTargetSet;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionRegistered;
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
		Map<String, Map<String, Long>> figures = new TreeMap<>();
		Map<MemberId, Member> members = new HashMap<>();
		Map<MemberId, List<Object[]>> holdingHistory = new HashMap<>();
		Map<UnionId, UnionPlacement> openUnions = new HashMap<>();
		Map<String, Set<MemberId>> servedHere = new HashMap<>();
		Map<String, Set<MemberId>> servedHeld = new HashMap<>();
		for (Object event : this.events) {
			LocalDate effective = effective(event);
			if (effective == null) {
				continue;
			}
			boolean counted = !effective.isAfter(asOf) && (knownAt == null || !recorded(event).isAfter(knownAt));
			boolean inYear = counted && !effective.isBefore(first);
			if (event instanceof UnionRegistered e) {
				if (counted) {
					openUnions.put(e.placement().unionId(), e.placement());
				}
				if (inYear) {
					count(figures, e.placement(), 1, Figures.UNIONS_ESTABLISHED,
							Figures.of(Figures.UNIONS_ESTABLISHED, Figures.SECTOR, e.placement().sector()),
							Figures.of(Figures.UNIONS_ESTABLISHED, Figures.UNION_TYPE, e.placement().type()));
				}
			}
			else if (event instanceof UnionDissolved e) {
				if (counted) {
					openUnions.remove(e.placement().unionId());
				}
				if (inYear) {
					count(figures, e.placement(), 1, Figures.UNIONS_DISSOLVED);
				}
			}
			else if (event instanceof MemberEnrolled e) {
				history(holdingHistory, e.memberId()).add(new Object[] { effective, e.union() });
				if (counted) {
					members.put(e.memberId(), new Member(e.union(), Status.ACTIVE, null));
				}
				if (inYear) {
					count(figures, e.union(), 1, Figures.NEW,
							Figures.of(Figures.NEW, Figures.SECTOR, e.union().sector()),
							Figures.of(Figures.NEW, Figures.UNION_TYPE, e.union().type()),
							Figures.of(Figures.NEW, Figures.CHANNEL, e.channel()));
				}
			}
			else if (event instanceof EnrollmentReclassifiedAsTransferIn e) {
				if (inYear) {
					count(figures, e.union(), -1, Figures.NEW,
							Figures.of(Figures.NEW, Figures.SECTOR, e.union().sector()),
							Figures.of(Figures.NEW, Figures.UNION_TYPE, e.union().type()),
							Figures.of(Figures.NEW, Figures.CHANNEL, e.channel()));
					for (String scope : Scopes.chain(e.union())) {
						count(figures, scope, Figures.TRANSFERS_IN, 1);
					}
				}
			}
			else if (event instanceof MemberReEnrolled e) {
				history(holdingHistory, e.memberId()).add(new Object[] { effective, e.union() });
				if (counted) {
					Member member = members.get(e.memberId());
					members.put(e.memberId(),
							new Member(e.union(), Status.ACTIVE, (member != null) ? member.serving() : null));
				}
				if (inYear) {
					count(figures, e.union(), 1, Figures.RE, Figures.of(Figures.RE, Figures.CHANNEL, e.channel()));
				}
			}
			else if (event instanceof TransferAccepted e) {
				history(holdingHistory, e.memberId()).add(new Object[] { effective, e.toUnion() });
				if (counted) {
					Member member = members.get(e.memberId());
					members.put(e.memberId(), new Member(e.toUnion(), member.status(), member.serving()));
				}
				if (inYear) {
					List<String> from = Scopes.chain(e.fromUnion());
					List<String> to = Scopes.chain(e.toUnion());
					Set<String> touched = new LinkedHashSet<>(from);
					touched.addAll(to);
					boolean intraCity = e.fromUnion()
						.jurisdictionCode()
						.city()
						.equals(e.toUnion().jurisdictionCode().city());
					for (String scope : touched) {
						if (!to.contains(scope)) {
							count(figures, scope, Figures.TRANSFERS_OUT, 1);
						}
						if (!from.contains(scope)) {
							count(figures, scope, Figures.TRANSFERS_IN, 1);
						}
						count(figures, scope, intraCity ? Figures.INTRA_CITY : Figures.CROSS_CITY, 1);
					}
				}
			}
			else if (event instanceof MembershipPutOnHold e) {
				if (counted) {
					Member member = members.get(e.memberId());
					members.put(e.memberId(), new Member(member.union(), Status.ON_HOLD, member.serving()));
				}
				if (inYear) {
					count(figures, e.union(), 1, Figures.HOLDS);
				}
			}
			else if (event instanceof MembershipResumed e) {
				if (counted) {
					Member member = members.get(e.memberId());
					members.put(e.memberId(), new Member(member.union(), Status.ACTIVE, member.serving()));
				}
				if (inYear) {
					count(figures, e.union(), 1, Figures.RESUMPTIONS);
				}
			}
			else if (event instanceof MembershipTerminated e) {
				history(holdingHistory, e.memberId()).add(new Object[] { effective, null });
				if (counted) {
					Member member = members.get(e.memberId());
					members.put(e.memberId(), new Member(member.union(), Status.TERMINATED, member.serving()));
				}
				if (inYear) {
					count(figures, e.union(), 1, Figures.TERMINATIONS,
							Figures.of(Figures.TERMINATIONS, Figures.REASON, e.reason()));
				}
			}
			else if (event instanceof ServingUnionAssigned e) {
				if (counted) {
					Member member = members.get(e.memberId());
					members.put(e.memberId(), new Member(member.union(), member.status(), e.servingUnion()));
				}
			}
			else if (event instanceof ServingAssignmentEnded e) {
				if (counted) {
					Member member = members.get(e.memberId());
					members.put(e.memberId(), new Member(member.union(), member.status(), null));
				}
			}
			else if (event instanceof ServiceDelivered e) {
				UnionPlacement holding = null;
				if (e.memberId() != null) {
					for (Object[] change : history(holdingHistory, e.memberId())) {
						if (!((LocalDate) change[0]).isAfter(e.deliveredOn())) {
							holding = (UnionPlacement) change[1];
						}
					}
				}
				if (inYear) {
					long fen = e.amountYuan().movePointRight(2).longValueExact();
					service(figures, Scopes.chain(e.union()), Figures.SERVICES, e, fen);
					String group = (e.memberId() != null) ? Figures.MEMBERS : Figures.NON_MEMBERS;
					for (String scope : Scopes.chain(e.union())) {
						count(figures, scope, Figures.of(Figures.SERVICES, group, Figures.DELIVERIES), 1);
						count(figures, scope, Figures.of(Figures.SERVICES, group, Figures.PERSON_TIMES),
								e.personTimes());
						count(figures, scope, Figures.of(Figures.SERVICES, group, Figures.AMOUNT_FEN), fen);
						if (e.memberId() != null) {
							servedHere.computeIfAbsent(scope, (s) -> new HashSet<>()).add(e.memberId());
						}
					}
					if (holding != null) {
						service(figures, Scopes.chain(holding), Figures.HELD_SERVICES, e, fen);
						for (String scope : Scopes.chain(holding)) {
							servedHeld.computeIfAbsent(scope, (s) -> new HashSet<>()).add(e.memberId());
						}
					}
				}
			}
		}
		for (Member member : members.values()) {
			if (member.status() == Status.ACTIVE) {
				count(figures, member.union(), 1, Figures.ACTIVE,
						Figures.of(Figures.ACTIVE, Figures.SECTOR, member.union().sector()),
						Figures.of(Figures.ACTIVE, Figures.UNION_TYPE, member.union().type()));
			}
			else if (member.status() == Status.ON_HOLD) {
				count(figures, member.union(), 1, Figures.ON_HOLD);
			}
			if (member.serving() != null) {
				count(figures, member.serving(), 1, Figures.SERVING);
			}
		}
		for (UnionPlacement union : openUnions.values()) {
			count(figures, union, 1, Figures.OPEN_UNIONS);
		}
		servedHere.forEach((scope, served) -> count(figures, scope,
				Figures.of(Figures.SERVICES, Figures.DISTINCT_MEMBERS), served.size()));
		servedHeld.forEach((scope, served) -> count(figures, scope,
				Figures.of(Figures.HELD_SERVICES, Figures.DISTINCT_MEMBERS), served.size()));
		figures.values().forEach((values) -> values.values().removeIf((value) -> value == 0));
		figures.values().removeIf(Map::isEmpty);
		return figures;
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
		for (String scope : Scopes.chain(union)) {
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

	static LocalDate effective(Object event) {
		if (event instanceof UnionRegistered e) {
			return e.establishedOn();
		}
		if (event instanceof UnionDissolved e) {
			return e.effectiveDate();
		}
		if (event instanceof MemberEnrolled e) {
			return e.effectiveDate();
		}
		if (event instanceof MemberReEnrolled e) {
			return e.effectiveDate();
		}
		if (event instanceof EnrollmentReclassifiedAsTransferIn e) {
			return e.effectiveDate();
		}
		if (event instanceof TransferAccepted e) {
			return e.effectiveDate();
		}
		if (event instanceof MembershipPutOnHold e) {
			return e.effectiveDate();
		}
		if (event instanceof MembershipResumed e) {
			return e.effectiveDate();
		}
		if (event instanceof MembershipTerminated e) {
			return e.effectiveDate();
		}
		if (event instanceof ServingUnionAssigned e) {
			return e.effectiveDate();
		}
		if (event instanceof ServingAssignmentEnded e) {
			return e.effectiveDate();
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
		if (event instanceof UnionRegistered e) {
			return e.recordedAt();
		}
		if (event instanceof UnionDissolved e) {
			return e.recordedAt();
		}
		if (event instanceof MemberEnrolled e) {
			return e.recordedAt();
		}
		if (event instanceof MemberReEnrolled e) {
			return e.recordedAt();
		}
		if (event instanceof EnrollmentReclassifiedAsTransferIn e) {
			return e.recordedAt();
		}
		if (event instanceof TransferAccepted e) {
			return e.recordedAt();
		}
		if (event instanceof MembershipPutOnHold e) {
			return e.recordedAt();
		}
		if (event instanceof MembershipResumed e) {
			return e.recordedAt();
		}
		if (event instanceof MembershipTerminated e) {
			return e.recordedAt();
		}
		if (event instanceof ServingUnionAssigned e) {
			return e.recordedAt();
		}
		if (event instanceof ServingAssignmentEnded e) {
			return e.recordedAt();
		}
		if (event instanceof ServiceDelivered e) {
			return e.recordedAt();
		}
		if (event instanceof EnrollmentTargetSet e) {
			return e.recordedAt();
		}
		throw new IllegalArgumentException("not a counted event: " + event);
	}

	private enum Status {

		ACTIVE, ON_HOLD, TERMINATED

	}

	private record Member(UnionPlacement union, Status status, UnionPlacement serving) {
	}

}
