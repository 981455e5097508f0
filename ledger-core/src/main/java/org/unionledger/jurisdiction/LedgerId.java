package org.unionledger.jurisdiction;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A ledger of the federation, named by the GB/T 2260 code of the jurisdiction it serves:
 * {@code 13} for the Hebei federation's ledger, {@code 41} for Henan's; a city's own
 * ledger would have a 4-digit code.
 *
 * @param value the code, 2, 4 or 6 digits
 */
public record LedgerId(@JsonValue String value) {

	private static final Pattern CODE = Pattern.compile("\\d{2}(\\d{2}){0,2}");

	@JsonCreator
	public LedgerId {
		if (value == null || !CODE.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"a ledger is named by a GB/T 2260 code of 2, 4 or 6 digits, not " + value);
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
