package org.unionledger.projections.statistics;

import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.CredentialRejectionReason;
import org.unionledger.membership.Events.InterLedgerCredentialIssued;
import org.unionledger.membership.Events.InterLedgerReceiptRefused;
import org.unionledger.membership.Events.InterLedgerTransferRefused;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.ServingAssignmentEnded;
import org.unionledger.membership.Events.ServingUnionAssigned;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.ServingEndReason;
import org.unionledger.membership.TerminationReason;
import org.unionledger.service.Campaign;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.targets.Events.EnrollmentTargetSet;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionMoved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

/**
 * Random but lawful event streams, as the aggregates would write them: per member,
 * effective dates never go back and the recorded day never precedes the effective date
 * nor the member's previous recorded day; many entries are backdated (recorded days or
 * months after they took effect); across aggregates the recorded clock may jitter back a
 * day, as between two nodes.
 */
public final class LedgerStory {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final RecordedBy CLERK = new RecordedBy("clerk");

	/** Other ledgers of the federation members move to and come from. */
	static final List<LedgerId> PARTNERS = List.of(new LedgerId("41"), new LedgerId("51"), new LedgerId("4401"));

	static final PersonFingerprint PERSON = new PersonFingerprint("a".repeat(52));

	static final EncryptedPersonalData SEALED = new EncryptedPersonalData("pd-1", "c2VhbGVk");

	static final List<UnionPlacement> UNIONS = List.of(
			placement("changan-site", "130102", UnionType.PROJECT_SITE, Sector.CONSTRUCTION),
			placement("changan-express", "130102", UnionType.ENTERPRISE, Sector.LOGISTICS),
			placement("qiaoxi-dispatch", "130104", UnionType.LABOUR_DISPATCH, Sector.LABOUR_DISPATCH),
			placement("gaoxin-park", "130171", UnionType.REGIONAL, Sector.MANUFACTURING),
			placement("baoding-dispatch", "130602", UnionType.LABOUR_DISPATCH, Sector.LABOUR_DISPATCH),
			placement("dongcheng-site", "110101", UnionType.PROJECT_SITE, Sector.CONSTRUCTION));

	static final List<String> TARGET_CODES = List.of("13", "1301", "1306", "130102", "130104", "130171");

	static final LocalDate START = LocalDate.of(2024, 9, 1);

	static UnionPlacement placement(String id, String county, UnionType type, Sector sector) {
		return new UnionPlacement(new UnionId(id), JurisdictionCode.of(county), type, sector);
	}

	private final Random random;

	private final List<Object> events = new ArrayList<>();

	private LocalDate clock = START;

	private final Map<String, State> members = new HashMap<>();

	private int serviceCount;

	private LedgerStory(long seed) {
		this.random = new Random(seed);
	}

	/** A story of about {@code steps} events. */
	public static List<Object> generate(long seed, int steps) {
		LedgerStory story = new LedgerStory(seed);
		story.write(steps);
		return story.events;
	}

