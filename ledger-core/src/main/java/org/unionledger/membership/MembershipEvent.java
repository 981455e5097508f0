package org.unionledger.membership;

import java.time.Instant;

import org.unionledger.common.RecordedBy;
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

/**
 * Every event of a membership's stream. A new event joins this list and {@link Visitor},
 * so that every fold over memberships ({@link MembershipState}, the reference replay)
 * stops compiling until it says what the event does; projections are held to it by a
 * test.
 * <p>
 * Only record components are serialized (Jackson, by class name): this interface adds no
 * property to the stored payloads.
 */
public sealed interface MembershipEvent permits MemberEnrolled, MemberReEnrolled, EnrollmentRejected,
		TransferCredentialIssued, TransferCredentialCancelled, TransferAccepted, TransferAcceptanceRejected,
		MembershipPutOnHold, MembershipResumed, MembershipTerminated, PersonalDataErased,
		EnrollmentReclassifiedAsTransferIn, ServingUnionAssigned, ServingAssignmentEnded, MemberNameCorrected,
		InterLedgerCredentialIssued, MemberTransferredToLedger, InterLedgerReceiptRefused,
		MemberTransferredInFromLedger, InterLedgerTransferRefused {

	MemberId memberId();

	Instant recordedAt();

	RecordedBy recordedBy();

	/** Calls the visitor's method for this event's type. */
	<R> R accept(Visitor<R> visitor);

	/**
	 * One method per membership event: an implementation is exhaustive by construction.
	 *
	 * @param <R> what each visit answers
	 */
	interface Visitor<R> {

		R on(MemberEnrolled event);

		R on(MemberReEnrolled event);

		R on(EnrollmentRejected event);

		R on(TransferCredentialIssued event);

		R on(TransferCredentialCancelled event);

		R on(TransferAccepted event);

		R on(TransferAcceptanceRejected event);

		R on(MembershipPutOnHold event);

		R on(MembershipResumed event);

		R on(MembershipTerminated event);

		R on(PersonalDataErased event);

		R on(EnrollmentReclassifiedAsTransferIn event);

		R on(ServingUnionAssigned event);

		R on(ServingAssignmentEnded event);

		R on(MemberNameCorrected event);

		R on(InterLedgerCredentialIssued event);

		R on(MemberTransferredToLedger event);

		R on(InterLedgerReceiptRefused event);

		R on(MemberTransferredInFromLedger event);

		R on(InterLedgerTransferRefused event);

	}

}
