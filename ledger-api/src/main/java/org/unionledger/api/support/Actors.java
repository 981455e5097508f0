package org.unionledger.api.support;

import org.springframework.stereotype.Component;
import org.unionledger.api.config.LedgerProperties;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.common.RecordedBy;

/**
 * Who is acting: the signed-in user of the request, recorded in every event it causes.
 * Work the ledger does by itself (loading the demo data) is recorded as the configured
 * system operator ({@code ledger.operator}).
 */
@Component
public class Actors {

	private final AccessScopes scopes;

	private final RecordedBy system;

	public Actors(AccessScopes scopes, LedgerProperties properties) {
		this.scopes = scopes;
		this.system = new RecordedBy(properties.operator());
	}

	/** The signed-in user of this request. */
	public RecordedBy current() {
		return this.scopes.current().recordedBy();
	}

	/** The ledger itself, for work no user asked for. */
	public RecordedBy system() {
		return this.system;
	}

}
