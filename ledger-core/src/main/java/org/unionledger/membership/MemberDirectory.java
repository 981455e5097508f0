package org.unionledger.membership;

import java.time.LocalDate;
import java.util.Optional;

import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Rule;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;

/**
 * Command-side lookup of which unions answer for a member on a date, injected into
 * command handlers. Implemented outside the domain by reading the member's own event
 * stream and folding it with {@link Standing#asOf} (by {@link MembershipState}).
 */
public interface MemberDirectory {

	/**
	 * The member's standing on the date, or empty if no membership existed then (unknown
	 * id, not yet enrolled, or terminated by then).
	 */
	Optional<Standing> standingOn(MemberId memberId, LocalDate date);

	/**
	 * Fails with {@link Rule#MEMBER_UNKNOWN} unless the union held or served the member
	 * on the date. An unknown member and one out of the union's reach fail alike, so the
	 * answer never tells whether a member id exists elsewhere.
	 */
	default void requireHeldOrServedBy(MemberId memberId, UnionId unionId, LocalDate date, String field) {
		if (standingOn(memberId, date).filter((standing) -> standing.answersFor(unionId)).isEmpty()) {
			throw unknownMember(field);
		}
	}

	/** The one refusal for an unknown member and for a member out of reach. */
	static DomainRuleViolation unknownMember(String field) {
		return new DomainRuleViolation(field, Rule.MEMBER_UNKNOWN,
				"no member with this id is held or served by the union on that date");
	}

	/**
	 * Which unions answer for a member on a date.
	 *
	 * @param holdingUnionId the union that holds the membership (active or on hold)
	 * @param servingUnionId the union assigned to serve the member, or {@code null}
	 */
	record Standing(UnionId holdingUnionId, UnionId servingUnionId) {

		/** Whether the union holds or serves the member. */
		public boolean answersFor(UnionId unionId) {
			return unionId.equals(this.holdingUnionId) || unionId.equals(this.servingUnionId);
		}

		/**
		 * The standing on {@code date} from a member's event payloads in stream order:
		 * only events effective on or before the date count; a transfer, termination or
		 * end of a serving assignment takes effect on its effective date. The union holds
		 * the membership while it is active or on hold.
		 */
		public static Optional<Standing> asOf(Iterable<?> payloads, LocalDate date) {
			MembershipState state = MembershipState.NONE;
			for (Object payload : payloads) {
				if (payload instanceof MembershipEvent event && takesEffectBy(event, date)) {
					state = event.accept(state);
				}
			}
			if (state.status() != MembershipStatus.ACTIVE && state.status() != MembershipStatus.ON_HOLD) {
				return Optional.empty();
			}
			UnionPlacement serving = state.servingUnion();
			return Optional.of(new Standing(state.union().unionId(), (serving != null) ? serving.unionId() : null));
		}

		private static boolean takesEffectBy(MembershipEvent event, LocalDate date) {
			LocalDate effective = MembershipState.effectiveDate(event);
			return effective == null || !effective.isAfter(date);
		}

	}

}
