package org.unionledger.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;

/**
 * What the engine's readers and writer share about authenticators: the authenticator
 * ({@code null} when the engine was built without a key: then nothing is written or
 * checked), the alarm, and the last known link of each aggregate's chain.
 * <p>
 * The links remember, per aggregate, the last sequence number and authenticator of the
 * latest commit this engine read or wrote, so that a writer knows the {@code prev} of the
 * commit it writes without a round trip (it has just loaded the aggregate). A link is a
 * fact about a committed commit (streams documents are never removed), so a stale one is
 * simply not used: the writer takes it only when its last sequence number is the new
 * commit's first minus one, and reads the previous commit otherwise.
 */
final class CommitGuard {

	private static final int MAX_LINKS = 100_000;

	final CommitAuthenticator authenticator;

	final IntegrityAlarm alarm;

	private final Map<String, Link> links = new LinkedHashMap<>(1024, 0.75f, true) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
			return size() > MAX_LINKS;
		}

	};

	CommitGuard(CommitAuthenticator authenticator, IntegrityAlarm alarm) {
		this.authenticator = authenticator;
		this.alarm = alarm;
	}

	boolean enabled() {
		return this.authenticator != null;
	}

	/** The last commit of an aggregate known to this engine. */
	record Link(long lastSequenceNumber, String mac) {
	}

	/** Whether an {@code events} document fails its check (nothing is raised). */
	boolean fails(Document commit) {
		return failureOf(commit) != null;
	}

	/**
	 * What fails in an {@code events} document's check, or {@code null} (nothing is
	 * raised).
	 */
	String failureOf(Document commit) {
		return (this.authenticator != null) ? this.authenticator.checkEventsDocument(commit) : null;
	}

	/**
	 * Checks an {@code events} document that holds events before it is served.
	 * @throws CommitAuthenticationException when it fails (after raising the alarm)
	 */
	void checkEventsDocument(Document commit, String source) {
		if (this.authenticator == null) {
			return;
		}
		String failure = this.authenticator.checkEventsDocument(commit);
		if (failure != null) {
			refuse(source, StoreLayout.number(commit, StoreLayout.ID), failure);
		}
	}

	/**
	 * Checks a {@code streams} document before it is served, and the link to the commit
	 * read just before it in the same stream ({@code previous}, or {@code null} when it
	 * is the first one read); remembers it as the aggregate's latest link.
	 * @throws CommitAuthenticationException when it fails (after raising the alarm)
	 */
	void checkStreamDocument(Document stream, Document previous, String source) {
		if (this.authenticator == null) {
			return;
		}
		String failure = this.authenticator.checkStreamDocument(stream);
		if (failure == null && previous != null && StoreLayout.number(previous, StoreLayout.LAST_SEQ) + 1 == StoreLayout
			.number(stream, StoreLayout.FIRST_SEQ)) {
			String expected = previous.getString(StoreLayout.MAC);
			if (!expected.equals(stream.getString(StoreLayout.PREV))) {
				failure = "stream copy " + stream.get(StoreLayout.ID) + " does not follow the commit before it in "
						+ "its stream (" + previous.get(StoreLayout.ID) + "): a commit of the stream was removed "
						+ "or replaced";
			}
		}
		if (failure != null) {
			Object global = stream.get(StoreLayout.GLOBAL);
			refuse(source, (global instanceof Number n) ? n.longValue() : 0, failure);
		}
		remember(stream.getString(StoreLayout.AGGREGATE_ID), StoreLayout.number(stream, StoreLayout.LAST_SEQ),
				stream.getString(StoreLayout.MAC));
	}

	void remember(String aggregateIdentifier, long lastSequenceNumber, String mac) {
		if (this.authenticator == null || aggregateIdentifier == null || mac == null) {
			return;
		}
		synchronized (this.links) {
			Link known = this.links.get(aggregateIdentifier);
			if (known == null || known.lastSequenceNumber() <= lastSequenceNumber) {
				this.links.put(aggregateIdentifier, new Link(lastSequenceNumber, mac));
			}
		}
	}

	/**
	 * The authenticator of the aggregate's commit ending at {@code firstSequenceNumber -
	 * 1}, if this engine knows it; {@code null} when it does not.
	 */
	String knownPrevious(String aggregateIdentifier, long firstSequenceNumber) {
		synchronized (this.links) {
			Link known = this.links.get(aggregateIdentifier);
			return (known != null && known.lastSequenceNumber() == firstSequenceNumber - 1) ? known.mac() : null;
		}
	}

	private void refuse(String source, long position, String failure) {
		this.alarm.raise(source, position, failure);
		throw new CommitAuthenticationException(position, failure);
	}

}
