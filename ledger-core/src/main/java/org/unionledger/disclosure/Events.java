package org.unionledger.disclosure;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.unionledger.common.RecordedBy;
import org.unionledger.membership.MemberId;

/** Events of the disclosure feature. */
public final class Events {

	private Events() {
	}

	/**
	 * A user was shown a member's unmasked resident ID and name. The event holds who and
	 * why, never the data.
	 */
	@Revision("1")
	public record PersonalDataDisclosed(DisclosureLogId logId, MemberId memberId, String purpose, Instant recordedAt,
			RecordedBy disclosedTo) implements DisclosureEvent {
	}

}
