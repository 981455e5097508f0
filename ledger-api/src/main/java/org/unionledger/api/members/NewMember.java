package org.unionledger.api.members;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to an enrollment: the new member's id (its resource is in {@code Location}).
 *
 * @param memberId the member id, the ledger's keyed fingerprint of the resident ID
 */
public record NewMember(@Schema(example = "m-oz4njx4bwlschfqh6vct6fq3c4") String memberId) {
}
