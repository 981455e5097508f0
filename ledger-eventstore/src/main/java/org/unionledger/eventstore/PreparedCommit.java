package org.unionledger.eventstore;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The serialized events of one commit: either a run of consecutive sequence numbers of
 * one aggregate, or events without aggregate. Knows how to lay itself out as an
 * {@code events} and a {@code streams} document.
 */
final class PreparedCommit {

	final String aggregateIdentifier;

	final String type;

	final long firstSequenceNumber;

	final long lastSequenceNumber;

	final List<Document> entries;

	final List<String> eventIds;

	final EventMessage<?> firstEvent;

	/**
	 * The authenticator of the aggregate's previous commit, or "" (see
	 * {@link CommitAuthenticator}); set by the engine before the commit is written.
	 */
	String previous = "";

	/** The authenticator of the last events document laid out, if any. */
	String mac;

	/** The last events document laid out. */
	private Document laidOut;

	private PreparedCommit(String aggregateIdentifier, String type, long firstSequenceNumber, long lastSequenceNumber,
			List<Document> entries, List<String> eventIds, EventMessage<?> firstEvent) {
		this.aggregateIdentifier = aggregateIdentifier;
		this.type = type;
		this.firstSequenceNumber = firstSequenceNumber;
		this.lastSequenceNumber = lastSequenceNumber;
		this.entries = entries;
		this.eventIds = eventIds;
		this.firstEvent = firstEvent;
	}

	static PreparedCommit of(List<? extends EventMessage<?>> events, Serializer serializer) {
		List<Document> entries = new ArrayList<>(events.size());
		List<String> ids = new ArrayList<>(events.size());
		for (EventMessage<?> event : events) {
			Long sequenceNumber = (event instanceof DomainEventMessage<?> domain) ? domain.getSequenceNumber() : null;
			entries.add(StoredEvent.entry(event.getIdentifier(), event.serializePayload(serializer, String.class),
					event.serializeMetaData(serializer, String.class), event.getTimestamp(), sequenceNumber));
			ids.add(event.getIdentifier());
		}
		EventMessage<?> first = events.get(0);
		if (first instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
			DomainEventMessage<?> last = (DomainEventMessage<?>) events.get(events.size() - 1);
			return new PreparedCommit(domain.getAggregateIdentifier(), domain.getType(), domain.getSequenceNumber(),
					last.getSequenceNumber(), entries, ids, first);
		}
		return new PreparedCommit(null, null, -1, -1, entries, ids, first);
	}

	int size() {
		return this.entries.size();
	}

	boolean isDomain() {
		return this.aggregateIdentifier != null;
	}

	String streamKey() {
		return StoreLayout.streamKey(this.aggregateIdentifier, this.firstSequenceNumber);
	}

	/**
	 * The commit's {@code events} document at a position; with an authenticator, it
	 * carries {@code prev} and its {@code mac}, which its streams copy repeats.
	 */
	Document eventsDocument(long position, long writtenAt, CommitAuthenticator authenticator) {
		Document document = new Document(StoreLayout.ID, position).append(StoreLayout.N, size());
		if (isDomain()) {
			document.append(StoreLayout.AGGREGATE_ID, this.aggregateIdentifier)
				.append(StoreLayout.TYPE, this.type)
				.append(StoreLayout.FIRST_SEQ, this.firstSequenceNumber)
				.append(StoreLayout.LAST_SEQ, this.lastSequenceNumber)
				.append(StoreLayout.STATE, StoreLayout.PENDING);
		}
		else {
			document.append(StoreLayout.STATE, StoreLayout.COMMITTED);
		}
		document.append(StoreLayout.WRITTEN_AT, writtenAt)
			.append(StoreLayout.EVENT_IDS, this.eventIds)
			.append(StoreLayout.EVENTS, this.entries);
		if (authenticator != null) {
			this.mac = authenticator.authenticate(position, this.aggregateIdentifier, this.type,
					this.firstSequenceNumber, this.lastSequenceNumber, this.previous, this.entries);
			document.append(StoreLayout.PREV, this.previous).append(StoreLayout.MAC, this.mac);
		}
		this.laidOut = document;
		return document;
	}

	/**
	 * The streams document of this commit at {@code position}, from the events document
	 * last laid out there (its authenticator is not computed again).
	 */
	Document streamDocumentAt(long position, CommitAuthenticator authenticator) {
		Document eventsDocument = (this.laidOut != null && StoreLayout.number(this.laidOut, StoreLayout.ID) == position)
				? this.laidOut : eventsDocument(position, 0, authenticator);
		return streamDocument(eventsDocument);
	}

	/**
	 * Whether a stored {@code events} document holds this very commit (same first event
	 * identifier).
	 */
	boolean isStoredAs(Document eventsDocument) {
		List<Document> stored = StoreLayout.events(eventsDocument);
		return !stored.isEmpty() && this.eventIds.get(0).equals(stored.get(0).getString(StoreLayout.EVENT_ID));
	}

	/**
	 * The {@code streams} document for a commit, built from its {@code events} document.
	 * Both the writer and a helping reader build it this way, so whoever inserts it first
	 * inserts the same content, authenticator included (a reader needs no key to help).
	 */
	static Document streamDocument(Document eventsDocument) {
		String aggregateIdentifier = eventsDocument.getString(StoreLayout.AGGREGATE_ID);
		long firstSequenceNumber = StoreLayout.number(eventsDocument, StoreLayout.FIRST_SEQ);
		Document stream = new Document(StoreLayout.ID, StoreLayout.streamKey(aggregateIdentifier, firstSequenceNumber))
			.append(StoreLayout.GLOBAL, StoreLayout.number(eventsDocument, StoreLayout.ID))
			.append(StoreLayout.AGGREGATE_ID, aggregateIdentifier)
			.append(StoreLayout.TYPE, eventsDocument.getString(StoreLayout.TYPE))
			.append(StoreLayout.FIRST_SEQ, firstSequenceNumber)
			.append(StoreLayout.LAST_SEQ, StoreLayout.number(eventsDocument, StoreLayout.LAST_SEQ))
			.append(StoreLayout.EVENTS, StoreLayout.events(eventsDocument));
		if (eventsDocument.get(StoreLayout.MAC) != null) {
			stream.append(StoreLayout.PREV, eventsDocument.get(StoreLayout.PREV))
				.append(StoreLayout.MAC, eventsDocument.get(StoreLayout.MAC));
		}
		return stream;
	}

	static Document tombstone(long position, long writtenAt) {
		return new Document(StoreLayout.ID, position).append(StoreLayout.N, 1)
			.append(StoreLayout.STATE, StoreLayout.ABORTED)
			.append(StoreLayout.BURNED, true)
			.append(StoreLayout.WRITTEN_AT, writtenAt);
	}

}
