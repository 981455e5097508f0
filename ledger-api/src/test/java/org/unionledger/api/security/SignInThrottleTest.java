package org.unionledger.api.security;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unionledger.eventstore.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's counting, on a clock the test moves. */
class SignInThrottleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));

	private final SignInThrottle throttle = new SignInThrottle(
			new SignInProperties(5, 8, Duration.ofMinutes(15), null, null, null, 100), this.clock);

	@Test
	void noWaitAfterOneFailureThenAGrowingOneCappedByTheLockout() {
		this.throttle.failed("li.na", "10.0.0.1");
		assertThat(this.throttle.waitBefore("li.na", "10.0.0.1")).isEmpty();
		this.throttle.failed("li.na", "10.0.0.1");
		assertThat(this.throttle.waitBefore("li.na", "10.0.0.1")).contains(Duration.ofMillis(200));
		this.clock.advance(Duration.ofMillis(200));
		this.throttle.failed("li.na", "10.0.0.1");
		assertThat(this.throttle.waitBefore("li.na", "10.0.0.1")).contains(Duration.ofMillis(400));
		this.clock.advance(Duration.ofMillis(400));
		this.throttle.failed("li.na", "10.0.0.1");
		assertThat(this.throttle.waitBefore("li.na", "10.0.0.1")).contains(Duration.ofMillis(800));
		this.clock.advance(Duration.ofMillis(800));
		this.throttle.failed("li.na", "10.0.0.1");
		assertThat(this.throttle.waitBefore("li.na", "10.0.0.1")).contains(Duration.ofMinutes(15));
		assertThat(this.throttle.lockouts()).singleElement()
			.satisfies((lockout) -> assertThat(lockout.user()).isEqualTo("li.na"));
	}

	@Test
	void aLockedOutUserDoesNotLockAnotherUserFromAnotherAddress() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("li.na", "10.0.0.1");
		}
		assertThat(this.throttle.waitBefore("li.na", "10.0.0.1")).isPresent();
		assertThat(this.throttle.waitBefore("li.na", "10.0.0.2")).as("the user name is locked wherever it comes from")
			.isPresent();
		assertThat(this.throttle.waitBefore("wang.wei", "10.0.0.2")).isEmpty();
	}

	@Test
	void anAddressSprayingUserNamesIsLockedOutForEveryName() {
		for (int i = 0; i < 8; i++) {
			this.throttle.failed("guess-" + i, "10.0.0.9");
		}
		assertThat(this.throttle.waitBefore("wang.wei", "10.0.0.9")).contains(Duration.ofMinutes(15));
		assertThat(this.throttle.waitBefore("wang.wei", "10.0.0.10")).isEmpty();
		assertThat(this.throttle.lockouts()).singleElement().satisfies((lockout) -> {
			assertThat(lockout.lockedBy()).isEqualTo("address");
			assertThat(lockout.address()).isEqualTo("10.0.0.9");
			assertThat(lockout.failures()).isEqualTo(8);
		});
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.throttle.waitBefore("wang.wei", "10.0.0.9")).isEmpty();
		assertThat(this.throttle.lockouts()).isEmpty();
	}

	@Test
	void aSuccessForgetsTheUsersFailures() {
		for (int i = 0; i < 4; i++) {
			this.clock.advance(Duration.ofSeconds(10));
			this.throttle.failed("li.na", "10.0.0.1");
		}
		this.clock.advance(Duration.ofSeconds(10));
		this.throttle.succeeded("li.na");
		this.throttle.failed("li.na", "10.0.0.1");
		assertThat(this.throttle.waitBefore("li.na", "10.0.0.1")).isEmpty();
	}

	@Test
	void failuresAreForgottenALockoutAfterTheLast() {
		for (int i = 0; i < 4; i++) {
			this.clock.advance(Duration.ofSeconds(10));
			this.throttle.failed("li.na", "10.0.0.1");
		}
		this.clock.advance(Duration.ofMinutes(15));
		this.throttle.failed("li.na", "10.0.0.1");
		assertThat(this.throttle.waitBefore("li.na", "10.0.0.1")).isEmpty();
	}

	@Test
	void sprayedUserNamesDoNotGrowMemoryBeyondTheBound() {
		SignInThrottle bounded = new SignInThrottle(
				new SignInProperties(5, 1_000_000, Duration.ofMinutes(15), null, null, null, 100), this.clock);
		for (int i = 0; i < 10_000; i++) {
			bounded.failed("spray-" + i, "10.0.0." + (i % 250));
		}
		assertThat(bounded.trackedUserNames()).isLessThanOrEqualTo(100);
	}

	@Test
	void controlCharactersInUserNamesCannotForgeLogLines() {
		assertThat(SignInThrottle.userKey("x\n2026-01-01 INFO forged")).doesNotContain("\n");
		assertThat(SignInThrottle.userKey("a".repeat(500))).hasSize(64);
	}

}
