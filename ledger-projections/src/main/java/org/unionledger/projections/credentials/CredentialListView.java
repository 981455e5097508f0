package org.unionledger.projections.credentials;

import java.time.LocalDate;
import java.util.List;

import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionId;

/**
 * A page of a union's credentials (see {@link FindCredentialList}) with the counts of the
 * whole list by state.
 *
 * @param unionId the union
 * @param box issued by it or addressed to it
 * @param outstanding still valid
 * @param used accepted by a receiving union
 * @param expired past their expiry date, never used nor cancelled
 * @param cancelled cancelled by the issuing union, or void (still outstanding when their
 * member re-enrolled)
 * @param total entries in the state asked for (all states when none was)
 * @param entries the page
 */
public record CredentialListView(UnionId unionId, Box box, long outstanding, long used, long expired, long cancelled,
		long total, List<Entry> entries) {

	/** Which of a union's credentials. */
	public enum Box {

		/** Those it issued. */
		ISSUED,
		/** Those addressed to it. */
		ADDRESSED

	}

	/** A credential's state as a list shows it. */
	public enum State {

		OUTSTANDING, USED, EXPIRED, CANCELLED

	}

	/**
	 * One credential.
	 *
	 * @param code its code
	 * @param memberId the member it moves
	 * @param issuingUnionId the union that issued it
	 * @param toUnionId the receiving union named on it, or {@code null}
	 * @param issuedOn issue date
	 * @param expiresOn first day it is no longer valid
	 * @param state its state on the day asked for
	 * @param acceptedOn the day it took effect, when used
	 */
	public record Entry(CredentialCode code, MemberId memberId, UnionId issuingUnionId, UnionId toUnionId,
			LocalDate issuedOn, LocalDate expiresOn, State state, LocalDate acceptedOn) {
	}

}
