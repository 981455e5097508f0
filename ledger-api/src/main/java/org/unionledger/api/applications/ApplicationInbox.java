package org.unionledger.api.applications;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of an officer's inbox: the pending online applications to the unions they act
 * for, oldest first, the applicants masked.
 *
 * @param count how many applications are pending in the unions asked for
 * @param page the page, from 0
 * @param size applications per page
 * @param applications the page's applications
 */
public record ApplicationInbox(int count, int page, int size, List<Entry> applications) {

	/**
	 * A pending application.
	 *
	 * @param applicationId the application
	 * @param unionId the union applied to
	 * @param unionName that union's name
	 * @param submittedOn the day it was submitted
	 * @param residentIdMasked the applicant's resident ID masked, or {@code [unreadable]}
	 * @param nameMasked the applicant's name masked; absent when unreadable
	 */
	@Schema(name = "InboxApplication")
	public record Entry(@Schema(example = "oa-ofcbcjdxfpvmuzityfoleb7icq") String applicationId,
			@Schema(example = "sjz-chang-an-construction-01") String unionId, String unionName, LocalDate submittedOn,
			@Schema(example = "1399**********1239") String residentIdMasked,
			@Schema(example = "张*") String nameMasked) {
	}

}
