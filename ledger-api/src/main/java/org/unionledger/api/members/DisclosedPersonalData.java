package org.unionledger.api.members;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A member's unmasked personal data, its disclosure recorded in their log before it was
 * answered.
 *
 * @param memberId the member
 * @param residentId the full 18-digit resident ID
 * @param name the name as on the ID card
 * @param disclosureRecorded always {@code true}: the read is in the disclosure log
 */
public record DisclosedPersonalData(String memberId, @Schema(example = "139901199003071239") String residentId,
		@Schema(example = "张伟") String name, boolean disclosureRecorded) {
}
