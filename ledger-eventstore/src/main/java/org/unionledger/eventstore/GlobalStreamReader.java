package org.unionledger.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the global stream in strict position order and resolves every position before it
 * delivers anything after it. A position is resolved when its {@code events} document is
 * committed, aborted or a tombstone; a pending commit is resolved through its
 * {@code streams} document, and after the grace period by helping (inserting the streams
 * document itself); a position allocated but never written is burned with a tombstone
 * after the grace period.
 * <p>
 * Holds the per-engine memory of when each unresolved position was first seen, which is
 * what the grace period of a missing position is measured from (a missing position has no
 * document to carry a timestamp).
 * <p>
 * With an authenticator, every commit is checked before it is delivered and before a
 * reader helps it (copies it into {@code streams}): a commit that fails raises the
 * {@link IntegrityAlarm} and the read throws {@link CommitAuthenticationException} at it,
 * so nothing at or after it is delivered. The check is one HMAC per commit, in memory; no
 * extra read.
 */
final class GlobalStreamReader {

	private static final Logger logger = LoggerFactory.getLogger(GlobalStreamReader.class);

	private static final int MIN_WINDOW = 16;

	/**
	 * Most positions read in one {@code _id $in}, whatever batch size a caller asks for.
	 * The embedded server checks each document it finds against the whole {@code $in}
	 * list, so a read of k keys costs k² comparisons; 256 keys per read moved about twice
	 * as many documents per second as 1,000 on the memory backend (the same on H2).
	 * Axon's event store asks for the engine's batch size (100 by default), below this.
	 */
	static final int MAX_WINDOW = 256;

	private static final int FIRST_LOOKBACK = 16;

	private static final Bson SIZE_ONLY = Projections.include(StoreLayout.N);

	/** How the integrity alarm names this reader. */
	static final String SOURCE = "global stream";

	private final StoreLayout layout;

	private final CommitWriter writer;

	private final Clock clock;

	private final long graceMillis;

	private final long pollMillis;

	private final Map<Long, Long> unresolvedSince = new ConcurrentHashMap<>();

	private final AtomicLong helped = new AtomicLong();

	private final AtomicLong burned = new AtomicLong();

	private final CommitGuard guard;

	GlobalStreamReader(StoreLayout layout, CommitWriter writer, CommitGuard guard, Clock clock, Duration gracePeriod,
			Duration pollInterval) {
		this.layout = layout;
		this.guard = guard;
		this.writer = writer;
		this.clock = clock;
		this.graceMillis = gracePeriod.toMillis();
		this.pollMillis = Math.max(1, pollInterval.toMillis());
	}

	/**
	 * Commits this engine's readers committed by inserting the streams document
	 * themselves.
	 */
	long helpedCommits() {
		return this.helped.get();
	}

	/**
	 * Positions this engine's readers filled with tombstones (not counting a partly
	 * failed batch).
	 */
	long burnedPositions() {
		return this.burned.get();
	}

	Cursor openAfter(long lastDeliveredPosition) {
		return new Cursor(lastDeliveredPosition);
	}

	private boolean graceExpired(long position, long now) {
		long since = this.unresolvedSince.computeIfAbsent(position, (p) -> now);
		return now - since >= this.graceMillis;
	}

	private void forgetBelow(long position) {
		if (!this.unresolvedSince.isEmpty()) {
			this.unresolvedSince.keySet().removeIf((p) -> p < position);
		}
	}

	/**
	 * Resolves the pending commits among {@code documents} in place: a resolved one gets
	 * state committed or aborted in the map (and in the database). Pending commits whose
	 * outcome is still open stay pending.
	 */
	private void resolvePending(TreeMap<Long, Document> documents) {
		List<String> keys = new ArrayList<>();
		for (Document document : documents.values()) {
			if (StoreLayout.PENDING.equals(document.getString(StoreLayout.STATE))) {
				keys.add(streamKeyOf(document));
			}
		}
		if (keys.isEmpty()) {
			return;
		}
		Map<String, Document> streams = StoreLayout.byKey(this.layout.streams, keys,
				Projections.include(StoreLayout.GLOBAL));
		long now = this.clock.millis();
		for (Document document : documents.values()) {
			if (!StoreLayout.PENDING.equals(document.getString(StoreLayout.STATE))) {
				continue;
			}
			long position = StoreLayout.number(document, StoreLayout.ID);
			Document stream = streams.get(streamKeyOf(document));
			if (stream == null && this.writer.isAbandoned(position)) {
				// Its writer reported it refused by the store: it never counts.
				decide(document, position, false);
				continue;
			}
			if (stream == null && mayHelp(document, position, now)) {
				String failure = this.guard.failureOf(document);
				if (failure != null) {
					// Never copied into streams: it stays pending, so every reader stops
					// at it after delivering what lies before it.
					this.guard.alarm.raise(SOURCE, position, "pending commit not helped: " + failure);
					continue;
				}
				if (this.writer.startHelping(position)) {
					try {
						stream = help(document);
					}
					finally {
						this.writer.doneHelping(position);
					}
				}
			}
			if (stream != null) {
				decide(document, position, StoreLayout.number(stream, StoreLayout.GLOBAL) == position);
			}
		}
	}

