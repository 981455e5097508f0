package org.unionledger.targets;

/**
 * Entry point for wiring: the aggregate class stays package-private (its API is the
 * commands), yet a configuration in another module must name it to register it with Axon.
 * Command handlers expect a {@code java.time.Clock} and a
 * {@code org.unionledger.jurisdiction.JurisdictionTable} as injectable resources.
 */
public final class EnrollmentTargets {

	private EnrollmentTargets() {
	}

	public static Class<?> aggregateType() {
		return EnrollmentTarget.class;
	}

}
