package org.unionledger.online;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.unionledger.applications.ApplicationId;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionPlacement;

/** Events of online enrollment. */
public final class Events {

	private Events() {
	}

	/** A worker applied online to join the union; personal data only as ciphertext. */
	@Revision("1")
	public record ApplicationSubmitted(ApplicationId applicationId, MemberId memberId,
			EncryptedPersonalData personalData, UnionPlacement union, LocalDate submittedOn, Instant recordedAt,
			RecordedBy recordedBy) implements ApplicationEvent {
	}

	/** An officer of the union approved the application, effective on the date. */
	@Revision("1")
	public record ApplicationApproved(ApplicationId applicationId, MemberId memberId, UnionPlacement union,
			LocalDate effectiveDate, Instant recordedAt, RecordedBy recordedBy) implements ApplicationEvent {
	}

	/**
	 * The approval was withdrawn because the enrollment that follows it failed; the
	 * application is pending again and can be approved or declined. Kept so that
	 * supervisors see the failed attempt.
	 */
	@Revision("1")
	public record ApplicationApprovalWithdrawn(ApplicationId applicationId, UnionPlacement union, LocalDate submittedOn,
			String reason, Instant recordedAt, RecordedBy recordedBy) implements ApplicationEvent {
	}

	/** An officer of the union declined the application. */
	@Revision("1")
	public record ApplicationDeclined(ApplicationId applicationId, UnionPlacement union, String reason,
			Instant recordedAt, RecordedBy recordedBy) implements ApplicationEvent {
	}

}
