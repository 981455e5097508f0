package org.unionledger.membership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifier of a person's membership, derived from the keyed fingerprint of their
 * resident ID, so that every spelling of one ID names the same membership.
 *
 * @param value the identifier as text
 */
public record MemberId(@JsonValue String value) {

	@JsonCreator
	public MemberId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("MemberId must not be blank");
		}
	}

	/** Axon uses {@code toString()} as the aggregate identifier. */
	@Override
	public String toString() {
		return this.value;
	}

}
