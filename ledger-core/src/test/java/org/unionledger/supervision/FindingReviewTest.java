package org.unionledger.supervision;

import static org.unionledger.common.TestLedger.violationOf;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.supervision.Commands.DecideFinding;
import org.unionledger.supervision.Events.FindingDecided;

import static org.assertj.core.api.Assertions.assertThat;

class FindingReviewTest {

	private static final Instant NOW = Instant.parse("2026-06-15T02:00:00Z");

	private static final FindingId FINDING = new FindingId("DUPLICATE_ENROLLMENT_ATTEMPT:m-abc:1234");

	private static final RecordedBy SUPERVISOR = new RecordedBy("sjz-supervisor");

	private AggregateTestFixture<FindingReview> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(FindingReview.class);
		this.fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
	}

	@Test
	void aSupervisorConfirmsAFindingWithAReason() {
		this.fixture.givenNoPriorActivity()
			.when(new DecideFinding(FINDING, FindingDecision.CONFIRMED, "same person, two unions", SUPERVISOR))
			.expectEvents(
					new FindingDecided(FINDING, FindingDecision.CONFIRMED, "same person, two unions", NOW, SUPERVISOR));
	}

	@Test
	void aSupervisorDismissesAFindingWithAReason() {
		this.fixture.givenNoPriorActivity()
			.when(new DecideFinding(FINDING, FindingDecision.DISMISSED, "data entry corrected on paper", SUPERVISOR))
			.expectEvents(new FindingDecided(FINDING, FindingDecision.DISMISSED, "data entry corrected on paper", NOW,
					SUPERVISOR));
	}

	@Test
	void aFindingIsDecidedOnlyOnce() {
		this.fixture
			.given(new FindingDecided(FINDING, FindingDecision.DISMISSED, "not a double count", NOW, SUPERVISOR))
			.when(new DecideFinding(FINDING, FindingDecision.CONFIRMED, "changed my mind", SUPERVISOR))
			.expectNoEvents()
			.expectExceptionMessage("the finding was already DISMISSED");
	}

	@Test
	void aDecisionNeedsAReason() {
		this.fixture.givenNoPriorActivity()
			.when(new DecideFinding(FINDING, FindingDecision.CONFIRMED, " ", SUPERVISOR))
			.expectNoEvents()
			.expectException(DomainRuleViolation.class);
	}

	@Test
	void aReasonWithABidiOverrideIsRefused() {
		this.fixture.givenNoPriorActivity()
			.when(new DecideFinding(FINDING, FindingDecision.CONFIRMED, "same person \u202etwo unions", SUPERVISOR))
			.expectException(violationOf("reason", Rule.TEXT_CHARACTERS))
			.expectNoEvents();
	}

	@Test
	void aDecisionNeedsADecision() {
		this.fixture.givenNoPriorActivity()
			.when(new DecideFinding(FINDING, null, "reason", SUPERVISOR))
			.expectNoEvents()
			.expectException(DomainRuleViolation.class);
	}

	@Test
	void findingIdsHaveAStableShape() {
		assertThat(FINDING.toString()).isEqualTo("f-DUPLICATE_ENROLLMENT_ATTEMPT:m-abc:1234");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new FindingId("anything goes"));
	}

}
