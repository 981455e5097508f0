package org.unionledger.api.applications;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the public application form, under {@code ledger.applications.*}.
 *
 * @param rateLimit how many applications one client address may send
 */
@ConfigurationProperties("ledger.applications")
public record ApplicationProperties(RateLimit rateLimit) {

	public ApplicationProperties {
		rateLimit = (rateLimit != null) ? rateLimit : new RateLimit(null, null);
	}

	/**
	 * A token bucket per client address.
	 *
	 * @param capacity requests allowed at once (default 5)
	 * @param perMinute tokens refilled per minute (default 5)
	 */
	public record RateLimit(Integer capacity, Integer perMinute) {

		public RateLimit {
			capacity = (capacity != null && capacity > 0) ? capacity : 5;
			perMinute = (perMinute != null && perMinute > 0) ? perMinute : 5;
		}

	}

}
