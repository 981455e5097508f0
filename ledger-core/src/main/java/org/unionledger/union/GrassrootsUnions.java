package org.unionledger.union;

/**
 * Entry point for wiring: the aggregate class stays package-private (its API is the
 * commands), yet a configuration in another module must name it to register it with Axon,
 * e.g. {@code configurer.configureAggregate(GrassrootsUnions.aggregateType())}. Command
 * handlers expect a {@code java.time.Clock} and a
 * {@code org.unionledger.jurisdiction.JurisdictionTable} as injectable resources.
 */
public final class GrassrootsUnions {

	private GrassrootsUnions() {
	}

	public static Class<?> aggregateType() {
		return GrassrootsUnion.class;
	}

}
