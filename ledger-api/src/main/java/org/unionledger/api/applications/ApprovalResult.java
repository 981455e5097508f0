package org.unionledger.api.applications;

import io.swagger.v3.oas.annotations.media.Schema;
import org.unionledger.applications.ApplicationStatus;

/**
 * An approved application and what became of its enrollment. A refused enrollment (the
 * person is a member elsewhere) is recorded for supervisors; the other union is not
 * named.
 *
 * @param applicationId the application, now approved
 * @param status always {@code APPROVED}
 * @param enrollment {@code ENROLLED}, or the reason the enrollment was refused (e.g.
 * {@code ALREADY_ACTIVE})
 * @param memberId the new member's id, when enrolled
 */
public record ApprovalResult(String applicationId, ApplicationStatus status,
		@Schema(example = "ENROLLED") String enrollment, String memberId) {
}
