package org.unionledger.eventstore;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Axon {@link TokenStore} on MongoDB, with the claim semantics of Axon's
 * {@code JdbcTokenStore}: a node may claim a segment that is unclaimed, already its own,
 * or whose claim is older than the claim timeout.
 *
 * <h2>Collections</h2> (names prefixed with the configured prefix)
 * <ul>
 * <li>{@code tokens}:
 * {@code {_id: processorName + "/" + segment, processorName, segment, token, tokenType,
 * tokenRevision, owner, timestamp (epoch ms), v}} per segment, and {@code {_id:
 * "__config", storageId}}.</li>
 * <li>{@code token_processors}:
 * {@code {_id: processorName, segments: [..], initialToken, initialTokenType,
 * initialTokenRevision}}, so that {@link #fetchSegments(String)} is one {@code _id} read.
 * A segment exists when it is listed here; its token document is written before it is
 * listed and unlisted before it is deleted, and a listed segment whose document is
 * missing (a crash during initialization) is recreated from the initial token.</li>
 * </ul>
 * Every change of a token document is a compare-and-set on its version {@code v}: filter
 * {@code {_id, v}}. On a real MongoDB that is an {@code _id} index look-up; the embedded
 * server scans the {@code tokens} collection for it, which holds one small document per
 * segment, so the scan stays cheap.
 * <p>
 * <b>Forward moves unjournaled</b> ({@link Builder#unjournaledForwardMoves}): a token
 * this node stores past the position it last stored or read for a segment it holds, and a
 * claim's extension, may go with write concern {@code j: false}. A crash may then lose
 * the last of them, and the processor handles again events its read models have already
 * taken, which they ignore (every read-model document keeps the last position it
 * applied). A token moved back (a reset, which may follow the read models' removal), a
 * token stored while the node holds no position for the segment (the first after claiming
 * one that had none) and a claim are always journaled.
 */
public class MongoTokenStore implements TokenStore {

	private static final String CONFIG_ID = "__config";

	private static final int CAS_ATTEMPTS = 3;

	private static final String PROCESSOR = "processorName";

	private static final String SEGMENT = "segment";

	private static final String SEGMENTS = "segments";

	private static final String TOKEN = "token";

	private static final String TOKEN_TYPE = "tokenType";

	private static final String TOKEN_REVISION = "tokenRevision";

	private static final String INITIAL = "initial";

	private static final String OWNER = "owner";

	private static final String TIMESTAMP = "timestamp";

	private static final String VERSION = "v";

	private static final String STORAGE_ID = "storageId";

	private static final Bson TOKEN_DOCUMENT = Projections.include(PROCESSOR, SEGMENT, TOKEN, TOKEN_TYPE,
			TOKEN_REVISION, OWNER, TIMESTAMP, VERSION);

	private final MongoCollection<Document> tokens;

	private final MongoCollection<Document> processors;

	/** {@link #tokens} with write concern {@code j: false}, or null when not enabled. */
	private final MongoCollection<Document> unjournaledTokens;

	/**
	 * The position this node last stored or read for a segment it claimed, by token
	 * {@code _id}: a store past it is a forward move.
	 */
	private final java.util.concurrent.ConcurrentMap<String, Long> positionsHeld = new java.util.concurrent.ConcurrentHashMap<>();

	private final Serializer serializer;

	private final Duration claimTimeout;

	private final String nodeId;

	private final Clock clock;

	protected MongoTokenStore(Builder builder) {
		builder.validate();
		this.tokens = builder.database.getCollection(builder.collectionPrefix + "tokens");
		this.processors = builder.database.getCollection(builder.collectionPrefix + "token_processors");
		this.unjournaledTokens = builder.unjournaledForwardMoves
				? this.tokens.withWriteConcern(this.tokens.getWriteConcern().withJournal(false)) : null;
		this.serializer = builder.serializer;
		this.claimTimeout = builder.claimTimeout;
		this.nodeId = builder.nodeId;
		this.clock = builder.clock;
	}

	/**
	 * A builder; {@code database} and {@code serializer} are required. Defaults: claim
	 * timeout 10 s, node id from the JVM's runtime name, system UTC clock, no collection
	 * prefix.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** This store's node id, the owner it writes into the claims it takes. */
	public String nodeId() {
		return this.nodeId;
	}

	@Override
	public void initializeTokenSegments(String processorName, int segmentCount) {
		initializeTokenSegments(processorName, segmentCount, null);
	}

	@Override
	public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
		List<Integer> segments = new ArrayList<>();
		for (int segment = 0; segment < segmentCount; segment++) {
			segments.add(segment);
		}
		Document registry = new Document(StoreLayout.ID, processorName).append(SEGMENTS, segments);
		writeToken(registry, INITIAL, initialToken);
		try {
			this.processors.insertOne(registry);
		}
		catch (MongoException ex) {
			if (MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				throw new UnableToClaimTokenException(
						"Could not initialize segments. Some segments were already present for " + processorName, ex);
			}
			throw ex;
		}
		for (int segment : segments) {
			Document token = newTokenDocument(processorName, segment, initialToken);
			this.tokens.replaceOne(Filters.eq(StoreLayout.ID, token.get(StoreLayout.ID)), token,
					new ReplaceOptions().upsert(true));
		}
	}

	@Override
	public void initializeSegment(TrackingToken token, String processorName, int segment) {
		if (listedSegments(processorName).contains(segment)) {
			throw new UnableToInitializeTokenException(
					"Segment " + segment + " of " + processorName + " is already present");
		}
		Document document = newTokenDocument(processorName, segment, token);
		try {
			this.tokens.insertOne(document);
		}
		catch (MongoException ex) {
			if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				throw ex;
			}
			// A document of an unlisted segment is a leftover of an interrupted merge or
			// split: take it over.
			Document orphan = findToken(processorName, segment);
			if (orphan == null || listedSegments(processorName).contains(segment)
					|| this.tokens.replaceOne(versioned(orphan), document).getMatchedCount() == 0) {
				throw new UnableToInitializeTokenException(
						"Segment " + segment + " of " + processorName + " was initialized concurrently", ex);
			}
		}
		this.processors.updateOne(Filters.eq(StoreLayout.ID, processorName), Updates.addToSet(SEGMENTS, segment),
				new UpdateOptions().upsert(true));
	}

	@Override
	public boolean requiresExplicitSegmentInitialization() {
		return true;
	}

	/**
	 * Stores the token of a segment this node holds the claim of, claiming it first if it
	 * may. A processor stores its token after every batch, on the segment it holds: that
	 * usual case is one update conditional on the owner (the claim's test and the write
	 * in one step, as the compare-and-set below makes them), not a read followed by a
	 * compare-and-set; a token held by no one, by another node or missing takes the full
	 * path.
	 */
	@Override
	public void storeToken(TrackingToken token, String processorName, int segment) {
		Document changes = new Document();
		writeToken(changes, TOKEN, token);
		String id = tokenId(processorName, segment);
		OptionalLong position = (token != null) ? token.position() : OptionalLong.empty();
		Long held = this.positionsHeld.get(id);
		boolean forward = position.isPresent() && held != null && position.getAsLong() >= held;
		if (!updateAsOwner(forward ? lazily() : this.tokens, processorName, segment, changes)) {
			claim(processorName, segment, (current) -> changes);
		}
		hold(id, position);
	}

	@Override
	public TrackingToken fetchToken(String processorName, int segment) {
		Document claimed = claim(processorName, segment, (current) -> new Document());
		TrackingToken token = readToken(claimed, TOKEN);
		hold(tokenId(processorName, segment), (token != null) ? token.position() : OptionalLong.empty());
		return token;
	}

	/** Remembers the position stored for a segment this node holds, or forgets it. */
	private void hold(String id, OptionalLong position) {
		if (position.isPresent()) {
			this.positionsHeld.put(id, position.getAsLong());
		}
		else {
			this.positionsHeld.remove(id);
		}
	}

	/** The collection forward moves and claim extensions are written to. */
	private MongoCollection<Document> lazily() {
		return (this.unjournaledTokens != null) ? this.unjournaledTokens : this.tokens;
	}

	/**
	 * Refuses a segment that was split or merged since the caller computed it, as
	 * JdbcTokenStore does.
	 */
	@Override
	public TrackingToken fetchToken(String processorName, Segment segment) {
		Set<Integer> listed = listedSegments(processorName);
		Set<Integer> relatives = new HashSet<>(List.of(segment.splitSegmentId(), segment.mergeableSegmentId()));
		long present = relatives.stream().filter(listed::contains).count();
		if (present == 0) {
			throw new UnableToClaimTokenException(
					String.format("Unable to claim token '%s[%s]'. It has been merged with another segment",
							processorName, segment.getSegmentId()));
		}
		if (present >= 2) {
			throw new UnableToClaimTokenException(
					String.format("Unable to claim token '%s[%s]'. It has been split into two segments", processorName,
							segment.getSegmentId()));
		}
		return fetchToken(processorName, segment.getSegmentId());
	}

	/** Extends only a claim this node holds. */
	@Override
	public void extendClaim(String processorName, int segment) {
		if (updateAsOwner(lazily(), processorName, segment, new Document())) {
			return;
		}
		for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
			Document current = findToken(processorName, segment);
			if (current == null || !this.nodeId.equals(current.getString(OWNER))) {
				throw new UnableToClaimTokenException(
						String.format("Unable to extend the claim on token '%s[%s]'. It is not owned by %s",
								processorName, segment, this.nodeId));
			}
			if (compareAndSet(current, new Document(TIMESTAMP, this.clock.millis()))) {
				return;
			}
		}
		throw concurrentlyModified(processorName, segment);
	}

	@Override
	public void releaseClaim(String processorName, int segment) {
		this.positionsHeld.remove(tokenId(processorName, segment));
		for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
			Document current = findToken(processorName, segment);
			if (current == null || !this.nodeId.equals(current.getString(OWNER))) {
				return;
			}
			Document changes = new Document(OWNER, null).append(TIMESTAMP, this.clock.millis());
			if (compareAndSet(current, changes)) {
				return;
			}
		}
	}

	/**
	 * Deletes a segment this node holds the claim of (a merge); unlists it first so it is
	 * never recreated.
	 */
	@Override
	public void deleteToken(String processorName, int segment) {
		this.positionsHeld.remove(tokenId(processorName, segment));
		Document current = findToken(processorName, segment);
		if (current == null || !this.nodeId.equals(current.getString(OWNER))) {
			throw new UnableToClaimTokenException("Unable to claim token '" + processorName + "[" + segment
					+ "]'. It wasn't owned by " + this.nodeId);
		}
		Bson registry = Filters.eq(StoreLayout.ID, processorName);
		this.processors.updateOne(registry, Updates.pull(SEGMENTS, segment));
		if (this.tokens.deleteOne(versioned(current)).getDeletedCount() == 0) {
			this.processors.updateOne(registry, Updates.addToSet(SEGMENTS, segment));
			throw new UnableToClaimTokenException(
					"Unable to delete token '" + processorName + "[" + segment + "]'. It was changed concurrently");
		}
	}

	/**
	 * The lowest global position the processor's stored tokens have reached, read without
	 * claiming anything: what the nodes holding its segments, this one or others, have
	 * handled and stored. Empty when a segment's token has no position yet;
	 * {@link Long#MAX_VALUE} when the processor has no segments (nobody runs it).
	 */
	public OptionalLong storedPosition(String processorName) {
		int[] segments = fetchSegments(processorName);
		if (segments.length == 0) {
			return OptionalLong.of(Long.MAX_VALUE);
		}
		List<String> ids = new ArrayList<>();
		for (int segment : segments) {
			ids.add(tokenId(processorName, segment));
		}
		List<Document> documents = this.tokens.find(Filters.in(StoreLayout.ID, ids))
			.projection(TOKEN_DOCUMENT)
			.into(new ArrayList<>());
		if (documents.size() < segments.length) {
			return OptionalLong.empty();
		}
		long lowest = Long.MAX_VALUE;
		for (Document document : documents) {
			TrackingToken token = readToken(document, TOKEN);
			OptionalLong position = (token != null) ? token.position() : OptionalLong.empty();
			if (position.isEmpty()) {
				return OptionalLong.empty();
			}
			lowest = Math.min(lowest, position.getAsLong());
		}
		return OptionalLong.of(lowest);
	}

	@Override
	public int[] fetchSegments(String processorName) {
		return listedSegments(processorName).stream().mapToInt(Integer::intValue).sorted().toArray();
	}

	/**
	 * The segments this node could claim now: unclaimed, its own, or with an expired
	 * claim.
	 */
	@Override
	public List<Segment> fetchAvailableSegments(String processorName) {
		int[] all = fetchSegments(processorName);
		List<String> ids = new ArrayList<>();
		for (int segment : all) {
			ids.add(tokenId(processorName, segment));
		}
		Map<String, Document> documents = new TreeMap<>();
		if (!ids.isEmpty()) {
			this.tokens.find(Filters.in(StoreLayout.ID, ids))
				.projection(TOKEN_DOCUMENT)
				.forEach((document) -> documents.put(document.getString(StoreLayout.ID), document));
		}
		long now = this.clock.millis();
		List<Segment> available = new ArrayList<>();
		for (int segment : all) {
			Document document = documents.get(tokenId(processorName, segment));
			if (document == null || mayClaim(document, now)) {
				available.add(Segment.computeSegment(segment, all));
			}
		}
		return available;
	}

	@Override
	public Optional<String> retrieveStorageIdentifier() {
		try {
			Document config = this.tokens.find(Filters.eq(StoreLayout.ID, CONFIG_ID)).first();
			if (config == null) {
				try {
					this.tokens.insertOne(
							new Document(StoreLayout.ID, CONFIG_ID).append(STORAGE_ID, UUID.randomUUID().toString()));
				}
				catch (MongoException ex) {
					if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
						throw ex;
					}
				}
				config = this.tokens.find(Filters.eq(StoreLayout.ID, CONFIG_ID)).first();
			}
			return Optional.of(config.getString(STORAGE_ID));
		}
		catch (MongoException ex) {
			throw new UnableToRetrieveIdentifierException("Could not read or create the storage identifier", ex);
		}
	}

	/**
	 * Claims the segment (or keeps this node's claim) and applies the changes, in one
	 * compare-and-set; returns the document as it was before the changes.
	 */
	private Document claim(String processorName, int segment, Function<Document, Document> changes) {
		for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
			Document current = findToken(processorName, segment);
			if (current == null) {
				recreateListedSegment(processorName, segment);
				continue;
			}
			long now = this.clock.millis();
			if (!mayClaim(current, now)) {
				throw new UnableToClaimTokenException(
						String.format("Unable to claim token '%s[%s]'. It is owned by '%s'", processorName, segment,
								current.getString(OWNER)));
			}
			Document update = changes.apply(current).append(OWNER, this.nodeId).append(TIMESTAMP, now);
			if (compareAndSet(current, update)) {
				return current;
			}
		}
		throw concurrentlyModified(processorName, segment);
	}

	private void recreateListedSegment(String processorName, int segment) {
		Document registry = findRegistry(processorName);
		if (registry == null || !segmentsOf(registry).contains(segment)) {
			throw new UnableToClaimTokenException(String
				.format("Unable to claim token '%s[%s]'. It has not been initialized yet", processorName, segment));
		}
		try {
			this.tokens.insertOne(newTokenDocument(processorName, segment, readToken(registry, INITIAL)));
		}
		catch (MongoException ex) {
			if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				throw ex;
			}
		}
	}

	private boolean mayClaim(Document document, long now) {
		String owner = document.getString(OWNER);
		return owner == null || owner.equals(this.nodeId)
				|| StoreLayout.number(document, TIMESTAMP) + this.claimTimeout.toMillis() <= now;
	}

	/**
	 * Applies the changes and renews the claim's time if this node holds the claim, in
	 * one update; whether it did.
	 */
	private boolean updateAsOwner(MongoCollection<Document> collection, String processorName, int segment,
			Document changes) {
		Document update = new Document(changes).append(TIMESTAMP, this.clock.millis());
		return collection
			.updateOne(new Document(StoreLayout.ID, tokenId(processorName, segment)).append(OWNER, this.nodeId),
					Updates.combine(toSet(update), Updates.inc(VERSION, 1L)))
			.getModifiedCount() == 1;
	}

	private boolean compareAndSet(Document current, Document changes) {
		return this.tokens.updateOne(versioned(current), Updates.combine(toSet(changes), Updates.inc(VERSION, 1L)))
			.getModifiedCount() == 1;
	}

	private static Bson toSet(Document changes) {
		List<Bson> sets = new ArrayList<>();
		changes.forEach((field, value) -> sets.add(Updates.set(field, value)));
		return Updates.combine(sets);
	}

	private static Bson versioned(Document current) {
		return new Document(StoreLayout.ID, current.get(StoreLayout.ID)).append(VERSION, current.get(VERSION));
	}

	private Document newTokenDocument(String processorName, int segment, TrackingToken token) {
		Document document = new Document(StoreLayout.ID, tokenId(processorName, segment))
			.append(PROCESSOR, processorName)
			.append(SEGMENT, segment);
		writeToken(document, TOKEN, token);
		return document.append(OWNER, null).append(TIMESTAMP, this.clock.millis()).append(VERSION, 0L);
	}

	private void writeToken(Document document, String field, TrackingToken token) {
		if (token == null) {
			document.append(field, null).append(field + "Type", null).append(field + "Revision", null);
			return;
		}
		SerializedObject<String> serialized = this.serializer.serialize(token, String.class);
		document.append(field, serialized.getData())
			.append(field + "Type", serialized.getType().getName())
			.append(field + "Revision", serialized.getType().getRevision());
	}

	private TrackingToken readToken(Document document, String field) {
		String data = document.getString(field);
		if (data == null) {
			return null;
		}
		return this.serializer.deserialize(new SimpleSerializedObject<>(data, String.class,
				document.getString(field + "Type"), document.getString(field + "Revision")));
	}

	private Set<Integer> listedSegments(String processorName) {
		Document registry = findRegistry(processorName);
		return (registry != null) ? segmentsOf(registry) : Set.of();
	}

	private static Set<Integer> segmentsOf(Document registry) {
		Collection<?> segments = registry.getList(SEGMENTS, Object.class, List.of());
		Set<Integer> result = new HashSet<>();
		for (Object segment : segments) {
			result.add(((Number) segment).intValue());
		}
		return result;
	}

	/**
	 * Reads name their fields: the embedded server then copies the document inside its
	 * collection lock instead of encoding its live document after the lock, where a
	 * concurrent compare-and-set could be seen half applied.
	 */
	private Document findToken(String processorName, int segment) {
		return this.tokens.find(byId(processorName, segment)).projection(TOKEN_DOCUMENT).first();
	}

	private Document findRegistry(String processorName) {
		return this.processors.find(Filters.eq(StoreLayout.ID, processorName))
			.projection(Projections.include(SEGMENTS, INITIAL, INITIAL + "Type", INITIAL + "Revision"))
			.first();
	}

	private static Bson byId(String processorName, int segment) {
		return Filters.eq(StoreLayout.ID, tokenId(processorName, segment));
	}

	private static String tokenId(String processorName, int segment) {
		return processorName + "/" + segment;
	}

	private static UnableToClaimTokenException concurrentlyModified(String processorName, int segment) {
		return new UnableToClaimTokenException(String
			.format("Unable to claim token '%s[%s]'. It kept being changed concurrently", processorName, segment));
	}

	/** Builder of {@link MongoTokenStore}. */
	public static class Builder {

		private MongoDatabase database;

		private String collectionPrefix = "";

		private Serializer serializer;

		private Duration claimTimeout = Duration.ofSeconds(10);

		private String nodeId = ManagementFactory.getRuntimeMXBean().getName();

		private Clock clock = Clock.systemUTC();

		private boolean unjournaledForwardMoves;

		protected Builder() {
		}

		/**
		 * Whether a token moved forward and a claim's extension may be written with write
		 * concern {@code j: false} (see the class comment); off by default. The embedded
		 * H2 store then answers them before its commit, which the next write makes.
		 */
		public Builder unjournaledForwardMoves(boolean unjournaledForwardMoves) {
			this.unjournaledForwardMoves = unjournaledForwardMoves;
			return this;
		}

		/** Required. */
		public Builder database(MongoDatabase database) {
			this.database = database;
			return this;
		}

		public Builder collectionPrefix(String collectionPrefix) {
			this.collectionPrefix = (collectionPrefix != null) ? collectionPrefix : "";
			return this;
		}

		/** Serializer of the tokens, required (e.g. JacksonSerializer). */
		public Builder serializer(Serializer serializer) {
			this.serializer = serializer;
			return this;
		}

		/**
		 * How old another node's claim must be before this node may take the segment
		 * over. Default 10 s.
		 */
		public Builder claimTimeout(Duration claimTimeout) {
			this.claimTimeout = claimTimeout;
			return this;
		}

		/**
		 * The owner written into claims; unique per node. Default: the JVM's runtime name
		 * (pid@host).
		 */
		public Builder nodeId(String nodeId) {
			this.nodeId = nodeId;
			return this;
		}

		/** Time source of claim timestamps. */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		protected void validate() {
			if (this.database == null || this.serializer == null) {
				throw new AxonConfigurationException("A MongoDatabase and a Serializer are required");
			}
			if (this.claimTimeout == null || this.claimTimeout.isNegative() || this.nodeId == null
					|| this.nodeId.isBlank() || this.clock == null) {
				throw new AxonConfigurationException("Claim timeout, node id and clock must be set");
			}
		}

		public MongoTokenStore build() {
			return new MongoTokenStore(this);
		}

	}

}
