package org.unionledger.membership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionledger.common.Guards.check;
import static org.unionledger.common.Guards.checkReferenced;
import static org.unionledger.common.Guards.notInFuture;
import static org.unionledger.common.Guards.require;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.unionledger.common.Outcome;
import org.unionledger.common.Rule;
import org.unionledger.common.Text;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.Commands.AcceptInterLedgerTransfer;
import org.unionledger.membership.Commands.AcceptTransfer;
import org.unionledger.membership.Commands.CloseInterLedgerTransfer;
import org.unionledger.membership.Commands.IssueInterLedgerCredential;
import org.unionledger.membership.Commands.AssignServingUnion;
import org.unionledger.membership.Commands.CorrectMemberName;
import org.unionledger.membership.Commands.CancelTransferCredential;
import org.unionledger.membership.Commands.EndServingAssignment;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.Commands.ErasePersonalData;
import org.unionledger.membership.Commands.EndDoubleCountedMembership;
import org.unionledger.membership.Commands.ReclassifyEnrollmentAsTransferIn;
import org.unionledger.membership.Commands.IssueTransferCredential;
import org.unionledger.membership.Commands.ReissueTransferCredential;
import org.unionledger.membership.Commands.PutMembershipOnHold;
import org.unionledger.membership.Commands.ResumeMembership;
import org.unionledger.membership.Commands.TerminateMembership;
import org.unionledger.membership.Events.EnrollmentRejected;
import org.unionledger.membership.Events.InterLedgerCredentialIssued;
import org.unionledger.membership.Events.InterLedgerReceiptRefused;
import org.unionledger.membership.Events.InterLedgerTransferRefused;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.membership.Events.EnrollmentReclassifiedAsTransferIn;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberNameCorrected;
import org.unionledger.membership.Events.PersonalDataErased;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.ServingAssignmentEnded;
import org.unionledger.membership.Events.ServingUnionAssigned;
import org.unionledger.membership.Events.TransferAcceptanceRejected;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.membership.MembershipState.Credential;
import org.unionledger.membership.MembershipState.CredentialState;
import org.unionledger.membership.MembershipState.ForeignCredential;
import org.unionledger.membership.MembershipState.NewEnrollment;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;

/**
 * One person's membership, whatever unions it passes through. Its id comes from the
 * person's resident ID, so a second enrollment of the same person lands here and is
 * refused: one active membership per person.
 * <p>
 * Rules on dates: no effective date lies after today by the ledger's clock, and no change
 * takes effect before the membership's last change (rule
 * {@value org.unionledger.common.Rule#EFFECTIVE_DATE_BEFORE_LAST_CHANGE}).
 * <p>
 * Transfer credentials: a credential issued on {@code issuedOn} for {@code n} days has
 * {@code expiresOn = issuedOn + n}, the first day it is no longer valid; it can be
 * accepted while today (by the clock, not by the caller's effective date) is before
 * {@code expiresOn}. Until it is accepted the member still belongs to the issuing union.
 * Credentials issued before a termination are void once the person re-enrolls; presenting
 * one is refused as {@link CredentialRejectionReason#CANCELLED}.
 */
class Membership {

	static final int MAX_VALIDITY_DAYS = 3650;

	@AggregateIdentifier
	private MemberId memberId;

	/** Everything the guards read, folded from the stream by {@link MembershipState}. */
	private MembershipState state = MembershipState.NONE;

	Membership() {
	}

