package org.unionledger.api.security;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.union.UnionId;

/**
 * The users who sign in with HTTP Basic: those configured under {@code ledger.users} and,
 * when enabled, the demo users.
 * <p>
 * Outside the demo profile the ledger refuses to start when a user's password is blank or
 * one of {@link #DEFAULT_PASSWORDS}, or is not a BCrypt hash: a ledger of personal data
 * must not be reachable with a password everyone knows.
 */
public final class UserDirectory implements UserDetailsService {

	/** Passwords that count as default ones. */
	public static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "password", "changeme");

	/** The demo users other than the officers, with their role and jurisdiction. */
	static final Map<String, LedgerUser> DEMO_STAFF = demoStaff();

	private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

	private final Map<String, LedgerUserDetails> users;

	/**
	 * @param access configured users and demo settings
	 * @param demoProfile whether the demo profile is active (default passwords allowed)
	 * @param demoUnions the unions of the seed plan (one officer each)
	 */
	public UserDirectory(AccessProperties access, boolean demoProfile, List<UnionId> demoUnions) {
		this(access, demoProfile, demoUnions, Map.of());
	}

	/**
	 * @param access configured users and demo settings
	 * @param demoProfile whether the demo profile is active (default passwords allowed)
	 * @param demoUnions the unions of the seed plan (one officer each)
	 * @param demoAdmins the plan's city and county admins: user name by jurisdiction code
	 */
	public UserDirectory(AccessProperties access, boolean demoProfile, List<UnionId> demoUnions,
			Map<String, String> demoAdmins) {
		BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(access.security().bcryptStrength());
		Map<String, LedgerUserDetails> all = new LinkedHashMap<>();
		AccessProperties.DemoUsers demo = access.security().demoUsers();
		if (demo.enabled()) {
			String password = (demo.password() != null) ? demo.password() : "";
			if (!demoProfile && isDefault(password)) {
				throw new IllegalStateException("demo users need a password other than a default one outside the "
						+ "demo profile (set LEDGER_DEMO_PASSWORD)");
			}
			if (password.isBlank()) {
				throw new IllegalStateException("demo users need a password (LEDGER_DEMO_PASSWORD)");
			}
			String hash = encoder.encode(password);
			DEMO_STAFF.values().forEach(user -> all.put(user.name(), new LedgerUserDetails(user, hash)));
			demoAdmins.forEach((code, name) -> {
				LedgerUser admin = new LedgerUser(name, Role.JURISDICTION_ADMIN, Scope.of(JurisdictionCode.of(code)));
				all.put(admin.name(), new LedgerUserDetails(admin, hash));
			});
			for (UnionId union : demoUnions) {
				LedgerUser officer = new LedgerUser("officer-" + union.value(), Role.OFFICER, Scope.of(Set.of(union)));
				all.put(officer.name(), new LedgerUserDetails(officer, hash));
			}
		}
		for (AccessProperties.ConfiguredUser configured : access.users()) {
			LedgerUserDetails details = configured(configured, encoder, demoProfile);
			if (all.put(details.getUsername(), details) != null) {
				throw new IllegalStateException("user " + details.getUsername() + " is configured twice");
			}
		}
		if (all.isEmpty()) {
			log.warn("No users are configured (ledger.users): nobody can sign in");
		}
		this.users = Collections.unmodifiableMap(all);
	}

	private static Map<String, LedgerUser> demoStaff() {
		Map<String, LedgerUser> staff = new LinkedHashMap<>();
		staff.put("sysadmin", new LedgerUser("sysadmin", Role.SYSTEM_ADMIN, Scope.everywhere()));
		staff.put("hebei-admin",
				new LedgerUser("hebei-admin", Role.JURISDICTION_ADMIN, Scope.of(JurisdictionCode.of("13"))));
		staff.put("sjz-supervisor",
				new LedgerUser("sjz-supervisor", Role.SUPERVISOR, Scope.of(JurisdictionCode.of("1301"))));
		staff.put("hebei-auditor", new LedgerUser("hebei-auditor", Role.AUDITOR, Scope.of(JurisdictionCode.of("13"))));
		return Collections.unmodifiableMap(staff);
	}

	private static LedgerUserDetails configured(AccessProperties.ConfiguredUser configured,
			BCryptPasswordEncoder encoder, boolean demoProfile) {
		String name = configured.name();
		// No colon: token users are named jwt:<sub> (JwtUsers), never a configured name.
		if (name == null || !name.matches("[A-Za-z0-9._@-]{1,64}")) {
			throw new IllegalStateException("ledger.users: user names are 1-64 letters, digits or ._@-");
		}
		if (configured.role() == null) {
			throw new IllegalStateException("ledger.users: " + name + " needs a role");
		}
		String hash = (configured.password() != null) ? configured.password().strip() : "";
		if (hash.startsWith("{bcrypt}")) {
			hash = hash.substring("{bcrypt}".length());
		}
		if (hash.isEmpty()) {
			throw new IllegalStateException("ledger.users: " + name + " has a blank password");
		}
		if (!hash.matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
			throw new IllegalStateException("ledger.users: " + name + "'s password must be a BCrypt hash");
		}
		if (!demoProfile) {
			for (String weak : DEFAULT_PASSWORDS) {
				if (encoder.matches(weak, hash)) {
					throw new IllegalStateException("ledger.users: " + name
							+ " has a default password; the ledger starts with one only in the demo profile");
				}
			}
		}
		try {
			return new LedgerUserDetails(new LedgerUser(name, configured.role(), scopeOf(configured)), hash);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("ledger.users: " + name + ": " + ex.getMessage(), ex);
		}
	}

	private static Scope scopeOf(AccessProperties.ConfiguredUser configured) {
		return switch (configured.role()) {
			case SYSTEM_ADMIN -> Scope.everywhere();
			case OFFICER -> Scope.of((configured.unions() != null)
					? configured.unions().stream().map(UnionId::new).collect(Collectors.toUnmodifiableSet())
					: Set.of());
			default -> Scope.of(JurisdictionCode.of(configured.jurisdiction()));
		};
	}

	private static boolean isDefault(String password) {
		return password.isBlank() || DEFAULT_PASSWORDS.contains(password.strip());
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		LedgerUserDetails details = this.users.get(username);
		if (details == null) {
			throw new UsernameNotFoundException("unknown user");
		}
		return details;
	}

	public Optional<LedgerUser> find(String name) {
		return Optional.ofNullable(this.users.get(name)).map(LedgerUserDetails::user);
	}

	public Collection<LedgerUser> users() {
		return this.users.values().stream().map(LedgerUserDetails::user).toList();
	}

}
