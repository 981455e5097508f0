package org.unionledger.disclosure;

/**
 * Entry point for wiring: the aggregate class stays package-private, e.g.
 * {@code configurer.configureAggregate(DisclosureLogs.aggregateType())}. Command handlers
 * expect a {@code java.time.Clock} as injectable resource.
 */
public final class DisclosureLogs {

	private DisclosureLogs() {
	}

	public static Class<?> aggregateType() {
		return DisclosureLog.class;
	}

}
