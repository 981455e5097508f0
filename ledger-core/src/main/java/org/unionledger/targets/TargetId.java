package org.unionledger.targets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.unionledger.jurisdiction.JurisdictionCode;

/**
 * Identifier of the targets of one jurisdiction for one statistical year:
 * {@code target:<code>:<year>}. The colon keeps it apart from union, member and service
 * ids, which share the event store's namespace of aggregate ids and never contain one.
 *
 * @param value the identifier as text
 */
public record TargetId(@JsonValue String value) {

	@JsonCreator
	public TargetId {
		if (value == null || !value.matches("target:(\\d{2}|\\d{4}|\\d{6}):\\d{4}")) {
			throw new IllegalArgumentException("a TargetId reads target:<jurisdiction code>:<year>");
		}
	}

	public static TargetId of(JurisdictionCode code, int statisticalYear) {
		return new TargetId("target:" + code.value() + ":" + statisticalYear);
	}

	/** Axon uses {@code toString()} as the aggregate identifier. */
	@Override
	public String toString() {
		return this.value;
	}

}