	/**
	 * Enrolls a new person, re-enrolls a terminated one, and records the refusal when the
	 * person's membership is active or on hold.
	 */
	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	Outcome handle(EnrollMember command, Clock clock, UnionDirectory unions) {
		require(command.memberId(), "memberId");
		require(command.personalData(), "personalData");
		require(command.channel(), "channel");
		require(command.recordedBy(), "recordedBy");
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		notInFuture(effectiveDate, "effectiveDate", LocalDate.now(clock));
		UnionFacts enrollingUnion = unions.requireOpenOn(require(command.unionId(), "unionId"), effectiveDate,
				"unionId");
		if (this.state.status() == MembershipStatus.ACTIVE || this.state.status() == MembershipStatus.ON_HOLD) {
			EnrollmentRejectionReason reason = (this.state.status() == MembershipStatus.ACTIVE)
					? EnrollmentRejectionReason.ALREADY_ACTIVE : EnrollmentRejectionReason.ON_HOLD;
			apply(new EnrollmentRejected(this.memberId, enrollingUnion.placementOn(effectiveDate), command.channel(),
					reason, this.state.union().unionId(), effectiveDate, clock.instant(), command.recordedBy()));
			return Outcome.rejected(reason);
		}
		if (this.state.status() == MembershipStatus.TERMINATED) {
			notBeforeLastChange(effectiveDate, "effectiveDate");
			apply(new MemberReEnrolled(this.memberId, command.personalData(), enrollingUnion.placementOn(effectiveDate),
					command.channel(), effectiveDate, clock.instant(), command.recordedBy()));
		}
		else {
			apply(new MemberEnrolled(command.memberId(), command.personalData(),
					enrollingUnion.placementOn(effectiveDate), command.channel(), effectiveDate, clock.instant(),
					command.recordedBy()));
		}
		return Outcome.ok();
	}

	@CommandHandler
	void handle(IssueTransferCredential command, Clock clock, UnionDirectory unions) {
		CredentialCode code = require(command.code(), "code");
		UnionId issuingUnionId = require(command.issuingUnionId(), "issuingUnionId");
		LocalDate issuedOn = require(command.issuedOn(), "issuedOn");
		require(command.recordedBy(), "recordedBy");
		LocalDate today = LocalDate.now(clock);
		checkIssuable(code, issuingUnionId, today);
		UnionId toUnionId = command.toUnionId();
		if (toUnionId != null) {
			check(!toUnionId.equals(this.state.union().unionId()), "toUnionId", Rule.SAME_UNION,
					"a transfer must lead to another union than " + toUnionId);
			checkReferenced(unions.find(toUnionId).isPresent(), "toUnionId", Rule.UNION_UNKNOWN,
					"no union " + toUnionId + " is registered");
		}
		checkValidity(command.validityDays(), issuedOn, today);
		apply(new TransferCredentialIssued(this.memberId, code, this.state.union(), toUnionId, issuedOn,
				issuedOn.plusDays(command.validityDays()), clock.instant(), command.recordedBy()));
	}

	/**
	 * What issuing any credential requires: an active membership, held by the issuing
	 * union, a code not used before for the member and no other credential still usable.
	 */
	private void checkIssuable(CredentialCode code, UnionId issuingUnionId, LocalDate today) {
		requireActive();
		check(issuingUnionId.equals(this.state.union().unionId()), "issuingUnionId", Rule.NOT_CURRENT_UNION,
				"only the union holding the membership (" + this.state.union().unionId()
						+ ") can issue its credential");
		check(!this.state.credentials().containsKey(code), "code", Rule.CREDENTIAL_CODE_TAKEN,
				"credential code " + code + " was already issued for this member");
		check(this.state.credentials().values().stream().noneMatch((credential) -> credential.isUsableOn(today)),
				"code", Rule.CREDENTIAL_OUTSTANDING, "an unexpired transfer credential is still outstanding");
	}

	private void checkValidity(int validityDays, LocalDate issuedOn, LocalDate today) {
		check(validityDays >= 1 && validityDays <= MAX_VALIDITY_DAYS, "validityDays", Rule.VALIDITY_DAYS_OUT_OF_RANGE,
				"a credential is valid for 1 to " + MAX_VALIDITY_DAYS + " days");
		notInFuture(issuedOn, "issuedOn", today);
		notBeforeLastChange(issuedOn, "issuedOn");
	}

	/**
	 * Issues a credential for a move to another ledger. The member counts here until that
	 * ledger's receipt closes the transfer ({@link CloseInterLedgerTransfer}).
	 */
	@CommandHandler
	void handle(IssueInterLedgerCredential command, Clock clock) {
		CredentialCode code = require(command.code(), "code");
		UnionId issuingUnionId = require(command.issuingUnionId(), "issuingUnionId");
		LedgerId destinationLedger = require(command.destinationLedger(), "destinationLedger");
		PersonFingerprint person = require(command.person(), "person");
		LocalDate issuedOn = require(command.issuedOn(), "issuedOn");
		require(command.recordedBy(), "recordedBy");
		LocalDate today = LocalDate.now(clock);
		checkIssuable(code, issuingUnionId, today);
		checkValidity(command.validityDays(), issuedOn, today);
		apply(new InterLedgerCredentialIssued(this.memberId, code, this.state.union(), destinationLedger,
				command.destinationUnionId(), person, issuedOn, issuedOn.plusDays(command.validityDays()),
				clock.instant(), command.recordedBy()));
	}

