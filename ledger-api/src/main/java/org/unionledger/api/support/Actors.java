package org.unionledger.api.support;

import org.springframework.stereotype.Component;
import org.unionledger.api.config.LedgerProperties;
import org.unionledger.common.RecordedBy;

/**
 * Who is acting. Until sign-in exists this is the configured operator
 * ({@code ledger.operator}).
 */
@Component
public class Actors {

	private final RecordedBy operator;

	public Actors(LedgerProperties properties) {
		this.operator = new RecordedBy(properties.operator());
	}

	public RecordedBy current() {
		return this.operator;
	}

}
