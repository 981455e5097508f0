package org.unionledger.disclosure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.common.RecordedBy;
import org.unionledger.membership.MemberId;

/** Commands of the disclosure feature. */
public final class Commands {

	private Commands() {
	}

	/**
	 * Record that a user is shown a member's unmasked personal data, before it is shown.
	 * The log is created with its first disclosure.
	 */
	public record RecordDisclosure(@TargetAggregateIdentifier DisclosureLogId logId, MemberId memberId, String purpose,
			RecordedBy disclosedTo) {

		/** The longest purpose, in characters, a disclosure is recorded with. */
		public static final int MAX_PURPOSE_LENGTH = 200;

	}

}