	/**
	 * Records the transfer out that another ledger's verified receipt reports, or why the
	 * receipt was refused: it answers no outstanding credential of this member, it was
	 * taken before, it names another ledger, union or person, or it says the credential
	 * was accepted after it expired.
	 */
	@CommandHandler
	Outcome handle(CloseInterLedgerTransfer command, Clock clock, UnionDirectory unions) {
		CredentialCode code = require(command.code(), "code");
		LedgerId receivingLedger = require(command.receivingLedger(), "receivingLedger");
		UnionId receivingUnionId = require(command.receivingUnionId(), "receivingUnionId");
		String receivingUnionName = Text.clean(require(command.receivingUnionName(), "receivingUnionName"),
				"receivingUnionName", true);
		String receiptId = require(command.receiptId(), "receiptId");
		PersonFingerprint person = require(command.person(), "person");
		LocalDate acceptedOn = require(command.acceptedOn(), "acceptedOn");
		require(command.recordedBy(), "recordedBy");
		notInFuture(acceptedOn, "acceptedOn", LocalDate.now(clock));
		CredentialRejectionReason reason = receiptRefusal(this.state.credentials().get(code), receivingLedger,
				receivingUnionId, person, acceptedOn);
		if (reason != null) {
			apply(new InterLedgerReceiptRefused(this.memberId, code, receivingLedger, receiptId, reason, acceptedOn,
					clock.instant(), command.recordedBy()));
			return Outcome.rejected(reason);
		}
		LocalDate effectiveDate = acceptedOn.isBefore(this.state.lastEffectiveDate()) ? this.state.lastEffectiveDate()
				: acceptedOn;
		UnionPlacement holding = holdingOn(effectiveDate, unions);
		endServing(ServingEndReason.MEMBERSHIP_TRANSFERRED, effectiveDate, holding, clock, command.recordedBy(),
				unions);
		apply(new MemberTransferredToLedger(this.memberId, code, holding,
				this.state.status() == MembershipStatus.ON_HOLD, receivingLedger, receivingUnionId, receivingUnionName,
				receiptId, acceptedOn, effectiveDate, clock.instant(), command.recordedBy()));
		return Outcome.ok();
	}

	private CredentialRejectionReason receiptRefusal(Credential credential, LedgerId receivingLedger,
			UnionId receivingUnionId, PersonFingerprint person, LocalDate acceptedOn) {
		if (credential == null || !credential.isInterLedger()) {
			return CredentialRejectionReason.UNKNOWN_CODE;
		}
		if (credential.state() == CredentialState.USED) {
			return CredentialRejectionReason.ALREADY_USED;
		}
		if (credential.state() != CredentialState.OUTSTANDING) {
			return CredentialRejectionReason.CANCELLED;
		}
		if (!credential.destinationLedger().equals(receivingLedger) || !credential.person().equals(person)
				|| (credential.toUnionId() != null && !credential.toUnionId().equals(receivingUnionId))
				|| acceptedOn.isBefore(credential.issuedOn())) {
			return CredentialRejectionReason.RECEIPT_MISMATCH;
		}
		if (credential.isExpiredOn(acceptedOn)) {
			return CredentialRejectionReason.ACCEPTED_AFTER_EXPIRY;
		}
		if (this.state.status() == MembershipStatus.TERMINATED) {
			return CredentialRejectionReason.MEMBERSHIP_NOT_ACTIVE;
		}
		return null;
	}

