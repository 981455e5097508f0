package org.unionledger.api.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.common.RecordedBy;
import org.unionledger.membership.Commands.ReclassifyEnrollmentAsTransferIn;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.supervision.FindFinding;
import org.unionledger.projections.supervision.Finding;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.supervision.Commands.DecideFinding;
import org.unionledger.supervision.FindingDecision;
import org.unionledger.supervision.FindingId;
import org.unionledger.common.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * A supervisor decides a finding once and corrects only a confirmed one naming a member.
 */
class FindingsTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.ofHours(8));

	static final RecordedBy SUPERVISOR = new RecordedBy("supervisor-sjz");

	static final String ID = "DOUBLE_ENROLLMENT:m-oz4njx4bwlschfqh6vct6fq3c4:2";

	final CommandGateway commands = mock(CommandGateway.class);

	final QueryGateway queries = mock(QueryGateway.class);

	Findings findings;

	@BeforeEach
	void setUp() {
		Actors actors = mock(Actors.class);
		when(actors.current()).thenReturn(SUPERVISOR);
		this.findings = new Findings(this.queries, this.commands, mock(ProjectionFreshness.class), actors,
				StatisticalCalendar.ACFTU, CLOCK, mock(org.unionledger.api.members.MemberRecords.class));
	}

	static Finding finding(String status, String memberId) {
		return new Finding(ID, org.unionledger.projections.supervision.FindingKind.DUPLICATE_ENROLLMENT_ATTEMPT,
				"sjz-express-01", "130104", 2027, memberId, TODAY, TODAY, 2, Map.of(), status, null, null, null, null);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anOpenFindingIsDecidedAsTheSupervisorAndReadAgain() {
		Finding decided = finding("CONFIRMED", "m-oz4njx4bwlschfqh6vct6fq3c4");
		when(this.queries.query(any(FindFinding.class), any(ResponseType.class)))
			.thenReturn(CompletableFuture.completedFuture(Optional.of(decided)));

		Finding answer = this.findings.decide(finding("OPEN", null), FindingDecision.CONFIRMED, "same person");

		assertThat(answer).isSameAs(decided);
		verify(this.commands)
			.sendAndWait(new DecideFinding(new FindingId(ID), FindingDecision.CONFIRMED, "same person", SUPERVISOR));
	}

	@Test
	void aDecidedFindingIsNotDecidedAgain() {
		assertThatThrownBy(() -> this.findings.decide(finding("DISMISSED", null), FindingDecision.CONFIRMED, "x"))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.FINDING_ALREADY_DECIDED));
		verifyNoInteractions(this.commands);
	}

	@Test
	void onlyAConfirmedFindingNamingAMemberIsCorrected() {
		assertThatThrownBy(() -> this.findings.correct(finding("OPEN", "m-oz4njx4bwlschfqh6vct6fq3c4"), "moved"))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.FINDING_NOT_CONFIRMED));
		assertThatThrownBy(() -> this.findings.correct(finding("CONFIRMED", null), "moved")).isInstanceOfSatisfying(
				ApiException.class, (ex) -> assertThat(ex.rule()).isEqualTo(Rule.NOT_A_NEW_ENROLLMENT));
		verifyNoInteractions(this.commands);

		this.findings.correct(finding("CONFIRMED", "m-oz4njx4bwlschfqh6vct6fq3c4"), "moved");

		verify(this.commands).sendAndWait(new ReclassifyEnrollmentAsTransferIn(
				new MemberId("m-oz4njx4bwlschfqh6vct6fq3c4"), ID, "moved", SUPERVISOR));
	}

	@Test
	void theYearDefaultsToTheCurrentStatisticalYearAndStaysInRange() {
		assertThat(this.findings.year(null)).isEqualTo(StatisticalCalendar.ACFTU.yearOf(TODAY));
		assertThatThrownBy(() -> this.findings.year(1900)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.rule()).isEqualTo(Rule.YEAR_OUT_OF_RANGE));
	}

}
