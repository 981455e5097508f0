package org.unionledger.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.Events.EnrollmentReclassifiedAsTransferIn;
import org.unionledger.membership.Events.EnrollmentRejected;
import org.unionledger.membership.Events.InterLedgerCredentialIssued;
import org.unionledger.membership.Events.InterLedgerReceiptRefused;
import org.unionledger.membership.Events.InterLedgerTransferRefused;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberNameCorrected;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.PersonalDataErased;
import org.unionledger.membership.Events.ServingAssignmentEnded;
import org.unionledger.membership.Events.ServingUnionAssigned;
import org.unionledger.membership.Events.TransferAcceptanceRejected;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;

/**
 * Where a membership stands after its events: the one fold of a membership's stream, read
 * by the aggregate (its guards), the member records (status, union, serving union,
 * personal data) and imports (earlier enrollment attempts). The state is its own
 * {@link MembershipEvent.Visitor}: visiting an event answers the state after it, so a new
 * membership event does not compile until this fold says what it changes.
 *
 * @param memberId the member, {@code null} before the first event
 * @param status {@code null} before the first enrollment
 * @param union the union holding the membership
 * @param lastEffectiveDate the effective date of the latest change; no later change may
 * take effect before it
 * @param newEnrollment the enrollment that counts as new, {@code null} once reclassified
 * as a transfer in
 * @param personalData the personal data as last written (enrollment, re-enrollment or
 * name correction), still encrypted; kept after erasure, when no key opens it any more
 * @param personalDataErased whether the personal data last written was erased
 * @param servingUnion the union serving the member besides the holding one, or
 * {@code null}
 * @param credentials every transfer credential issued, by code, in order of issue
 * @param enrollments every enrollment attempt in order, accepted or refused
 * @param acceptedFromLedgers the other ledgers' credentials on which the person came in
 * here: each is taken once
 */
