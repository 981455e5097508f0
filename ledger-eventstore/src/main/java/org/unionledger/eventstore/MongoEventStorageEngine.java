package org.unionledger.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.SortedSet;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

/**
 * Axon event storage engine on MongoDB in which every read and every write is keyed by
 * {@code _id}: no query needs a secondary index, a range or a sort, so it costs the same
 * on a real MongoDB and on the embedded mongo-java-server, which answers only pure
 * {@code _id} equality and {@code _id $in} filters without scanning.
 *
 * <h2>Collections</h2> (each name prefixed with the configured prefix)
 * <ul>
 * <li>{@code counters}: {@code {_id: "global", value}}, the highest allocated global
 * position; a commit of {@code n} events takes {@code n} positions with one {@code $inc}.
 * With authenticators also {@code {_id: "authenticators", since, upgradedThrough,
 * upgradedAt, mac}}, the store's authenticator record, signed.</li>
 * <li>{@code events}: one document per commit, {@code _id} = its first global position (a
 * long, from 1): {@code {n, aggregateId, type, firstSeq, lastSeq, state, writtenAt,
 * eventIds, events}} with state {@code pending}, {@code committed} or {@code aborted} and
 * events {@code [{eventId, payloadType, payloadRevision, payload, metadata, timestamp,
 * seq}]} (payload and metadata are the serializer's JSON strings). A commit covers
 * positions {@code _id .. _id+n-1}. A tombstone {@code {_id, n: 1, state: aborted,
 * burned: true}} fills a position that was allocated but never written; an aborted commit
 * keeps {@code n} and drops {@code events} and {@code eventIds}. With authenticators a
 * commit also holds {@code prev} and {@code mac} (see below).</li>
 * <li>{@code streams}: one document per committed aggregate commit, {@code _id} =
 * {@code aggregateId + ":" +
 * firstSeq}, holding {@code global} (the commit's position), {@code lastSeq} and the same
 * events. Its insert is the commit point.</li>
 * <li>{@code snapshots}: {@code _id} = aggregate identifier, the latest snapshot
 * only.</li>
 * </ul>
 * One secondary index, unique and sparse on the top-level array {@code eventIds} of
 * {@code events}, keeps event identifiers unique as Axon's JPA and JDBC engines do
 * (Axon's contract tests require it); the embedded server does not enforce a sparse
 * unique index on a path through an array ({@code events.eventId}), hence the separate
 * array. {@link #ensureIndexes()} creates it and the counter document.
 *
 * <h2>Append</h2> Events of one {@code appendEvents} call are grouped per aggregate (in
 * order of first appearance), each group split into runs of consecutive sequence numbers;
 * events without aggregate form one more group, written as committed at once. Each run is
 * one commit: allocate positions, insert the pending {@code events} document, insert the
 * {@code streams} document (the commit point: a duplicate key held by another commit is
 * an optimistic-concurrency conflict, reported as Axon's {@code ConcurrencyException} or
 * {@code AggregateStreamCreationException} through the
 * {@link PersistenceExceptionResolver}, and the events document is marked aborted), mark
 * the events document committed. A commit is all-or-nothing; a call that spans several
 * aggregates is atomic per aggregate, not as a whole. A writer whose positions were
 * burned takes new ones (up to 5 times) instead of failing. Commits that threads hand in
 * while another is being written are written together as one group, with one round trip
 * per step for the whole group, each keeping its own outcome ({@link CommitWriter}).
 *
 * <h2>Authenticators</h2> Built with {@link Builder#authenticator(CommitAuthenticator)}
 * (the ledger always is, with the key derived from its seal key), the engine writes into
 * each commit's {@code events} document and {@code streams} copy an HMAC-SHA256 over the
 * commit's global position, aggregate, type, sequence numbers, every event's identifier,
 * payload type, revision, payload, metadata, timestamp and sequence number, and
 * {@code prev}, the authenticator of the same aggregate's previous commit: a chain per
 * aggregate stream, because nodes reserve global positions concurrently and no writer
 * knows the commit before its own in global order (see {@link CommitAuthenticator}). It
 * costs no round trip: the writer knows {@code prev} from loading the aggregate (an
 * engine that did not load it reads it once). Every reader checks what it serves: the
 * tracking reader each commit (and each commit before helping it), aggregate loads and
 * write batches each stream copy and the chain links between the copies they read, reads
 * by position each commit. A commit that fails raises the {@link IntegrityAlarm} and is
 * refused with {@link CommitAuthenticationException}: the tracking reader delivers what
 * lies before it and then throws at it, so a processor stops there; an aggregate load
 * fails. On a store that holds commits but no authenticator record, or one signed with
 * another key, the constructor refuses ({@link StoreNotUpgradedException}; run the
 * one-off {@link AuthenticatorUpgrade}); a store without commits gets its record. Every
 * commit must carry an authenticator: there is no boundary below which commits without
 * one are accepted.
 *
 * <h2>Tracking</h2> Readers deliver in strict position order and never skip a position
 * they have not resolved. A pending commit is resolved through its streams document;
 * after the grace period (measured from the document's {@code writtenAt} or from when
 * this engine first saw it unresolved) a reader inserts that streams document itself and
 * whoever inserts first decides. A position with no document after the grace period
 * (measured from when this engine first saw it missing below the counter) is burned with
 * a tombstone; burning a run of positions is one ordered insert that stops at the first
 * position written meanwhile. So every reader sees the same total order and no late
 * commit is lost. Tokens are {@link GlobalSequenceTrackingToken}s of the last delivered
 * position; a token may point inside a multi-event commit, which a reader finds by
 * looking back a few positions. A blocking stream ({@code mayBlock}) waits at an
 * unresolved position, polling, for at most twice the grace period plus a second; at the
 * head it ends, and Axon's {@code EmbeddedEventStore} polls again.
 *
 * <h2>Costs</h2> Append: 4 round trips per commit, or per group of commits (plus, with
 * authenticators, one look-up of the aggregate's previous commit when this engine did not
 * load the aggregate itself); one HMAC per commit written and per commit read. Aggregate
 * load: a snapshot read (only once snapshots exist, see {@link #readSnapshotData}), and
 * one {@code _id $in} per window of 16, 32 … 512 sequence numbers, plus a bounds-only
 * look-back when the first sequence number is not a commit's first (e.g. right after a
 * snapshot when no event followed it). Tracking: one {@code _id $in} per batch of
 * positions, plus look-ups of pending commits' streams documents and of the counter when
 * a position is missing. {@link #createTokenAt(Instant)} is a binary search over
 * positions, about {@code log2(head)} look-ups of a window of 64 positions; it is exact
 * when commits' timestamps grow with their positions, otherwise it returns a position
 * just before the first commit (as found by the search) holding an event at or after the
 * instant.
 *
 * <h2>Embedded server</h2> mongo-java-server 1.47 encodes query results and
 * {@code findAndModify} "after" documents from its live documents after releasing its
 * collection lock. This engine therefore allocates positions from the counter's value
 * <em>before</em> the increment (a copy) and names the fields of every read of a document
 * that can change (a projection is copied inside the lock).
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

	private final java.util.concurrent.atomic.AtomicLong lastCommitted = new java.util.concurrent.atomic.AtomicLong();

	private static final int TOKEN_AT_WINDOW = 64;

	/** How the integrity alarm names reads by position. */
	private static final String READ_BY_POSITION = "read by position";

	/** Most keys of one {@code _id $in} read of a batch's streams. */
	static final int BATCH_READ_KEYS = 256;

	private final StoreLayout layout;

	private final CommitWriter writer;

	private final GlobalStreamReader globalReader;

	private final CommitGuard guard;

	/**
	 * Whether the snapshots collection may hold a document: it did when this engine was
	 * built, or this engine has stored one since. While it holds none, loading an
	 * aggregate skips the snapshot read (one round trip of every command). A snapshot
	 * another engine stores later is not seen until this one is rebuilt; it then loads
	 * the aggregate from its whole stream, which is slower but just as correct (a
	 * snapshot only summarises the events before it, which are never removed).
	 */
	private volatile boolean snapshotsMayExist;

	/** The batch open on each thread, if any (see {@link #openBatch(Collection)}). */
	private final ThreadLocal<WriteBatch> batches = new ThreadLocal<>();

	protected MongoEventStorageEngine(Builder builder) {
		super(builder);
		this.layout = new StoreLayout(builder.database, builder.collectionPrefix);
		this.guard = new CommitGuard(builder.authenticator,
				(builder.alarm != null) ? builder.alarm : new IntegrityAlarm(builder.clock));
		this.writer = new CommitWriter(this.layout, builder.clock, builder.authenticator);
		this.globalReader = new GlobalStreamReader(this.layout, this.writer, this.guard, builder.clock,
				builder.gracePeriod, builder.pollInterval);
		if (builder.createIndexes) {
			ensureIndexes();
		}
		checkAuthenticatorRecord(builder.createIndexes, builder.clock);
		this.snapshotsMayExist = this.layout.snapshots.find()
			.projection(Projections.include(StoreLayout.ID))
			.first() != null;
	}

	/**
	 * With an authenticator: a store without commits gets the authenticator record (when
	 * this engine may create indexes); a store with commits must hold a record signed
	 * with this key, else it predates authenticators (run the one-off
	 * {@link AuthenticatorUpgrade}) or belongs to another key.
	 */
	private void checkAuthenticatorRecord(boolean mayCreate, Clock clock) {
		if (!this.guard.enabled()) {
			return;
		}
		Document record = authenticatorRecord();
		if (record == null && this.writer.head() == 0) {
			if (mayCreate) {
				try {
					this.layout.counters.insertOne(this.guard.authenticator.newRecord(1, 0, clock.millis()));
				}
				catch (MongoException ex) {
					if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
						throw ex;
					}
				}
			}
			return;
		}
		if (record == null) {
			// Another node may have created the record and written since.
			record = authenticatorRecord();
		}
		if (record == null) {
			throw new StoreNotUpgradedException(this.writer.head());
		}
		if (!this.guard.authenticator.checkRecord(record)) {
			throw new AxonConfigurationException("The event store's commits are authenticated under another key "
					+ "than the one configured (ledger.keys.seal), or its authenticator record was altered");
		}
	}

	private Document authenticatorRecord() {
		return this.layout.counters.find(Filters.eq(StoreLayout.ID, StoreLayout.AUTHENTICATORS)).first();
	}

	/**
	 * The tamper alarm this engine's readers raise when a commit fails its authenticator.
	 */
	public IntegrityAlarm integrityAlarm() {
		return this.guard.alarm;
	}

	/** Whether this engine writes and checks commit authenticators. */
	public boolean authenticates() {
		return this.guard.enabled();
	}

	CommitGuard guard() {
		return this.guard;
	}

	/**
	 * A builder with these defaults: Jackson serializers, batch size 100, collection
	 * prefix "", grace period 500 ms, poll interval 5 ms, system UTC clock,
	 * {@link MongoDuplicateKeyResolver}, indexes created at construction.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Creates the counter document and the unique event-identifier index if missing;
	 * idempotent.
	 */
	public void ensureIndexes() {
		this.layout.ensureIndexes();
	}

	/**
	 * Creates the counter document and the unique event-identifier index for the
	 * collections with this prefix, without building an engine (e.g. from a deployment
	 * script); idempotent.
	 */
	public static void ensureIndexes(MongoDatabase database, String collectionPrefix) {
		new StoreLayout(database, (collectionPrefix != null) ? collectionPrefix : "").ensureIndexes();
	}

	/**
	 * The highest global position allocated so far (0 when none): an upper bound of every
	 * event's position.
	 */
	public long headPosition() {
		return this.writer.head();
	}

	/**
	 * The global position of the last event this engine instance committed, or 0 when it
	 * has committed none: what a node's own read models must reach for it to read its own
	 * writes.
	 */
	public long lastCommittedPosition() {
		return this.lastCommitted.get();
	}

	/**
	 * The committed events at the given global positions, in position order, e.g. to list
	 * the events behind a figure that a read model remembered by position. Positions that
	 * hold no committed event (aborted, burned, not yet written or beyond the head) are
	 * left out. Cost: one {@code _id $in} of the positions, plus one look-back
	 * {@code _id $in} of up to 16 positions below each position that lies inside a
	 * multi-event commit.
	 */
	public List<TrackedEventMessage<?>> readCommittedEvents(Collection<Long> positions) {
		SortedSet<Long> wanted = new TreeSet<>();
		for (Long position : positions) {
			if (position != null && position >= 1) {
				wanted.add(position);
			}
		}
		if (wanted.isEmpty()) {
			return List.of();
		}
		TreeMap<Long, Document> commits = StoreLayout.byPosition(this.layout.events, new ArrayList<>(wanted), null);
		SortedSet<Long> lookBack = new TreeSet<>();
		for (long position : wanted) {
			if (!commits.containsKey(position)) {
				for (long p = Math.max(1, position - 15); p < position; p++) {
					lookBack.add(p);
				}
			}
		}
		if (!lookBack.isEmpty()) {
			commits.putAll(StoreLayout.byPosition(this.layout.events, new ArrayList<>(lookBack), null));
		}
		List<TrackedEventData<?>> found = new ArrayList<>();
		for (long position : wanted) {
			Map.Entry<Long, Document> commit = commits.floorEntry(position);
			if (commit == null || !StoreLayout.COMMITTED.equals(commit.getValue().getString(StoreLayout.STATE))) {
				continue;
			}
			List<Document> entries = StoreLayout.events(commit.getValue());
			int index = (int) (position - commit.getKey());
			this.guard.checkEventsDocument(commit.getValue(), READ_BY_POSITION);
			if (index >= entries.size()) {
				continue;
			}
			String aggregateIdentifier = commit.getValue().getString(StoreLayout.AGGREGATE_ID);
			GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(position);
			found.add((aggregateIdentifier != null)
					? new StoredEvent.TrackedDomain(entries.get(index), aggregateIdentifier,
							commit.getValue().getString(StoreLayout.TYPE), token)
					: new StoredEvent.Tracked(entries.get(index), token));
		}
		return EventUtils.upcastAndDeserializeTrackedEvents(found.stream(), getEventSerializer(), this.upcasterChain)
			.toList();
	}

	/**
	 * The committed events of the commits whose first position lies in {@code from..to},
	 * in position order, with the position after the last commit read: a reader that goes
	 * on from it reads every commit once. Pending, aborted and burned positions are
	 * passed over and nothing is written (unlike the tracking readers, which complete or
	 * burn what they find unresolved), so this is the read of an audit that must not
	 * touch the store. Cost: one {@code _id $in} of the range.
	 */
	public CommittedRange readCommittedRange(long from, long to) {
		long first = Math.max(1, from);
		if (to < first) {
			return new CommittedRange(List.of(), first, 0);
		}
		TreeMap<Long, Document> commits = StoreLayout.byPosition(this.layout.events,
				StoreLayout.range(first, to - first + 1), null);
		List<TrackedEventData<?>> found = new ArrayList<>();
		long next = first;
		for (Map.Entry<Long, Document> commit : commits.entrySet()) {
			Document document = commit.getValue();
			long position = commit.getKey();
			next = Math.max(next, position + Math.max(1, StoreLayout.number(document, StoreLayout.N)));
			if (!StoreLayout.COMMITTED.equals(document.getString(StoreLayout.STATE))) {
				continue;
			}
			this.guard.checkEventsDocument(document, READ_BY_POSITION);
			String aggregateIdentifier = document.getString(StoreLayout.AGGREGATE_ID);
			List<Document> entries = StoreLayout.events(document);
			for (int i = 0; i < entries.size(); i++) {
				GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(position + i);
				found.add((aggregateIdentifier != null)
						? new StoredEvent.TrackedDomain(entries.get(i), aggregateIdentifier,
								document.getString(StoreLayout.TYPE), token)
						: new StoredEvent.Tracked(entries.get(i), token));
			}
		}
		next = Math.max(next, to + 1);
		List<TrackedEventMessage<?>> events = EventUtils
			.upcastAndDeserializeTrackedEvents(found.stream(), getEventSerializer(), this.upcasterChain)
			.toList();
		return new CommittedRange(events, next, commits.size());
	}

	/**
	 * What {@link #readCommittedRange(long, long)} read.
	 *
	 * @param events the committed events, in position order
	 * @param nextPosition where the next range starts: after the range, or after the last
	 * commit that reaches beyond it
	 * @param commitDocuments commit documents found (committed, aborted, burned or
	 * pending)
	 */
	public record CommittedRange(List<TrackedEventMessage<?>> events, long nextPosition, int commitDocuments) {
	}

	/**
	 * Opens a {@link WriteBatch} on the current thread: reads the whole streams of these
	 * aggregates together (one {@code _id $in} of their first commits' keys, at most
	 * {@value #BATCH_READ_KEYS} keys a read, then one more per further commit of the
	 * longest stream), so that loading any of them costs no round trip, and writes the
	 * commits of each {@code appendEvents} on this thread together until the batch is
	 * closed.
	 * @throws IllegalStateException when a batch is already open on this thread
	 */
	public WriteBatch openBatch(Collection<String> aggregateIdentifiers) {
		WriteBatch open = this.batches.get();
		if (open != null && open.isOpenOn(Thread.currentThread())) {
			throw new IllegalStateException("a write batch is already open on this thread");
		}
		WriteBatch batch = new WriteBatch(this);
		Map<String, List<Document>> commits = new LinkedHashMap<>();
		Map<String, Long> next = new LinkedHashMap<>();
		for (String aggregateIdentifier : aggregateIdentifiers) {
			commits.put(aggregateIdentifier, new ArrayList<>());
			next.put(aggregateIdentifier, 0L);
		}
		Map<String, Document> lastOf = new java.util.HashMap<>();
		while (!next.isEmpty()) {
			List<String> keys = new ArrayList<>(next.size());
			next.forEach(
					(aggregateIdentifier, sequence) -> keys.add(StoreLayout.streamKey(aggregateIdentifier, sequence)));
			next = new LinkedHashMap<>();
			for (int from = 0; from < keys.size(); from += BATCH_READ_KEYS) {
				List<String> window = keys.subList(from, Math.min(keys.size(), from + BATCH_READ_KEYS));
				for (Document commit : StoreLayout.byKey(this.layout.streams, window, null).values()) {
					String aggregateIdentifier = commit.getString(StoreLayout.AGGREGATE_ID);
					this.guard.checkStreamDocument(commit, lastOf.get(aggregateIdentifier), WriteBatch.SOURCE);
					lastOf.put(aggregateIdentifier, commit);
					commits.get(aggregateIdentifier).add(commit);
					next.put(aggregateIdentifier, StoreLayout.number(commit, StoreLayout.LAST_SEQ) + 1);
				}
			}
		}
		commits.forEach(batch::holdCommits);
		this.batches.set(batch);
		return batch;
	}

	void closeBatch(WriteBatch batch) {
		if (this.batches.get() == batch) {
			this.batches.remove();
		}
	}

	private WriteBatch currentBatch() {
		WriteBatch batch = this.batches.get();
		return (batch != null && batch.isOpenOn(Thread.currentThread())) ? batch : null;
	}

	/**
	 * The stream held by the current thread's batch, read whole and held first if it is
	 * not held yet; {@code null} when no batch is open.
	 */
	private List<DomainEventData<?>> batchStream(String aggregateIdentifier, long firstSequenceNumber) {
		WriteBatch batch = currentBatch();
		if (batch == null) {
			return null;
		}
		List<DomainEventData<?>> events = batch.stream(aggregateIdentifier);
		if (events == null) {
			events = new ArrayList<>(new AggregateStreamReader(this.layout, this.guard, aggregateIdentifier, 0, false)
				.fetch(Integer.MAX_VALUE));
			batch.hold(aggregateIdentifier, events);
		}
		if (firstSequenceNumber <= 0) {
			return events;
		}
		return events.stream().filter((event) -> event.getSequenceNumber() >= firstSequenceNumber).toList();
	}

	/**
	 * Counters for tests and diagnostics: helped commits, burned positions, writers moved
	 * to new positions.
	 */
	long[] recoveryCounts() {
		return new long[] { this.globalReader.helpedCommits(), this.globalReader.burnedPositions(),
				this.writer.repositionedCommits() };
	}

	/**
	 * Group commits of this engine so far: groups of more than one commit written, and
	 * the commits in them (see {@link CommitWriter}).
	 */
	public long[] groupCommits() {
		return this.writer.groupStatistics();
	}

	/** The storage layout, for tests that simulate crashed writers. */
	StoreLayout layout() {
		return this.layout;
	}

	CommitWriter writer() {
		return this.writer;
	}

	@Override
	protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
		WriteBatch batch = currentBatch();
		if (batch != null) {
			appendTogether(events, serializer, batch);
			return;
		}
		for (List<? extends EventMessage<?>> run : commitRuns(events)) {
			PreparedCommit commit = PreparedCommit.of(run, serializer);
			try {
				linkToPrevious(commit);
				long first = this.writer.write(commit);
				this.lastCommitted.accumulateAndGet(first + commit.size() - 1, Math::max);
				this.guard.remember(commit.aggregateIdentifier, commit.lastSequenceNumber, commit.mac);
			}
			catch (CommitWriter.CommitConflict conflict) {
				handlePersistenceException(conflict.mongoCause(), conflict.failedEvent);
			}
			catch (MongoException ex) {
				handlePersistenceException(ex, commit.firstEvent);
			}
		}
	}

	/**
	 * Writes every commit of the call together; a conflict is recorded in the batch, any
	 * other failure is thrown once every commit has its outcome.
	 */
	private void appendTogether(List<? extends EventMessage<?>> events, Serializer serializer, WriteBatch batch) {
		List<PreparedCommit> commits = new ArrayList<>();
		for (List<? extends EventMessage<?>> run : commitRuns(events)) {
			PreparedCommit commit = PreparedCommit.of(run, serializer);
			linkToPrevious(commit);
			commits.add(commit);
		}
		List<CommitWriter.Outcome> outcomes = this.writer.writeAll(commits);
		RuntimeException failure = null;
		EventMessage<?> failedEvent = null;
		for (int i = 0; i < commits.size(); i++) {
			PreparedCommit commit = commits.get(i);
			CommitWriter.Outcome outcome = outcomes.get(i);
			if (outcome.failure() == null) {
				this.lastCommitted.accumulateAndGet(outcome.position() + commit.size() - 1, Math::max);
				this.guard.remember(commit.aggregateIdentifier, commit.lastSequenceNumber, commit.mac);
				if (commit.isDomain()) {
					batch.appended(commit.aggregateIdentifier);
				}
			}
			else if (outcome.failure() instanceof CommitWriter.CommitConflict && commit.isDomain()) {
				batch.lost(commit.aggregateIdentifier);
			}
			else if (failure == null) {
				failure = outcome.failure();
				failedEvent = commit.firstEvent;
			}
		}
		if (failure instanceof CommitWriter.CommitConflict conflict) {
			handlePersistenceException(conflict.mongoCause(), conflict.failedEvent);
		}
		if (failure instanceof MongoException mongo) {
			handlePersistenceException(mongo, failedEvent);
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Sets the commit's {@code prev}: the authenticator of its aggregate's previous
	 * commit, known from loading the aggregate (no round trip), or read when this engine
	 * does not know it (e.g. the aggregate was loaded on another node).
	 */
	private void linkToPrevious(PreparedCommit commit) {
		if (!this.guard.enabled() || !commit.isDomain() || commit.firstSequenceNumber <= 0) {
			return;
		}
		String known = this.guard.knownPrevious(commit.aggregateIdentifier, commit.firstSequenceNumber);
		commit.previous = (known != null) ? known : AggregateStreamReader.previousMac(this.layout, this.guard,
				commit.aggregateIdentifier, commit.firstSequenceNumber);
	}

	/**
	 * Groups per aggregate in order of first appearance, split where sequence numbers are
	 * not consecutive.
	 */
	private static List<List<? extends EventMessage<?>>> commitRuns(List<? extends EventMessage<?>> events) {
		Map<String, List<EventMessage<?>>> groups = new LinkedHashMap<>();
		List<EventMessage<?>> withoutAggregate = new ArrayList<>();
		for (EventMessage<?> event : events) {
			if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
				groups.computeIfAbsent(domain.getAggregateIdentifier(), (id) -> new ArrayList<>()).add(event);
			}
			else {
				withoutAggregate.add(event);
			}
		}
		List<List<? extends EventMessage<?>>> runs = new ArrayList<>();
		for (List<EventMessage<?>> group : groups.values()) {
			List<EventMessage<?>> run = new ArrayList<>();
			long previous = Long.MIN_VALUE;
			for (EventMessage<?> event : group) {
				long sequenceNumber = ((DomainEventMessage<?>) event).getSequenceNumber();
				if (!run.isEmpty() && sequenceNumber != previous + 1) {
					runs.add(run);
					run = new ArrayList<>();
				}
				run.add(event);
				previous = sequenceNumber;
			}
			runs.add(run);
		}
		if (!withoutAggregate.isEmpty()) {
			runs.add(withoutAggregate);
		}
		return runs;
	}

	/**
	 * Replaces the stored snapshot only when this one has a higher sequence number. The
	 * check and the replacement are two {@code _id} operations, not one: two snapshotters
	 * racing may leave the older of their two snapshots, which is still a correct
	 * snapshot (a conditional replace would need a filter beyond {@code _id}, which the
	 * embedded server answers by scanning).
	 */
	@Override
	protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
		this.snapshotsMayExist = true;
		Document stored = this.layout.snapshots.find(Filters.eq(StoreLayout.ID, snapshot.getAggregateIdentifier()))
			.projection(new Document(StoreLayout.SEQ, 1))
			.first();
		if (stored != null && StoreLayout.number(stored, StoreLayout.SEQ) >= snapshot.getSequenceNumber()) {
			return;
		}
		Document document = StoredEvent.entry(snapshot.getIdentifier(),
				snapshot.serializePayload(serializer, String.class),
				snapshot.serializeMetaData(serializer, String.class), snapshot.getTimestamp(),
				snapshot.getSequenceNumber());
		document.append(StoreLayout.ID, snapshot.getAggregateIdentifier())
			.append(StoreLayout.AGGREGATE_ID, snapshot.getAggregateIdentifier())
			.append(StoreLayout.TYPE, snapshot.getType());
		try {
			this.layout.snapshots.replaceOne(Filters.eq(StoreLayout.ID, snapshot.getAggregateIdentifier()), document,
					new ReplaceOptions().upsert(true));
		}
		catch (MongoException ex) {
			handlePersistenceException(ex, snapshot);
		}
	}

	@Override
	protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
		if (!this.snapshotsMayExist) {
			return Stream.empty();
		}
		Document snapshot = this.layout.snapshots.find(Filters.eq(StoreLayout.ID, aggregateIdentifier))
			.projection(Projections.include(StoreLayout.TYPE, StoreLayout.AGGREGATE_ID, StoreLayout.SEQ,
					StoreLayout.EVENT_ID, StoreLayout.PAYLOAD_TYPE, StoreLayout.PAYLOAD_REVISION, StoreLayout.PAYLOAD,
					StoreLayout.METADATA, StoreLayout.TIMESTAMP))
			.first();
		if (snapshot == null) {
			return Stream.empty();
		}
		return Stream.of(new StoredEvent.Domain(snapshot, aggregateIdentifier, snapshot.getString(StoreLayout.TYPE)));
	}

	@Override
	protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
		List<DomainEventData<?>> held = batchStream(identifier, firstSequenceNumber);
		if (held != null) {
			return held.stream();
		}
		AggregateStreamReader reader = new AggregateStreamReader(this.layout, this.guard, identifier,
				firstSequenceNumber, false);
		return lazily(reader::fetch);
	}

	@Override
	protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
			int batchSize) {
		List<DomainEventData<?>> held = batchStream(aggregateIdentifier, firstSequenceNumber);
		if (held != null) {
			return held;
		}
		return new AggregateStreamReader(this.layout, this.guard, aggregateIdentifier, firstSequenceNumber, false)
			.fetch(batchSize);
	}

	@Override
	protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
		GlobalStreamReader.Cursor cursor = this.globalReader.openAfter(positionOf(trackingToken));
		return lazily((batchSize) -> cursor.fetch(batchSize, mayBlock));
	}

	@Override
	protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
		return this.globalReader.openAfter(positionOf(lastToken)).fetch(batchSize, false);
	}

	/**
	 * Reads only commit bounds, never events, starting after the stored snapshot when
	 * there is one (any snapshot's sequence number is a lower bound of the last event's).
	 */
	@Override
	public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
		Document snapshot = this.layout.snapshots.find(Filters.eq(StoreLayout.ID, aggregateIdentifier))
			.projection(Projections.include(StoreLayout.SEQ))
			.first();
		long snapshotSequence = (snapshot != null) ? StoreLayout.number(snapshot, StoreLayout.SEQ) : -1;
		AggregateStreamReader reader = new AggregateStreamReader(this.layout, this.guard, aggregateIdentifier,
				snapshotSequence + 1, true);
		reader.fetch(Integer.MAX_VALUE);
		long last = Math.max(reader.lastSequenceNumber(), snapshotSequence);
		return (last >= 0) ? Optional.of(last) : Optional.empty();
	}

	/** Position 0: before the first event. */
	@Override
	public TrackingToken createTailToken() {
		return new GlobalSequenceTrackingToken(0);
	}

	/**
	 * The highest allocated position: a reader starting there sees only events committed
	 * at later positions.
	 */
	@Override
	public TrackingToken createHeadToken() {
		return new GlobalSequenceTrackingToken(headPosition());
	}

	@Override
	public TrackingToken createTokenAt(Instant dateTime) {
		long head = headPosition();
		long lo = 1;
		long hi = head + 1;
		while (lo < hi) {
			long mid = lo + (hi - lo) / 2;
			Document commit = firstCommitWithEvents(mid, hi);
			if (commit == null) {
				hi = mid;
			}
			else if (!latestTimestamp(commit).isBefore(dateTime)) {
				hi = StoreLayout.number(commit, StoreLayout.ID);
			}
			else {
				lo = StoreLayout.number(commit, StoreLayout.ID) + StoreLayout.number(commit, StoreLayout.N);
			}
		}
		Document commit;
		while ((commit = firstCommitWithEvents(lo, head + 1)) != null) {
			long start = StoreLayout.number(commit, StoreLayout.ID);
			List<Document> entries = StoreLayout.events(commit);
			for (int i = 0; i < entries.size(); i++) {
				if (!StoredEvent.timestampOf(entries.get(i)).isBefore(dateTime)) {
					return new GlobalSequenceTrackingToken(start + i - 1);
				}
			}
			lo = start + StoreLayout.number(commit, StoreLayout.N);
		}
		return new GlobalSequenceTrackingToken(head);
	}

	private Document firstCommitWithEvents(long from, long toExclusive) {
		for (long start = from; start < toExclusive; start += TOKEN_AT_WINDOW) {
			long count = Math.min(TOKEN_AT_WINDOW, toExclusive - start);
			TreeMap<Long, Document> documents = StoreLayout.byPosition(this.layout.events,
					StoreLayout.range(start, count), null);
			for (Document document : documents.values()) {
				if (!StoreLayout.events(document).isEmpty()) {
					return document;
				}
			}
		}
		return null;
	}

	private static Instant latestTimestamp(Document commit) {
		return StoreLayout.events(commit)
			.stream()
			.map(StoredEvent::timestampOf)
			.max(Instant::compareTo)
			.orElse(Instant.MIN);
	}

	private static long positionOf(TrackingToken token) {
		if (token == null) {
			return 0;
		}
		return token.position()
			.orElseThrow(() -> new IllegalArgumentException("Unsupported token without position: " + token));
	}

	/** A lazy stream over batches; the batch size is the engine's. */
	private <T> Stream<T> lazily(IntFunction<List<? extends T>> fetch) {
		int batchSize = batchSize();
		Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
				Spliterator.ORDERED | Spliterator.NONNULL) {

			private Iterator<? extends T> batch = List.<T>of().iterator();

			private boolean ended;

			@Override
			public boolean tryAdvance(Consumer<? super T> action) {
				if (!this.batch.hasNext()) {
					if (this.ended) {
						return false;
					}
					List<? extends T> next = fetch.apply(batchSize);
					if (next.isEmpty()) {
						this.ended = true;
						return false;
					}
					this.batch = next.iterator();
				}
				action.accept(this.batch.next());
				return true;
			}
		};
		return StreamSupport.stream(spliterator, false);
	}

	/**
	 * Builder of {@link MongoEventStorageEngine}; {@link #database(MongoDatabase)} is
	 * required.
	 */
	public static class Builder extends BatchingEventStorageEngine.Builder {

		private MongoDatabase database;

		private String collectionPrefix = "";

		private Duration gracePeriod = Duration.ofMillis(500);

		private Duration pollInterval = Duration.ofMillis(5);

		private Clock clock = Clock.systemUTC();

		private boolean createIndexes = true;

		private boolean eventSerializerSet;

		private boolean snapshotSerializerSet;

		private CommitAuthenticator authenticator;

		private IntegrityAlarm alarm;

		protected Builder() {
			persistenceExceptionResolver(new MongoDuplicateKeyResolver());
		}

		/** The database holding the collections. Required. */
		public Builder database(MongoDatabase database) {
			this.database = database;
			return this;
		}

		/** Prefix of the collection names, e.g. {@code "ledger_"}; default none. */
		public Builder collectionPrefix(String collectionPrefix) {
			this.collectionPrefix = (collectionPrefix != null) ? collectionPrefix : "";
			return this;
		}

		/**
		 * How long a reader waits for a pending commit or an allocated but missing
		 * position before it helps commit or burns it. Shorter means less stall after a
		 * writer died and more needless retries by slow writers.
		 */
		public Builder gracePeriod(Duration gracePeriod) {
			if (gracePeriod == null || gracePeriod.isNegative()) {
				throw new AxonConfigurationException("The grace period must be zero or positive");
			}
			this.gracePeriod = gracePeriod;
			return this;
		}

		/**
		 * How long a blocking reader sleeps between looks at an unresolved position.
		 * Default 5 ms.
		 */
		public Builder pollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
			return this;
		}

		/** Time source of the grace period and of write timestamps. */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Authenticates every commit written and checks every commit read (see
		 * {@link CommitAuthenticator}). Without it the engine writes and checks no
		 * authenticators: for tools and tests only; the ledger always sets it.
		 */
		public Builder authenticator(CommitAuthenticator authenticator) {
			this.authenticator = authenticator;
			return this;
		}

		/** The alarm raised when a commit fails its check; default a new one. */
		public Builder integrityAlarm(IntegrityAlarm alarm) {
			this.alarm = alarm;
			return this;
		}

		/**
		 * Whether the constructor creates the unique event-identifier index (default
		 * true).
		 */
		public Builder createIndexes(boolean createIndexes) {
			this.createIndexes = createIndexes;
			return this;
		}

		@Override
		public Builder snapshotSerializer(Serializer snapshotSerializer) {
			super.snapshotSerializer(snapshotSerializer);
			this.snapshotSerializerSet = true;
			return this;
		}

		@Override
		public Builder eventSerializer(Serializer eventSerializer) {
			super.eventSerializer(eventSerializer);
			this.eventSerializerSet = true;
			return this;
		}

		@Override
		public Builder upcasterChain(EventUpcaster upcasterChain) {
			super.upcasterChain(upcasterChain);
			return this;
		}

		@Override
		public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
			super.persistenceExceptionResolver(persistenceExceptionResolver);
			return this;
		}

		@Override
		public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
			super.snapshotFilter(snapshotFilter);
			return this;
		}

		@Override
		@Deprecated
		public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
			super.snapshotFilter(snapshotFilter);
			return this;
		}

		@Override
		public Builder batchSize(int batchSize) {
			super.batchSize(batchSize);
			return this;
		}

		@Override
		public Builder finalAggregateBatchPredicate(
				Predicate<List<? extends DomainEventData<?>>> finalAggregateBatchPredicate) {
			super.finalAggregateBatchPredicate(finalAggregateBatchPredicate);
			return this;
		}

		@Override
		protected void validate() throws AxonConfigurationException {
			if (this.database == null) {
				throw new AxonConfigurationException("A MongoDatabase is required");
			}
			if (this.clock == null || this.pollInterval == null) {
				throw new AxonConfigurationException("Clock and poll interval may not be null");
			}
			if (!this.eventSerializerSet || !this.snapshotSerializerSet) {
				// Axon would fall back to XStream, which is unsafe on Java 17.
				throw new AxonConfigurationException(
						"The event and snapshot serializers are required (e.g. JacksonSerializer)");
			}
			super.validate();
		}

		public MongoEventStorageEngine build() {
			return new MongoEventStorageEngine(this);
		}

	}

}
