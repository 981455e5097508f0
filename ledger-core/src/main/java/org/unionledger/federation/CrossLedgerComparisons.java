package org.unionledger.federation;

/**
 * Entry point for wiring: registers the package-private aggregate that records
 * comparisons with other ledgers' fingerprint exports
 * ({@code configurer.configureAggregate(CrossLedgerComparisons.aggregateType())}); its
 * command handler expects a {@code java.time.Clock} as an injectable resource.
 */
public final class CrossLedgerComparisons {

	private CrossLedgerComparisons() {
	}

	public static Class<?> aggregateType() {
		return CrossLedgerComparison.class;
	}

}
