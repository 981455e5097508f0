package org.unionledger.api.services;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.service.Campaign;
import org.unionledger.service.Commands.RecordServiceDelivered;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;
import org.unionledger.common.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Recording services delivered. */
class ServicesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.ofHours(8));

	static final RecordedBy OFFICER = new RecordedBy("officer-sjz");

	static final UnionId UNION = new UnionId("sjz-express-01");

	final CommandGateway commands = mock(CommandGateway.class);

	Services services;

	@BeforeEach
	void setUp() {
		UnionDirectory directory = (
				unionId) -> unionId.equals(UNION)
						? Optional.of(new UnionFacts(new UnionPlacement(UNION, JurisdictionCode.of("130104"),
								UnionType.INDUSTRY, Sector.LOGISTICS), "工会", LocalDate.of(2020, 1, 1), TODAY))
						: Optional.empty();
		Actors actors = mock(Actors.class);
		when(actors.current()).thenReturn(OFFICER);
		this.services = new Services(this.commands, new OpenUnions(directory), mock(ProjectionFreshness.class), actors,
				CLOCK, mock(org.unionledger.api.annualreports.Backdating.class));
	}

	@Test
	void aServiceToANonMemberCountsOnePersonTimeUnlessToldOtherwise() {
		ServiceId id = this.services.record(UNION, null, ServiceType.SEASONAL_CARE, Campaign.SUMMER_COOLING,
				TODAY.minusDays(1), null, new BigDecimal("20.50"), false);

		ArgumentCaptor<RecordServiceDelivered> sent = ArgumentCaptor.forClass(RecordServiceDelivered.class);
		verify(this.commands).sendAndWait(sent.capture());
		assertThat(sent.getValue()).isEqualTo(new RecordServiceDelivered(id, UNION, null, ServiceType.SEASONAL_CARE,
				Campaign.SUMMER_COOLING, TODAY.minusDays(1), 1, new BigDecimal("20.50"), OFFICER));
		assertThat(id.value()).startsWith("s-");
	}

	@Test
	void aMalformedMemberIdIsAnUnknownMember() {
		assertThatThrownBy(() -> this.services.record(UNION, "m-BAD", ServiceType.SEASONAL_CARE, null,
				TODAY.minusDays(1), 1, BigDecimal.ONE, false))
			.isInstanceOfSatisfying(DomainRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.MEMBER_UNKNOWN));
		verifyNoInteractions(this.commands);
	}

	@Test
	void aFutureDayOrADayTheUnionWasClosedSendsNothing() {
		assertThatThrownBy(() -> this.services.record(UNION, null, ServiceType.SEASONAL_CARE, null, TODAY.plusDays(1),
				1, BigDecimal.ONE, false))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.EFFECTIVE_DATE_IN_FUTURE));
		assertThatThrownBy(() -> this.services.record(UNION, null, ServiceType.SEASONAL_CARE, null, TODAY, 1,
				BigDecimal.ONE, false))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNION_NOT_OPEN));
		assertThatThrownBy(() -> this.services.record(new UnionId("no-such-union"), null, ServiceType.SEASONAL_CARE,
				null, TODAY, 1, BigDecimal.ONE, false))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNION_UNKNOWN));
		verifyNoInteractions(this.commands);
	}

	/**
	 * A union that moved: a service backdated before the move would flag the signed
	 * reports of the county it stood under then, so that county's are checked.
	 */
	@Test
	void aBackdatedServiceOfAMovedUnionIsCheckedAgainstTheCountyOfItsDay() {
		UnionId moved = new UnionId("sjz-moved-02");
		LocalDate movedOn = TODAY.minusDays(30);
		UnionFacts facts = new UnionFacts(
				new UnionPlacement(moved, JurisdictionCode.of("130602"), UnionType.INDUSTRY, Sector.LOGISTICS), "工会",
				LocalDate.of(2020, 1, 1), null, null,
				java.util.List.of(new org.unionledger.union.UnionDirectory.UnionMove(movedOn,
						JurisdictionCode.of("130104"), JurisdictionCode.of("130602"))));
		org.unionledger.api.annualreports.Backdating backdating = mock(
				org.unionledger.api.annualreports.Backdating.class);
		Actors actors = mock(Actors.class);
		when(actors.current()).thenReturn(OFFICER);
		Services services = new Services(this.commands, new OpenUnions((unionId) -> Optional.of(facts)),
				mock(ProjectionFreshness.class), actors, CLOCK, backdating);

		services.record(moved, null, ServiceType.SEASONAL_CARE, null, movedOn.minusDays(1), 1, BigDecimal.ONE, false);
		services.record(moved, null, ServiceType.SEASONAL_CARE, null, movedOn, 1, BigDecimal.ONE, false);

		verify(backdating).requireConfirmed(JurisdictionCode.of("130104"), movedOn.minusDays(1), false, "deliveredOn");
		verify(backdating).requireConfirmed(JurisdictionCode.of("130602"), movedOn, false, "deliveredOn");
	}

}
