package org.unionledger.api.unions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.statistics.Statistics;
import org.unionledger.api.support.Actors;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.Commands.DissolveUnion;
import org.unionledger.union.Commands.RegisterUnion;
import org.unionledger.union.Commands.RenameUnion;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;
import org.unionledger.common.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Registering a grassroots union under a county-level jurisdiction, once; renaming it;
 * dissolving it only when no one is counted in it on the day or after.
 */
class UnionsTest {

	static final RecordedBy ADMIN = new RecordedBy("admin-sjz");

	static final UnionId TAKEN = new UnionId("sjz-express-01");

	static final UnionId FRESH = new UnionId("sjz-express-02");

	static final JurisdictionCode COUNTY = JurisdictionCode.of("130102");

	static final LocalDate DAY = LocalDate.of(2026, 3, 1);

	/** Today by the ledger's clock, in statistical year 2027 (from 2026-10-01). */
	static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	static final UnionFacts OPEN = new UnionFacts(
			new UnionPlacement(TAKEN, COUNTY, UnionType.INDUSTRY, Sector.LOGISTICS), "工会", DAY, null);

	final CommandGateway commands = mock(CommandGateway.class);

	final Statistics statistics = mock(Statistics.class);

	final ProjectionFreshness freshness = mock(ProjectionFreshness.class);

	Unions unions;

	@BeforeEach
	void setUp() {
		UnionDirectory directory = (unionId) -> unionId.equals(TAKEN)
				? Optional.of(new UnionFacts(new UnionPlacement(TAKEN, COUNTY, UnionType.INDUSTRY, Sector.LOGISTICS),
						"工会", DAY, null))
				: Optional.empty();
		Actors actors = mock(Actors.class);
		when(actors.current()).thenReturn(ADMIN);
		when(this.freshness.awaitStoreHead()).thenReturn(true);
		when(this.statistics.of(any(), any(), any(), isNull())).thenAnswer((call) -> figures(Map.of()));
		this.unions = new Unions(this.commands, directory, JurisdictionTable.bundled(), this.freshness, actors,
				this.statistics, StatisticalCalendar.ACFTU,
				Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
				mock(org.axonframework.queryhandling.QueryGateway.class));
	}

	static StatisticsView figures(Map<String, Long> figures) {
		return new StatisticsView("U:" + TAKEN.value(), 2027, LocalDate.of(2026, 10, 1), TODAY, null, figures, null,
				List.of());
	}

	@Test
	void aUnionIsRenamedAsTheSignedInUser() {
		this.unions.rename(OPEN, "快递物流工会", DAY.plusDays(1), "新名称");

		verify(this.commands).sendAndWait(new RenameUnion(TAKEN, "快递物流工会", DAY.plusDays(1), "新名称", ADMIN));
	}

	@Test
	void aUnionWithoutMembersOnTheDayOrSinceIsDissolved() {
		this.unions.dissolve(OPEN, LocalDate.of(2026, 9, 15), "项目竣工");

		verify(this.commands).sendAndWait(new DissolveUnion(TAKEN, LocalDate.of(2026, 9, 15), "项目竣工", ADMIN));
		// stocks on the day and today; flows of 2026 to its end less those to the day
		// before, and 2027 to today
		verify(this.statistics).of(eq("U:" + TAKEN.value()), eq(2026), eq(LocalDate.of(2026, 9, 30)), isNull());
		verify(this.statistics).of(eq("U:" + TAKEN.value()), eq(2026), eq(LocalDate.of(2026, 9, 14)), isNull());
		verify(this.statistics).of(eq("U:" + TAKEN.value()), eq(2027), eq(TODAY), isNull());
	}

	@Test
	void aUnionHoldingOrServingMembersOnTheDayIsNotDissolved() {
		for (String figure : List.of(Figures.ACTIVE, Figures.ON_HOLD, Figures.SERVING)) {
			when(this.statistics.of(any(), isNull(), eq(TODAY.minusDays(3)), isNull()))
				.thenReturn(figures(Map.of(figure, 1L)));
			assertThatThrownBy(() -> this.unions.dissolve(OPEN, TODAY.minusDays(3), null))
				.isInstanceOfSatisfying(ApiException.class, (ex) -> {
					assertThat(ex.rule()).isEqualTo(Rule.UNION_HAS_MEMBERS);
					assertThat(ex.field()).isEqualTo("effectiveDate");
				});
		}
		verifyNoInteractions(this.commands);
	}

