package org.unionledger.eventstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Collection handles, field names and document helpers shared by the writer and the
 * readers of {@link MongoEventStorageEngine}. Every query built here filters on
 * {@code _id} only.
 */
final class StoreLayout {

	static final String ID = "_id";

	static final String N = "n";

	static final String AGGREGATE_ID = "aggregateId";

	static final String TYPE = "type";

	static final String FIRST_SEQ = "firstSeq";

	static final String LAST_SEQ = "lastSeq";

	static final String STATE = "state";

	static final String WRITTEN_AT = "writtenAt";

	static final String BURNED = "burned";

	static final String EVENTS = "events";

	static final String EVENT_IDS = "eventIds";

	static final String GLOBAL = "global";

	static final String VALUE = "value";

	static final String PENDING = "pending";

	static final String COMMITTED = "committed";

	static final String ABORTED = "aborted";

	static final String EVENT_ID = "eventId";

	static final String PAYLOAD_TYPE = "payloadType";

	static final String PAYLOAD_REVISION = "payloadRevision";

	static final String PAYLOAD = "payload";

	static final String METADATA = "metadata";

	static final String TIMESTAMP = "timestamp";

	static final String SEQ = "seq";

	static final String GLOBAL_COUNTER = "global";

	static final String EVENT_IDS_INDEX = "eventIds_unique";

	/** A commit's authenticator (see {@link CommitAuthenticator}), hex. */
	static final String MAC = "mac";

	/**
	 * The authenticator of the aggregate's previous commit, hex, or "" (see
	 * {@link CommitAuthenticator}).
	 */
	static final String PREV = "prev";

	/** {@code _id} of the authenticator record in {@code counters}. */
	static final String AUTHENTICATORS = "authenticators";

	/**
	 * Every field of an events document. Reads of documents that can change always name
	 * their fields: the embedded server then copies the document inside its collection
	 * lock, whereas without a projection it encodes its live document after the lock is
	 * released, so a concurrent update could be seen half applied.
	 */
	static final Bson EVENTS_DOCUMENT = Projections.include(N, AGGREGATE_ID, TYPE, FIRST_SEQ, LAST_SEQ, STATE,
			WRITTEN_AT, BURNED, EVENT_IDS, EVENTS, PREV, MAC);

	final MongoCollection<Document> events;

	final MongoCollection<Document> streams;

	final MongoCollection<Document> counters;

	final MongoCollection<Document> snapshots;

	StoreLayout(MongoDatabase database, String prefix) {
		this.events = database.getCollection(prefix + "events");
		this.streams = database.getCollection(prefix + "streams");
		this.counters = database.getCollection(prefix + "counters");
		this.snapshots = database.getCollection(prefix + "snapshots");
	}

	/**
	 * Creates the counter document and the only secondary index: event identifiers are
	 * unique across commits, as in Axon's JPA and JDBC schemas. It is on a top-level
	 * array because mongo-java-server 1.47 does not enforce a sparse unique index on a
	 * path through an array ({@code events.eventId}); tombstones and aborted commits
	 * carry no {@code eventIds}, so the index is sparse.
	 */
	void ensureIndexes() {
		try {
			this.counters.insertOne(new Document(ID, GLOBAL_COUNTER).append(VALUE, 0L));
		}
		catch (MongoException ex) {
			if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				throw ex;
			}
		}
		this.events.createIndex(Indexes.ascending(EVENT_IDS),
				new IndexOptions().unique(true).sparse(true).name(EVENT_IDS_INDEX));
	}

	static String streamKey(String aggregateIdentifier, long firstSequenceNumber) {
		// The sequence number never contains ':', so the last ':' separates the parts and
		// keys are unambiguous.
		return aggregateIdentifier + ":" + firstSequenceNumber;
	}

	static Bson idIn(Collection<?> ids) {
		return Filters.in(ID, ids);
	}

	static List<Long> range(long from, long count) {
		List<Long> keys = new ArrayList<>((int) count);
		for (long i = 0; i < count; i++) {
			keys.add(from + i);
		}
		return keys;
	}

	/**
	 * Reads the documents whose {@code _id} is one of the given positions, keyed by
	 * position.
	 */
	static TreeMap<Long, Document> byPosition(MongoCollection<Document> collection, List<Long> positions,
			Bson projection) {
		TreeMap<Long, Document> result = new TreeMap<>();
		var find = collection.find(idIn(positions))
			.batchSize(Math.max(positions.size(), 2))
			.projection((projection != null) ? projection : EVENTS_DOCUMENT);
		for (Document document : find) {
			result.put(number(document.get(ID)), document);
		}
		return result;
	}

	static Map<String, Document> byKey(MongoCollection<Document> collection, List<String> keys, Bson projection) {
		Map<String, Document> result = new TreeMap<>();
		var find = collection.find(idIn(keys)).batchSize(Math.max(keys.size(), 2));
		if (projection != null) {
			find = find.projection(projection);
		}
		for (Document document : find) {
			result.put(document.getString(ID), document);
		}
		return result;
	}

	static long number(Object value) {
		return ((Number) value).longValue();
	}

	static long number(Document document, String field) {
		return number(document.get(field));
	}

	@SuppressWarnings("unchecked")
	static List<Document> events(Document commit) {
		Object events = commit.get(EVENTS);
		return (events != null) ? (List<Document>) events : List.of();
	}

}
