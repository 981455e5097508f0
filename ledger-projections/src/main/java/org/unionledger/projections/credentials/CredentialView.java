package org.unionledger.projections.credentials;

import org.unionledger.jurisdiction.LedgerId;

import java.time.LocalDate;

import org.bson.Document;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionId;

/**
 * What is known of a transfer credential.
 *
 * @param code its code
 * @param memberId the membership it moves
 * @param issuingUnionId the union that issued it
 * @param toUnionId the intended receiving union, or {@code null}
 * @param issuedOn issue date
 * @param expiresOn first day it is no longer valid
 * @param status outstanding, used, cancelled or void
 * @param destinationLedger the other ledger it leads to ({@code toUnionId} is then one of
 * that ledger's unions), or {@code null} inside this ledger
 */
public record CredentialView(CredentialCode code, MemberId memberId, UnionId issuingUnionId, UnionId toUnionId,
		LocalDate issuedOn, LocalDate expiresOn, Status status, LedgerId destinationLedger) {

	/**
	 * Lifecycle of a credential as the read model sees it (expiry is judged by the
	 * ledger).
	 */
	public enum Status {

		OUTSTANDING, USED, CANCELLED,
		/**
		 * Still outstanding when its member, terminated since, re-enrolled: the ledger
		 * refuses it as cancelled.
		 */
		VOID

	}

	static CredentialView from(Document d) {
		String to = d.getString("toUnionId");
		return new CredentialView(new CredentialCode(d.getString("_id")), new MemberId(d.getString("memberId")),
				new UnionId(d.getString("issuingUnionId")), (to != null) ? new UnionId(to) : null,
				LocalDate.parse(d.getString("issuedOn")), LocalDate.parse(d.getString("expiresOn")),
				Status.valueOf(d.getString("status")),
				(d.getString("ledger") != null) ? new LedgerId(d.getString("ledger")) : null);
	}

}
