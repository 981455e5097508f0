package org.unionledger.api.members;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.UnreadablePersonalDataException;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.ServingAssignmentEnded;
import org.unionledger.membership.Events.ServingUnionAssigned;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.union.UnionId;

/**
 * A member's own event stream, read by {@code _id} from the event store: where the
 * membership stands now, and its history with the resident ID masked.
 */
@Component
public class MemberRecords {

	private final EventStore eventStore;

	private final PersonalDataVault vault;

	/**
	 * The web layer's mapper: payloads are shown as answers are (dates as text, no
	 * nulls).
	 */
	private final ObjectMapper mapper;

	public MemberRecords(EventStore eventStore, PersonalDataVault vault, ObjectMapper mapper) {
		this.eventStore = eventStore;
		this.vault = vault;
		this.mapper = mapper;
	}

	/**
	 * Where a membership stands.
	 *
	 * @param memberId the member
	 * @param unionId the union holding the membership
	 * @param status active, on hold or terminated
	 * @param events how many events the stream has
	 * @param servingUnionId the union serving the member besides the holding one, or
	 * {@code null}
	 */
	public record MemberState(MemberId memberId, UnionId unionId, MembershipStatus status, long events,
			UnionId servingUnionId) {

		MemberState(MemberId memberId, UnionId unionId, MembershipStatus status, long events) {
			this(memberId, unionId, status, events, null);
		}

		MemberState next(UnionId union, MembershipStatus newStatus, long count) {
			return new MemberState(this.memberId, union, newStatus, count, this.servingUnionId);
		}

		MemberState serving(UnionId serving, long count) {
			return new MemberState(this.memberId, this.unionId, this.status, count, serving);
		}

	}

	public Optional<MemberState> current(MemberId memberId) {
		MemberState state = null;
		for (DomainEventMessage<?> message : read(memberId)) {
			Object event = message.getPayload();
			long count = message.getSequenceNumber() + 1;
			if (event instanceof MemberEnrolled e) {
				state = new MemberState(memberId, e.union().unionId(), MembershipStatus.ACTIVE, count);
			}
			else if (event instanceof MemberReEnrolled e) {
				state = new MemberState(memberId, e.union().unionId(), MembershipStatus.ACTIVE, count);
			}
			else if (state == null) {
				continue;
			}
			else if (event instanceof TransferAccepted e) {
				state = state.next(e.toUnion().unionId(), state.status(), count);
			}
			else if (event instanceof MembershipPutOnHold) {
				state = state.next(state.unionId(), MembershipStatus.ON_HOLD, count);
			}
			else if (event instanceof MembershipResumed) {
				state = state.next(state.unionId(), MembershipStatus.ACTIVE, count);
			}
			else if (event instanceof MembershipTerminated) {
				state = state.next(state.unionId(), MembershipStatus.TERMINATED, count);
			}
			else if (event instanceof ServingUnionAssigned e) {
				state = state.serving(e.servingUnion().unionId(), count);
			}
			else if (event instanceof ServingAssignmentEnded) {
				state = state.serving(null, count);
			}
			else {
				state = state.next(state.unionId(), state.status(), count);
			}
		}
		return Optional.ofNullable(state);
	}

	/**
	 * The member's personal data as last written (enrollment or re-enrollment), still
	 * encrypted.
	 */
	public Optional<EncryptedPersonalData> personalData(MemberId memberId) {
		EncryptedPersonalData found = null;
		for (DomainEventMessage<?> message : read(memberId)) {
			if (message.getPayload() instanceof MemberEnrolled enrolled) {
				found = enrolled.personalData();
			}
			else if (message.getPayload() instanceof MemberReEnrolled reEnrolled) {
				found = reEnrolled.personalData();
			}
		}
		return Optional.ofNullable(found);
	}

	/** The credential issued with this code, if the member's stream has it. */
	public Optional<TransferCredentialIssued> credential(MemberId memberId, String code) {
		TransferCredentialIssued found = null;
		for (DomainEventMessage<?> message : read(memberId)) {
			if (message.getPayload() instanceof TransferCredentialIssued issued && issued.code().value().equals(code)) {
				found = issued;
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * Every event of the member in order; personal data replaced by masked forms, and
	 * credential codes by theirs where {@code codes} hides them from the reader.
	 */
	public List<Map<String, Object>> history(MemberId memberId, CredentialCodeVisibility codes) {
		List<Map<String, Object>> entries = new ArrayList<>();
		List<DomainEventMessage<?>> messages = read(memberId);
		// A refused presentation may precede nothing else about its code in order; learn
		// every credential's unions first.
		messages.forEach((message) -> codes.learn(message.getPayload()));
		for (DomainEventMessage<?> message : messages) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("sequence", message.getSequenceNumber());
			entry.put("type", message.getPayloadType().getSimpleName());
			@SuppressWarnings("unchecked")
			Map<String, Object> payload = this.mapper.convertValue(message.getPayload(), Map.class);
			Object encrypted = payload.remove("personalData");
			if (encrypted != null) {
				EncryptedPersonalData data = this.mapper.convertValue(encrypted, EncryptedPersonalData.class);
				entry.putAll(masked(data));
			}
			entry.putAll(codes.show(message.getPayload(), payload));
			entries.add(entry);
		}
		return entries;
	}

	private Map<String, Object> masked(EncryptedPersonalData data) {
		try {
			PersonalData personal = this.vault.decrypt(data);
			return Map.of("residentIdMasked", personal.residentId().masked(), "nameMasked", maskName(personal.name()));
		}
		catch (UnreadablePersonalDataException ex) {
			return Map.of("residentIdMasked", "[erased]", "nameMasked", "[erased]");
		}
	}

	static String maskName(String name) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		int first = name.codePointAt(0);
		int rest = name.codePointCount(0, name.length()) - 1;
		return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
	}

	private List<DomainEventMessage<?>> read(MemberId memberId) {
		List<DomainEventMessage<?>> messages = new ArrayList<>();
		DomainEventStream stream = this.eventStore.readEvents(memberId.value());
		stream.forEachRemaining(messages::add);
		return messages;
	}

}
