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
		if (!wellFormed(value)) {
			throw new IllegalArgumentException("a jurisdiction code has 2, 4 or 6 digits");
		}
	}

	/**
	 * 2, 4 or 6 ASCII digits. Checked by hand: codes are made for every event of every
	 * projection, and {@code String.matches} compiled a pattern each time (a fifth of the
	 * demo seeding's own CPU time).
	 */
	private static boolean wellFormed(String value) {
		if (value == null || (value.length() != 2 && value.length() != 4 && value.length() != 6)) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
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
