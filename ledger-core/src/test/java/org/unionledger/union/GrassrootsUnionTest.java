package org.unionledger.union;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionledger.common.TestLedger.CLERK;
import static org.unionledger.common.TestLedger.CLOCK;
import static org.unionledger.common.TestLedger.NOW;
import static org.unionledger.common.TestLedger.TODAY;
import static org.unionledger.common.TestLedger.violationOf;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.union.Commands.DissolveUnion;
import org.unionledger.union.Commands.MoveUnion;
import org.unionledger.union.Commands.RegisterUnion;
import org.unionledger.union.Commands.RenameUnion;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionMoved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.Events.UnionRenamed;

class GrassrootsUnionTest {

	private static final UnionId UNION = new UnionId("sjz-construction-01");

	private static final LocalDate ESTABLISHED = LocalDate.of(2024, 3, 1);

	private static final UnionPlacement PLACEMENT = new UnionPlacement(UNION, JurisdictionCode.of("130102"),
			UnionType.PROJECT_SITE, Sector.CONSTRUCTION);

	private static final UnionRegistered REGISTERED = new UnionRegistered(PLACEMENT, "长安区建筑项目工会", ESTABLISHED,
			NOW.minusSeconds(86_400), CLERK);

	private AggregateTestFixture<GrassrootsUnion> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(GrassrootsUnion.class);
		this.fixture.registerInjectableResource(CLOCK);
		this.fixture.registerInjectableResource(JurisdictionTable.bundled());
	}

	@Test
	void aUnionIsRegisteredUnderACountyLevelJurisdiction() {
		this.fixture.givenNoPriorActivity()
			.when(register("130102", "长安区建筑项目工会", ESTABLISHED))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new UnionRegistered(PLACEMENT, "长安区建筑项目工会", ESTABLISHED, NOW, CLERK));
	}

	@Test
	void aDevelopmentZoneCanHoldAGrassrootsUnion() {
		this.fixture.givenNoPriorActivity()
			.when(register("130171", "高新区物流工会", TODAY))
			.expectEvents(new UnionRegistered(new UnionPlacement(UNION, JurisdictionCode.of("130171"),
					UnionType.PROJECT_SITE, Sector.CONSTRUCTION), "高新区物流工会", TODAY, NOW, CLERK));
	}

	@Test
	void theNameIsStoredWithoutSurroundingBlanks() {
		this.fixture.givenNoPriorActivity()
			.when(register("130102", "  长安区建筑项目工会 ", ESTABLISHED))
			.expectEvents(new UnionRegistered(PLACEMENT, "长安区建筑项目工会", ESTABLISHED, NOW, CLERK));
	}

	@Test
	void aUnionNeedsANonBlankName() {
		this.fixture.givenNoPriorActivity()
			.when(register("130102", "   ", ESTABLISHED))
			.expectException(violationOf("name", Rule.NAME_BLANK))
			.expectNoEvents();
	}

	@Test
	void aUnionNameWithControlOrFormatCharactersIsRefused() {
		for (String name : new String[] { "长安区\u0000工会", "长安区\u202e会工", "\u200b", "长安区\ud800工会", "长安区\n工会" }) {
			this.fixture.givenNoPriorActivity()
				.when(register("130102", name, ESTABLISHED))
				.expectException(violationOf("name", Rule.TEXT_CHARACTERS))
				.expectNoEvents();
		}
	}

	@Test
	void aUnionNameIsStoredInNfc() {
		this.fixture.givenNoPriorActivity()
			.when(register("130102", "Cafe\u0301 工会", ESTABLISHED))
			.expectEvents(new UnionRegistered(PLACEMENT, "Caf\u00e9 工会", ESTABLISHED, NOW, CLERK));
	}

	@Test
	void aUnionNameHasAtMost200Characters() {
		this.fixture.givenNoPriorActivity()
			.when(register("130102", "工".repeat(201), ESTABLISHED))
			.expectException(violationOf("name", Rule.NAME_TOO_LONG))
			.expectNoEvents();
	}

	@Test
	void aNameOf200CharactersIsAccepted() {
		this.fixture.givenNoPriorActivity()
			.when(register("130102", "工".repeat(200), ESTABLISHED))
			.expectSuccessfulHandlerExecution();
	}

	@Test
	void aCityCannotHoldAGrassrootsUnion() {
		this.fixture.givenNoPriorActivity()
			.when(register("1301", "石家庄市工会", ESTABLISHED))
			.expectException(violationOf("jurisdictionCode", Rule.JURISDICTION_NOT_COUNTY_LEVEL))
			.expectNoEvents();
	}

	@Test
	void aCountyCodeMissingFromTheTableIsRefused() {
		this.fixture.givenNoPriorActivity()
			.when(register("130199", "不存在区工会", ESTABLISHED))
			.expectException(violationOf("jurisdictionCode", Rule.JURISDICTION_UNKNOWN))
			.expectNoEvents();
	}

	@Test
	void aUnionCannotBeEstablishedInTheFuture() {
		this.fixture.givenNoPriorActivity()
			.when(register("130102", "长安区建筑项目工会", TODAY.plusDays(1)))
			.expectException(violationOf("establishedOn", Rule.EFFECTIVE_DATE_IN_FUTURE))
			.expectNoEvents();
	}

	@Test
	void aUnionNeedsAType() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterUnion(UNION, "工会", null, Sector.CONSTRUCTION, JurisdictionCode.of("130102"), ESTABLISHED,
					CLERK))
			.expectException(violationOf("type", Rule.REQUIRED))
			.expectNoEvents();
	}

	@Test
	void anOpenUnionIsDissolved() {
		this.fixture.given(REGISTERED)
			.when(new DissolveUnion(UNION, TODAY, "project finished", CLERK))
			.expectEvents(new UnionDissolved(PLACEMENT, "project finished", TODAY, NOW, CLERK));
	}

	@Test
	void aUnionCanBeDissolvedOnTheDayItWasEstablished() {
		this.fixture.given(REGISTERED)
			.when(new DissolveUnion(UNION, ESTABLISHED, "registered by mistake", CLERK))
			.expectEvents(new UnionDissolved(PLACEMENT, "registered by mistake", ESTABLISHED, NOW, CLERK));
	}

	@Test
	void aUnionCannotBeDissolvedTwice() {
		this.fixture.given(REGISTERED, new UnionDissolved(PLACEMENT, "project finished", TODAY, NOW, CLERK))
			.when(new DissolveUnion(UNION, TODAY, "again", CLERK))
			.expectException(violationOf("unionId", Rule.UNION_ALREADY_DISSOLVED))
			.expectNoEvents();
	}

	@Test
	void aUnionCannotBeDissolvedBeforeItWasEstablished() {
		this.fixture.given(REGISTERED)
			.when(new DissolveUnion(UNION, ESTABLISHED.minusDays(1), "backdated", CLERK))
			.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_ESTABLISHMENT))
			.expectNoEvents();
	}

	@Test
	void aUnionCannotBeDissolvedInTheFuture() {
		this.fixture.given(REGISTERED)
			.when(new DissolveUnion(UNION, TODAY.plusDays(1), "planned", CLERK))
			.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE))
			.expectNoEvents();
	}

	private static final LocalDate RENAMED_ON = LocalDate.of(2025, 6, 1);

	private static final UnionRenamed RENAMED = new UnionRenamed(PLACEMENT, "长安区建筑业联合工会", "长安区建筑项目工会",
			"merged with two sites", RENAMED_ON, NOW.minusSeconds(3_600), CLERK);

	@Test
	void anOpenUnionIsRenamedWithItsPreviousNameKept() {
		this.fixture.given(REGISTERED)
			.when(new RenameUnion(UNION, " 长安区建筑业联合工会 ", RENAMED_ON, "merged with two sites", CLERK))
			.expectEvents(new UnionRenamed(PLACEMENT, "长安区建筑业联合工会", "长安区建筑项目工会", "merged with two sites", RENAMED_ON,
					NOW, CLERK));
	}

	@Test
	void aSecondRenameNamesTheFirstNewNameAsPrevious() {
		this.fixture.given(REGISTERED, RENAMED)
			.when(new RenameUnion(UNION, "长安区建筑业工会联合会", TODAY, null, CLERK))
			.expectEvents(new UnionRenamed(PLACEMENT, "长安区建筑业工会联合会", "长安区建筑业联合工会", null, TODAY, NOW, CLERK));
	}

	@Test
	void aRenameToTheCurrentNameIsRefused() {
		this.fixture.given(REGISTERED)
			.when(new RenameUnion(UNION, "长安区建筑项目工会", TODAY, null, CLERK))
			.expectException(violationOf("name", Rule.NAME_UNCHANGED))
			.expectNoEvents();
	}

	@Test
	void aRenameNeedsAValidName() {
		this.fixture.given(REGISTERED)
			.when(new RenameUnion(UNION, "\u200b ", TODAY, null, CLERK))
			.expectException(violationOf("name", Rule.TEXT_CHARACTERS))
			.expectNoEvents();
		this.fixture.given(REGISTERED)
			.when(new RenameUnion(UNION, "   ", TODAY, null, CLERK))
			.expectException(violationOf("name", Rule.NAME_BLANK))
			.expectNoEvents();
		this.fixture.given(REGISTERED)
			.when(new RenameUnion(UNION, "工".repeat(201), TODAY, null, CLERK))
			.expectException(violationOf("name", Rule.NAME_TOO_LONG))
			.expectNoEvents();
	}

	@Test
	void aDissolvedUnionIsNotRenamed() {
		this.fixture.given(REGISTERED, new UnionDissolved(PLACEMENT, "project finished", TODAY, NOW, CLERK))
			.when(new RenameUnion(UNION, "新名称", TODAY, null, CLERK))
			.expectException(violationOf("unionId", Rule.UNION_ALREADY_DISSOLVED))
			.expectNoEvents();
	}

	@Test
	void aRenameTakesEffectNeitherInTheFutureNorBeforeTheUnionsLastChange() {
		this.fixture.given(REGISTERED)
			.when(new RenameUnion(UNION, "新名称", TODAY.plusDays(1), null, CLERK))
			.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE))
			.expectNoEvents();
		this.fixture.given(REGISTERED)
			.when(new RenameUnion(UNION, "新名称", ESTABLISHED.minusDays(1), null, CLERK))
			.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_ESTABLISHMENT))
			.expectNoEvents();
		this.fixture.given(REGISTERED, RENAMED)
			.when(new RenameUnion(UNION, "新名称", RENAMED_ON.minusDays(1), null, CLERK))
			.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
			.expectNoEvents();
	}

	@Test
	void aRenameNeedsADate() {
		this.fixture.given(REGISTERED)
			.when(new RenameUnion(UNION, "新名称", null, null, CLERK))
			.expectException(violationOf("effectiveDate", Rule.REQUIRED))
			.expectNoEvents();
	}

	@Test
	void aDissolutionTakesEffectNotBeforeTheLastRename() {
		this.fixture.given(REGISTERED, RENAMED)
			.when(new DissolveUnion(UNION, RENAMED_ON.minusDays(1), "backdated", CLERK))
			.expectException(violationOf("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE))
			.expectNoEvents();
		this.fixture.given(REGISTERED, RENAMED)
			.when(new DissolveUnion(UNION, RENAMED_ON, "closed", CLERK))
			.expectEvents(new UnionDissolved(PLACEMENT, "closed", RENAMED_ON, NOW, CLERK));
	}

	// Moves to another county-level jurisdiction

	private static final JurisdictionCode QIAOXI = JurisdictionCode.of("130104");

	private static final UnionPlacement MOVED_PLACEMENT = new UnionPlacement(UNION, QIAOXI, UnionType.PROJECT_SITE,
			Sector.CONSTRUCTION);

	private static final LocalDate TOMORROW = TODAY.plusDays(1);

	private static final UnionMoved MOVED = new UnionMoved(MOVED_PLACEMENT, PLACEMENT.jurisdictionCode(),
			JurisdictionTable.bundled().version(), "区划调整", TOMORROW, NOW.minusSeconds(3_600), CLERK);

	@Test
	void aUnionMovesToAnotherCountyFromADayAfterToday() {
		this.fixture.given(REGISTERED)
			.when(new MoveUnion(UNION, QIAOXI, TOMORROW, " 区划调整 ", CLERK))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new UnionMoved(MOVED_PLACEMENT, PLACEMENT.jurisdictionCode(),
					JurisdictionTable.bundled().version(), "区划调整", TOMORROW, NOW, CLERK));
	}

	@Test
	void aMoveTakingEffectTodayOrEarlierIsRefused() {
		for (LocalDate day : new LocalDate[] { TODAY, TODAY.minusDays(30) }) {
			this.fixture.given(REGISTERED)
				.when(new MoveUnion(UNION, QIAOXI, day, null, CLERK))
				.expectException(violationOf("effectiveDate", Rule.UNION_MOVE_NOT_AFTER_TODAY))
				.expectNoEvents();
		}
	}

	@Test
	void aMoveNeedsADate() {
		this.fixture.given(REGISTERED)
			.when(new MoveUnion(UNION, QIAOXI, null, null, CLERK))
			.expectException(violationOf("effectiveDate", Rule.REQUIRED))
			.expectNoEvents();
	}

	@Test
	void aMoveGoesToAKnownCountyLevelJurisdictionOtherThanItsOwn() {
		this.fixture.given(REGISTERED)
			.when(new MoveUnion(UNION, JurisdictionCode.of("1301"), TOMORROW, null, CLERK))
			.expectException(violationOf("jurisdictionCode", Rule.JURISDICTION_NOT_COUNTY_LEVEL))
			.expectNoEvents();
		this.fixture.given(REGISTERED)
			.when(new MoveUnion(UNION, JurisdictionCode.of("139999"), TOMORROW, null, CLERK))
			.expectException(violationOf("jurisdictionCode", Rule.JURISDICTION_UNKNOWN))
			.expectNoEvents();
		this.fixture.given(REGISTERED)
			.when(new MoveUnion(UNION, PLACEMENT.jurisdictionCode(), TOMORROW, null, CLERK))
			.expectException(violationOf("jurisdictionCode", Rule.UNION_ALREADY_UNDER_JURISDICTION))
			.expectNoEvents();
		this.fixture.given(REGISTERED, MOVED)
			.when(new MoveUnion(UNION, QIAOXI, TOMORROW.plusDays(1), null, CLERK))
			.expectException(violationOf("jurisdictionCode", Rule.UNION_ALREADY_UNDER_JURISDICTION))
			.expectNoEvents();
	}

	@Test
	void aDissolvedUnionDoesNotMove() {
		this.fixture.given(REGISTERED, new UnionDissolved(PLACEMENT, "closed", TODAY, NOW, CLERK))
			.when(new MoveUnion(UNION, QIAOXI, TOMORROW, null, CLERK))
			.expectException(violationOf("unionId", Rule.UNION_ALREADY_DISSOLVED))
			.expectNoEvents();
	}

	@Test
	void aSecondMoveWaitsUntilTheFirstHasTakenEffect() {
		this.fixture.given(REGISTERED, MOVED)
			.when(new MoveUnion(UNION, JurisdictionCode.of("130105"), TOMORROW.plusDays(5), null, CLERK))
			.expectException(violationOf("effectiveDate", Rule.UNION_MOVE_PENDING))
			.expectNoEvents();
		UnionMoved movedLastMonth = new UnionMoved(MOVED_PLACEMENT, PLACEMENT.jurisdictionCode(), "2023", null,
				TODAY.minusDays(30), NOW.minusSeconds(90L * 86_400), CLERK);
		UnionPlacement xinhua = new UnionPlacement(UNION, JurisdictionCode.of("130105"), UnionType.PROJECT_SITE,
				Sector.CONSTRUCTION);
		this.fixture.given(REGISTERED, movedLastMonth)
			.when(new MoveUnion(UNION, JurisdictionCode.of("130105"), TOMORROW, null, CLERK))
			.expectEvents(
					new UnionMoved(xinhua, QIAOXI, JurisdictionTable.bundled().version(), null, TOMORROW, NOW, CLERK));
	}

	@Test
	void aChangeEffectiveBeforeAPendingMoveNamesTheJurisdictionOfItsDay() {
		this.fixture.given(REGISTERED, MOVED)
			.when(new RenameUnion(UNION, "长安区建筑工会", TODAY, null, CLERK))
			.expectEvents(new UnionRenamed(PLACEMENT, "长安区建筑工会", "长安区建筑项目工会", null, TODAY, NOW, CLERK));
		this.fixture.given(REGISTERED, MOVED)
			.when(new DissolveUnion(UNION, TODAY, "closed", CLERK))
			.expectEvents(new UnionDissolved(PLACEMENT, "closed", TODAY, NOW, CLERK));
		UnionMoved movedLastMonth = new UnionMoved(MOVED_PLACEMENT, PLACEMENT.jurisdictionCode(), "2023", null,
				TODAY.minusDays(30), NOW.minusSeconds(90L * 86_400), CLERK);
		this.fixture.given(REGISTERED, movedLastMonth)
			.when(new DissolveUnion(UNION, TODAY, "closed", CLERK))
			.expectEvents(new UnionDissolved(MOVED_PLACEMENT, "closed", TODAY, NOW, CLERK));
		this.fixture.given(REGISTERED, movedLastMonth)
			.when(new DissolveUnion(UNION, TODAY.minusDays(31), "closed late", CLERK))
			.expectEvents(new UnionDissolved(PLACEMENT, "closed late", TODAY.minusDays(31), NOW, CLERK));
	}

	@Test
	void theDirectoryPlacesAMovedUnionByDate() {
		UnionMoved movedLastMonth = new UnionMoved(MOVED_PLACEMENT, PLACEMENT.jurisdictionCode(), "2023", null,
				TODAY.minusDays(30), NOW.minusSeconds(90L * 86_400), CLERK);
		UnionPlacement xinhua = new UnionPlacement(UNION, JurisdictionCode.of("130105"), UnionType.PROJECT_SITE,
				Sector.CONSTRUCTION);
		UnionDirectory.UnionFacts facts = new UnionHistory().add(REGISTERED)
			.add(movedLastMonth)
			.add(new UnionMoved(xinhua, QIAOXI, "2024", null, TOMORROW, NOW, CLERK))
			.facts()
			.orElseThrow();
		assertThat(facts.placement()).isEqualTo(xinhua);
		assertThat(facts.placementOn(TODAY.minusDays(31))).isEqualTo(PLACEMENT);
		assertThat(facts.placementOn(TODAY.minusDays(30))).isEqualTo(MOVED_PLACEMENT);
		assertThat(facts.placementOn(TODAY)).isEqualTo(MOVED_PLACEMENT);
		assertThat(facts.placementOn(TOMORROW)).isEqualTo(xinhua);
	}

	private static RegisterUnion register(String jurisdiction, String name, LocalDate establishedOn) {
		return new RegisterUnion(UNION, name, UnionType.PROJECT_SITE, Sector.CONSTRUCTION,
				JurisdictionCode.of(jurisdiction), establishedOn, CLERK);
	}

}
