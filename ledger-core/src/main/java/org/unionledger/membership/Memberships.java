package org.unionledger.membership;

/**
 * Entry point for wiring: the aggregate class stays package-private (its API is the
 * commands), yet a configuration in another module must name it to register it with Axon,
 * e.g. {@code configurer.configureAggregate(Memberships.aggregateType())}. Command
 * handlers expect a {@code java.time.Clock} and an
 * {@code org.unionledger.union.UnionDirectory} as injectable resources.
 */
public final class Memberships {

	private Memberships() {
	}

	public static Class<?> aggregateType() {
		return Membership.class;
	}

}
