package org.unionledger.eventstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;

/**
 * Many commands' reads and writes on one thread, at the cost of a few round trips for all
 * of them instead of a few per command (see
 * {@link MongoEventStorageEngine#openBatch(Collection)}).
 * <p>
 * While a batch is open on its thread:
 * <ul>
 * <li><b>Reads.</b> The streams of the aggregates named when it was opened were read
 * together, whole, by {@code _id $in} of their commits' keys; loading one of them is
 * answered from memory. Any other stream read on this thread (a union looked up by every
 * command, say) is read from the store once and then answered from memory. A stream this
 * batch appends to is dropped from memory: Axon keeps the loaded aggregate in the unit of
 * work, so nothing reads it again before the batch is closed.</li>
 * <li><b>Writes.</b> All the commits of an {@code appendEvents} call are handed to the
 * commit writer together and written as groups (one counter increment, one
 * {@code insertMany} of events documents, one of streams documents, one update marking
 * them committed per group), each keeping its own outcome. A commit that loses its stream
 * key or an event identifier to another writer (a single command racing the same person
 * on this or another node) is recorded here as a {@linkplain #conflicts() conflict}
 * instead of failing the call: the batch's other commits stand, and the caller runs the
 * commands of the conflicting aggregates again on their own. Any other failure fails the
 * call as usual.</li>
 * </ul>
 * Every commit a batch reads is checked against its authenticator and its link to the
 * commit before it, as an aggregate load checks it (see {@link CommitAuthenticator}).
 * <p>
 * A batch is not shared between threads; close it on the thread that opened it.
 */
public final class WriteBatch implements AutoCloseable {

	/** How the integrity alarm names a batch's reads. */
	static final String SOURCE = "write batch read";

	private final MongoEventStorageEngine engine;

	private final Thread owner;

	private final Map<String, List<DomainEventData<?>>> streams = new HashMap<>();

	private final Set<String> conflicts = new LinkedHashSet<>();

	private boolean closed;

	WriteBatch(MongoEventStorageEngine engine) {
		this.engine = engine;
		this.owner = Thread.currentThread();
	}

	/**
	 * The aggregates whose commits of this batch lost their stream key or an event
	 * identifier to another writer, in the order they were found.
	 */
	public Set<String> conflicts() {
		return Set.copyOf(this.conflicts);
	}

	boolean isOpenOn(Thread thread) {
		return !this.closed && this.owner == thread;
	}

	/** The stream held in memory, or {@code null} when it is not held. */
	List<DomainEventData<?>> stream(String aggregateIdentifier) {
		return this.streams.get(aggregateIdentifier);
	}

	void hold(String aggregateIdentifier, List<DomainEventData<?>> events) {
		this.streams.put(aggregateIdentifier, events);
	}

	void holdCommits(String aggregateIdentifier, List<Document> commits) {
		List<DomainEventData<?>> events = new ArrayList<>();
		for (Document commit : commits) {
			String type = commit.getString(StoreLayout.TYPE);
			for (Document entry : StoreLayout.events(commit)) {
				events.add(new StoredEvent.Domain(entry, aggregateIdentifier, type));
			}
		}
		this.streams.put(aggregateIdentifier, events);
	}

	void appended(String aggregateIdentifier) {
		this.streams.remove(aggregateIdentifier);
	}

	void lost(String aggregateIdentifier) {
		this.conflicts.add(aggregateIdentifier);
		this.streams.remove(aggregateIdentifier);
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			this.engine.closeBatch(this);
		}
	}

}
