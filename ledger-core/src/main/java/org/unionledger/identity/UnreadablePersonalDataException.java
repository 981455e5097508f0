package org.unionledger.identity;

/**
 * Encrypted personal data cannot be opened: its key is unknown here (never configured, or
 * destroyed on purpose) or the data was altered. The message names the key reference,
 * never the data.
 */
public class UnreadablePersonalDataException extends RuntimeException {

	public UnreadablePersonalDataException(String message) {
		super(message);
	}

}
