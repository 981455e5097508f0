package org.unionledger.api.applications;

import io.swagger.v3.oas.annotations.media.Schema;
import org.unionledger.applications.ApplicationStatus;

/**
 * An application's id and status, the answer to submitting one (it is then pending; its
 * resource is in {@code Location}) and to declining one. It never tells whether the
 * person is a member somewhere.
 *
 * @param applicationId the application
 * @param status its status now
 */
public record ApplicationState(@Schema(example = "oa-ofcbcjdxfpvmuzityfoleb7icq") String applicationId,
		ApplicationStatus status) {
}
