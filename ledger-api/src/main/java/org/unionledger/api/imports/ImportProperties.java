package org.unionledger.api.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of bulk imports, under {@code ledger.imports.*}.
 *
 * @param batchSize rows sent to the ledger as one command batch (default 256, at most
 * 1,024; jobs run one at a time)
 */
@ConfigurationProperties("ledger.imports")
public record ImportProperties(Integer batchSize) {

	public ImportProperties {
		batchSize = (batchSize != null && batchSize > 0) ? Math.min(batchSize, 1024) : 256;
	}

}
