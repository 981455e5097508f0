package org.unionledger.common;

/**
 * Who wrote a change into the ledger: the signed-in user or, before login exists, the
 * configured operator name.
 *
 * @param value user name, never blank
 */
public record RecordedBy(String value) {

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
