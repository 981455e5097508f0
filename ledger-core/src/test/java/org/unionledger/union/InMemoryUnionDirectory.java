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

	@Override
	public Optional<UnionFacts> find(UnionId unionId) {
		return Optional.ofNullable(this.unions.get(unionId));
	}

}
