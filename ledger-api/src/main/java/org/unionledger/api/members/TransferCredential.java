package org.unionledger.api.members;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An issued transfer credential, answered once to the issuing union's officer: the code
 * is a bearer secret the receiving union presents.
 *
 * @param code the credential's code
 * @param expiresOn its last valid day
 * @param memberId the member
 * @param issuingUnionId the union that holds the membership and issued it
 */
public record TransferCredential(@Schema(example = "TC-7K2M-Q9XD-4HRB-Z8PW") String code, LocalDate expiresOn,
		String memberId, String issuingUnionId) {

	static TransferCredential of(Transfers.IssuedCredential issued) {
		return new TransferCredential(issued.code().value(), issued.expiresOn(), issued.memberId().value(),
				issued.issuingUnionId().value());
	}

}
