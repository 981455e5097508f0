package org.unionledger.applications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifier of an online application, {@code oa-} followed by random characters chosen
 * by the caller.
 *
 * @param value the identifier as text
 */
public record ApplicationId(@JsonValue String value) {

	@JsonCreator
	public ApplicationId {
		if (value == null || !value.startsWith("oa-") || value.length() < 4) {
			throw new IllegalArgumentException("an ApplicationId starts with oa-");
		}
	}

	/** Axon uses {@code toString()} as the aggregate identifier. */
	@Override
	public String toString() {
		return this.value;
	}

}