	/**
	 * Takes in the person another ledger's verified credential names, as a transfer in,
	 * or records why not: the credential was taken here before, it has expired, it names
	 * another receiving union, the person is already a member here, or the receiving
	 * union is not open. Wrong dates are input errors and are thrown, not recorded.
	 */
	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	Outcome handle(AcceptInterLedgerTransfer command, Clock clock, UnionDirectory unions) {
		MemberId member = require(command.memberId(), "memberId");
		EncryptedPersonalData personalData = require(command.personalData(), "personalData");
		UnionId receivingUnionId = require(command.receivingUnionId(), "receivingUnionId");
		LedgerId originLedger = require(command.originLedger(), "originLedger");
		UnionId originUnionId = require(command.originUnionId(), "originUnionId");
		String originUnionName = Text.clean(require(command.originUnionName(), "originUnionName"), "originUnionName",
				true);
		CredentialCode code = require(command.code(), "code");
		PersonFingerprint person = require(command.person(), "person");
		LocalDate issuedOn = require(command.issuedOn(), "issuedOn");
		LocalDate expiresOn = require(command.expiresOn(), "expiresOn");
		String receiptId = require(command.receiptId(), "receiptId");
		String originMember = require(command.originMember(), "originMember");
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		require(command.recordedBy(), "recordedBy");
		LocalDate today = LocalDate.now(clock);
		notInFuture(effectiveDate, "effectiveDate", today);
		check(!effectiveDate.isBefore(issuedOn), "effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_ISSUE,
				"a transfer cannot take effect before its credential was issued (" + issuedOn + ")");
		Optional<UnionFacts> receivingUnion = unions.find(receivingUnionId);
		CredentialRejectionReason reason = null;
		if (this.state.acceptedFromLedgers().contains(new ForeignCredential(originLedger, code))) {
			reason = CredentialRejectionReason.ALREADY_USED;
		}
		else if (!today.isBefore(expiresOn)) {
			reason = CredentialRejectionReason.EXPIRED;
		}
		else if (command.destinationUnionId() != null && !command.destinationUnionId().equals(receivingUnionId)) {
			reason = CredentialRejectionReason.WRONG_UNION;
		}
		else if (this.state.status() == MembershipStatus.ACTIVE || this.state.status() == MembershipStatus.ON_HOLD) {
			reason = CredentialRejectionReason.ALREADY_MEMBER;
		}
		else if (receivingUnion.isEmpty() || !receivingUnion.get().isOpenOn(effectiveDate)) {
			reason = CredentialRejectionReason.UNION_NOT_OPEN;
		}
		if (reason != null) {
			apply(new InterLedgerTransferRefused(member, originLedger, code, receivingUnionId, reason, effectiveDate,
					clock.instant(), command.recordedBy()));
			return Outcome.rejected(reason);
		}
		if (this.state.lastEffectiveDate() != null) {
			notBeforeLastChange(effectiveDate, "effectiveDate");
		}
		apply(new MemberTransferredInFromLedger(member, personalData, receivingUnion.get().placementOn(effectiveDate),
				originLedger, originUnionId, originUnionName, code, person, receiptId, effectiveDate, clock.instant(),
				command.recordedBy(), originMember));
		return Outcome.ok();
	}

	/**
	 * Moves the membership to the receiving union, or records why the credential was
	 * refused. Wrong dates are input errors and are thrown, not recorded.
	 */
	@CommandHandler
	Outcome handle(AcceptTransfer command, Clock clock, UnionDirectory unions) {
		CredentialCode code = require(command.code(), "code");
		UnionId receivingUnionId = require(command.receivingUnionId(), "receivingUnionId");
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		require(command.recordedBy(), "recordedBy");
		LocalDate today = LocalDate.now(clock);
		notInFuture(effectiveDate, "effectiveDate", today);
		Credential credential = this.state.credentials().get(code);
		if (credential != null) {
			check(!effectiveDate.isBefore(credential.issuedOn()), "effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_ISSUE,
					"a transfer cannot take effect before its credential was issued (" + credential.issuedOn() + ")");
		}
		Optional<UnionFacts> receivingUnion = unions.find(receivingUnionId);
		CredentialRejectionReason reason = rejectionOf(credential, receivingUnionId, receivingUnion, effectiveDate,
				today);
		if (reason != null) {
			apply(new TransferAcceptanceRejected(this.memberId, code, receivingUnionId, reason, effectiveDate,
					clock.instant(), command.recordedBy()));
			return Outcome.rejected(reason);
		}
		notBeforeLastChange(effectiveDate, "effectiveDate");
		UnionPlacement holding = holdingOn(effectiveDate, unions);
		endServing(ServingEndReason.MEMBERSHIP_TRANSFERRED, effectiveDate, holding, clock, command.recordedBy(),
				unions);
		apply(new TransferAccepted(this.memberId, code, holding, receivingUnion.get().placementOn(effectiveDate),
				effectiveDate, clock.instant(), command.recordedBy()));
		return Outcome.ok();
	}

