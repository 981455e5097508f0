package org.unionledger.api.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.unionledger.union.UnionId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class UserDirectoryTest {

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

	private static final List<UnionId> UNIONS = List.of(new UnionId("sjz-chang-an-construction-01"),
			new UnionId("bd-jing-xiu-construction-01"));

	private static AccessProperties demo(String password) {
		return new AccessProperties(List.of(),
				new AccessProperties.Security(null, new AccessProperties.DemoUsers(true, password), 4, null));
	}

	private static AccessProperties configured(String name, String hash, Role role, String jurisdiction,
			Set<String> unions) {
		return new AccessProperties(
				List.of(new AccessProperties.ConfiguredUser(name, hash, role, jurisdiction, unions)),
				new AccessProperties.Security(null, null, 4, null));
	}

	@Test
	void theDemoProfileHasTheStaffAndOneOfficerPerSeededUnion() {
		UserDirectory users = new UserDirectory(demo("demo"), true, UNIONS);

		assertThat(users.users()).extracting(LedgerUser::name)
			.containsExactly("sysadmin", "hebei-admin", "sjz-supervisor", "hebei-auditor",
					"officer-sjz-chang-an-construction-01", "officer-bd-jing-xiu-construction-01");
		assertThat(users.find("sjz-supervisor").orElseThrow().scope().jurisdiction().value()).isEqualTo("1301");
		assertThat(users.find("officer-bd-jing-xiu-construction-01").orElseThrow().scope().unions())
			.containsExactly(new UnionId("bd-jing-xiu-construction-01"));
		assertThat(BCRYPT.matches("demo", users.loadUserByUsername("hebei-auditor").getPassword())).isTrue();
	}

	@Test
	void outsideTheDemoProfileDemoUsersWithTheDefaultPasswordStopTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> new UserDirectory(demo("demo"), false, UNIONS))
			.withMessageContaining("LEDGER_DEMO_PASSWORD");
		assertThatIllegalStateException().isThrownBy(() -> new UserDirectory(demo(" "), false, UNIONS));
		assertThat(new UserDirectory(demo("a-long-staging-password"), false, UNIONS).users()).hasSize(6);
	}

	@Test
	void outsideTheDemoProfileAConfiguredDefaultOrBlankPasswordStopsTheStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new UserDirectory(
					configured("ops", BCRYPT.encode("changeme"), Role.SYSTEM_ADMIN, null, null), false, UNIONS))
			.withMessageContaining("default password");
		assertThatIllegalStateException()
			.isThrownBy(() -> new UserDirectory(configured("ops", "", Role.SYSTEM_ADMIN, null, null), false, UNIONS))
			.withMessageContaining("blank");
		assertThatIllegalStateException().isThrownBy(
				() -> new UserDirectory(configured("ops", "plain-text", Role.SYSTEM_ADMIN, null, null), false, UNIONS))
			.withMessageContaining("BCrypt");
		assertThat(new UserDirectory(configured("ops", BCRYPT.encode("changeme"), Role.SYSTEM_ADMIN, null, null), true,
				UNIONS)
			.find("ops")).isPresent();
	}

	@Test
	void everyRoleNeedsItsKindOfScope() {
		String hash = "{bcrypt}" + BCRYPT.encode("s3cret-enough");
		assertThatIllegalStateException()
			.isThrownBy(() -> new UserDirectory(configured("o", hash, Role.OFFICER, "13", null), false, UNIONS))
			.withMessageContaining("unions");
		assertThatIllegalStateException().isThrownBy(
				() -> new UserDirectory(configured("a", hash, Role.AUDITOR, null, Set.of("x-1")), false, UNIONS));
		assertThatIllegalStateException()
			.isThrownBy(() -> new UserDirectory(configured("a", hash, Role.AUDITOR, "1x", null), false, UNIONS));
		LedgerUser officer = new UserDirectory(configured("o", hash, Role.OFFICER, null, Set.of("x-1", "x-2")), false,
				UNIONS)
			.find("o")
			.orElseThrow();
		assertThat(officer.scope().unions()).containsExactlyInAnyOrder(new UnionId("x-1"), new UnionId("x-2"));
	}

}