	@Test
	void aUnionWithMembersTodayIsNotDissolvedBackdated() {
		when(this.statistics.of(any(), isNull(), eq(TODAY), isNull())).thenReturn(figures(Map.of(Figures.ACTIVE, 2L)));

		assertThatThrownBy(() -> this.unions.dissolve(OPEN, TODAY.minusDays(30), null)).isInstanceOfSatisfying(
				ApiException.class, (ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNION_HAS_MEMBERS));
		verifyNoInteractions(this.commands);
	}

	@Test
	void aUnionSomeoneJoinedAfterTheDayIsNotDissolvedThoughTheyLeftAgain() {
		when(this.statistics.of(any(), eq(2027), eq(TODAY), isNull()))
			.thenReturn(figures(Map.of(Figures.TRANSFERS_IN, 1L)));

		assertThatThrownBy(() -> this.unions.dissolve(OPEN, LocalDate.of(2026, 10, 1), null)).isInstanceOfSatisfying(
				ApiException.class, (ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNION_HAS_MEMBERS));
		verifyNoInteractions(this.commands);
	}

	@Test
	void joiningsBeforeTheDayDoNotStopADissolution() {
		// one new member in 2027 before the day (who has left since): counted to today
		// and to the day before alike
		when(this.statistics.of(any(), eq(2027), any(), isNull())).thenReturn(figures(Map.of(Figures.NEW, 1L)));

		this.unions.dissolve(OPEN, TODAY.minusDays(1), null);

		verify(this.commands).sendAndWait(new DissolveUnion(TAKEN, TODAY.minusDays(1), null, ADMIN));
	}

	@Test
	void aDissolvedUnionOrLaggingFiguresSendNothing() {
		UnionFacts dissolved = new UnionFacts(OPEN.placement(), OPEN.name(), DAY, DAY.plusDays(10));
		assertThatThrownBy(() -> this.unions.dissolve(dissolved, TODAY, null)).isInstanceOfSatisfying(
				ApiException.class, (ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNION_ALREADY_DISSOLVED));
		when(this.freshness.awaitStoreHead()).thenReturn(false);
		assertThatThrownBy(() -> this.unions.dissolve(OPEN, TODAY, null)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNAVAILABLE));
		verifyNoInteractions(this.commands);
	}

	@Test
	void aUnionIsRegisteredWithItsNameStrippedAsTheSignedInUser() {
		this.unions.register(FRESH, " 快递工会 ", UnionType.INDUSTRY, Sector.LOGISTICS, COUNTY, DAY);

		verify(this.commands)
			.sendAndWait(new RegisterUnion(FRESH, "快递工会", UnionType.INDUSTRY, Sector.LOGISTICS, COUNTY, DAY, ADMIN));
	}

	@Test
	void aCityOrATakenIdIsRefusedBeforeAnythingIsSent() {
		assertThatThrownBy(() -> this.unions.register(FRESH, "工会", UnionType.INDUSTRY, Sector.LOGISTICS,
				JurisdictionCode.of("1301"), DAY))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.JURISDICTION_UNKNOWN));
		assertThatThrownBy(() -> this.unions.register(TAKEN, "工会", UnionType.INDUSTRY, Sector.LOGISTICS, COUNTY, DAY))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.ALREADY_REGISTERED));
		verifyNoInteractions(this.commands);
	}

	@Test
	void anIdTakenMeanwhileIsAConflictToo() {
		when(this.commands.sendAndWait(any(RegisterUnion.class))).thenThrow(new ConcurrencyException("taken"));

		assertThatThrownBy(() -> this.unions.register(FRESH, "工会", UnionType.INDUSTRY, Sector.LOGISTICS, COUNTY, DAY))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.ALREADY_REGISTERED));
	}

}
