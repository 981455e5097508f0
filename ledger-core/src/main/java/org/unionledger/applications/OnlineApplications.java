package org.unionledger.applications;

/**
 * Entry point for wiring, e.g.
 * {@code configurer.configureAggregate(OnlineApplications.aggregateType())}. Command
 * handlers expect a {@code java.time.Clock} and an
 * {@code org.unionledger.union.UnionDirectory} as injectable resources.
 */
public final class OnlineApplications {

	private OnlineApplications() {
	}

	public static Class<?> aggregateType() {
		return OnlineApplication.class;
	}

}
