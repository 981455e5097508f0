package org.unionledger.api.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.unionledger.api.problems.ApiException;
import org.unionledger.common.Rule;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionId;

/** Shapes of identifiers the API accepts, checked before anything touches the store. */
public final class Ids {

	/**
	 * Union ids: lower-case letters, digits and hyphens, 2–64 characters; {@code m-},
	 * {@code s-}, {@code pd-} and {@code oa-} are reserved for member, service,
	 * disclosure-log and online-application ids, which share the event store's namespace
	 * of aggregate ids.
	 */
	public static final String UNION_ID_PATTERN = "^(?!(m|s|pd|oa)-)[a-z0-9][a-z0-9-]{1,63}$";

	private static final String MEMBER_ID_PATTERN = "^m-[a-z2-7]{26}$";

	private Ids() {
	}

	public static Optional<UnionId> union(String value) {
		return (value != null && value.matches(UNION_ID_PATTERN)) ? Optional.of(new UnionId(value)) : Optional.empty();
	}

	public static UnionId requireUnion(String value, String field) {
		return union(value).orElseThrow(() -> ApiException.of(Rule.UNION_ID_FORMAT, field,
				field + " must be 2-64 lower-case letters, digits or hyphens"));
	}

	public static Optional<MemberId> member(String value) {
		return (value != null && value.matches(MEMBER_ID_PATTERN)) ? Optional.of(new MemberId(value))
				: Optional.empty();
	}

	/** Dates of things that happened may not lie in the ledger's future. */
	public static void requireNotFuture(LocalDate date, Clock clock, String field) {
		if (date != null && date.isAfter(LocalDate.now(clock))) {
			throw ApiException.of(Rule.EFFECTIVE_DATE_IN_FUTURE, field, field + " must not be in the future");
		}
	}

}
