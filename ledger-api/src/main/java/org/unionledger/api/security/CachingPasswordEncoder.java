package org.unionledger.api.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A {@link PasswordEncoder} that remembers for a short while the passwords its delegate
 * (BCrypt) has accepted, so that an API client that signs in with HTTP Basic on every
 * request pays for BCrypt once per {@code ttl}, not on every request.
 * <ul>
 * <li>Only an accepted password is remembered: a wrong one always goes to the delegate,
 * so every guess costs a BCrypt check as before.</li>
 * <li>An entry stands for a password together with the stored hash it was checked
 * against: once a user's hash changes, the old password no longer matches anything
 * remembered. The user's details are still loaded on every request before the password is
 * checked, so a removed user is unknown, and a disabled or locked one is refused by the
 * provider's account checks, whatever is remembered.</li>
 * <li>An entry expires {@code ttl} after BCrypt accepted the password; at most
 * {@code maximumSize} are kept (Caffeine evicts the others).</li>
 * <li>Neither passwords nor hashes are kept: an entry's key is an HMAC-SHA256 digest of
 * the hash and the password under a random key made with the encoder, which exists only
 * in this process's memory. A fast digest is enough where a stored password needs a slow
 * one: without the key, a digest cannot be checked against guessed passwords at all.
 * Whoever can read the process's memory can take the key and test guesses at HMAC speed
 * against the entries of the last {@code ttl}; they can read the same passwords from the
 * requests' own {@code Authorization} headers too.</li>
 * </ul>
 */
public final class CachingPasswordEncoder implements PasswordEncoder {

	private static final String HMAC = "HmacSHA256";

	private final PasswordEncoder delegate;

	private final SecretKeySpec key;

	private final Cache<String, Boolean> verified;

	/**
	 * @param delegate the encoder that checks a password not remembered (BCrypt)
	 * @param ttl how long an accepted password is remembered (positive)
	 * @param maximumSize how many accepted passwords are remembered at most
	 */
	public CachingPasswordEncoder(PasswordEncoder delegate, Duration ttl, long maximumSize) {
		this(delegate, ttl, maximumSize, Ticker.systemTicker());
	}

	CachingPasswordEncoder(PasswordEncoder delegate, Duration ttl, long maximumSize, Ticker ticker) {
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("a credential cache needs a positive time to live");
		}
		this.delegate = delegate;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, HMAC);
		this.verified = Caffeine.newBuilder()
			.expireAfterWrite(ttl)
			.maximumSize(maximumSize)
			.ticker(ticker)
			.executor(Runnable::run)
			.build();
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		String key = keyOf(rawPassword, encodedPassword);
		if (this.verified.getIfPresent(key) != null) {
			return true;
		}
		boolean matches = this.delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			this.verified.put(key, Boolean.TRUE);
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	/**
	 * The cache key of a password checked against a hash: the HMAC of the hash's length,
	 * the hash and the password, so that no other pair gives the same input.
	 */
	String keyOf(CharSequence rawPassword, String encodedPassword) {
		byte[] hash = encodedPassword.getBytes(StandardCharsets.UTF_8);
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(hash.length).array());
			mac.update(hash);
			mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
