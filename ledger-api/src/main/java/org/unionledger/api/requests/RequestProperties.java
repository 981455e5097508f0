package org.unionledger.api.requests;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on requests, under {@code ledger.requests.*}.
 *
 * @param maxBody largest body of an ordinary request (default 64KB)
 * @param maxImportBody largest body of {@code POST /api/imports} (default 32MB)
 * @param idempotencyRetention how long the answer to an {@code Idempotency-Key} is kept
 * (default 24 hours)
 * @param expiredKeyRetention how long an expired key is remembered after that, without
 * its answer, so that a late retry is refused rather than run again (default 30 days)
 */
@ConfigurationProperties("ledger.requests")
public record RequestProperties(DataSize maxBody, DataSize maxImportBody, Duration idempotencyRetention,
		Duration expiredKeyRetention) {

	public RequestProperties {
		maxBody = (maxBody != null) ? maxBody : DataSize.ofKilobytes(64);
		maxImportBody = (maxImportBody != null) ? maxImportBody : DataSize.ofMegabytes(32);
		idempotencyRetention = positive(idempotencyRetention, Duration.ofHours(24));
		expiredKeyRetention = positive(expiredKeyRetention, Duration.ofDays(30));
	}

	private static Duration positive(Duration value, Duration otherwise) {
		return (value != null && !value.isNegative() && !value.isZero()) ? value : otherwise;
	}

	long limitFor(String path) {
		return (path != null && path.startsWith("/api/imports")) ? this.maxImportBody.toBytes()
				: this.maxBody.toBytes();
	}

}
