package org.unionledger.applications;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionledger.common.Guards.check;
import static org.unionledger.common.Guards.notInFuture;
import static org.unionledger.common.Guards.require;

import java.time.Clock;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.unionledger.common.Rule;
import org.unionledger.common.Text;
import org.unionledger.membership.MemberId;
import org.unionledger.applications.Commands.ApproveApplication;
import org.unionledger.applications.Commands.DeclineApplication;
import org.unionledger.applications.Commands.SubmitApplication;
import org.unionledger.applications.Commands.WithdrawApproval;
import org.unionledger.online.Events.ApplicationApprovalWithdrawn;
import org.unionledger.online.Events.ApplicationApproved;
import org.unionledger.online.Events.ApplicationDeclined;
import org.unionledger.online.Events.ApplicationSubmitted;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionPlacement;

/**
 * One online application: submitted to an open union, then approved or declined once, by
 * that union. An approval takes effect on or after the day of the application and not
 * after today.
 */
class OnlineApplication {

	static final int MAX_REASON_LENGTH = 500;

	@AggregateIdentifier
	private ApplicationId applicationId;

	private MemberId memberId;

	private UnionPlacement union;

	private LocalDate submittedOn;

	private ApplicationStatus status;

	OnlineApplication() {
	}

	@CommandHandler
	OnlineApplication(SubmitApplication command, Clock clock, UnionDirectory unions) {
		require(command.applicationId(), "applicationId");
		require(command.memberId(), "memberId");
		require(command.personalData(), "personalData");
		require(command.recordedBy(), "recordedBy");
		LocalDate submittedOn = require(command.submittedOn(), "submittedOn");
		notInFuture(submittedOn, "submittedOn", LocalDate.now(clock));
		UnionPlacement placement = unions.requireOpenOn(require(command.unionId(), "unionId"), submittedOn, "unionId")
			.placementOn(submittedOn);
		apply(new ApplicationSubmitted(command.applicationId(), command.memberId(), command.personalData(), placement,
				submittedOn, clock.instant(), command.recordedBy()));
	}

	@CommandHandler
	void handle(ApproveApplication command, Clock clock) {
		requirePendingFor(command.decidingUnionId());
		require(command.recordedBy(), "recordedBy");
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		notInFuture(effectiveDate, "effectiveDate", LocalDate.now(clock));
		check(!effectiveDate.isBefore(this.submittedOn), "effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE,
				"an approval cannot take effect before the application (" + this.submittedOn + ")");
		apply(new ApplicationApproved(this.applicationId, this.memberId, this.union, effectiveDate, clock.instant(),
				command.recordedBy()));
	}

	@CommandHandler
	void handle(DeclineApplication command, Clock clock) {
		requirePendingFor(command.decidingUnionId());
		require(command.recordedBy(), "recordedBy");
		String reason = (command.reason() != null) ? Text.clean(command.reason(), "reason", true) : "";
		check(!reason.isEmpty() && reason.codePointCount(0, reason.length()) <= MAX_REASON_LENGTH, "reason",
				Rule.DECLINE_REASON_INVALID, "a decline needs a reason of 1 to " + MAX_REASON_LENGTH + " characters");
		apply(new ApplicationDeclined(this.applicationId, this.union, reason, clock.instant(), command.recordedBy()));
	}

	@CommandHandler
	void handle(WithdrawApproval command, Clock clock) {
		check(this.status == ApplicationStatus.APPROVED, "applicationId", Rule.APPLICATION_NOT_APPROVED,
				"only an approved application can have its approval withdrawn");
		requireDecidingUnion(command.decidingUnionId());
		require(command.recordedBy(), "recordedBy");
		String reason = (command.reason() != null) ? Text.clean(command.reason(), "reason", true) : "";
		apply(new ApplicationApprovalWithdrawn(this.applicationId, this.union, this.submittedOn, reason,
				clock.instant(), command.recordedBy()));
	}

	private void requirePendingFor(org.unionledger.union.UnionId decidingUnionId) {
		check(this.status == ApplicationStatus.PENDING, "applicationId", Rule.APPLICATION_NOT_PENDING,
				"the application was already " + this.status.name().toLowerCase(java.util.Locale.ROOT));
		requireDecidingUnion(decidingUnionId);
	}

	private void requireDecidingUnion(org.unionledger.union.UnionId decidingUnionId) {
		check(this.union.unionId().equals(require(decidingUnionId, "decidingUnionId")), "decidingUnionId",
				Rule.APPLICATION_OTHER_UNION, "only the union applied to decides the application");
	}

	@EventSourcingHandler
	void on(ApplicationSubmitted event) {
		this.applicationId = event.applicationId();
		this.memberId = event.memberId();
		this.union = event.union();
		this.submittedOn = event.submittedOn();
		this.status = ApplicationStatus.PENDING;
	}

	@EventSourcingHandler
	void on(ApplicationApproved event) {
		this.status = ApplicationStatus.APPROVED;
	}

	@EventSourcingHandler
	void on(ApplicationApprovalWithdrawn event) {
		this.status = ApplicationStatus.PENDING;
	}

	@EventSourcingHandler
	void on(ApplicationDeclined event) {
		this.status = ApplicationStatus.DECLINED;
	}

}
