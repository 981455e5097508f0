package org.unionledger.api.members;

import java.time.LocalDate;

/**
 * An accepted transfer: the membership moved from the issuing to the receiving union.
 *
 * @param memberId the member
 * @param fromUnionId the union that issued the credential
 * @param toUnionId the receiving union, now holding the membership
 * @param effectiveDate the day the membership moved
 */
public record TransferAcceptance(String memberId, String fromUnionId, String toUnionId, LocalDate effectiveDate) {

	static TransferAcceptance of(Transfers.AcceptedTransfer accepted) {
		return new TransferAcceptance(accepted.memberId().value(), accepted.fromUnionId().value(),
				accepted.toUnionId().value(), accepted.effectiveDate());
	}

}
