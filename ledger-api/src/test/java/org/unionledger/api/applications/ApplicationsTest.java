package org.unionledger.api.applications;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.api.applications.Applications.Application;
import org.unionledger.api.applications.Applications.Approval;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.Enrollments;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Rule;
import org.unionledger.common.Outcome;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.EnrollmentRejectionReason;
import org.unionledger.membership.MemberId;
import org.unionledger.applications.ApplicationId;
import org.unionledger.applications.ApplicationStatus;
import org.unionledger.applications.Commands.ApproveApplication;
import org.unionledger.applications.Commands.DeclineApplication;
import org.unionledger.applications.Commands.WithdrawApproval;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Approval is a process of two commands on two aggregates: when the enrollment fails, the
 * approval is withdrawn and the failure answered; nothing stays half done.
 */
class ApplicationsTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.ofHours(8));

	static final UnionId UNION = new UnionId("sjz-express-01");

	static final RecordedBy OFFICER = new RecordedBy("officer-sjz");

	static final MemberId MEMBER = new MemberId("m-oz4njx4bwlschfqh6vct6fq3c4");

	static final EncryptedPersonalData SEALED = new EncryptedPersonalData("pd-1", "c2VhbGVk");

	static final Application PENDING = new Application(new ApplicationId("oa-" + "a".repeat(26)), UNION, MEMBER, SEALED,
			TODAY.minusDays(2), ApplicationStatus.PENDING, null, null);

	final CommandGateway commands = mock(CommandGateway.class);

	final Enrollments enrollments = mock(Enrollments.class);

	final Actors actors = mock(Actors.class);

	UnionFacts union = facts(LocalDate.of(2020, 1, 1), null);

	Applications applications;

	@BeforeEach
	void setUp() {
		OpenUnions unions = mock(OpenUnions.class);
		when(unions.find(UNION)).thenAnswer((invocation) -> Optional.ofNullable(this.union));
		when(this.actors.current()).thenReturn(OFFICER);
		this.applications = new Applications(this.commands, mock(QueryGateway.class), mock(EventStore.class), unions,
				this.enrollments, mock(PersonalDataVault.class), new SecureRandom(), mock(ProjectionFreshness.class),
				this.actors, CLOCK);
	}

	static UnionFacts facts(LocalDate established, LocalDate dissolved) {
		return new UnionFacts(
				new UnionPlacement(UNION, JurisdictionCode.of("130104"), UnionType.INDUSTRY, Sector.LOGISTICS),
				"快递行业工会", established, dissolved);
	}

	@Test
	void anApprovalEnrollsTheApplicantOnlineAsTheOfficer() {
		when(this.enrollments.enrollApplicant(MEMBER, SEALED, UNION, TODAY, OFFICER)).thenReturn(Outcome.ok());

		Approval approval = this.applications.approve(PENDING, null);

		assertThat(approval.enrollment().accepted()).isTrue();
		assertThat(approval.memberId()).isEqualTo(MEMBER);
		var order = inOrder(this.commands, this.enrollments);
		order.verify(this.commands).sendAndWait(new ApproveApplication(PENDING.id(), UNION, TODAY, OFFICER));
		order.verify(this.enrollments).enrollApplicant(MEMBER, SEALED, UNION, TODAY, OFFICER);
		verify(this.commands, never()).sendAndWait(any(WithdrawApproval.class));
	}

	@Test
	void aRefusedEnrollmentIsAnAnswerNotAFailureAndTheApprovalStands() {
		when(this.enrollments.enrollApplicant(MEMBER, SEALED, UNION, TODAY, OFFICER))
			.thenReturn(Outcome.rejected(EnrollmentRejectionReason.ALREADY_ACTIVE));

		Approval approval = this.applications.approve(PENDING, TODAY);

		assertThat(approval.enrollment().rejection()).isEqualTo("ALREADY_ACTIVE");
		verify(this.commands, never()).sendAndWait(any(WithdrawApproval.class));
	}

	@Test
	void whenTheEnrollmentFailsTheApprovalIsWithdrawnAndTheFailureAnswered() {
		DomainRuleViolation failure = new DomainRuleViolation("effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE,
				"before the last change");
		when(this.enrollments.enrollApplicant(MEMBER, SEALED, UNION, TODAY, OFFICER)).thenThrow(failure);

		assertThatThrownBy(() -> this.applications.approve(PENDING, TODAY)).isSameAs(failure);

		var order = inOrder(this.commands, this.enrollments);
		order.verify(this.commands).sendAndWait(any(ApproveApplication.class));
		order.verify(this.enrollments).enrollApplicant(MEMBER, SEALED, UNION, TODAY, OFFICER);
		order.verify(this.commands)
			.sendAndWait(new WithdrawApproval(PENDING.id(), UNION, Applications.ENROLLMENT_FAILED, OFFICER));
	}

	@Test
	void whenTheWithdrawalFailsTooTheEnrollmentsFailureIsAnsweredWithTheWithdrawalsAttached() {
		IllegalStateException failure = new IllegalStateException("store unavailable");
		IllegalStateException withdrawal = new IllegalStateException("store still unavailable");
		when(this.enrollments.enrollApplicant(MEMBER, SEALED, UNION, TODAY, OFFICER)).thenThrow(failure);
		when(this.commands.sendAndWait(any(WithdrawApproval.class))).thenThrow(withdrawal);

		assertThatThrownBy(() -> this.applications.approve(PENDING, TODAY)).isSameAs(failure)
			.satisfies((thrown) -> assertThat(thrown.getSuppressed()).containsExactly(withdrawal));
	}

	@Test
	void whenTheApprovalItselfFailsNothingElseIsSent() {
		DomainRuleViolation refused = new DomainRuleViolation("applicationId", Rule.APPLICATION_NOT_PENDING, "decided");
		when(this.commands.sendAndWait(any(ApproveApplication.class))).thenThrow(refused);

		assertThatThrownBy(() -> this.applications.approve(PENDING, TODAY)).isSameAs(refused);

		verifyNoInteractions(this.enrollments);
		verify(this.commands, never()).sendAndWait(any(WithdrawApproval.class));
	}

	@Test
	void aDecidedApplicationIsNotApprovedOrDeclinedAgain() {
		Application approved = new Application(PENDING.id(), UNION, MEMBER, SEALED, PENDING.submittedOn(),
				ApplicationStatus.APPROVED, OFFICER, null);

		assertThatThrownBy(() -> this.applications.approve(approved, TODAY)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.rule()).isEqualTo(Rule.APPLICATION_NOT_PENDING));
		assertThatThrownBy(() -> this.applications.decline(approved, "late")).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.rule()).isEqualTo(Rule.APPLICATION_NOT_PENDING));
		verifyNoInteractions(this.commands, this.enrollments);
	}

	@Test
	void anApprovalInTheFutureOrOnADayTheUnionIsClosedSendsNothing() {
		assertThatThrownBy(() -> this.applications.approve(PENDING, TODAY.plusDays(1)))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.field()).isEqualTo("effectiveDate"));
		this.union = facts(LocalDate.of(2020, 1, 1), TODAY.minusDays(1));
		assertThatThrownBy(() -> this.applications.approve(PENDING, TODAY)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNION_NOT_OPEN));
		this.union = null;
		assertThatThrownBy(() -> this.applications.approve(PENDING, TODAY)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNION_UNKNOWN));
		verifyNoInteractions(this.commands, this.enrollments);
	}

	@Test
	void aDeclineIsSentAsTheOfficer() {
		this.applications.decline(PENDING, "申请人非本单位职工");

		verify(this.commands).sendAndWait(eq(new DeclineApplication(PENDING.id(), UNION, "申请人非本单位职工", OFFICER)));
	}

}
