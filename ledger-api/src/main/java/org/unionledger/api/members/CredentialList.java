package org.unionledger.api.members;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.unionledger.projections.credentials.CredentialListView;

/**
 * A page of a union's transfer credentials: those it issued, or those addressed to it and
 * not used yet (its inbox), newest first, with the counts of the whole list.
 *
 * @param unionId the union
 * @param unionName its name
 * @param box {@code ISSUED} or {@code ADDRESSED}
 * @param state the state asked for, absent for all
 * @param counts the union's credentials in that box by state
 * @param total entries in the state asked for
 * @param page this page, from 0
 * @param size entries per page
 * @param credentials the page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialList(String unionId, String unionName, CredentialListView.Box box,
		CredentialListView.State state, Counts counts, long total, int page, int size, List<Item> credentials) {

	/**
	 * Credentials by state.
	 *
	 * @param outstanding still valid
	 * @param used accepted by a receiving union
	 * @param expired past their expiry date, never used nor cancelled
	 * @param cancelled cancelled (or void: their member re-enrolled)
	 */
	public record Counts(long outstanding, long used, long expired, long cancelled) {
	}

	/**
	 * One credential.
	 *
	 * @param code its code (the parties' officers only read it)
	 * @param memberId the member (issuing union only)
	 * @param memberName the member's name, masked
	 * @param fromUnionId the issuing union
	 * @param fromUnionName its name
	 * @param toUnionId the receiving union named on it, absent when any may accept it
	 * @param toUnionName its name
	 * @param issuedOn issue date
	 * @param expiresOn first day it is no longer valid
	 * @param state its state today
	 * @param acceptedOn the day the membership moved, when used
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Item(@Schema(example = "TC-7K2M-Q9XD-4HRB-Z8PW") String code, String memberId,
			@Schema(example = "张**") String memberName, String fromUnionId, String fromUnionName, String toUnionId,
			String toUnionName, LocalDate issuedOn, LocalDate expiresOn, CredentialListView.State state,
			LocalDate acceptedOn) {
	}

}
