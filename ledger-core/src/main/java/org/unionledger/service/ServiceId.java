package org.unionledger.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifier of one recorded service delivery, chosen by the caller.
 *
 * @param value the identifier as text
 */
public record ServiceId(@JsonValue String value) {

	@JsonCreator
	public ServiceId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("ServiceId must not be blank");
		}
	}

	/** Axon uses {@code toString()} as the aggregate identifier. */
	@Override
	public String toString() {
		return this.value;
	}

}
