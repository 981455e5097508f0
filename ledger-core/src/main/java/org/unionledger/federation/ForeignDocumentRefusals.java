package org.unionledger.federation;

/**
 * Entry point for wiring: registers the package-private aggregate that records refused
 * documents
 * ({@code configurer.configureAggregate(ForeignDocumentRefusals.aggregateType())}); its
 * command handler expects a {@code java.time.Clock} as an injectable resource.
 */
public final class ForeignDocumentRefusals {

	private ForeignDocumentRefusals() {
	}

	public static Class<?> aggregateType() {
		return ForeignDocumentRefusal.class;
	}

}
