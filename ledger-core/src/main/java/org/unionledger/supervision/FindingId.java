package org.unionledger.supervision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Stable id of a supervisor's finding (kind, member or union, and the global position of
 * the event that raised it), e.g. {@code DUPLICATE_ENROLLMENT_ATTEMPT:m-abc:1234}.
 *
 * @param value the id as text
 */
public record FindingId(@JsonValue String value) {

	@JsonCreator
	public FindingId {
		if (value == null || !value.matches("[A-Z_]+:[A-Za-z0-9_-]+:\\d+")) {
			throw new IllegalArgumentException("a finding id reads KIND:subject:position");
		}
	}

	/**
	 * Review aggregates live in the event store's namespace beside members and unions.
	 */
	@Override
	public String toString() {
		return "f-" + this.value;
	}

}
