package org.unionledger.union;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.JurisdictionCode;

/**
 * Command-side lookup of registered unions, injected into command handlers. Implemented
 * outside the domain (by a read model kept up to date with the union events).
 */
public interface UnionDirectory {

	Optional<UnionFacts> find(UnionId unionId);

	/**
	 * The union's facts if it is registered and open on the date; otherwise a violation
	 * of {@link Rule#UNION_UNKNOWN} or {@link Rule#UNION_NOT_OPEN} for {@code field}.
	 */
	default UnionFacts requireOpenOn(UnionId unionId, LocalDate date, String field) {
		UnionFacts facts = find(unionId).orElseThrow(() -> DomainRuleViolation.unknownReference(field,
				Rule.UNION_UNKNOWN, "no union " + unionId + " is registered"));
		if (!facts.isOpenOn(date)) {
			throw new DomainRuleViolation(field, Rule.UNION_NOT_OPEN, "union " + unionId + " is not open on " + date);
		}
		return facts;
	}

	/**
	 * What command handlers need to know of a union.
	 *
	 * @param placement where the union stands
	 * @param name its name now
	 * @param establishedOn when it was set up
	 * @param dissolvedOn when it was dissolved, or {@code null}
	 * @param names every name it has had, each with the day it took effect, oldest first
	 * (the last is {@code name})
	 * @param moves every move to another jurisdiction, oldest first; {@code placement} is
	 * where the last one puts it, which may take effect only after today
	 */
	record UnionFacts(UnionPlacement placement, String name, LocalDate establishedOn, LocalDate dissolvedOn,
			List<UnionName> names, List<UnionMove> moves) {

		public UnionFacts {
			names = (names == null || names.isEmpty()) ? List.of(new UnionName(name, establishedOn))
					: List.copyOf(names);
			moves = (moves == null) ? List.of() : List.copyOf(moves);
		}

		/** A union that has not moved. */
		public UnionFacts(UnionPlacement placement, String name, LocalDate establishedOn, LocalDate dissolvedOn,
				List<UnionName> names) {
			this(placement, name, establishedOn, dissolvedOn, names, null);
		}

		/** A union that has kept its first name. */
		public UnionFacts(UnionPlacement placement, String name, LocalDate establishedOn, LocalDate dissolvedOn) {
			this(placement, name, establishedOn, dissolvedOn, null);
		}

		/**
		 * Where the union stands on {@code date}: under the jurisdiction of the last move
		 * in effect by then, or the one it was registered under. Every event effective on
		 * a day carries the placement of that day, so that figures by date count it where
		 * it stood.
		 */
		public UnionPlacement placementOn(LocalDate date) {
			return UnionMove.placementOn(this.placement, this.moves, date);
		}

		/** Whether the union exists and is not dissolved on the given date. */
		public boolean isOpenOn(LocalDate date) {
			return !date.isBefore(this.establishedOn) && (this.dissolvedOn == null || date.isBefore(this.dissolvedOn));
		}

	}

	/**
	 * A name a union had from a day on.
	 *
	 * @param name the name
	 * @param from the day it took effect
	 */
	record UnionName(String name, LocalDate from) {
	}

	/**
	 * A union's move from a day on.
	 *
	 * @param effectiveDate the first day it stands under {@code to}
	 * @param from the county-level jurisdiction it stood under until then
	 * @param to the one it stands under from then
	 */
	record UnionMove(LocalDate effectiveDate, JurisdictionCode from, JurisdictionCode to) {

		/**
		 * Where a union stands on {@code date}, given where its last move put it and its
		 * moves, oldest first: the one rule the aggregate and the directory share.
		 */
		static UnionPlacement placementOn(UnionPlacement latest, List<UnionMove> moves, LocalDate date) {
			UnionPlacement placement = latest;
			for (int i = moves.size() - 1; i >= 0 && date.isBefore(moves.get(i).effectiveDate()); i--) {
				placement = new UnionPlacement(placement.unionId(), moves.get(i).from(), placement.type(),
						placement.sector());
			}
			return placement;
		}

	}

}
