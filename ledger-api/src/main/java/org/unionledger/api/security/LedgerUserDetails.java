package org.unionledger.api.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A configured user for HTTP Basic: the {@link LedgerUser} and its BCrypt hash.
 *
 * @param user the user
 * @param passwordHash BCrypt hash
 */
record LedgerUserDetails(LedgerUser user, String passwordHash) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.user.role().name()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.user.name();
	}

	/** Never shows the hash. */
	@Override
	public String toString() {
		return "LedgerUserDetails[" + this.user + "]";
	}

}
