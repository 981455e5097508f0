package org.unionledger.api.members;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Answers of the credential routes other than lists. */
public final class CredentialActions {

	private CredentialActions() {
	}

	/**
	 * A cancelled credential.
	 *
	 * @param code its code
	 * @param memberId the member, who stays at the issuing union
	 * @param issuingUnionId the union that cancelled it
	 * @param effectiveDate the day it was cancelled
	 */
	public record CancelledCredential(@Schema(example = "TC-7K2M-Q9XD-4HRB-Z8PW") String code, String memberId,
			String issuingUnionId, LocalDate effectiveDate) {

		static CancelledCredential of(Transfers.CancelledCredential cancelled) {
			return new CancelledCredential(cancelled.code().value(), cancelled.memberId().value(),
					cancelled.issuingUnionId().value(), cancelled.effectiveDate());
		}

	}

	/**
	 * The members of a union a credential can be issued for: the active ones, names
	 * masked, by name.
	 *
	 * @param unionId the union
	 * @param members its active members
	 */
	public record Candidates(String unionId, List<Candidate> members) {
	}

	/**
	 * A member a credential can be issued for.
	 *
	 * @param memberId the member
	 * @param name the name, masked
	 * @param since the day the membership became active here
	 */
	public record Candidate(String memberId, @Schema(example = "张**") String name, LocalDate since) {
	}

	/**
	 * Unions a credential may lead to, by name.
	 *
	 * @param unions the unions found
	 */
	public record Destinations(List<TransferDestinations.Destination> unions) {
	}

}