	private boolean mayHelp(Document document, long position, long now) {
		long writtenAt = StoreLayout.number(document, StoreLayout.WRITTEN_AT);
		return now - writtenAt >= this.graceMillis || graceExpired(position, now);
	}

	/**
	 * Inserts the streams document of a stalled commit; returns whatever streams document
	 * holds the key now.
	 */
	private Document help(Document eventsDocument) {
		Document stream = PreparedCommit.streamDocument(eventsDocument);
		try {
			this.layout.streams.insertOne(stream);
			this.helped.incrementAndGet();
			logger.debug("Helped commit {} of {}", stream.get(StoreLayout.GLOBAL), stream.get(StoreLayout.ID));
			return stream;
		}
		catch (MongoException ex) {
			if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				throw ex;
			}
			return this.layout.streams.find(Filters.eq(StoreLayout.ID, stream.get(StoreLayout.ID)))
				.projection(Projections.include(StoreLayout.GLOBAL))
				.first();
		}
	}

	private void decide(Document document, long position, boolean committed) {
		if (committed) {
			this.writer.markCommitted(position);
			document.put(StoreLayout.STATE, StoreLayout.COMMITTED);
		}
		else {
			this.writer.markAborted(position);
			document.put(StoreLayout.STATE, StoreLayout.ABORTED);
		}
	}

	private static String streamKeyOf(Document eventsDocument) {
		return StoreLayout.streamKey(eventsDocument.getString(StoreLayout.AGGREGATE_ID),
				StoreLayout.number(eventsDocument, StoreLayout.FIRST_SEQ));
	}

	/**
	 * Burns the run of missing positions {@code from..to} with tombstones, in order; an
	 * ordered insert stops at the first position that got a document meanwhile, so a
	 * position is never burned while an earlier one could still turn out to be the start
	 * of a commit covering it.
	 */
	private void burn(long from, long to) {
		List<Document> tombstones = new ArrayList<>();
		long now = this.clock.millis();
		for (long p = from; p <= to; p++) {
			tombstones.add(PreparedCommit.tombstone(p, now));
		}
		try {
			this.layout.events.insertMany(tombstones);
			this.burned.addAndGet(tombstones.size());
			logger.info("Burned positions {}..{}: allocated but not written within the grace period", from, to);
		}
		catch (MongoException ex) {
			if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				throw ex;
			}
		}
	}

	/** One reader's position in the global stream. Not thread-safe. */
	final class Cursor {

		/** Every position below {@code next} is resolved. */
		private long next;

		/**
		 * Events at positions below the floor were delivered before this cursor was
		 * opened.
		 */
		private final long floor;

		private boolean positioned;

		private long knownHead = -1;

		private Cursor(long lastDeliveredPosition) {
			this.floor = Math.max(1, lastDeliveredPosition + 1);
			this.next = this.floor;
		}

		/**
		 * Returns the next events in global order, whole commits, about
		 * {@code maxEvents}. An empty list means the head was reached or, when
		 * {@code mayBlock} is false, an unresolved position stands in the way.
		 */
		List<TrackedEventData<?>> fetch(int maxEvents, boolean mayBlock) {
			if (!this.positioned) {
				position();
				this.positioned = true;
			}
			List<TrackedEventData<?>> out = new ArrayList<>();
			long blockedSince = -1;
			while (out.size() < maxEvents) {
				Step step = step(out, Math.min(MAX_WINDOW, Math.max(maxEvents - out.size(), MIN_WINDOW)));
				if (step == Step.END) {
					break;
				}
				if (step == Step.STUCK) {
					if (!out.isEmpty() || !mayBlock) {
						break;
					}
					if (blockedSince < 0) {
						blockedSince = System.nanoTime();
					}
					else if (System.nanoTime() - blockedSince > maxBlockNanos()) {
						break;
					}
					if (!pause()) {
						break;
					}
				}
			}
			forgetBelow(this.next);
			return out;
		}

		private long maxBlockNanos() {
			return Duration.ofMillis(2 * GlobalStreamReader.this.graceMillis + 1000).toNanos();
		}

		private boolean pause() {
			try {
				Thread.sleep(GlobalStreamReader.this.pollMillis);
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		/**
		 * Reads one window of positions from {@code next} and delivers what is resolved.
		 */
		private Step step(List<TrackedEventData<?>> out, int window) {
			long start = this.next;
			long end = start + window;
			TreeMap<Long, Document> documents = StoreLayout.byPosition(GlobalStreamReader.this.layout.events,
					StoreLayout.range(start, window), null);
			resolvePending(documents);
			long p = start;
			while (p < end) {
				Document document = documents.get(p);
				if (document == null) {
					if (p > head(p)) {
						this.next = p;
						return Step.END;
					}
					long now = GlobalStreamReader.this.clock.millis();
					if (graceExpired(p, now)) {
						long to = p;
						while (to + 1 < end && to + 1 <= this.knownHead && !documents.containsKey(to + 1)) {
							to++;
						}
						burn(p, to);
						this.next = p;
						return Step.PROGRESS;
					}
					this.next = p;
					return Step.STUCK;
				}
				String state = document.getString(StoreLayout.STATE);
				int n = (int) StoreLayout.number(document, StoreLayout.N);
				if (StoreLayout.PENDING.equals(state)) {
					this.next = p;
					return Step.STUCK;
				}
				if (StoreLayout.COMMITTED.equals(state) && !deliver(document, p, out)) {
					// The events before a refused commit are delivered first; the next
					// fetch starts at it and throws.
					this.next = p;
					return Step.STUCK;
				}
				p += n;
			}
			this.next = p;
			return Step.PROGRESS;
		}

		/**
		 * Adds the commit's events to {@code out}; returns false, adding nothing, when
		 * the commit fails its check and events are already in {@code out}.
		 * @throws CommitAuthenticationException when it fails its check and {@code out}
		 * is empty
		 */
		private boolean deliver(Document commit, long position, List<TrackedEventData<?>> out) {
			if (!out.isEmpty() && GlobalStreamReader.this.guard.fails(commit)) {
				return false;
			}
			GlobalStreamReader.this.guard.checkEventsDocument(commit, SOURCE);
			String aggregateIdentifier = commit.getString(StoreLayout.AGGREGATE_ID);
			String type = commit.getString(StoreLayout.TYPE);
			List<Document> entries = StoreLayout.events(commit);
			for (int i = 0; i < entries.size(); i++) {
				long eventPosition = position + i;
				if (eventPosition < this.floor) {
					continue;
				}
				GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(eventPosition);
				out.add((aggregateIdentifier != null)
						? new StoredEvent.TrackedDomain(entries.get(i), aggregateIdentifier, type, token)
						: new StoredEvent.Tracked(entries.get(i), token));
			}
			return true;
		}

		private long head(long position) {
			if (position > this.knownHead) {
				this.knownHead = GlobalStreamReader.this.writer.head();
			}
			return this.knownHead;
		}

		/**
		 * A token may point inside a multi-event commit (after an event that is not its
		 * commit's last). Finds the start of the commit that holds the last delivered
		 * position by looking back over a few positions, with wider windows only for
		 * commits of many events.
		 */
		private void position() {
			long last = this.floor - 1;
			if (last < 1) {
				return;
			}
			long hi = last;
			int size = FIRST_LOOKBACK;
			while (true) {
				long lo = Math.max(1, hi - size + 1);
				TreeMap<Long, Document> documents = StoreLayout.byPosition(GlobalStreamReader.this.layout.events,
						StoreLayout.range(lo, hi - lo + 1), SIZE_ONLY);
				if (!documents.isEmpty()) {
					Map.Entry<Long, Document> start = documents.lastEntry();
					long commitEnd = start.getKey() + StoreLayout.number(start.getValue(), StoreLayout.N) - 1;
					if (commitEnd > last) {
						this.next = start.getKey();
					}
					return;
				}
				if (lo == 1) {
					return;
				}
				hi = lo - 1;
				size = Math.min(size * 4, 4096);
			}
		}

	}

	private enum Step {

		PROGRESS, STUCK, END

	}

}
