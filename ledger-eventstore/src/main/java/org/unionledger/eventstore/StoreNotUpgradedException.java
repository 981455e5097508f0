package org.unionledger.eventstore;

/**
 * An engine with an authenticator was opened on a store whose commits were written before
 * commit authenticators existed: the store needs the one-off {@link AuthenticatorUpgrade}
 * first (on the command line {@code ./ledger
 * upgrade-authenticators}), which authenticates the existing commits after verifying the
 * seal.
 */
public class StoreNotUpgradedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public StoreNotUpgradedException(long head) {
		super("The event store holds " + head + " positions written before commit authenticators existed. "
				+ "Stop the ledger and run the one-off upgrade once: ./ledger upgrade-authenticators "
				+ "(it verifies the seal, then authenticates the existing commits under the ledger's key; see "
				+ "docs/security.md, Upgrading an existing store).");
	}

}
