package org.unionledger.federation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Caller-chosen id of one comparison of this ledger's members with another ledger's
 * fingerprint export.
 *
 * @param value the identifier as text
 */
public record ComparisonId(@JsonValue String value) {

	@JsonCreator
	public ComparisonId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("ComparisonId must not be blank");
		}
	}

	/** Axon uses {@code toString()} as the aggregate identifier. */
	@Override
	public String toString() {
		return this.value;
	}

}
