package org.unionledger.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads one aggregate's stream from the {@code streams} collection by {@code _id $in} of
 * the next keys ({@code aggregate:seq} for a window of sequence numbers), following each
 * commit's {@code lastSeq + 1} until a key is missing. Windows grow from 16 to 512 keys,
 * so a long stream costs few round trips and a short one reads little.
 * <p>
 * With an authenticator, each commit read is checked before its events are served, and so
 * is its link to the commit read before it (see {@link CommitAuthenticator}): a commit
 * that fails raises the {@link IntegrityAlarm} and the load throws
 * {@link CommitAuthenticationException}.
 */
final class AggregateStreamReader {

	private static final int FIRST_WINDOW = 16;

	private static final int MAX_WINDOW = 512;

	private static final int FIRST_LOOKBACK = 8;

	private static final Bson BOUNDS_ONLY = Projections.include(StoreLayout.LAST_SEQ);

	/** How the integrity alarm names this reader. */
	static final String SOURCE = "aggregate load";

	private final StoreLayout layout;

	private final CommitGuard guard;

	private final String aggregateIdentifier;

	private final long floor;

	private final boolean boundsOnly;

	private long next;

	private boolean started;

	private boolean finished;

	private int window = FIRST_WINDOW;

	private long lastSequenceNumber = -1;

	/** The commit delivered last, whose authenticator the next one must link to. */
	private Document lastCommit;

	/**
	 * @param boundsOnly read only the commits' bounds (for
	 * {@link #lastSequenceNumber()}), no events (and check nothing)
	 */
	AggregateStreamReader(StoreLayout layout, CommitGuard guard, String aggregateIdentifier, long firstSequenceNumber,
			boolean boundsOnly) {
		this.layout = layout;
		this.guard = guard;
		this.aggregateIdentifier = aggregateIdentifier;
		this.floor = Math.max(0, firstSequenceNumber);
		this.next = this.floor;
		this.boundsOnly = boundsOnly;
	}

	/**
	 * The next events, whole commits, at least {@code minEvents} unless the stream ends;
	 * empty at the end.
	 */
	List<DomainEventData<?>> fetch(int minEvents) {
		List<DomainEventData<?>> out = new ArrayList<>();
		while (!this.finished && out.size() < minEvents) {
			TreeMap<Long, Document> commits = read(this.next, this.window);
			if (!this.started) {
				this.started = true;
				if (this.next > 0 && !commits.containsKey(this.next)) {
					if (!startInsideCommit()) {
						this.finished = true;
						break;
					}
					commits = read(this.next, this.window);
				}
			}
			long windowEnd = this.next + this.window;
			long s = this.next;
			Document commit;
			while ((commit = commits.get(s)) != null) {
				deliver(commit, out);
				this.lastSequenceNumber = StoreLayout.number(commit, StoreLayout.LAST_SEQ);
				s = this.lastSequenceNumber + 1;
			}
			this.finished = s < windowEnd;
			this.next = s;
			this.window = Math.min(this.window * 2, MAX_WINDOW);
		}
		return out;
	}

	/** The last sequence number passed so far, -1 if none. */
	long lastSequenceNumber() {
		return this.lastSequenceNumber;
	}

	private TreeMap<Long, Document> read(long from, int count) {
		return read(from, count, this.boundsOnly ? BOUNDS_ONLY : null);
	}

	private TreeMap<Long, Document> read(long from, int count, Bson projection) {
		List<String> keys = new ArrayList<>(count);
		for (long s = from; s < from + count; s++) {
			keys.add(StoreLayout.streamKey(this.aggregateIdentifier, s));
		}
		Map<String, Document> documents = StoreLayout.byKey(this.layout.streams, keys, projection);
		TreeMap<Long, Document> bySequence = new TreeMap<>();
		for (Document document : documents.values()) {
			String key = document.getString(StoreLayout.ID);
			bySequence.put(Long.parseLong(key.substring(key.lastIndexOf(':') + 1)), document);
		}
		return bySequence;
	}

	/**
	 * The authenticator of the aggregate's commit whose last sequence number is
	 * {@code firstSequenceNumber - 1} (what a commit starting at
	 * {@code firstSequenceNumber} links to), checked; "" when there is none. Looks back
	 * over a few keys, with wider windows only for commits of many events.
	 */
	static String previousMac(StoreLayout layout, CommitGuard guard, String aggregateIdentifier,
			long firstSequenceNumber) {
		long hi = firstSequenceNumber - 1;
		int size = FIRST_LOOKBACK;
		while (hi >= 0) {
			long lo = Math.max(0, hi - size + 1);
			AggregateStreamReader reader = new AggregateStreamReader(layout, guard, aggregateIdentifier, lo, false);
			TreeMap<Long, Document> commits = reader.read(lo, (int) (hi - lo + 1), null);
			if (!commits.isEmpty()) {
				Document last = commits.lastEntry().getValue();
				if (StoreLayout.number(last, StoreLayout.LAST_SEQ) != firstSequenceNumber - 1) {
					return "";
				}
				guard.checkStreamDocument(last, null, SOURCE);
				String mac = last.getString(StoreLayout.MAC);
				return (mac != null) ? mac : "";
			}
			hi = lo - 1;
			size = Math.min(size * 4, 4096);
		}
		return "";
	}

	/**
	 * The first sequence number is not a commit's first (a snapshot taken inside a
	 * multi-event commit, or a partial read): finds the commit holding {@code floor - 1},
	 * and moves {@code next} to its start if it also holds {@code floor}. Returns false
	 * when no commit holds {@code floor}.
	 */
	private boolean startInsideCommit() {
		long hi = this.floor - 1;
		int size = FIRST_LOOKBACK;
		while (true) {
			long lo = Math.max(0, hi - size + 1);
			TreeMap<Long, Document> bounds = read(lo, (int) (hi - lo + 1), BOUNDS_ONLY);
			if (!bounds.isEmpty()) {
				Map.Entry<Long, Document> start = bounds.lastEntry();
				if (StoreLayout.number(start.getValue(), StoreLayout.LAST_SEQ) >= this.floor) {
					this.next = start.getKey();
					return true;
				}
				return false;
			}
			if (lo == 0) {
				return false;
			}
			hi = lo - 1;
			size = Math.min(size * 4, 4096);
		}
	}

	private void deliver(Document commit, List<DomainEventData<?>> out) {
		if (this.boundsOnly) {
			return;
		}
		this.guard.checkStreamDocument(commit, this.lastCommit, SOURCE);
		this.lastCommit = commit;
		String type = commit.getString(StoreLayout.TYPE);
		for (Document entry : StoreLayout.events(commit)) {
			StoredEvent.Domain event = new StoredEvent.Domain(entry, this.aggregateIdentifier, type);
			if (event.getSequenceNumber() >= this.floor) {
				out.add(event);
			}
		}
	}

}
