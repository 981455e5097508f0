package org.unionledger.api.problems;

/** A request body exceeded its limit (413). */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(String message) {
		super(message);
	}

}
