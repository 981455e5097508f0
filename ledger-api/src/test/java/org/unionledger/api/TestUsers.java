package org.unionledger.api;

/** The users of {@code application-test.properties}; all share one password. */
final class TestUsers {

	static final String PASSWORD = "test-secret-1";

	static final String SYSADMIN = "tester-sysadmin";

	static final String HEBEI_ADMIN = "tester-hebei-admin";

	static final String BAODING_ADMIN = "tester-bd-admin";

	static final String SJZ_SUPERVISOR = "tester-sjz-supervisor";

	static final String TANGSHAN_SUPERVISOR = "tester-ts-supervisor";

	static final String HEBEI_AUDITOR = "tester-hebei-auditor";

	static final String BEIJING_AUDITOR = "tester-bj-auditor";

	/** Officer of {@code os-sjz-a} and {@code os-sjz-c} (Shijiazhuang). */
	static final String SJZ_OFFICER = "officer-os-sjz";

	/** Officer of {@code os-bd-b} (Baoding). */
	static final String BD_OFFICER = "officer-os-bd";

	private TestUsers() {
	}

}
