package org.unionledger.api.members;

import io.swagger.v3.oas.annotations.media.Schema;
import org.unionledger.membership.MembershipStatus;

/**
 * A member as a lookup, a member page and a name correction show them: the resident ID
 * masked, the name in clear only to the officers of the union holding the membership (and
 * system administrators), masked to every other reader.
 *
 * @param memberId the member
 * @param unionId the union holding the membership
 * @param unionName its name
 * @param status active, on hold or terminated
 * @param residentId the resident ID masked ({@code 1301**********123X}), or
 * {@code [erased]}
 * @param name the name, or {@code [erased]}
 * @param nameMasked whether {@code name} is masked
 * @param servingUnionId the union serving the member besides the holding one, or
 * {@code null}
 * @param leftForLedger the ledger (its GB/T 2260 code) the membership left for on that
 * ledger's receipt, when that ended it here; {@code null} otherwise
 */
public record MemberCard(String memberId, String unionId, String unionName, MembershipStatus status, String residentId,
		String name, boolean nameMasked, String servingUnionId, @Schema(example = "41") String leftForLedger) {
}
