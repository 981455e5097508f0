package org.unionledger.api.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.union.UnionId;

/**
 * Turns a verified JWT into a {@link LedgerUser}: {@code sub} names the user, in a
 * namespace of its own ({@value #NAMESPACE}{@code <sub>}), {@code ledger_role} the role,
 * {@code ledger_jurisdiction} (a code) or {@code ledger_unions} (a list of union ids) the
 * scope. A token without a usable role or scope is refused (401).
 * <p>
 * The namespace keeps tokens and configured users apart: a configured user's name never
 * holds a colon (see {@link UserDirectory}), so a token whose subject is
 * {@code officer-1} signs in as {@code jwt:officer-1} and never reads what
 * {@code officer-1} owns (import jobs, idempotent answers); events it causes are recorded
 * by {@code jwt:officer-1}.
 */
public final class JwtUsers implements Converter<Jwt, AbstractAuthenticationToken> {

	/** What the name of every user signed in by a bearer token starts with. */
	public static final String NAMESPACE = "jwt:";

	public static final String ROLE_CLAIM = "ledger_role";

	public static final String JURISDICTION_CLAIM = "ledger_jurisdiction";

	public static final String UNIONS_CLAIM = "ledger_unions";

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		LedgerUser user;
		try {
			Role role = Role.valueOf(String.valueOf(jwt.getClaimAsString(ROLE_CLAIM)));
			String subject = jwt.getSubject();
			if (subject == null || !subject.matches("[A-Za-z0-9._@:-]{1,128}")) {
				throw new IllegalArgumentException("the token's subject is missing or malformed");
			}
			Scope scope = switch (role) {
				case SYSTEM_ADMIN -> Scope.everywhere();
				case OFFICER -> Scope.of(unions(jwt));
				default -> Scope.of(JurisdictionCode.of(jwt.getClaimAsString(JURISDICTION_CLAIM)));
			};
			user = new LedgerUser(NAMESPACE + subject, role, scope);
		}
		catch (RuntimeException ex) {
			throw new InvalidBearerTokenException("the token carries no valid ledger role and scope");
		}
		return new LedgerAuthentication(user, jwt.getTokenValue());
	}

	private static Set<UnionId> unions(Jwt jwt) {
		List<String> unions = jwt.getClaimAsStringList(UNIONS_CLAIM);
		return (unions != null) ? unions.stream().map(UnionId::new).collect(Collectors.toUnmodifiableSet()) : Set.of();
	}

	/** An authenticated {@link LedgerUser} from a bearer token. */
	static final class LedgerAuthentication extends AbstractAuthenticationToken {

		private final LedgerUser user;

		private final String token;

		LedgerAuthentication(LedgerUser user, String token) {
			super(authorities(user));
			this.user = user;
			this.token = token;
			setAuthenticated(true);
		}

		private static Collection<SimpleGrantedAuthority> authorities(LedgerUser user) {
			return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		}

		@Override
		public Object getCredentials() {
			return this.token;
		}

		@Override
		public Object getPrincipal() {
			return this.user;
		}

		@Override
		public String getName() {
			return this.user.name();
		}

	}

}
