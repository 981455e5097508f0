package org.unionledger.api;

import java.time.Clock;
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

	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(NOW, ZONE);
	}

}
