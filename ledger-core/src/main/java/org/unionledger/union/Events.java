package org.unionledger.union;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.unionledger.common.RecordedBy;

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

}
