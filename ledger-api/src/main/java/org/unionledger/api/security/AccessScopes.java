package org.unionledger.api.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.unionledger.api.problems.ApiException;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionLevel;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;

/**
 * The scope checks every endpoint runs, reads included, for the signed-in user. Each
 * {@code require…} method returns quietly or throws an {@link ApiException}: 403
 * {@link Rule#ROLE_NOT_ALLOWED} when the role may never do this, 403
 * {@link Rule#OUT_OF_SCOPE} when it may, but not here. Member records out of scope are
 * answered as unknown (404) by the callers, so that nobody learns who is a member
 * elsewhere.
 * <p>
 * Who may do what, in short: officers act for and read their own unions and their current
 * members; jurisdiction admins register unions and read unions and figures in their
 * subtree; supervisors and auditors read everything in their subtree (supervisors also
 * unmasked personal data); system administrators do everything.
 */
@Component
public class AccessScopes {

	private static final Set<Role> SUBTREE_READERS = EnumSet.of(Role.JURISDICTION_ADMIN, Role.SUPERVISOR, Role.AUDITOR,
			Role.SYSTEM_ADMIN);

	private static final Set<Role> MEMBER_READERS = EnumSet.of(Role.OFFICER, Role.SUPERVISOR, Role.AUDITOR,
			Role.SYSTEM_ADMIN);

	private final UnionDirectory unions;

	public AccessScopes(UnionDirectory unions) {
		this.unions = unions;
	}

