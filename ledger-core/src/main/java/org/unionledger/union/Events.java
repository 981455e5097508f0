package org.unionledger.union;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.JurisdictionCode;

/** Events of the grassroots-union feature. */
public final class Events {

	private Events() {
	}

	/** A grassroots union was set up; {@code establishedOn} is its effective date. */
	@Revision("1")
	public record UnionRegistered(UnionPlacement placement, String name, LocalDate establishedOn, Instant recordedAt,
			RecordedBy recordedBy) implements UnionEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * A grassroots union took a new name from {@code effectiveDate} on;
	 * {@code previousName} is the name it had until then.
	 */
	@Revision("1")
	public record UnionRenamed(UnionPlacement placement, String name, String previousName, String reason,
			LocalDate effectiveDate, Instant recordedAt, RecordedBy recordedBy) implements UnionEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/** A grassroots union was dissolved. */
	@Revision("1")
	public record UnionDissolved(UnionPlacement placement, String reason, LocalDate effectiveDate, Instant recordedAt,
			RecordedBy recordedBy) implements UnionEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

	/**
	 * A grassroots union moves to another county-level jurisdiction from
	 * {@code effectiveDate} on (a day after the one it was recorded on), as when the
	 * division table changes: {@code placement} is where it stands from that day,
	 * {@code previousJurisdictionCode} where it stood until then; {@code divisionTable}
	 * is the version of the division table the new code was checked against. Everything
	 * effective before that day stays counted under the previous jurisdiction.
	 */
	@Revision("1")
	public record UnionMoved(UnionPlacement placement, JurisdictionCode previousJurisdictionCode, String divisionTable,
			String reason, LocalDate effectiveDate, Instant recordedAt, RecordedBy recordedBy) implements UnionEvent {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.on(this);
		}

	}

}
