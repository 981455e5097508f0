package org.unionledger.identity;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A person as every ledger of the federation names them: a keyed hash of the resident ID
 * under the federation's shared key ({@link FederationFingerprints}). Two ledgers compare
 * fingerprints, never IDs; without the key the ID cannot be tested against it.
 *
 * @param value 52 characters of lower-case RFC 4648 base32 (256 bits)
 */
public record PersonFingerprint(@JsonValue String value) {

	private static final Pattern FORM = Pattern.compile("[a-z2-7]{52}");

	@JsonCreator
	public PersonFingerprint {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new IllegalArgumentException("a federation fingerprint is 52 base32 characters");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