	private CredentialRejectionReason rejectionOf(Credential credential, UnionId receivingUnionId,
			Optional<UnionFacts> receivingUnion, LocalDate effectiveDate, LocalDate today) {
		if (credential == null) {
			return CredentialRejectionReason.UNKNOWN_CODE;
		}
		if (credential.isInterLedger()) {
			return CredentialRejectionReason.OTHER_LEDGER;
		}
		if (credential.state() == CredentialState.USED) {
			return CredentialRejectionReason.ALREADY_USED;
		}
		if (credential.state() != CredentialState.OUTSTANDING) {
			return CredentialRejectionReason.CANCELLED;
		}
		if (credential.isExpiredOn(today)) {
			return CredentialRejectionReason.EXPIRED;
		}
		if (this.state.status() != MembershipStatus.ACTIVE) {
			return CredentialRejectionReason.MEMBERSHIP_NOT_ACTIVE;
		}
		if (credential.toUnionId() != null && !credential.toUnionId().equals(receivingUnionId)) {
			return CredentialRejectionReason.WRONG_UNION;
		}
		if (receivingUnionId.equals(this.state.union().unionId())) {
			return CredentialRejectionReason.SAME_UNION;
		}
		if (receivingUnion.isEmpty() || !receivingUnion.get().isOpenOn(effectiveDate)) {
			return CredentialRejectionReason.UNION_NOT_OPEN;
		}
		return null;
	}

	@CommandHandler
	void handle(CancelTransferCredential command, Clock clock) {
		CredentialCode code = require(command.code(), "code");
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		require(command.recordedBy(), "recordedBy");
		String reason = Text.clean(command.reason(), "reason", true);
		Credential credential = this.state.credentials().get(code);
		checkReferenced(credential != null, "code", Rule.CREDENTIAL_UNKNOWN,
				"no credential " + code + " was issued for this member");
		check(credential.state() == CredentialState.OUTSTANDING, "code", Rule.CREDENTIAL_NOT_OUTSTANDING,
				"credential " + code + " is no longer outstanding (used or cancelled)");
		checkWithdrawable(code, credential);
		notInFuture(effectiveDate, "effectiveDate", LocalDate.now(clock));
		notBeforeLastChange(effectiveDate, "effectiveDate");
		apply(new TransferCredentialCancelled(this.memberId, code, credential.issuingUnion(), reason, effectiveDate,
				clock.instant(), command.recordedBy()));
	}

