package org.unionledger.supervision;

/**
 * Entry point for wiring: the aggregate stays package-private, configuration names it
 * through {@link #aggregateType()}. Its command handler expects a
 * {@code java.time.Clock}.
 */
public final class FindingReviews {

	private FindingReviews() {
	}

	public static Class<?> aggregateType() {
		return FindingReview.class;
	}

}
