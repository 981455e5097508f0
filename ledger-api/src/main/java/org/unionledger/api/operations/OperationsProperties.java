package org.unionledger.api.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of operations, under {@code ledger.operations.*}.
 *
 * @param consistencyCheckInterval the least time between two consistency checks started
 * by the same user (default 1 minute; 0 = no limit); checks run one at a time on a node
 * whatever this says
 */
@ConfigurationProperties("ledger.operations")
public record OperationsProperties(Duration consistencyCheckInterval) {

	public OperationsProperties {
		consistencyCheckInterval = (consistencyCheckInterval != null && !consistencyCheckInterval.isNegative())
				? consistencyCheckInterval : Duration.ofMinutes(1);
	}

}