	/**
	 * Cancels an outstanding credential and issues its replacement, to the same receiving
	 * union, in one commit: every guard of both is checked before either is applied.
	 */
	@CommandHandler
	void handle(ReissueTransferCredential command, Clock clock, UnionDirectory unions) {
		CredentialCode code = require(command.code(), "code");
		CredentialCode newCode = require(command.newCode(), "newCode");
		LocalDate issuedOn = require(command.issuedOn(), "issuedOn");
		require(command.recordedBy(), "recordedBy");
		String reason = Text.clean(command.reason(), "reason", true);
		LocalDate today = LocalDate.now(clock);
		Credential credential = this.state.credentials().get(code);
		checkReferenced(credential != null, "code", Rule.CREDENTIAL_UNKNOWN,
				"no credential " + code + " was issued for this member");
		check(credential.state() == CredentialState.OUTSTANDING, "code", Rule.CREDENTIAL_NOT_OUTSTANDING,
				"credential " + code + " is no longer outstanding (used or cancelled)");
		checkWithdrawable(code, credential);
		requireActive();
		check(credential.issuingUnion().unionId().equals(this.state.union().unionId()), "code", Rule.NOT_CURRENT_UNION,
				"only the union holding the membership (" + this.state.union().unionId()
						+ ") can issue its credential");
		check(!this.state.credentials().containsKey(newCode), "newCode", Rule.CREDENTIAL_CODE_TAKEN,
				"credential code " + newCode + " was already issued for this member");
		check(this.state.credentials()
			.entrySet()
			.stream()
			.noneMatch((entry) -> !entry.getKey().equals(code) && entry.getValue().isUsableOn(today)), "code",
				Rule.CREDENTIAL_OUTSTANDING, "another unexpired transfer credential is still outstanding");
		UnionId toUnionId = credential.toUnionId();
		if (toUnionId != null) {
			checkReferenced(unions.find(toUnionId).isPresent(), "toUnionId", Rule.UNION_UNKNOWN,
					"no union " + toUnionId + " is registered");
		}
		check(command.validityDays() >= 1 && command.validityDays() <= MAX_VALIDITY_DAYS, "validityDays",
				Rule.VALIDITY_DAYS_OUT_OF_RANGE, "a credential is valid for 1 to " + MAX_VALIDITY_DAYS + " days");
		notInFuture(issuedOn, "issuedOn", today);
		notBeforeLastChange(issuedOn, "issuedOn");
		check(!issuedOn.isBefore(credential.issuedOn()), "issuedOn", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE,
				"a replacement cannot be issued before the credential it replaces (" + credential.issuedOn() + ")");
		apply(new TransferCredentialCancelled(this.memberId, code, credential.issuingUnion(), reason, issuedOn,
				clock.instant(), command.recordedBy()));
		apply(new TransferCredentialIssued(this.memberId, newCode, this.state.union(), toUnionId, issuedOn,
				issuedOn.plusDays(command.validityDays()), clock.instant(), command.recordedBy()));
	}

	/**
	 * An outstanding credential stays, but cannot be accepted while the membership is
	 * held.
	 */
	@CommandHandler
	void handle(PutMembershipOnHold command, Clock clock, UnionDirectory unions) {
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		require(command.recordedBy(), "recordedBy");
		String reason = Text.clean(command.reason(), "reason", true);
		requireActive();
		checkEffectiveDate(effectiveDate, clock);
		apply(new MembershipPutOnHold(this.memberId, holdingOn(effectiveDate, unions), reason, effectiveDate,
				clock.instant(), command.recordedBy()));
	}

	@CommandHandler
	void handle(ResumeMembership command, Clock clock, UnionDirectory unions) {
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		require(command.recordedBy(), "recordedBy");
		check(this.state.status() == MembershipStatus.ON_HOLD, "memberId", Rule.MEMBERSHIP_NOT_ON_HOLD,
				"only a membership on hold can be resumed; it is " + this.state.status());
		checkEffectiveDate(effectiveDate, clock);
		apply(new MembershipResumed(this.memberId, holdingOn(effectiveDate, unions), effectiveDate, clock.instant(),
				command.recordedBy()));
	}

	@CommandHandler
	void handle(TerminateMembership command, Clock clock, UnionDirectory unions) {
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		TerminationReason reason = require(command.reason(), "reason");
		require(command.recordedBy(), "recordedBy");
		check(this.state.status() != MembershipStatus.TERMINATED, "memberId", Rule.MEMBERSHIP_TERMINATED,
				"the membership is already terminated");
		checkEffectiveDate(effectiveDate, clock);
		UnionPlacement holding = holdingOn(effectiveDate, unions);
		endServing(ServingEndReason.MEMBERSHIP_TERMINATED, effectiveDate, holding, clock, command.recordedBy(), unions);
		apply(new MembershipTerminated(this.memberId, holding, reason, this.state.status() == MembershipStatus.ON_HOLD,
				effectiveDate, clock.instant(), command.recordedBy()));
	}

