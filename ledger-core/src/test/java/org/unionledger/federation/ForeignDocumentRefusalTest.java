package org.unionledger.federation;

import static org.unionledger.common.TestLedger.CLERK;
import static org.unionledger.common.TestLedger.CLOCK;
import static org.unionledger.common.TestLedger.NOW;
import static org.unionledger.common.TestLedger.violationOf;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.common.Rule;
import org.unionledger.federation.Commands.RecordDocumentRefusal;
import org.unionledger.federation.Events.ForeignDocumentRefused;
import org.unionledger.union.UnionId;

class ForeignDocumentRefusalTest {

	private static final RefusalId ID = new RefusalId("fd-1");

	private static final String DIGEST = "ab".repeat(32);

	private AggregateTestFixture<ForeignDocumentRefusal> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(ForeignDocumentRefusal.class);
		this.fixture.registerInjectableResource(CLOCK);
	}

	@Test
	void aRefusedDocumentIsRecordedWithWhatItClaims() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordDocumentRefusal(ID, DocumentKind.CREDENTIAL, DocumentRefusal.BAD_SIGNATURE, "41", "c-1",
					DIGEST, new UnionId("sjz-site-02"), CLERK))
			.expectEvents(new ForeignDocumentRefused(ID, DocumentKind.CREDENTIAL, DocumentRefusal.BAD_SIGNATURE, "41",
					"c-1", DIGEST, new UnionId("sjz-site-02"), NOW, CLERK));
	}

	@Test
	void whatAForgedDocumentClaimsIsKeptAsHarmlessTextOfBoundedLength() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordDocumentRefusal(ID, DocumentKind.RECEIPT, DocumentRefusal.MALFORMED, "4\u202e1\u0000",
					"x".repeat(500), DIGEST, null, CLERK))
			.expectEvents(new ForeignDocumentRefused(ID, DocumentKind.RECEIPT, DocumentRefusal.MALFORMED, "4?1?",
					"x".repeat(ForeignDocumentRefusal.MAX_CLAIM), DIGEST, null, NOW, CLERK));
	}

	@Test
	void theDigestIsASha256InHexAndTheReasonIsRequired() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordDocumentRefusal(ID, DocumentKind.RECEIPT, DocumentRefusal.MALFORMED, null, null, "not hex",
					null, CLERK))
			.expectException(violationOf("digest", Rule.REQUIRED))
			.expectNoEvents();
		this.fixture.givenNoPriorActivity()
			.when(new RecordDocumentRefusal(ID, DocumentKind.RECEIPT, null, null, null, DIGEST, null, CLERK))
			.expectException(violationOf("reason", Rule.REQUIRED))
			.expectNoEvents();
	}

}
