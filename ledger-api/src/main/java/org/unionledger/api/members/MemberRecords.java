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
import org.unionledger.membership.Events.MemberNameCorrected;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipState;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;

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
	 * @param leftForLedger the ledger the membership left for, when it ended here on that
	 * ledger's receipt; {@code null} otherwise
	 */
	public record MemberState(MemberId memberId, UnionId unionId, MembershipStatus status, long events,
			UnionId servingUnionId, LedgerId leftForLedger) {
	}

	/**
	 * Where the membership stands, by the fold the aggregate uses
	 * ({@link MembershipState}).
	 */
	public Optional<MemberState> current(MemberId memberId) {
		MembershipState state = MembershipState.NONE;
		long events = 0;
		LedgerId leftFor = null;
		for (DomainEventMessage<?> message : read(memberId)) {
			state = state.next(message.getPayload());
			if (state.enrolled()) {
				events = message.getSequenceNumber() + 1;
			}
			if (message.getPayload() instanceof MemberTransferredToLedger left) {
				leftFor = left.receivingLedger();
			}
			else if (state.status() != MembershipStatus.TERMINATED) {
				leftFor = null;
			}
		}
		if (!state.enrolled()) {
			return Optional.empty();
		}
		UnionPlacement serving = state.servingUnion();
		return Optional.of(new MemberState(memberId, state.union().unionId(), state.status(), events,
				(serving != null) ? serving.unionId() : null, leftFor));
	}

	/**
	 * The member's personal data as last written (enrollment, re-enrollment or name
	 * correction), still encrypted.
	 */
	public Optional<EncryptedPersonalData> personalData(MemberId memberId) {
		MembershipState state = MembershipState.NONE;
		for (DomainEventMessage<?> message : read(memberId)) {
			state = state.next(message.getPayload());
		}
		return Optional.ofNullable(state.personalData());
	}

	/**
	 * The member's name masked (first character and stars), {@code [erased]} once their
	 * data is erased; empty for a member without personal data.
	 */
	public Optional<String> maskedName(MemberId memberId) {
		return personalData(memberId).map((data) -> {
			try {
				return maskName(this.vault.decrypt(data).name());
			}
			catch (UnreadablePersonalDataException ex) {
				return ERASED;
			}
		});
	}

	/** What is shown instead of personal data that was erased. */
	public static final String ERASED = "[erased]";

	/** Every event of the member's stream, in order. */
	public List<Object> events(MemberId memberId) {
		return read(memberId).stream().map((message) -> (Object) message.getPayload()).toList();
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
	public List<MemberHistory.Entry> history(MemberId memberId, CredentialCodeVisibility codes) {
		List<MemberHistory.Entry> entries = new ArrayList<>();
		List<DomainEventMessage<?>> messages = read(memberId);
		// A refused presentation may precede nothing else about its code in order; learn
		// every credential's unions first.
		messages.forEach((message) -> codes.learn(message.getPayload()));
		// A corrected name supersedes the one written before under the same key: every
		// event shows the latest, so the old name is never read here again.
		Map<String, EncryptedPersonalData> latest = new LinkedHashMap<>();
		for (DomainEventMessage<?> message : messages) {
			EncryptedPersonalData written = personalDataOf(message.getPayload());
			if (written != null) {
				latest.put(written.keyRef(), written);
			}
		}
		for (DomainEventMessage<?> message : messages) {
			@SuppressWarnings("unchecked")
			Map<String, Object> payload = this.mapper.convertValue(message.getPayload(), LinkedHashMap.class);
			Object encrypted = payload.remove("personalData");
			EncryptedPersonalData written = personalDataOf(message.getPayload());
			Masked masked = (encrypted != null && written != null) ? masked(latest.get(written.keyRef())) : Masked.NONE;
			entries.add(new MemberHistory.Entry(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
					masked.residentId(), masked.name(), codes.show(message.getPayload(), payload)));
		}
		return entries;
	}

	/**
	 * The name in an event's encrypted personal data (as the event's payload holds it),
	 * masked as a member's history shows it, or {@code [erased]}.
	 */
	public String maskedName(Object encryptedPersonalData) {
		return masked(this.mapper.convertValue(encryptedPersonalData, EncryptedPersonalData.class)).name();
	}

	private static EncryptedPersonalData personalDataOf(Object payload) {
		if (payload instanceof MemberEnrolled e) {
			return e.personalData();
		}
		if (payload instanceof MemberReEnrolled e) {
			return e.personalData();
		}
		if (payload instanceof MemberNameCorrected e) {
			return e.personalData();
		}
		if (payload instanceof org.unionledger.membership.Events.MemberTransferredInFromLedger e) {
			return e.personalData();
		}
		return null;
	}

	/** The resident ID and the name masked, or both {@code [erased]}. */
	private Masked masked(EncryptedPersonalData data) {
		try {
			PersonalData personal = this.vault.decrypt(data);
			return new Masked(personal.residentId().masked(), maskName(personal.name()));
		}
		catch (UnreadablePersonalDataException ex) {
			return new Masked("[erased]", "[erased]");
		}
	}

	/** A person's resident ID and name as an auditor reads them (none for no person). */
	private record Masked(String residentId, String name) {

		static final Masked NONE = new Masked(null, null);

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