	/**
	 * Ends a membership found counted in another ledger too, as a duplicate record, on
	 * the supervisor's word: the membership must not have ended already, and the date
	 * follows the rules of any termination.
	 */
	@CommandHandler
	void handle(EndDoubleCountedMembership command, Clock clock, UnionDirectory unions) {
		String findingId = require(command.findingId(), "findingId");
		String reason = Text.clean(require(command.reason(), "reason"), "reason", true);
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		require(command.recordedBy(), "recordedBy");
		check(!reason.isBlank() && reason.length() <= 1000, "reason", Rule.REQUIRED,
				"give the reason for the correction (at most 1000 characters)");
		check(this.state.status() != MembershipStatus.TERMINATED, "memberId", Rule.MEMBERSHIP_TERMINATED,
				"the membership is already terminated");
		checkEffectiveDate(effectiveDate, clock);
		UnionPlacement holding = holdingOn(effectiveDate, unions);
		endServing(ServingEndReason.MEMBERSHIP_TERMINATED, effectiveDate, holding, clock, command.recordedBy(), unions);
		apply(new MembershipTerminated(this.memberId, holding, TerminationReason.DUPLICATE_RECORD,
				this.state.status() == MembershipStatus.ON_HOLD, effectiveDate, clock.instant(), command.recordedBy(),
				findingId, reason.strip()));
	}

	@CommandHandler
	void handle(ReclassifyEnrollmentAsTransferIn command, Clock clock) {
		String findingId = require(command.findingId(), "findingId");
		String reason = Text.clean(require(command.reason(), "reason"), "reason", true);
		require(command.recordedBy(), "recordedBy");
		check(!reason.isBlank() && reason.length() <= 1000, "reason", Rule.REQUIRED,
				"give the reason for the correction (at most 1000 characters)");
		NewEnrollment newEnrollment = this.state.newEnrollment();
		check(newEnrollment != null, "memberId", Rule.NOT_A_NEW_ENROLLMENT,
				"the membership has no first enrollment counted as new");
		apply(new EnrollmentReclassifiedAsTransferIn(this.memberId, newEnrollment.union(),
				newEnrollment.effectiveDate(), newEnrollment.channel(), findingId, reason.strip(), clock.instant(),
				command.recordedBy()));
	}

	/**
	 * Replaces the person's data with the corrected one. It must be encrypted under the
	 * person's current key (an erased person has none: their data stays erased), and the
	 * reason is required.
	 */
	@CommandHandler
	void handle(CorrectMemberName command, Clock clock) {
		EncryptedPersonalData personalData = require(command.personalData(), "personalData");
		String reason = Text.clean(require(command.reason(), "reason"), "reason", true).strip();
		require(command.recordedBy(), "recordedBy");
		check(!reason.isBlank() && reason.length() <= 500, "reason", Rule.REASON_REQUIRED,
				"give the reason for the correction (1 to 500 characters)");
		String currentKey = this.state.personalDataKeyRef();
		check(currentKey != null, "memberId", Rule.PERSONAL_DATA_ALREADY_ERASED,
				"the person's personal data is erased; there is no name to correct");
		check(currentKey.equals(personalData.keyRef()), "personalData", Rule.PERSONAL_DATA_KEY_MISMATCH,
				"the corrected data must be encrypted under the person's current key");
		apply(new MemberNameCorrected(this.memberId, personalData, this.state.union(), reason, clock.instant(),
				command.recordedBy()));
	}

	@CommandHandler
	void handle(ErasePersonalData command, Clock clock) {
		String legalBasis = Text.clean(require(command.legalBasis(), "legalBasis"), "legalBasis", true);
		require(command.recordedBy(), "recordedBy");
		check(!legalBasis.isBlank() && legalBasis.length() <= 500, "legalBasis", Rule.REQUIRED,
				"name the lawful request the erasure answers (at most 500 characters)");
		check(this.state.personalDataKeyRef() != null, "memberId", Rule.PERSONAL_DATA_ALREADY_ERASED,
				"the person's personal data is already erased");
		apply(new PersonalDataErased(this.memberId, this.state.personalDataKeyRef(), legalBasis.strip(),
				clock.instant(), command.recordedBy()));
	}

