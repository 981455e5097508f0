package org.unionledger.eventstore;

import java.time.Instant;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

/**
 * Serialized event data read from one entry of a commit document's {@code events} array.
 * The three nested classes are the shapes Axon's upcasters tell apart by type: domain
 * event, tracked domain event and tracked non-domain event.
 */
abstract class StoredEvent implements EventData<String> {

	private final Document entry;

	StoredEvent(Document entry) {
		this.entry = entry;
	}

	/**
	 * The stored form of one event entry; {@code seq} is absent for events without an
	 * aggregate.
	 */
	static Document entry(String eventId, SerializedObject<String> payload, SerializedObject<String> metaData,
			Instant timestamp, Long sequenceNumber) {
		Document entry = new Document(StoreLayout.EVENT_ID, eventId)
			.append(StoreLayout.PAYLOAD_TYPE, payload.getType().getName())
			.append(StoreLayout.PAYLOAD_REVISION, payload.getType().getRevision())
			.append(StoreLayout.PAYLOAD, payload.getData())
			.append(StoreLayout.METADATA, metaData.getData())
			.append(StoreLayout.TIMESTAMP, DateTimeUtils.formatInstant(timestamp));
		if (sequenceNumber != null) {
			entry.append(StoreLayout.SEQ, sequenceNumber);
		}
		return entry;
	}

	static Instant timestampOf(Document entry) {
		return DateTimeUtils.parseInstant(entry.getString(StoreLayout.TIMESTAMP));
	}

	@Override
	public String getEventIdentifier() {
		return this.entry.getString(StoreLayout.EVENT_ID);
	}

	@Override
	public Instant getTimestamp() {
		return timestampOf(this.entry);
	}

	@Override
	public SerializedObject<String> getMetaData() {
		return new SerializedMetaData<>(this.entry.getString(StoreLayout.METADATA), String.class);
	}

	@Override
	public SerializedObject<String> getPayload() {
		return new SimpleSerializedObject<>(this.entry.getString(StoreLayout.PAYLOAD), String.class,
				this.entry.getString(StoreLayout.PAYLOAD_TYPE), this.entry.getString(StoreLayout.PAYLOAD_REVISION));
	}

	long sequenceNumberOf() {
		return StoreLayout.number(this.entry, StoreLayout.SEQ);
	}

	/** An event of an aggregate's stream, as read for sourcing. */
	static class Domain extends StoredEvent implements DomainEventData<String> {

		private final String aggregateIdentifier;

		private final String type;

		Domain(Document entry, String aggregateIdentifier, String type) {
			super(entry);
			this.aggregateIdentifier = aggregateIdentifier;
			this.type = type;
		}

		@Override
		public String getType() {
			return this.type;
		}

		@Override
		public String getAggregateIdentifier() {
			return this.aggregateIdentifier;
		}

		@Override
		public long getSequenceNumber() {
			return sequenceNumberOf();
		}

	}

	/** An aggregate's event as read from the global stream. */
	static final class TrackedDomain extends Domain implements TrackedEventData<String> {

		private final TrackingToken token;

		TrackedDomain(Document entry, String aggregateIdentifier, String type, TrackingToken token) {
			super(entry, aggregateIdentifier, type);
			this.token = token;
		}

		@Override
		public TrackingToken trackingToken() {
			return this.token;
		}

	}

	/** An event without aggregate as read from the global stream. */
	static final class Tracked extends StoredEvent implements TrackedEventData<String> {

		private final TrackingToken token;

		Tracked(Document entry, TrackingToken token) {
			super(entry);
			this.token = token;
		}

		@Override
		public TrackingToken trackingToken() {
			return this.token;
		}

	}

}