	/**
	 * The signed-in user of this request.
	 * @throws IllegalStateException outside a signed-in request (a programming error:
	 * only public endpoints run without one, and they do not ask)
	 */
	public LedgerUser current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()) {
			Object principal = authentication.getPrincipal();
			if (principal instanceof LedgerUser user) {
				return user;
			}
			if (principal instanceof LedgerUserDetails details) {
				return details.user();
			}
		}
		throw new IllegalStateException("no signed-in ledger user in this request");
	}

	/** Figures and lists of a jurisdiction: its subtree's readers. */
	public void requireReadable(JurisdictionCode code) {
		LedgerUser user = current();
		requireRole(user, SUBTREE_READERS, "read jurisdiction figures");
		if (!user.scope().covers(code)) {
			throw outOfScope("jurisdiction " + code.value());
		}
	}

	/** A union and its figures: its officers and the readers of its subtree. */
	public void requireUnionReadable(UnionFacts union) {
		LedgerUser user = current();
		if (!user.scope().covers(union.placement().unionId(), union.placement().jurisdictionCode())) {
			throw outOfScope("union " + union.placement().unionId().value());
		}
	}

	/** Whether the user may see the current members of the union (masked). */
	public boolean canReadMembersOf(UnionFacts union) {
		LedgerUser user = current();
		return MEMBER_READERS.contains(user.role())
				&& user.scope().covers(union.placement().unionId(), union.placement().jurisdictionCode());
	}

	/** Whether the user may see members' unmasked personal data in the union. */
	public boolean canReadPersonalDataOf(UnionFacts union) {
		LedgerUser user = current();
		return (user.is(Role.SUPERVISOR) || user.is(Role.SYSTEM_ADMIN))
				&& user.scope().covers(union.placement().unionId(), union.placement().jurisdictionCode());
	}

	/** Acting for a union (enroll, transfer, services, import, applications). */
	public void requireUnionActor(UnionId union) {
		LedgerUser user = current();
		requireRole(user, EnumSet.of(Role.OFFICER, Role.SYSTEM_ADMIN), "act for a union");
		if (!canActFor(union)) {
			throw outOfScope("union " + union.value());
		}
	}

	/** Whether the user acts for the union, without throwing. */
	public boolean canActFor(UnionId union) {
		return actsFor(current(), union);
	}

	/**
	 * Whether the user acts for the union: an officer of it or a system administrator.
	 * For work that outlives the request (imports), which keeps its user.
	 */
	public static boolean actsFor(LedgerUser user, UnionId union) {
		return user.is(Role.SYSTEM_ADMIN) || (user.is(Role.OFFICER) && user.scope().unions().contains(union));
	}

	/** Acting for some union: the role check alone, before the unions are known. */
	public void requireSomeUnionActor() {
		requireRole(current(), EnumSet.of(Role.OFFICER, Role.SYSTEM_ADMIN), "act for a union");
	}

	/** Registering unions and setting targets in a jurisdiction's subtree. */
	public void requireJurisdictionAdmin(JurisdictionCode code) {
		LedgerUser user = current();
		requireRole(user, EnumSet.of(Role.JURISDICTION_ADMIN, Role.SYSTEM_ADMIN), "administer jurisdictions");
		if (!user.scope().covers(code)) {
			throw outOfScope("jurisdiction " + code.value());
		}
	}

	/**
	 * Setting or amending a jurisdiction's enrollment target: an {@code ASSIGNED} target
	 * by the admin of the level directly above (a province assigns to its cities, a city
	 * to its counties and zones), a {@code SELF_SET} target by the admin of the
	 * jurisdiction itself, either by a system administrator. A province's assigned target
	 * comes from outside the ledger: only a system administrator records it.
	 */
	public void requireTargetOwner(JurisdictionCode code, TargetSource source) {
		LedgerUser user = current();
		requireRole(user, EnumSet.of(Role.JURISDICTION_ADMIN, Role.SYSTEM_ADMIN), "set enrollment targets");
		if (user.is(Role.SYSTEM_ADMIN)) {
			return;
		}
		JurisdictionCode own = user.scope().jurisdiction();
		if (own == null || !own.contains(code)) {
			throw outOfScope("jurisdiction " + code.value());
		}
		JurisdictionCode owner = switch (source) {
			case SELF_SET -> code;
			case ASSIGNED -> (code.level() == JurisdictionLevel.COUNTY) ? code.city()
					: (code.level() == JurisdictionLevel.CITY) ? code.province() : null;
		};
		if (!own.equals(owner)) {
			throw ApiException.of(Rule.TARGET_SOURCE_NOT_YOURS, "source",
					(source == TargetSource.ASSIGNED)
							? "the ASSIGNED target of " + code.value() + " is set by the admin of the level above it"
							: "the SELF_SET target of " + code.value() + " is set by the admin of " + code.value());
		}
	}

	/**
	 * Signing a jurisdiction's yearly report: the admin of that very jurisdiction (each
	 * level signs its own; the level above answers for it by signing its own report over
	 * it), or a system administrator.
	 */
	public void requireReportSigner(JurisdictionCode code) {
		LedgerUser user = current();
		requireRole(user, EnumSet.of(Role.JURISDICTION_ADMIN, Role.SYSTEM_ADMIN), "sign off a yearly report");
		if (!user.is(Role.SYSTEM_ADMIN) && !code.equals(user.scope().jurisdiction())) {
			throw ApiException.of(Rule.OUT_OF_SCOPE, null,
					"the report of jurisdiction " + code.value() + " is signed by the admin of that jurisdiction");
		}
	}

	/**
	 * Whether the user sees the change flags of a jurisdiction's signed report: users of
	 * the signer's level and of the level above ({@code parent}), and system
	 * administrators.
	 */
	public boolean canSeeFlagsOf(JurisdictionCode code, JurisdictionCode parent) {
		LedgerUser user = current();
		if (user.is(Role.SYSTEM_ADMIN)) {
			return true;
		}
		JurisdictionCode level = user.role().scopedByJurisdiction() ? user.scope().jurisdiction() : null;
		return level != null && (level.equals(code) || level.equals(parent));
	}

	/** A role check alone, for endpoints whose scope check follows a lookup. */
	public void requireRole(String what, Role... roles) {
		requireRole(current(), EnumSet.copyOf(java.util.List.of(roles)), what);
	}

	/** The union's facts if it is registered, for checks by id. */
	public java.util.Optional<UnionFacts> union(UnionId union) {
		return this.unions.find(union);
	}

	private static void requireRole(LedgerUser user, Set<Role> allowed, String what) {
		if (!allowed.contains(user.role())) {
			throw ApiException.of(Rule.ROLE_NOT_ALLOWED, null, "the role " + user.role() + " may not " + what);
		}
	}

	private static ApiException outOfScope(String what) {
		return ApiException.of(Rule.OUT_OF_SCOPE, null, what + " lies outside your scope");
	}

}
