package org.unionledger.federation;

import java.util.Objects;

import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;

/**
 * A person counted here and, by another ledger's export, there too.
 *
 * @param memberId the member here
 * @param union the union counting them here
 * @param otherUnionId the union counting them in the other ledger
 * @param otherUnionName that union's name, as the export gives it
 */
public record DoubleCount(MemberId memberId, UnionPlacement union, UnionId otherUnionId, String otherUnionName) {

	public DoubleCount {
		Objects.requireNonNull(memberId, "memberId");
		Objects.requireNonNull(union, "union");
		Objects.requireNonNull(otherUnionId, "otherUnionId");
		otherUnionName = InterLedgerCredential.text(otherUnionName, "otherUnionName");
	}

}
