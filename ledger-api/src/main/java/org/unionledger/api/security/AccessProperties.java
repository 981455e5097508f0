package org.unionledger.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users and sign-in settings under {@code ledger.*}.
 *
 * @param users users with BCrypt-hashed passwords ({@code ledger.users[0].name=...})
 * @param security sign-in settings
 */
@ConfigurationProperties("ledger")
public record AccessProperties(List<ConfiguredUser> users, Security security) {

	public AccessProperties {
		users = (users != null) ? List.copyOf(users) : List.of();
		security = (security != null) ? security : new Security(null, null, null, null);
	}

	/**
	 * A user from configuration.
	 *
	 * @param name user name
	 * @param password BCrypt hash ({@code $2a$...}, optionally prefixed {@code {bcrypt}})
	 * @param role the role
	 * @param jurisdiction scope of jurisdiction admins, supervisors and auditors
	 * @param unions scope of officers
	 */
	public record ConfiguredUser(String name, String password, Role role, String jurisdiction, Set<String> unions) {
	}

	/**
	 * Sign-in settings.
	 *
	 * @param jwt the OAuth2 resource-server option
	 * @param demoUsers the demo users (demo profile)
	 * @param bcryptStrength log2 rounds for hashes the ledger makes itself (default 10)
	 * @param credentialCache how long a verified password is remembered
	 */
	public record Security(Jwt jwt, DemoUsers demoUsers, Integer bcryptStrength, CredentialCache credentialCache) {

		public Security {
			jwt = (jwt != null) ? jwt : new Jwt(false, null, null, null);
			demoUsers = (demoUsers != null) ? demoUsers : new DemoUsers(false, null);
			bcryptStrength = (bcryptStrength != null) ? bcryptStrength : 10;
			credentialCache = (credentialCache != null) ? credentialCache : new CredentialCache(null, null);
		}

	}

	/**
	 * The verified-credential cache of {@link CachingPasswordEncoder}: a password BCrypt
	 * has accepted is not checked by BCrypt again for {@code ttl}.
	 *
	 * @param ttl how long a verified password is remembered (default 5 minutes; 0 turns
	 * the cache off)
	 * @param maximumSize how many verified passwords are remembered at most (default
	 * 10,000)
	 */
	public record CredentialCache(Duration ttl, Integer maximumSize) {

		public CredentialCache {
			ttl = (ttl != null) ? ttl : Duration.ofMinutes(5);
			maximumSize = (maximumSize != null) ? maximumSize : 10_000;
			if (ttl.isNegative()) {
				throw new IllegalStateException("ledger.security.credential-cache.ttl must not be negative");
			}
			if (maximumSize < 1) {
				throw new IllegalStateException("ledger.security.credential-cache.maximum-size must be at least 1");
			}
		}

		/** Whether verified passwords are remembered at all. */
		public boolean enabled() {
			return !this.ttl.isZero();
		}

	}

	/**
	 * Bearer tokens (JWT) besides HTTP Basic. Claims: {@code sub} (user name, signed in
	 * as {@code jwt:<sub>}; see {@link JwtUsers}), {@code ledger_role}, and
	 * {@code ledger_jurisdiction} or {@code ledger_unions}.
	 *
	 * @param enabled whether bearer tokens are accepted (default false)
	 * @param secret Base64 of an HMAC key of at least 32 bytes (HS256), or
	 * @param publicKey an RSA public key, PEM (RS256)
	 * @param issuer the required {@code iss}, optional
	 */
	public record Jwt(boolean enabled, String secret, String publicKey, String issuer) {
	}

	/**
	 * The demo users: sysadmin, hebei-admin, sjz-supervisor, hebei-auditor and
	 * {@code officer-<unionId>} for every union of the seed plan.
	 *
	 * @param enabled whether they exist
	 * @param password their common password
	 */
	public record DemoUsers(boolean enabled, String password) {
	}

}
