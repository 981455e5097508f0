package org.unionledger.api.federation;

import org.unionledger.federation.DocumentRefusal;

/** A document from another ledger that this ledger does not take, and why. */
public class DocumentRefusedException extends RuntimeException {

	private final DocumentRefusal reason;

	public DocumentRefusedException(DocumentRefusal reason, String message) {
		super(message);
		this.reason = reason;
	}

	public DocumentRefusal reason() {
		return this.reason;
	}

}
