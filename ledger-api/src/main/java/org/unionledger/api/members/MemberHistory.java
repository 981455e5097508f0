package org.unionledger.api.members;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.unionledger.membership.MembershipStatus;

/**
 * A member's history for auditors: where the membership stands and every event of the
 * member's stream, in order.
 *
 * @param memberId the member
 * @param unionId the union holding the membership now
 * @param status active, on hold or terminated
 * @param servingUnionId the union serving the member besides the holding one, if any
 * @param events the member's events, oldest first
 */
public record MemberHistory(String memberId, String unionId, MembershipStatus status, String servingUnionId,
		List<Entry> events) {

	/**
	 * One event: its place and type, the person masked (or {@code [erased]}) where it
	 * carries personal data, then the event's own fields as stored, a credential's
	 * {@code code} masked unless the reader acts for a union it names.
	 *
	 * @param sequence its place in the member's stream, from 0
	 * @param type the event's type, e.g. {@code MemberEnrolled}
	 * @param residentIdMasked the resident ID masked, for events with personal data
	 * @param nameMasked the name masked, for events with personal data
	 * @param fields the event's other fields, written beside these
	 */
	@Schema(name = "MemberHistoryEntry", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
	public record Entry(long sequence, @Schema(example = "MemberEnrolled") String type,
			@Schema(example = "1399**********1239") String residentIdMasked, @Schema(example = "张*") String nameMasked,
			@Schema(hidden = true) @JsonAnyGetter Map<String, Object> fields) {
	}

}
