package org.unionledger.api.applications;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A union's pending applications, for its officers to decide.
 *
 * @param unionId the union
 * @param pending its pending applications
 */
public record PendingApplicationList(String unionId, List<Pending> pending) {

	/**
	 * One pending application.
	 *
	 * @param applicationId the application
	 * @param submittedOn the day it was submitted
	 */
	@Schema(name = "PendingApplication")
	public record Pending(String applicationId, LocalDate submittedOn) {
	}

}
