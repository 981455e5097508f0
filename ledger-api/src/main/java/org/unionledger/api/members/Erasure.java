package org.unionledger.api.members;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A recorded erasure: the person's data key is destroyed, their name and resident ID
 * unreadable everywhere.
 *
 * @param memberId the member
 * @param erasedKeyRef the reference of the destroyed key
 */
public record Erasure(String memberId,
		@Schema(example = "pk:m-oz4njx4bwlschfqh6vct6fq3c4:tyNCwDwh") String erasedKeyRef) {
}
