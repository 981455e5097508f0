package org.unionledger.api.applications;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.unionledger.applications.ApplicationStatus;

/**
 * An application as its union's officers read it: the applicant masked, the decision.
 *
 * @param applicationId the application
 * @param unionId the union applied to
 * @param status pending, approved or declined
 * @param submittedOn the day of the application
 * @param residentIdMasked the applicant's resident ID masked, or {@code [unreadable]}
 * @param nameMasked the applicant's name masked; absent when unreadable
 * @param decidedBy who approved or declined it, once decided
 * @param reason why it was declined, when declined
 */
public record ApplicationView(@Schema(example = "oa-ofcbcjdxfpvmuzityfoleb7icq") String applicationId, String unionId,
		ApplicationStatus status, LocalDate submittedOn,
		@Schema(example = "1399**********1239") String residentIdMasked, @Schema(example = "张*") String nameMasked,
		String decidedBy, String reason) {
}
