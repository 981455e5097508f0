package org.unionledger.api.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in throttling under {@code ledger.security.sign-in.*} (see
 * {@link SignInThrottle}).
 *
 * @param maxFailures failed sign-ins of one user name before it is locked out (default 5)
 * @param maxFailuresPerAddress failed sign-ins from one client address, whatever the user
 * names, before the address is locked out (default 50: offices share addresses)
 * @param lockout how long a lockout lasts, and how long a failure is remembered after the
 * last one (default 15 minutes)
 * @param delay the wait after the second failure in a row (default 0.2 s)
 * @param delayGrowth the factor each further failure multiplies the wait by (default 2)
 * @param maxDelay the longest wait before the lockout (default 5 s)
 * @param maximumTracked how many user names and how many addresses are tracked at most
 * (default 10,000 each; the least recently written are forgotten first)
 */
@ConfigurationProperties("ledger.security.sign-in")
public record SignInProperties(Integer maxFailures, Integer maxFailuresPerAddress, Duration lockout, Duration delay,
		Double delayGrowth, Duration maxDelay, Integer maximumTracked) {

	public SignInProperties {
		maxFailures = (maxFailures != null) ? maxFailures : 5;
		maxFailuresPerAddress = (maxFailuresPerAddress != null) ? maxFailuresPerAddress : 50;
		lockout = (lockout != null) ? lockout : Duration.ofMinutes(15);
		delay = (delay != null) ? delay : Duration.ofMillis(200);
		delayGrowth = (delayGrowth != null) ? delayGrowth : 2.0;
		maxDelay = (maxDelay != null) ? maxDelay : Duration.ofSeconds(5);
		maximumTracked = (maximumTracked != null) ? maximumTracked : 10_000;
		if (maxFailures < 1 || maxFailuresPerAddress < 1) {
			throw new IllegalStateException("ledger.security.sign-in.max-failures* must be at least 1");
		}
		if (lockout.isZero() || lockout.isNegative() || delay.isNegative() || maxDelay.isNegative()
				|| delayGrowth < 1) {
			throw new IllegalStateException(
					"ledger.security.sign-in: lockout must be positive, delays not negative, delay-growth at least 1");
		}
		if (maximumTracked < 1) {
			throw new IllegalStateException("ledger.security.sign-in.maximum-tracked must be at least 1");
		}
	}

	/** The defaults. */
	public static SignInProperties defaults() {
		return new SignInProperties(null, null, null, null, null, null, null);
	}

}
