package org.unionledger.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The ledger's clock in API tests: a fixed instant, so that statistical years and "not in
 * the future" rules do not depend on the day the tests run.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/**
	 * 2026-11-24 10:00 in Shanghai (statistical year 2027), after the last day of the
	 * demo seeds.
	 */
	static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

	static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZONE);

	/** The one clock of the shared context; tests that advance it reset it after. */
	static final MovableClock CLOCK = new MovableClock();

	@Bean
	@Primary
	Clock fixedClock() {
		return CLOCK;
	}

	/**
	 * Stands at {@link #NOW} unless a test moves it on (sign-in lockouts that pass), and
	 * that test moves it back.
	 */
	static final class MovableClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void advance(Duration duration) {
			this.offset = this.offset.plus(duration);
		}

		void reset() {
			this.offset = Duration.ZERO;
		}

		@Override
		public ZoneId getZone() {
			return ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(instant(), zone);
		}

		@Override
		public Instant instant() {
			return NOW.plus(this.offset);
		}

	}

}
