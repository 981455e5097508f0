package org.unionledger.projections.support;

import org.axonframework.eventhandling.TrackingToken;

/** The global position of a tracked event, the key of every idempotence check. */
public final class EventPositions {

	private EventPositions() {
	}

	public static long of(TrackingToken token) {
		if (token == null) {
			throw new IllegalStateException("read models are built by tracking processors only; no token given");
		}
		return token.position()
			.orElseThrow(() -> new IllegalStateException("token " + token + " has no global position"));
	}

}
