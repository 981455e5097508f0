package org.unionledger.api.requests;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on requests, under {@code ledger.requests.*}.
 *
 * @param maxBody largest body of an ordinary request (default 64KB)
 * @param maxImportBody largest body of {@code POST /api/imports} (default 32MB)
 */
@ConfigurationProperties("ledger.requests")
public record RequestProperties(DataSize maxBody, DataSize maxImportBody) {

	public RequestProperties {
		maxBody = (maxBody != null) ? maxBody : DataSize.ofKilobytes(64);
		maxImportBody = (maxImportBody != null) ? maxImportBody : DataSize.ofMegabytes(32);
	}

	long limitFor(String path) {
		return (path != null && path.startsWith("/api/imports")) ? this.maxImportBody.toBytes()
				: this.maxBody.toBytes();
	}

}
