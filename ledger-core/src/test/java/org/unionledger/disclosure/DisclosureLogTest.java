package org.unionledger.disclosure;

import static org.unionledger.common.TestLedger.CLOCK;
import static org.unionledger.common.TestLedger.NOW;
import static org.unionledger.common.TestLedger.violationOf;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.disclosure.Commands.RecordDisclosure;
import org.unionledger.disclosure.Events.PersonalDataDisclosed;
import org.unionledger.membership.MemberId;

class DisclosureLogTest {

	private static final MemberId MEMBER = new MemberId("m-oz4njx4bwlschfqh6vct6fq3c4");

	private static final DisclosureLogId LOG = DisclosureLogId.of(MEMBER);

	private static final RecordedBy SUPERVISOR = new RecordedBy("sjz-supervisor");

	private AggregateTestFixture<DisclosureLog> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(DisclosureLog.class);
		this.fixture.registerInjectableResource(CLOCK);
	}

	@Test
	void theFirstReadOpensTheMembersLogWithWhoAndWhy() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordDisclosure(LOG, MEMBER, " duplicate report 2026-17 ", SUPERVISOR))
			.expectEvents(new PersonalDataDisclosed(LOG, MEMBER, "duplicate report 2026-17", NOW, SUPERVISOR));
	}

	@Test
	void everyFurtherReadIsRecordedToo() {
		this.fixture.given(new PersonalDataDisclosed(LOG, MEMBER, "first", NOW, SUPERVISOR))
			.when(new RecordDisclosure(LOG, MEMBER, "second", new RecordedBy("sysadmin")))
			.expectEvents(new PersonalDataDisclosed(LOG, MEMBER, "second", NOW, new RecordedBy("sysadmin")));
	}

	@Test
	void cannotReadWithoutAPurpose() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordDisclosure(LOG, MEMBER, "  ", SUPERVISOR))
			.expectException(violationOf("purpose", Rule.PURPOSE_BLANK))
			.expectNoEvents();
	}

	@Test
	void cannotGiveAnOverlongPurpose() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordDisclosure(LOG, MEMBER, "因".repeat(201), SUPERVISOR))
			.expectException(violationOf("purpose", Rule.PURPOSE_TOO_LONG))
			.expectNoEvents();
	}

	@Test
	void cannotRecordInAnotherMembersLog() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordDisclosure(DisclosureLogId.of(new MemberId("m-other")), MEMBER, "check", SUPERVISOR))
			.expectException(violationOf("logId", Rule.DISCLOSURE_LOG_MISMATCH))
			.expectNoEvents();
	}

	@Test
	void cannotRecordWithoutTheReader() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordDisclosure(LOG, MEMBER, "check", null))
			.expectException(violationOf("disclosedTo", Rule.REQUIRED))
			.expectNoEvents();
	}

}
