package org.unionledger.federation;

import static org.unionledger.common.TestLedger.CLERK;
import static org.unionledger.common.TestLedger.CLOCK;
import static org.unionledger.common.TestLedger.NOW;
import static org.unionledger.common.TestLedger.violationOf;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.common.Rule;
import org.unionledger.federation.Commands.RecordCrossLedgerComparison;
import org.unionledger.federation.Events.CrossLedgerDoubleCountsFound;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.MemberId;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

class CrossLedgerComparisonTest {

	private static final ComparisonId ID = new ComparisonId("cmp-1");

	private static final LedgerId HENAN = new LedgerId("41");

	private static final String DIGEST = "cd".repeat(32);

	private static final ExportPart PART = new ExportPart(2, 3);

	private static final UnionPlacement HERE = new UnionPlacement(new UnionId("sjz-site-01"),
			JurisdictionCode.of("130102"), UnionType.PROJECT_SITE, Sector.CONSTRUCTION);

	private static DoubleCount found(String member) {
		return new DoubleCount(new MemberId(member), HERE, new UnionId("zz-site-01"), "郑州某项目部工会");
	}

	private AggregateTestFixture<CrossLedgerComparison> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(CrossLedgerComparison.class);
		this.fixture.registerInjectableResource(CLOCK);
	}

	@Test
	void aComparisonRecordsThePersonsCountedInBothLedgers() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordCrossLedgerComparison(ID, HENAN, DIGEST, PART, 120, 300,
					List.of(found("m-a"), found("m-b")), CLERK))
			.expectEvents(new CrossLedgerDoubleCountsFound(ID, HENAN, DIGEST, PART, 120, 300,
					List.of(found("m-a"), found("m-b")), NOW, CLERK));
	}

	@Test
	void aComparisonFindsEachMemberOnceAndNoMoreThanEitherSideCounts() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordCrossLedgerComparison(ID, HENAN, DIGEST, PART, 5, 5, List.of(found("m-a"), found("m-a")),
					CLERK))
			.expectException(violationOf("found", Rule.REQUIRED))
			.expectNoEvents();
		this.fixture.givenNoPriorActivity()
			.when(new RecordCrossLedgerComparison(ID, HENAN, DIGEST, PART, 1, 5, List.of(found("m-a"), found("m-b")),
					CLERK))
			.expectException(violationOf("found", Rule.REQUIRED))
			.expectNoEvents();
		this.fixture.givenNoPriorActivity()
			.when(new RecordCrossLedgerComparison(ID, HENAN, "x", PART, 1, 1, List.of(), CLERK))
			.expectException(violationOf("digest", Rule.REQUIRED))
			.expectNoEvents();
		this.fixture.givenNoPriorActivity()
			.when(new RecordCrossLedgerComparison(ID, HENAN, DIGEST, null, 1, 1, List.of(), CLERK))
			.expectException(violationOf("part", Rule.REQUIRED))
			.expectNoEvents();
	}

}
