package org.unionledger.union;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Caller-chosen identifier of a grassroots union (e.g. {@code sjz-construction-01}).
 *
 * @param value the identifier as text
 */
public record UnionId(@JsonValue String value) {

	@JsonCreator
	public UnionId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("UnionId must not be blank");
		}
	}

	/** Axon uses {@code toString()} as the aggregate identifier. */
	@Override
	public String toString() {
		return this.value;
	}

}