	/**
	 * A story of about {@code steps} events in which unions move to other county-level
	 * jurisdictions as the aggregates allow it: each move takes effect after the last day
	 * recorded so far (a day or weeks later), one move of a union at a time, and every
	 * event names the union where it stood on the event's effective day. The moves: a
	 * union within its city, one to another city, and the first again, to another
	 * province.
	 */
	public static List<Object> generateWithMoves(long seed, int steps) {
		List<Object> story = generate(seed, steps);
		Random random = new Random(seed * 31 + 7);
		String[][] plan = { { "changan-site", "130104" }, { "qiaoxi-dispatch", "130602" },
				{ "changan-site", "110101" } };
		int[] before = { story.size() / 4, story.size() / 2, story.size() * 3 / 4 };
		Map<UnionId, List<UnionMoved>> moves = new HashMap<>();
		List<Object> moved = new ArrayList<>();
		LocalDate lastRecorded = START;
		for (int i = 0; i < story.size(); i++) {
			for (int m = 0; m < plan.length; m++) {
				if (before[m] != i) {
					continue;
				}
				UnionId union = new UnionId(plan[m][0]);
				List<UnionMoved> earlier = moves.computeIfAbsent(union, (u) -> new ArrayList<>());
				UnionPlacement from = earlier.isEmpty()
						? UNIONS.stream().filter((u) -> u.unionId().equals(union)).findFirst().orElseThrow()
						: earlier.get(earlier.size() - 1).placement();
				LocalDate pending = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).effectiveDate();
				LocalDate recorded = (pending != null && pending.isAfter(lastRecorded)) ? pending : lastRecorded;
				UnionMoved move = new UnionMoved(
						new UnionPlacement(union, JurisdictionCode.of(plan[m][1]), from.type(), from.sector()),
						from.jurisdictionCode(), "2023", null, recorded.plusDays(1 + random.nextInt(30)),
						recorded.atTime(23, 30).atZone(ZONE).toInstant(), CLERK);
				earlier.add(move);
				moved.add(move);
				lastRecorded = recorded;
			}
			Object event = story.get(i);
			moved.add(placedOnTheirDay(event, moves));
			LocalDate recorded = recordedDay(event);
			if (recorded != null && recorded.isAfter(lastRecorded)) {
				lastRecorded = recorded;
			}
		}
		return moved;
	}

	private static LocalDate recordedDay(Object event) {
		for (RecordComponent component : event.getClass().getRecordComponents()) {
			if (component.getName().equals("recordedAt")) {
				return ((Instant) value(component, event)).atZone(ZONE).toLocalDate();
			}
		}
		return null;
	}

	/**
	 * The event with each union it names placed where the union stood on the event's
	 * effective day, by the moves so far.
	 */
	private static Object placedOnTheirDay(Object event, Map<UnionId, List<UnionMoved>> moves) {
		RecordComponent[] components = event.getClass().getRecordComponents();
		LocalDate day = null;
		for (String name : List.of("effectiveDate", "deliveredOn", "establishedOn")) {
			for (RecordComponent component : components) {
				if (day == null && component.getName().equals(name)) {
					day = (LocalDate) value(component, event);
				}
			}
		}
		if (day == null) {
			return event;
		}
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		boolean changed = false;
		for (int c = 0; c < components.length; c++) {
			types[c] = components[c].getType();
			values[c] = value(components[c], event);
			if (values[c] instanceof UnionPlacement placement) {
				for (UnionMoved move : moves.getOrDefault(placement.unionId(), List.of())) {
					if (!day.isBefore(move.effectiveDate())) {
						values[c] = move.placement();
						changed = true;
					}
				}
			}
		}
		if (!changed) {
			return event;
		}
		try {
			return event.getClass().getDeclaredConstructor(types).newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object value(RecordComponent component, Object record) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private enum Status {

		ACTIVE, ON_HOLD, TERMINATED

	}

	private static final class State {

		final MemberId id;

		UnionPlacement union;

		Status status;

		UnionPlacement serving;

		LocalDate lastEffective;

		LocalDate lastRecorded;

		State(MemberId id) {
			this.id = id;
		}

	}

	private void write(int steps) {
		for (UnionPlacement union : UNIONS) {
			LocalDate recorded = tick();
			this.events.add(new UnionRegistered(union, union.unionId().value(), recorded.minusDays(lag(400)),
					at(recorded), CLERK));
		}
		while (this.events.size() < steps) {
			int pick = this.random.nextInt(100);
			if (pick < 25 || this.members.isEmpty()) {
				enroll();
			}
			else if (pick < 70) {
				change(pickMember());
			}
			else if (pick < 93) {
				service();
			}
			else if (pick < 98) {
				target();
			}
			else if (pick == 98 && this.events.stream().noneMatch(UnionDissolved.class::isInstance)) {
				LocalDate recorded = tick();
				UnionPlacement union = UNIONS.get(3);
				this.events.add(new UnionDissolved(union, "closed", recorded.minusDays(lag(30)), at(recorded), CLERK));
			}
		}
	}

	/** Advances the recorded clock by 0 to 3 days, now and then. */
	private LocalDate tick() {
		if (this.random.nextInt(4) == 0) {
			this.clock = this.clock.plusDays(1 + this.random.nextInt(3));
		}
		return this.clock;
	}

	/** Days between effective and recorded date: mostly none, often backdated. */
	private int lag(int max) {
		int roll = this.random.nextInt(10);
		if (roll < 6) {
			return 0;
		}
		if (roll < 9) {
			return 1 + this.random.nextInt(20);
		}
		return 1 + this.random.nextInt(max);
	}

	private Instant at(LocalDate recorded) {
		return recorded.atTime(this.random.nextInt(24), this.random.nextInt(60)).atZone(ZONE).toInstant();
	}

	private State pickMember() {
		List<String> ids = new ArrayList<>(this.members.keySet());
		ids.sort(null);
		return this.members.get(ids.get(this.random.nextInt(ids.size())));
	}

	private UnionPlacement anyUnion() {
		return UNIONS.get(this.random.nextInt(UNIONS.size()));
	}

	private <E extends Enum<E>> E any(Class<E> type) {
		E[] values = type.getEnumConstants();
		return values[this.random.nextInt(values.length)];
	}

	private void enroll() {
		State member = new State(new MemberId("m-" + this.members.size()));
		this.members.put(member.id.value(), member);
		LocalDate recorded = tick();
		LocalDate effective = recorded.minusDays(lag(120));
		member.union = anyUnion();
		member.status = Status.ACTIVE;
		member.lastEffective = effective;
		member.lastRecorded = recorded;
		if (this.random.nextInt(12) == 0) {
			fromOtherLedger(member, effective, at(recorded));
			return;
		}
		this.events.add(new MemberEnrolled(member.id, SEALED, member.union, any(EnrollmentChannel.class), effective,
				at(recorded), CLERK));
	}

	private void change(State member) {
		LocalDate recorded = tick();
		if (recorded.isBefore(member.lastRecorded)) {
			recorded = member.lastRecorded;
		}
		LocalDate effective = recorded.minusDays(lag(60));
		if (effective.isBefore(member.lastEffective)) {
			effective = member.lastEffective;
		}
		Instant at = at(recorded);
		if (member.lastRecorded.equals(recorded)) {
			// Same recorded day: keep the member's events in recorded order.
			at = recorded.atTime(23, 59).atZone(ZONE).toInstant();
		}
		int pick = this.random.nextInt(100);
		switch (member.status) {
			case ACTIVE -> {
				if (pick < 30) {
					UnionPlacement to = anyUnion();
					if (to.equals(member.union)) {
						return;
					}
					endServing(member, ServingEndReason.MEMBERSHIP_TRANSFERRED, effective, at);
					this.events.add(new TransferAccepted(member.id, new CredentialCode("TC-" + this.events.size()),
							member.union, to, effective, at, CLERK));
					member.union = to;
				}
				else if (pick < 45) {
					this.events.add(new MembershipPutOnHold(member.id, member.union, "retired", effective, at, CLERK));
					member.status = Status.ON_HOLD;
				}
				else if (pick < 60) {
					endServing(member, ServingEndReason.MEMBERSHIP_TERMINATED, effective, at);
					this.events.add(new MembershipTerminated(member.id, member.union, any(TerminationReason.class),
							false, effective, at, CLERK));
					member.status = Status.TERMINATED;
				}
				else if (pick < 66) {
					toOtherLedger(member, effective, at, false);
				}
				else if (member.serving == null) {
					UnionPlacement serving = anyUnion();
					if (serving.equals(member.union)) {
						return;
					}
					this.events.add(new ServingUnionAssigned(member.id, member.union, serving, effective, at, CLERK));
					member.serving = serving;
				}
				else {
					endServing(member, ServingEndReason.ENDED, effective, at);
				}
			}
			case ON_HOLD -> {
				if (pick < 60) {
					this.events.add(new MembershipResumed(member.id, member.union, effective, at, CLERK));
					member.status = Status.ACTIVE;
				}
				else if (pick < 85) {
					endServing(member, ServingEndReason.MEMBERSHIP_TERMINATED, effective, at);
					this.events.add(new MembershipTerminated(member.id, member.union, any(TerminationReason.class),
							true, effective, at, CLERK));
					member.status = Status.TERMINATED;
				}
				else {
					toOtherLedger(member, effective, at, true);
				}
			}
			case TERMINATED -> {
				member.union = anyUnion();
				if (pick < 30) {
					fromOtherLedger(member, effective, at);
				}
				else {
					this.events.add(new MemberReEnrolled(member.id, SEALED, member.union, any(EnrollmentChannel.class),
							effective, at, CLERK));
				}
				member.status = Status.ACTIVE;
			}
		}
		member.lastEffective = effective;
		member.lastRecorded = recorded;
	}

	/**
	 * A move to another ledger: its credential (counts nowhere), a refused receipt now
	 * and then (counts nowhere), then the receipt's transfer out.
	 */
	private void toOtherLedger(State member, LocalDate effective, Instant at, boolean fromHold) {
		CredentialCode code = new CredentialCode("IL-" + this.events.size());
		LedgerId partner = PARTNERS.get(this.random.nextInt(PARTNERS.size()));
		this.events.add(new InterLedgerCredentialIssued(member.id, code, member.union, partner, null, PERSON, effective,
				effective.plusDays(30), at, CLERK));
		if (this.random.nextInt(4) == 0) {
			this.events.add(new InterLedgerReceiptRefused(member.id, code, partner, "r-x",
					CredentialRejectionReason.RECEIPT_MISMATCH, effective, at, CLERK));
		}
		endServing(member, ServingEndReason.MEMBERSHIP_TRANSFERRED, effective, at);
		this.events.add(new MemberTransferredToLedger(member.id, code, member.union, fromHold, partner,
				new UnionId("far-01"), "外省某工会", "r-" + this.events.size(), effective, effective, at, CLERK));
		member.status = Status.TERMINATED;
	}

	/**
	 * A person coming (back) from another ledger, after a refused presentation now and
	 * then.
	 */
	private void fromOtherLedger(State member, LocalDate effective, Instant at) {
		LedgerId partner = PARTNERS.get(this.random.nextInt(PARTNERS.size()));
		CredentialCode code = new CredentialCode("X-" + this.events.size());
		if (this.random.nextInt(4) == 0) {
			this.events.add(new InterLedgerTransferRefused(member.id, partner, code, member.union.unionId(),
					CredentialRejectionReason.EXPIRED, effective, at, CLERK));
		}
		this.events
			.add(new MemberTransferredInFromLedger(member.id, SEALED, member.union, partner, new UnionId("far-02"),
					"外省某工会", code, PERSON, "r-" + this.events.size(), effective, at, CLERK, "m-origin"));
	}

	private void endServing(State member, ServingEndReason reason, LocalDate effective, Instant at) {
		if (member.serving != null) {
			this.events
				.add(new ServingAssignmentEnded(member.id, member.union, member.serving, reason, effective, at, CLERK));
			member.serving = null;
		}
	}

	private void service() {
		LocalDate recorded = tick();
		if (this.random.nextInt(5) == 0) {
			recorded = recorded.minusDays(1);
		}
		MemberId member = (this.random.nextInt(10) < 7) ? pickMember().id : null;
		Campaign campaign = (this.random.nextBoolean()) ? any(Campaign.class) : null;
		this.events.add(new ServiceDelivered(new ServiceId("s-" + this.serviceCount++), anyUnion(), member,
				any(ServiceType.class), campaign, recorded.minusDays(lag(90)), 1 + this.random.nextInt(20),
				BigDecimal.valueOf(this.random.nextInt(500_000), 2), at(recorded), CLERK));
	}

	private void target() {
		LocalDate recorded = tick();
		String code = TARGET_CODES.get(this.random.nextInt(TARGET_CODES.size()));
		this.events.add(new EnrollmentTargetSet(JurisdictionCode.of(code), 2025 + this.random.nextInt(3),
				any(TargetSource.class), this.random.nextInt(40), null, recorded.minusDays(lag(60)), at(recorded),
				CLERK));
	}

}
