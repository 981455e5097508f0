package org.unionledger.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.unionledger.membership.MemberId;

/**
 * Identifier of a member's disclosure log: {@code pd-} followed by the member id, so each
 * member has exactly one log and its stream is found with one read.
 *
 * @param value the identifier as text
 */
public record DisclosureLogId(@JsonValue String value) {

	public static final String PREFIX = "pd-";

	@JsonCreator
	public DisclosureLogId {
		if (value == null || !value.startsWith(PREFIX) || value.length() == PREFIX.length()) {
			throw new IllegalArgumentException("a DisclosureLogId is pd- followed by a member id");
		}
	}

	public static DisclosureLogId of(MemberId memberId) {
		return new DisclosureLogId(PREFIX + memberId.value());
	}

	/** Axon uses {@code toString()} as the aggregate identifier. */
	@Override
	public String toString() {
		return this.value;
	}

}
