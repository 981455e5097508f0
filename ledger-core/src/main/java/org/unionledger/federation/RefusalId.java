package org.unionledger.federation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Caller-chosen id of one recorded refusal of a document from another ledger.
 *
 * @param value the identifier as text
 */
public record RefusalId(@JsonValue String value) {

	@JsonCreator
	public RefusalId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("RefusalId must not be blank");
		}
	}

	/** Axon uses {@code toString()} as the aggregate identifier. */
	@Override
	public String toString() {
		return this.value;
	}

}
