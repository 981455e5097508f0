package org.unionledger.api.security;

import java.util.Objects;

import org.unionledger.common.RecordedBy;

/**
 * A signed-in user as the ledger sees them, whether from configuration (HTTP Basic) or a
 * JWT.
 *
 * @param name the user name recorded in every event they cause
 * @param role what they may do
 * @param scope where
 */
public record LedgerUser(String name, Role role, Scope scope) {

	public LedgerUser {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a user needs a name");
		}
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(scope, "scope");
		if (role == Role.SYSTEM_ADMIN && !scope.unlimited()) {
			throw new IllegalArgumentException("a system administrator's scope is everywhere");
		}
		if (role.scopedByJurisdiction() && scope.jurisdiction() == null) {
			throw new IllegalArgumentException(name + ": a " + role + " needs a jurisdiction as scope");
		}
		if (role == Role.OFFICER && scope.unions().isEmpty()) {
			throw new IllegalArgumentException(name + ": an officer needs one or more unions as scope");
		}
	}

	public RecordedBy recordedBy() {
		return new RecordedBy(this.name);
	}

	public boolean is(Role other) {
		return this.role == other;
	}

}
