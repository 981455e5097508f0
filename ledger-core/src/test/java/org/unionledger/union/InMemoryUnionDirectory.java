package org.unionledger.union;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.unionledger.jurisdiction.JurisdictionCode;

/** A {@link UnionDirectory} test double filled by the test. */
public final class InMemoryUnionDirectory implements UnionDirectory {

	private final Map<UnionId, UnionFacts> unions = new HashMap<>();

	/** Registers an open union and returns its placement. */
	public UnionPlacement add(String id, String jurisdictionCode, UnionType type, Sector sector,
			LocalDate establishedOn) {
		return add(id, jurisdictionCode, type, sector, establishedOn, null);
	}

	public UnionPlacement add(String id, String jurisdictionCode, UnionType type, Sector sector,
			LocalDate establishedOn, LocalDate dissolvedOn) {
		UnionPlacement placement = new UnionPlacement(new UnionId(id), JurisdictionCode.of(jurisdictionCode), type,
				sector);
		this.unions.put(placement.unionId(), new UnionFacts(placement, id, establishedOn, dissolvedOn));
		return placement;
	}

	/**
	 * Moves a registered union to another county-level jurisdiction from {@code on} and
	 * returns where it stands from then.
	 */
	public UnionPlacement move(UnionId unionId, String jurisdictionCode, LocalDate on) {
		UnionFacts facts = this.unions.get(unionId);
		UnionPlacement placement = new UnionPlacement(unionId, JurisdictionCode.of(jurisdictionCode),
				facts.placement().type(), facts.placement().sector());
		java.util.List<UnionMove> moves = new java.util.ArrayList<>(facts.moves());
		moves.add(new UnionMove(on, facts.placement().jurisdictionCode(), placement.jurisdictionCode()));
		this.unions.put(unionId, new UnionFacts(placement, facts.name(), facts.establishedOn(), facts.dissolvedOn(),
				facts.names(), moves));
		return placement;
	}

	@Override
	public Optional<UnionFacts> find(UnionId unionId) {
		return Optional.ofNullable(this.unions.get(unionId));
	}

}
