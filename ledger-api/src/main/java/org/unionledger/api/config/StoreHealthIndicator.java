package org.unionledger.api.config;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code store}: DOWN while the store cannot take writes (a full disk),
 * with the reason; UP again as soon as it can, without a restart.
 */
@Component
class StoreHealthIndicator implements HealthIndicator {

	private final LedgerStore store;

	StoreHealthIndicator(LedgerStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		return this.store.writeFault()
			.map((fault) -> Health.down().withDetail("writes", "refused: " + fault))
			.orElseGet(() -> Health.up().withDetail("writes", "taken"))
			.withDetail("store", this.store.description())
			.build();
	}

}
