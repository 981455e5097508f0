package org.unionledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who wrote a change into the ledger: the signed-in user or, before login exists, the
 * configured operator name.
 *
 * @param value user name, never blank
 */
public record RecordedBy(@JsonValue String value) {

	@JsonCreator
	public RecordedBy {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("recordedBy must not be blank");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
