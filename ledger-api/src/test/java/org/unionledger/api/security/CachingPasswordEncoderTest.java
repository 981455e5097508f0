package org.unionledger.api.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingPasswordEncoderTest {

	private static final Duration TTL = Duration.ofMinutes(5);

	private final CountingBCrypt bcrypt = new CountingBCrypt();

	private final FakeTicker ticker = new FakeTicker();

	private final CachingPasswordEncoder encoder = new CachingPasswordEncoder(this.bcrypt, TTL, 100, this.ticker);

	private final String hash = this.bcrypt.encode("right-password");

	@Test
	void aRepeatedRightPasswordIsCheckedByBCryptOnceWithinTheTtl() {
		assertThat(this.encoder.matches("right-password", this.hash)).isTrue();
		this.ticker.advance(TTL.minusSeconds(1));
		assertThat(this.encoder.matches("right-password", this.hash)).isTrue();
		assertThat(this.encoder.matches("right-password", this.hash)).isTrue();

		assertThat(this.bcrypt.checks).hasValue(1);
	}

	@Test
	void aWrongPasswordIsNeverRememberedAndAlwaysCheckedByBCrypt() {
		assertThat(this.encoder.matches("right-password", this.hash)).isTrue();
		for (int i = 0; i < 3; i++) {
			assertThat(this.encoder.matches("wrong-password", this.hash)).isFalse();
		}

		assertThat(this.bcrypt.checks).hasValue(4);
	}

	@Test
	void aPasswordRememberedForOneHashIsCheckedAgainForAnother() {
		assertThat(this.encoder.matches("right-password", this.hash)).isTrue();
		String changed = this.bcrypt.encode("new-password");

		assertThat(this.encoder.matches("right-password", changed)).isFalse();
		assertThat(this.encoder.matches("new-password", changed)).isTrue();
		assertThat(this.bcrypt.checks).hasValue(3);
	}

	@Test
	void aRememberedPasswordIsCheckedByBCryptAgainOnceTheTtlHasPassed() {
		assertThat(this.encoder.matches("right-password", this.hash)).isTrue();
		this.ticker.advance(TTL);

		assertThat(this.encoder.matches("right-password", this.hash)).isTrue();
		assertThat(this.bcrypt.checks).hasValue(2);
	}

	@Test
	void noMoreThanTheMaximumSizeOfPasswordsIsRemembered() {
		CachingPasswordEncoder small = new CachingPasswordEncoder(this.bcrypt, TTL, 2, this.ticker);
		String[] hashes = { this.bcrypt.encode("p-0"), this.bcrypt.encode("p-1"), this.bcrypt.encode("p-2") };
		for (int i = 0; i < 3; i++) {
			assertThat(small.matches("p-" + i, hashes[i])).isTrue();
		}
		for (int i = 0; i < 3; i++) {
			assertThat(small.matches("p-" + i, hashes[i])).isTrue();
		}

		assertThat(this.bcrypt.checks.get()).as("BCrypt checks of 3 passwords, each asked twice").isGreaterThan(3);
	}

	@Test
	void keysAreDigestsUnderAKeyOfTheirOwnEncoder() {
		CachingPasswordEncoder other = new CachingPasswordEncoder(this.bcrypt, TTL, 100, this.ticker);

		String key = this.encoder.keyOf("right-password", this.hash);
		assertThat(key).isEqualTo(this.encoder.keyOf("right-password", this.hash))
			.isNotEqualTo(other.keyOf("right-password", this.hash))
			.doesNotContain("right-password")
			.doesNotContain(this.hash);
	}

	@Test
	void aTtlOfZeroLeavesBCryptAlone() {
		AccessProperties cached = new AccessProperties(null, null);
		AccessProperties uncached = new AccessProperties(null, new AccessProperties.Security(null, null, 4,
				new AccessProperties.CredentialCache(Duration.ZERO, null)));

		assertThat(new SecurityConfiguration().passwordEncoder(cached)).isInstanceOf(CachingPasswordEncoder.class);
		assertThat(new SecurityConfiguration().passwordEncoder(uncached)).isInstanceOf(BCryptPasswordEncoder.class);
	}

	/**
	 * The encoder as Spring's {@code DaoAuthenticationProvider} uses it for HTTP Basic
	 * and the dashboard's form, over a directory whose users change.
	 */
	@Nested
	class BehindTheAuthenticationProvider {

		private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();

		private final DaoAuthenticationProvider provider = new DaoAuthenticationProvider(this.users);

		BehindTheAuthenticationProvider() {
			this.provider.setPasswordEncoder(CachingPasswordEncoderTest.this.encoder);
			this.users.createUser(user("zhang.wei", CachingPasswordEncoderTest.this.hash).build());
		}

		@Test
		void aSignedInUserSignsInAgainWithoutBCrypt() {
			assertThat(signIn("zhang.wei", "right-password").isAuthenticated()).isTrue();
			assertThat(signIn("zhang.wei", "right-password").isAuthenticated()).isTrue();

			assertThat(CachingPasswordEncoderTest.this.bcrypt.checks).hasValue(1);
		}

		@Test
		void aRemovedUserIsRefusedThoughTheirPasswordWasRemembered() {
			signIn("zhang.wei", "right-password");
			this.users.deleteUser("zhang.wei");

			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> signIn("zhang.wei", "right-password"));
		}

		@Test
		void aUserWhosePasswordChangedIsRefusedWithTheOldOne() {
			signIn("zhang.wei", "right-password");
			this.users
				.updateUser(user("zhang.wei", CachingPasswordEncoderTest.this.bcrypt.encode("new-password")).build());

			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> signIn("zhang.wei", "right-password"));
			assertThat(signIn("zhang.wei", "new-password").isAuthenticated()).isTrue();
		}

		@Test
		void aLockedOrDisabledUserIsRefusedThoughTheirPasswordWasRemembered() {
			signIn("zhang.wei", "right-password");
			this.users.updateUser(user("zhang.wei", CachingPasswordEncoderTest.this.hash).accountLocked(true).build());
			assertThatExceptionOfType(LockedException.class).isThrownBy(() -> signIn("zhang.wei", "right-password"));

			this.users.updateUser(user("zhang.wei", CachingPasswordEncoderTest.this.hash).disabled(true).build());
			assertThatExceptionOfType(DisabledException.class).isThrownBy(() -> signIn("zhang.wei", "right-password"));
		}

		@Test
		void anotherUserWithTheSameHashStillNeedsTheRightPassword() {
			this.users.createUser(user("li.na", CachingPasswordEncoderTest.this.hash).build());
			signIn("zhang.wei", "right-password");

			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> signIn("li.na", "wrong"));
			assertThat(signIn("li.na", "right-password").isAuthenticated()).isTrue();
		}

		private Authentication signIn(String name, String password) {
			return this.provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
		}

		private static User.UserBuilder user(String name, String hash) {
			return User.withUsername(name).password(hash).roles("OFFICER");
		}

	}

	/** BCrypt (cost 4) counting the passwords it checks. */
	static final class CountingBCrypt implements PasswordEncoder {

		final AtomicInteger checks = new AtomicInteger();

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

		@Override
		public String encode(CharSequence rawPassword) {
			return this.bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checks.incrementAndGet();
			return this.bcrypt.matches(rawPassword, encodedPassword);
		}

	}

	/** Time that passes only when the test says so. */
	static final class FakeTicker implements Ticker {

		private final AtomicLong nanos = new AtomicLong();

		@Override
		public long read() {
			return this.nanos.get();
		}

		void advance(Duration duration) {
			this.nanos.addAndGet(duration.toNanos());
		}

	}

}
