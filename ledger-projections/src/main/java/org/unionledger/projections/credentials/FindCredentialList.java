package org.unionledger.projections.credentials;

import java.time.LocalDate;

import org.unionledger.union.UnionId;

/**
 * A page of a union's credentials, newest issue first.
 *
 * @param unionId the union
 * @param box the credentials it issued or those addressed to it
 * @param state only those in this state, or {@code null} for all
 * @param today the day expiry is judged on (expired: expiry date on or before it)
 * @param page the page, from 0
 * @param size entries per page
 */
public record FindCredentialList(UnionId unionId, CredentialListView.Box box, CredentialListView.State state,
		LocalDate today, int page, int size) {
}
