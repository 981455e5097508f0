package org.unionledger.applications;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionId;

/** Commands of online enrollment. */
public final class Commands {

	private Commands() {
	}

	/**
	 * A worker applies to join a union. {@code memberId} is the keyed fingerprint of the
	 * resident ID (so approval needs no decryption); the personal data is encrypted.
	 */
	public record SubmitApplication(@TargetAggregateIdentifier ApplicationId applicationId, MemberId memberId,
			EncryptedPersonalData personalData, UnionId unionId, LocalDate submittedOn, RecordedBy recordedBy) {
	}

	/** An officer of the chosen union approves; the caller then enrolls with ONLINE. */
	public record ApproveApplication(@TargetAggregateIdentifier ApplicationId applicationId, UnionId decidingUnionId,
			LocalDate effectiveDate, RecordedBy recordedBy) {
	}

	/**
	 * The approval is taken back because the enrollment it was approved for could not be
	 * sent (the compensation of the approval process); the application is pending again.
	 */
	public record WithdrawApproval(@TargetAggregateIdentifier ApplicationId applicationId, UnionId decidingUnionId,
			String reason, RecordedBy recordedBy) {
	}

	/** An officer of the chosen union declines, with a reason. */
	public record DeclineApplication(@TargetAggregateIdentifier ApplicationId applicationId, UnionId decidingUnionId,
			String reason, RecordedBy recordedBy) {
	}

}
