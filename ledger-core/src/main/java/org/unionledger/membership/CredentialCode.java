package org.unionledger.membership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Code of a single-use transfer credential, unguessable, chosen by the caller (never
 * generated inside an aggregate).
 *
 * @param value the identifier as text
 */
public record CredentialCode(@JsonValue String value) {

	@JsonCreator
	public CredentialCode {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("CredentialCode must not be blank");
		}
	}

	/** Axon uses {@code toString()} as the aggregate identifier. */
	@Override
	public String toString() {
		return this.value;
	}

}
