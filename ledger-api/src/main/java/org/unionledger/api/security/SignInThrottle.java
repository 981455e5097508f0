package org.unionledger.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins (HTTP Basic and the dashboard's form) counted per user name and per
 * client address. From the second failure in a row the next attempt must wait
 * ({@code delay}, growing by {@code delayGrowth}, at most {@code maxDelay}); after
 * {@code maxFailures} of a user name, or {@code maxFailuresPerAddress} from an address,
 * every attempt is refused until the lockout has passed, the right password too. A
 * refused attempt is not checked and not counted. The wait is the client's: an early
 * attempt is refused with the time left, so no server thread sleeps for an attacker.
 * <p>
 * Counters live in bounded Caffeine caches timed by the ledger's {@link Clock}: a user
 * name or address is forgotten {@code lockout} after its last failure, and at most
 * {@code maximumTracked} of each are kept, so spraying user names cannot grow memory.
 * Each lockout is logged and listed by {@link #lockouts()}.
 */
public class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final SignInProperties settings;

	private final Clock clock;

	private final Cache<String, Attempts> users;

	private final Cache<String, Attempts> addresses;

	private final Cache<String, Lockout> lockouts;

	public SignInThrottle(SignInProperties settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.users = cache(settings);
		this.addresses = cache(settings);
		this.lockouts = cache(settings);
	}

	private <V> Cache<String, V> cache(SignInProperties settings) {
		Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(this.clock.millis());
		return Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.maximumSize(this.settings.maximumTracked())
			.expireAfterWrite(settings.lockout())
			.build();
	}

	/**
	 * How long an attempt of this user from this address must still wait; empty if it may
	 * be checked now.
	 */
	public Optional<Duration> waitBefore(String user, String address) {
		Instant now = this.clock.instant();
		Duration wait = Duration.ZERO;
		for (Attempts attempts : new Attempts[] { this.users.getIfPresent(userKey(user)),
				this.addresses.getIfPresent(address) }) {
			if (attempts != null && attempts.notBefore().isAfter(now)) {
				Duration left = Duration.between(now, attempts.notBefore());
				wait = (left.compareTo(wait) > 0) ? left : wait;
			}
		}
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	/** A wrong password or unknown user name. */
	public void failed(String user, String address) {
		Instant now = this.clock.instant();
		String key = userKey(user);
		Attempts byUser = this.users.asMap()
			.compute(key, (k, old) -> next(old, now, this.settings.maxFailures(), true));
		Attempts byAddress = this.addresses.asMap()
			.compute(address, (k, old) -> next(old, now, this.settings.maxFailuresPerAddress(), false));
		if (byUser.startedLockout(now)) {
			lockedOut("user", key, address, byUser);
		}
		if (byAddress.startedLockout(now)) {
			lockedOut("address", key, address, byAddress);
		}
	}

	/**
	 * A successful sign-in: the user name's failures are forgotten (the address's not).
	 */
	public void succeeded(String user) {
		this.users.invalidate(userKey(user));
	}

	/** Current lockouts, latest end first. */
	public List<Lockout> lockouts() {
		Instant now = this.clock.instant();
		List<Lockout> current = new ArrayList<>();
		for (Lockout lockout : this.lockouts.asMap().values()) {
			if (lockout.lockedUntil().isAfter(now)) {
				current.add(lockout);
			}
		}
		current.sort(Comparator.comparing(Lockout::lockedUntil).reversed());
		return current;
	}

	/** How many user names are tracked now (bounded by {@code maximumTracked}). */
	long trackedUserNames() {
		this.users.cleanUp();
		return this.users.estimatedSize();
	}

	/** Forgets every counter and lockout (operators after an incident, and tests). */
	public void reset() {
		this.users.invalidateAll();
		this.addresses.invalidateAll();
		this.lockouts.invalidateAll();
	}

	private Attempts next(Attempts old, Instant now, int maxFailures, boolean delays) {
		if (old != null && old.lockedBy(now)) {
			return old;
		}
		int failures = (old == null || old.lockedUntil() != null) ? 1 : old.failures() + 1;
		if (failures >= maxFailures) {
			Instant until = now.plus(this.settings.lockout());
			return new Attempts(failures, until, until, now);
		}
		Duration wait = (delays && failures >= 2) ? delay(failures) : Duration.ZERO;
		return new Attempts(failures, now.plus(wait), null, null);
	}

	private Duration delay(int failures) {
		double factor = Math.pow(this.settings.delayGrowth(), failures - 2);
		long millis = (long) Math.min(this.settings.delay().toMillis() * factor, this.settings.maxDelay().toMillis());
		return Duration.ofMillis(millis);
	}

	private void lockedOut(String by, String user, String address, Attempts attempts) {
		Lockout lockout = new Lockout(by, "user".equals(by) ? user : null, address, attempts.failures(),
				attempts.lockedUntil());
		this.lockouts.put(by + ":" + ("user".equals(by) ? user : address), lockout);
		log.warn("Sign-in locked out by {}: user '{}' from {} after {} failures, until {}", by, user, address,
				attempts.failures(), attempts.lockedUntil());
	}

	/**
	 * The user name as counted and logged: control characters replaced (no forged log
	 * lines) and at most 64 characters.
	 */
	static String userKey(String user) {
		String clean = (user == null) ? "" : user.replaceAll("\\p{Cntrl}", "?");
		return (clean.length() > 64) ? clean.substring(0, 64) : clean;
	}

	/**
	 * Failures of one user name or address.
	 *
	 * @param failures failures in a row
	 * @param notBefore no attempt is checked before this instant
	 * @param lockedUntil end of the lockout, or {@code null}
	 * @param lockedAt when the lockout started, or {@code null}
	 */
	record Attempts(int failures, Instant notBefore, Instant lockedUntil, Instant lockedAt) {

		boolean lockedBy(Instant now) {
			return this.lockedUntil != null && this.lockedUntil.isAfter(now);
		}

		boolean startedLockout(Instant now) {
			return now.equals(this.lockedAt);
		}

	}

	/**
	 * A lockout.
	 *
	 * @param lockedBy {@code user} (too many failures of the user name) or
	 * {@code address} (too many from the address)
	 * @param user the user name locked out, or {@code null} for an address lockout
	 * @param address the client address of the failure that started it
	 * @param failures failures counted
	 * @param lockedUntil when it ends
	 */
	public record Lockout(String lockedBy, String user, String address, int failures, Instant lockedUntil) {
	}

}
