package org.unionledger.api.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of bulk imports, under {@code ledger.imports.*}.
 *
 * @param batchSize rows sent to the ledger as one command batch (default 256, at most
 * 1,024; jobs run one at a time)
 * @param retention how long a job (its counts and rejected rows) is kept after it was
 * started (default 30 days)
 */
@ConfigurationProperties("ledger.imports")
public record ImportProperties(Integer batchSize, Duration retention) {

	public ImportProperties {
		batchSize = (batchSize != null && batchSize > 0) ? Math.min(batchSize, 1024) : 256;
		retention = (retention != null && !retention.isNegative() && !retention.isZero()) ? retention
				: Duration.ofDays(30);
	}

}
