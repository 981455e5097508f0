package org.unionledger.api.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.unionledger.eventstore.StoreNotUpgradedException;

/**
 * A store written before commit authenticators stops start-up with what to do, instead of
 * a page of bean-creation errors around the engine.
 */
public class StoreNotUpgradedFailureAnalyzer extends AbstractFailureAnalyzer<StoreNotUpgradedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StoreNotUpgradedException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Stop the ledger and run ./ledger upgrade-authenticators once (docs/security.md, Upgrading an existing store), "
						+ "then start it again.",
				cause);
	}

}