public record MembershipState(MemberId memberId, MembershipStatus status, UnionPlacement union,
		LocalDate lastEffectiveDate, NewEnrollment newEnrollment, EncryptedPersonalData personalData,
		boolean personalDataErased, UnionPlacement servingUnion, Map<CredentialCode, Credential> credentials,
		List<EnrollmentAttempt> enrollments,
		Set<ForeignCredential> acceptedFromLedgers) implements MembershipEvent.Visitor<MembershipState> {

	/** Before any event. */
	public static final MembershipState NONE = new MembershipState(null, null, null, null, null, null, false, null,
			Map.of(), List.of(), Set.of());

	/** The state after {@code payload}, or this one when it is not a membership event. */
	public MembershipState next(Object payload) {
		return (payload instanceof MembershipEvent event) ? event.accept(this) : this;
	}

	/**
	 * When an event takes effect: its effective date (a credential's issue date), or
	 * {@code null} for an erasure, which has none.
	 */
	public static LocalDate effectiveDate(MembershipEvent event) {
		return event.accept(EFFECTIVE_DATES);
	}

	/** Whether the person ever enrolled. */
	public boolean enrolled() {
		return this.status != null;
	}

	/** The key of the person's current personal data; {@code null} once erased. */
	public String personalDataKeyRef() {
		return (this.personalData == null || this.personalDataErased) ? null : this.personalData.keyRef();
	}

	@Override
	public MembershipState on(MemberEnrolled event) {
		return new MembershipState(event.memberId(), MembershipStatus.ACTIVE, event.union(), event.effectiveDate(),
				new NewEnrollment(event.union(), event.effectiveDate(), event.channel()), event.personalData(), false,
				this.servingUnion, this.credentials,
				plus(this.enrollments,
						new EnrollmentAttempt(event.union(), event.effectiveDate(), event.channel(), null)),
				this.acceptedFromLedgers);
	}

	/** Credentials still outstanding from before the termination become void. */
	@Override
	public MembershipState on(MemberReEnrolled event) {
		Map<CredentialCode, Credential> credentials = new LinkedHashMap<>(this.credentials);
		credentials.replaceAll((code, credential) -> (credential.state() == CredentialState.OUTSTANDING)
				? credential.withState(CredentialState.VOID) : credential);
		return new MembershipState(event.memberId(), MembershipStatus.ACTIVE, event.union(), event.effectiveDate(),
				this.newEnrollment, event.personalData(), false, this.servingUnion,
				Collections.unmodifiableMap(credentials),
				plus(this.enrollments,
						new EnrollmentAttempt(event.union(), event.effectiveDate(), event.channel(), null)),
				this.acceptedFromLedgers);
	}

	/** Only remembered as an attempt: the membership does not change. */
	@Override
	public MembershipState on(EnrollmentRejected event) {
		return new MembershipState(this.memberId, this.status, this.union, this.lastEffectiveDate, this.newEnrollment,
				this.personalData, this.personalDataErased, this.servingUnion, this.credentials,
				plus(this.enrollments, new EnrollmentAttempt(event.attemptedUnion(), event.effectiveDate(),
						event.channel(), event.reason())),
				this.acceptedFromLedgers);
	}

	@Override
	public MembershipState on(TransferCredentialIssued event) {
		Map<CredentialCode, Credential> credentials = new LinkedHashMap<>(this.credentials);
		credentials.put(event.code(), new Credential(event.issuingUnion(), event.toUnionId(), event.issuedOn(),
				event.expiresOn(), CredentialState.OUTSTANDING, null, null));
		return withCredentials(credentials, event.issuedOn());
	}

	@Override
	public MembershipState on(TransferCredentialCancelled event) {
		return withCredentials(credentialIn(event.code(), CredentialState.CANCELLED), event.effectiveDate());
	}

	@Override
	public MembershipState on(TransferAccepted event) {
		return new MembershipState(this.memberId, MembershipStatus.ACTIVE, event.toUnion(), event.effectiveDate(),
				this.newEnrollment, this.personalData, this.personalDataErased, this.servingUnion,
				credentialIn(event.code(), CredentialState.USED), this.enrollments, this.acceptedFromLedgers);
	}

	/** A refused presentation changes nothing. */
	@Override
	public MembershipState on(TransferAcceptanceRejected event) {
		return this;
	}

	@Override
	public MembershipState on(MembershipPutOnHold event) {
		return withStatus(MembershipStatus.ON_HOLD, event.effectiveDate());
	}

	@Override
	public MembershipState on(MembershipResumed event) {
		return withStatus(MembershipStatus.ACTIVE, event.effectiveDate());
	}

	@Override
	public MembershipState on(MembershipTerminated event) {
		return withStatus(MembershipStatus.TERMINATED, event.effectiveDate());
	}

	@Override
	public MembershipState on(PersonalDataErased event) {
		return new MembershipState(this.memberId, this.status, this.union, this.lastEffectiveDate, this.newEnrollment,
				this.personalData, true, this.servingUnion, this.credentials, this.enrollments,
				this.acceptedFromLedgers);
	}

	/** Takes effect on the enrollment's date, so it does not move the last change. */
	@Override
	public MembershipState on(EnrollmentReclassifiedAsTransferIn event) {
		return new MembershipState(this.memberId, this.status, this.union, this.lastEffectiveDate, null,
				this.personalData, this.personalDataErased, this.servingUnion, this.credentials, this.enrollments,
				this.acceptedFromLedgers);
	}

	@Override
	public MembershipState on(ServingUnionAssigned event) {
		return withServing(event.servingUnion(), event.effectiveDate());
	}

	@Override
	public MembershipState on(ServingAssignmentEnded event) {
		return withServing(null, event.effectiveDate());
	}

	/**
	 * The corrected data replaces the last written; it has no effective date, so the last
	 * change does not move.
	 */
	@Override
	public MembershipState on(MemberNameCorrected event) {
		return new MembershipState(this.memberId, this.status, this.union, this.lastEffectiveDate, this.newEnrollment,
				event.personalData(), false, this.servingUnion, this.credentials, this.enrollments,
				this.acceptedFromLedgers);
	}

	@Override
	public MembershipState on(InterLedgerCredentialIssued event) {
		Map<CredentialCode, Credential> credentials = new LinkedHashMap<>(this.credentials);
		credentials.put(event.code(), new Credential(event.issuingUnion(), event.destinationUnionId(), event.issuedOn(),
				event.expiresOn(), CredentialState.OUTSTANDING, event.destinationLedger(), event.person()));
		return withCredentials(credentials, event.issuedOn());
	}

	/** The membership ended here: it lives on in the receiving ledger. */
	@Override
	public MembershipState on(MemberTransferredToLedger event) {
		return new MembershipState(this.memberId, MembershipStatus.TERMINATED, this.union, event.effectiveDate(),
				this.newEnrollment, this.personalData, this.personalDataErased, this.servingUnion,
				credentialIn(event.code(), CredentialState.USED), this.enrollments, this.acceptedFromLedgers);
	}

	/** A refused receipt changes nothing. */
	@Override
	public MembershipState on(InterLedgerReceiptRefused event) {
		return this;
	}

	/**
	 * Active at the receiving union, with the personal data the person showed; a transfer
	 * in, so no enrollment counts as new. Credentials still outstanding from an earlier
	 * stay here become void, as on a re-enrollment.
	 */
	@Override
	public MembershipState on(MemberTransferredInFromLedger event) {
		Map<CredentialCode, Credential> credentials = new LinkedHashMap<>(this.credentials);
		credentials.replaceAll((code, credential) -> (credential.state() == CredentialState.OUTSTANDING)
				? credential.withState(CredentialState.VOID) : credential);
		Set<ForeignCredential> accepted = new java.util.LinkedHashSet<>(this.acceptedFromLedgers);
		accepted.add(new ForeignCredential(event.originLedger(), event.code()));
		return new MembershipState(event.memberId(), MembershipStatus.ACTIVE, event.union(), event.effectiveDate(),
				this.newEnrollment, event.personalData(), false, this.servingUnion,
				Collections.unmodifiableMap(credentials), this.enrollments, Collections.unmodifiableSet(accepted));
	}

	/**
	 * A refused presentation moves nobody; it may be the first event of a person unknown
	 * here, whose stream it starts.
	 */
	@Override
	public MembershipState on(InterLedgerTransferRefused event) {
		return (this.memberId != null) ? this
				: new MembershipState(event.memberId(), this.status, this.union, this.lastEffectiveDate,
						this.newEnrollment, this.personalData, this.personalDataErased, this.servingUnion,
						this.credentials, this.enrollments, this.acceptedFromLedgers);
	}

	private MembershipState withStatus(MembershipStatus newStatus, LocalDate effectiveDate) {
		return new MembershipState(this.memberId, newStatus, this.union, effectiveDate, this.newEnrollment,
				this.personalData, this.personalDataErased, this.servingUnion, this.credentials, this.enrollments,
				this.acceptedFromLedgers);
	}

	private MembershipState withServing(UnionPlacement serving, LocalDate effectiveDate) {
		return new MembershipState(this.memberId, this.status, this.union, effectiveDate, this.newEnrollment,
				this.personalData, this.personalDataErased, serving, this.credentials, this.enrollments,
				this.acceptedFromLedgers);
	}

	private MembershipState withCredentials(Map<CredentialCode, Credential> credentials, LocalDate effectiveDate) {
		return new MembershipState(this.memberId, this.status, this.union, effectiveDate, this.newEnrollment,
				this.personalData, this.personalDataErased, this.servingUnion, Collections.unmodifiableMap(credentials),
				this.enrollments, this.acceptedFromLedgers);
	}

	private Map<CredentialCode, Credential> credentialIn(CredentialCode code, CredentialState state) {
		Map<CredentialCode, Credential> credentials = new LinkedHashMap<>(this.credentials);
		credentials.computeIfPresent(code, (c, credential) -> credential.withState(state));
		return Collections.unmodifiableMap(credentials);
	}

	private static <T> List<T> plus(List<T> list, T element) {
		List<T> longer = new ArrayList<>(list);
		longer.add(element);
		return Collections.unmodifiableList(longer);
	}

	private static final EffectiveDates EFFECTIVE_DATES = new EffectiveDates();

	private static final class EffectiveDates implements MembershipEvent.Visitor<LocalDate> {

		@Override
		public LocalDate on(MemberEnrolled event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(MemberReEnrolled event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(EnrollmentRejected event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(TransferCredentialIssued event) {
			return event.issuedOn();
		}

		@Override
		public LocalDate on(TransferCredentialCancelled event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(TransferAccepted event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(TransferAcceptanceRejected event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(MembershipPutOnHold event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(MembershipResumed event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(MembershipTerminated event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(PersonalDataErased event) {
			return null;
		}

		@Override
		public LocalDate on(EnrollmentReclassifiedAsTransferIn event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(ServingUnionAssigned event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(ServingAssignmentEnded event) {
			return event.effectiveDate();
		}

		/** A correction of a record, not something that happened on a day. */
		@Override
		public LocalDate on(MemberNameCorrected event) {
			return null;
		}

		@Override
		public LocalDate on(InterLedgerCredentialIssued event) {
			return event.issuedOn();
		}

		@Override
		public LocalDate on(MemberTransferredToLedger event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(InterLedgerReceiptRefused event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(MemberTransferredInFromLedger event) {
			return event.effectiveDate();
		}

		@Override
		public LocalDate on(InterLedgerTransferRefused event) {
			return event.effectiveDate();
		}

	}

	/**
	 * The enrollment that counts as new.
	 *
	 * @param union where it took place
	 * @param effectiveDate when
	 * @param channel how
	 */
	public record NewEnrollment(UnionPlacement union, LocalDate effectiveDate, EnrollmentChannel channel) {
	}

	/**
	 * An enrollment of the person, accepted or refused.
	 *
	 * @param union the union enrolling
	 * @param effectiveDate when
	 * @param channel how
	 * @param rejection why it was refused, {@code null} when accepted
	 */
	public record EnrollmentAttempt(UnionPlacement union, LocalDate effectiveDate, EnrollmentChannel channel,
			EnrollmentRejectionReason rejection) {
	}

	/**
	 * Another ledger's credential, named by its ledger and code.
	 *
	 * @param ledger the ledger that issued it
	 * @param code its code there
	 */
	public record ForeignCredential(LedgerId ledger, CredentialCode code) {
	}

	/** Lifecycle of a transfer credential. */
	public enum CredentialState {

		OUTSTANDING, USED, CANCELLED,
		/** Issued before a termination and overtaken by a re-enrollment. */
		VOID

	}

	/**
	 * A transfer credential as issued and where it stands.
	 *
	 * @param issuingUnion the union that issued it
	 * @param toUnionId the intended receiving union, or {@code null}
	 * @param issuedOn issue date
	 * @param expiresOn the first day it is no longer valid
	 * @param state where it stands
	 * @param destinationLedger the other ledger it leads to, or {@code null} for a
	 * transfer inside this ledger ({@code toUnionId} is then a union of that ledger)
	 * @param person the federation fingerprint the credential names, for one to another
	 * ledger; {@code null} inside this ledger
	 */
	public record Credential(UnionPlacement issuingUnion, UnionId toUnionId, LocalDate issuedOn, LocalDate expiresOn,
			CredentialState state, LedgerId destinationLedger, PersonFingerprint person) {

		Credential withState(CredentialState newState) {
			return new Credential(this.issuingUnion, this.toUnionId, this.issuedOn, this.expiresOn, newState,
					this.destinationLedger, this.person);
		}

		/** Whether it leads to another ledger. */
		public boolean isInterLedger() {
			return this.destinationLedger != null;
		}

		public boolean isExpiredOn(LocalDate today) {
			return !today.isBefore(this.expiresOn);
		}

		public boolean isUsableOn(LocalDate today) {
			return this.state == CredentialState.OUTSTANDING && !isExpiredOn(today);
		}

	}

}
