package org.unionledger.service;

/**
 * Entry point for wiring: the aggregate class stays package-private (its API is the
 * commands), yet a configuration in another module must name it to register it with Axon,
 * e.g. {@code configurer.configureAggregate(ServiceDeliveries.aggregateType())}. Command
 * handlers expect a {@code java.time.Clock}, an
 * {@code org.unionledger.union.UnionDirectory} and an
 * {@code org.unionledger.membership.MemberDirectory} as injectable resources.
 */
public final class ServiceDeliveries {

	private ServiceDeliveries() {
	}

	public static Class<?> aggregateType() {
		return ServiceDelivery.class;
	}

}