	/**
	 * Starts serving by another union. The membership must be active and have no serving
	 * assignment; the serving union must be open on the effective date.
	 */
	@CommandHandler
	void handle(AssignServingUnion command, Clock clock, UnionDirectory unions) {
		UnionId servingUnionId = require(command.servingUnionId(), "servingUnionId");
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		require(command.recordedBy(), "recordedBy");
		requireActive();
		check(this.state.servingUnion() == null, "servingUnionId", Rule.SERVING_ASSIGNMENT_EXISTS,
				"union " + ((this.state.servingUnion() != null) ? this.state.servingUnion().unionId() : null)
						+ " already serves this member; end that assignment first");
		check(!servingUnionId.equals(this.state.union().unionId()), "servingUnionId", Rule.SERVING_UNION_IS_HOLDING,
				"union " + servingUnionId + " holds the membership; a serving union is another one");
		checkEffectiveDate(effectiveDate, clock);
		UnionFacts serving = unions.requireOpenOn(servingUnionId, effectiveDate, "servingUnionId");
		apply(new ServingUnionAssigned(this.memberId, holdingOn(effectiveDate, unions),
				serving.placementOn(effectiveDate), effectiveDate, clock.instant(), command.recordedBy()));
	}

	@CommandHandler
	void handle(EndServingAssignment command, Clock clock, UnionDirectory unions) {
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		require(command.recordedBy(), "recordedBy");
		check(this.state.servingUnion() != null, "memberId", Rule.NO_SERVING_ASSIGNMENT,
				"no union other than the holding one serves this member");
		checkEffectiveDate(effectiveDate, clock);
		endServing(ServingEndReason.ENDED, effectiveDate, holdingOn(effectiveDate, unions), clock, command.recordedBy(),
				unions);
	}

	/**
	 * Ends the serving assignment, if any, on {@code effectiveDate}; {@code holding} is
	 * the holding union as it stands that day.
	 */
	private void endServing(ServingEndReason reason, LocalDate effectiveDate, UnionPlacement holding, Clock clock,
			RecordedBy recordedBy, UnionDirectory unions) {
		if (this.state.servingUnion() != null) {
			apply(new ServingAssignmentEnded(this.memberId, holding,
					placedOn(this.state.servingUnion(), effectiveDate, unions), reason, effectiveDate, clock.instant(),
					recordedBy));
		}
	}

	/** The holding union as it stands on {@code date} (see {@link #placedOn}). */
	private UnionPlacement holdingOn(LocalDate date, UnionDirectory unions) {
		return placedOn(this.state.union(), date, unions);
	}

	/**
	 * A union the membership names, placed where it stands on {@code date}: a union that
	 * moved to another jurisdiction counts the events effective from its move there.
	 */
	private static UnionPlacement placedOn(UnionPlacement union, LocalDate date, UnionDirectory unions) {
		return unions.find(union.unionId()).map((facts) -> facts.placementOn(date)).orElse(union);
	}

	/**
	 * A credential for another ledger is a signed document in the worker's hands: that
	 * ledger may accept it whatever this one says, so it is neither cancelled nor
	 * replaced; it lapses when it expires.
	 */
	private static void checkWithdrawable(CredentialCode code, Credential credential) {
		check(!credential.isInterLedger(), "code", Rule.INTER_LEDGER_CREDENTIAL_FINAL,
				"credential " + code + " leads to ledger " + credential.destinationLedger()
						+ "; it cannot be cancelled or replaced, it lapses on " + credential.expiresOn());
	}

	private void requireActive() {
		check(this.state.status() == MembershipStatus.ACTIVE, "memberId", Rule.MEMBERSHIP_NOT_ACTIVE,
				"the membership is not active; it is " + this.state.status());
	}

	private void checkEffectiveDate(LocalDate effectiveDate, Clock clock) {
		notInFuture(effectiveDate, "effectiveDate", LocalDate.now(clock));
		notBeforeLastChange(effectiveDate, "effectiveDate");
	}

	private void notBeforeLastChange(LocalDate date, String field) {
		check(!date.isBefore(this.state.lastEffectiveDate()), field, Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE, field + " "
				+ date + " lies before the membership's last change (" + this.state.lastEffectiveDate() + ")");
	}

	/**
	 * Every event of the stream, folded the one way member records and imports fold it
	 * too.
	 */
	@EventSourcingHandler
	void on(MembershipEvent event) {
		this.state = event.accept(this.state);
		this.memberId = this.state.memberId();
	}

}
