package org.unionledger.jurisdiction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A GB/T 2260 statistical division code: 2 digits for a province, 4 for a city
 * (prefecture), 6 for a county, district or development zone. Only the shape is checked
 * here; whether the code exists is for {@link JurisdictionTable}.
 *
 * @param value the digits
 */
public record JurisdictionCode(@JsonValue String value) {

	@JsonCreator
	public JurisdictionCode {
		if (value == null || !value.matches("\\d{2}|\\d{4}|\\d{6}")) {
			throw new IllegalArgumentException("a jurisdiction code has 2, 4 or 6 digits");
		}
	}

	public static JurisdictionCode of(String value) {
		return new JurisdictionCode(value);
	}

	public JurisdictionLevel level() {
		return switch (this.value.length()) {
			case 2 -> JurisdictionLevel.PROVINCE;
			case 4 -> JurisdictionLevel.CITY;
			default -> JurisdictionLevel.COUNTY;
		};
	}

	public JurisdictionCode province() {
		return new JurisdictionCode(this.value.substring(0, 2));
	}

	/** The city of a city or county code; a province code has none. */
	public JurisdictionCode city() {
		if (this.value.length() < 4) {
			throw new IllegalStateException("a province code has no city");
		}
		return new JurisdictionCode(this.value.substring(0, 4));
	}

	/** Whether {@code other} is this code or lies below it. */
	public boolean contains(JurisdictionCode other) {
		return other.value.startsWith(this.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
