package org.unionledger.annualreports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.unionledger.jurisdiction.JurisdictionCode;

/**
 * Identifier of the yearly statistics report of one jurisdiction for one statistical
 * year: {@code report:<code>:<year>}. The colon keeps it apart from union, member and
 * service ids in the event store's namespace of aggregate ids.
 *
 * @param value the identifier as text
 */
public record ReportId(@JsonValue String value) {

	@JsonCreator
	public ReportId {
		if (value == null || !value.matches("report:(\\d{2}|\\d{4}|\\d{6}):\\d{4}")) {
			throw new IllegalArgumentException("a ReportId reads report:<jurisdiction code>:<year>");
		}
	}

	public static ReportId of(JurisdictionCode code, int statisticalYear) {
		return new ReportId("report:" + code.value() + ":" + statisticalYear);
	}

	/** Axon uses {@code toString()} as the aggregate identifier. */
	@Override
	public String toString() {
		return this.value;
	}

}
