package org.unionledger.targets;

import static org.unionledger.common.TestLedger.CLERK;
import static org.unionledger.common.TestLedger.CLOCK;
import static org.unionledger.common.TestLedger.NOW;
import static org.unionledger.common.TestLedger.TODAY;
import static org.unionledger.common.TestLedger.violationOf;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.targets.Commands.SetEnrollmentTarget;
import org.unionledger.targets.Events.EnrollmentTargetSet;

class EnrollmentTargetTest {

	private static final JurisdictionCode SHIJIAZHUANG = JurisdictionCode.of("1301");

	private static final TargetId ID = TargetId.of(SHIJIAZHUANG, 2026);

	private AggregateTestFixture<EnrollmentTarget> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(EnrollmentTarget.class);
		this.fixture.registerInjectableResource(CLOCK);
		this.fixture.registerInjectableResource(JurisdictionTable.bundled());
	}

	private static SetEnrollmentTarget set(TargetSource source, long target) {
		return new SetEnrollmentTarget(ID, SHIJIAZHUANG, 2026, source, target, TODAY, CLERK);
	}

	private static EnrollmentTargetSet wasSet(TargetSource source, long target, Long previous) {
		return new EnrollmentTargetSet(SHIJIAZHUANG, 2026, source, target, previous, TODAY, NOW, CLERK);
	}

	@Test
	void theProvinceAssignsACityItsTarget() {
		this.fixture.givenNoPriorActivity()
			.when(set(TargetSource.ASSIGNED, 12_000))
			.expectEvents(wasSet(TargetSource.ASSIGNED, 12_000, null));
	}

	@Test
	void theCitySetsItselfAHigherTargetBesideTheAssignedOne() {
		this.fixture.given(wasSet(TargetSource.ASSIGNED, 12_000, null))
			.when(set(TargetSource.SELF_SET, 15_000))
			.expectEvents(wasSet(TargetSource.SELF_SET, 15_000, null));
	}

	@Test
	void aChangeIsAnEventThatRemembersThePreviousTarget() {
		this.fixture.given(wasSet(TargetSource.ASSIGNED, 12_000, null))
			.when(set(TargetSource.ASSIGNED, 13_000))
			.expectEvents(wasSet(TargetSource.ASSIGNED, 13_000, 12_000L));
	}

	@Test
	void settingTheSameTargetAgainWritesNothing() {
		this.fixture.given(wasSet(TargetSource.ASSIGNED, 12_000, null))
			.when(set(TargetSource.ASSIGNED, 12_000))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void aTargetOfZeroIsAllowed() {
		this.fixture.givenNoPriorActivity()
			.when(set(TargetSource.SELF_SET, 0))
			.expectEvents(wasSet(TargetSource.SELF_SET, 0, null));
	}

	@Test
	void aTargetIsNeverNegative() {
		this.fixture.givenNoPriorActivity()
			.when(set(TargetSource.ASSIGNED, -1))
			.expectException(violationOf("target", Rule.TARGET_NEGATIVE))
			.expectNoEvents();
	}

	@Test
	void aTargetHasAnUpperBound() {
		this.fixture.givenNoPriorActivity()
			.when(set(TargetSource.ASSIGNED, EnrollmentTarget.MAX_TARGET + 1))
			.expectException(violationOf("target", Rule.TARGET_TOO_LARGE))
			.expectNoEvents();
	}

	@Test
	void theJurisdictionMustBeInTheDivisionTable() {
		JurisdictionCode unknown = JurisdictionCode.of("1399");
		this.fixture.givenNoPriorActivity()
			.when(new SetEnrollmentTarget(TargetId.of(unknown, 2026), unknown, 2026, TargetSource.ASSIGNED, 10, TODAY,
					CLERK))
			.expectException(violationOf("jurisdictionCode", Rule.JURISDICTION_NOT_IN_TABLE))
			.expectNoEvents();
	}

	@Test
	void theYearMustBePlausible() {
		this.fixture.givenNoPriorActivity()
			.when(new SetEnrollmentTarget(TargetId.of(SHIJIAZHUANG, 1900), SHIJIAZHUANG, 1900, TargetSource.ASSIGNED,
					10, TODAY, CLERK))
			.expectException(violationOf("statisticalYear", Rule.YEAR_OUT_OF_RANGE))
			.expectNoEvents();
	}

	@Test
	void theIdMustNameTheJurisdictionAndYear() {
		this.fixture.givenNoPriorActivity()
			.when(new SetEnrollmentTarget(TargetId.of(SHIJIAZHUANG, 2025), SHIJIAZHUANG, 2026, TargetSource.ASSIGNED,
					10, TODAY, CLERK))
			.expectException(violationOf("targetId", Rule.REQUIRED))
			.expectNoEvents();
	}

	@Test
	void aChangeCannotTakeEffectInTheFuture() {
		this.fixture.givenNoPriorActivity()
			.when(new SetEnrollmentTarget(ID, SHIJIAZHUANG, 2026, TargetSource.ASSIGNED, 10, TODAY.plusDays(1), CLERK))
			.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE))
			.expectNoEvents();
	}

	@Test
	void theSourceIsRequired() {
		this.fixture.givenNoPriorActivity()
			.when(new SetEnrollmentTarget(ID, SHIJIAZHUANG, 2026, null, 10, TODAY, CLERK))
			.expectException(violationOf("source", Rule.REQUIRED))
			.expectNoEvents();
	}

}
