package org.unionledger.seeds;

import java.time.LocalDate;
import java.util.Objects;

import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionType;

/**
 * A grassroots union of the plan: registered first and, if {@code dissolvedOn} is set,
 * dissolved after everything else has been loaded.
 *
 * @param unionId caller-chosen id, e.g. {@code sjz-chang-an-construction-01}
 * @param name official name
 * @param type its type
 * @param sector its sector
 * @param jurisdictionCode county-level unit it sits under
 * @param establishedOn effective date of the registration
 * @param dissolvedOn effective date of the dissolution, or {@code null}
 * @param dissolutionReason why it was dissolved, or {@code null}
 */
public record UnionSeed(UnionId unionId, String name, UnionType type, Sector sector, JurisdictionCode jurisdictionCode,
		LocalDate establishedOn, LocalDate dissolvedOn, String dissolutionReason) {

	public UnionSeed {
		Objects.requireNonNull(unionId, "unionId");
		Objects.requireNonNull(establishedOn, "establishedOn");
		if ((dissolvedOn == null) != (dissolutionReason == null)) {
			throw new IllegalArgumentException("a dissolution needs both a date and a reason");
		}
	}

	/** The city (4 digits) the union belongs to. */
	public JurisdictionCode cityCode() {
		return this.jurisdictionCode.city();
	}

	public boolean dissolves() {
		return this.dissolvedOn != null;
	}

	/** Established on or before the date and not yet dissolved on it. */
	public boolean isOpenOn(LocalDate date) {
		return !date.isBefore(this.establishedOn) && (this.dissolvedOn == null || date.isBefore(this.dissolvedOn));
	}

}
