package org.unionledger.api.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of bulk imports, under {@code ledger.imports.*}.
 *
 * @param threads rows enrolled in parallel within a job (default 2; jobs run one at a
 * time)
 */
@ConfigurationProperties("ledger.imports")
public record ImportProperties(Integer threads) {

	public ImportProperties {
		threads = (threads != null && threads > 0) ? Math.min(threads, 16) : 2;
	}

}
