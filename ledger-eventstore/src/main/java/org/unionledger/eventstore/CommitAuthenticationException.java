package org.unionledger.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * A commit (or its stream copy) that the ledger did not write, or that was edited after
 * it was written: its authenticator is missing or does not match (see
 * {@link CommitAuthenticator}). Readers throw it instead of serving the commit, so a
 * tracking processor stops at the commit (it retries and never applies it) and an
 * aggregate load fails; the {@link IntegrityAlarm} is raised first.
 */
public class CommitAuthenticationException extends EventStoreException {

	private static final long serialVersionUID = 1L;

	private final long position;

	private final String failure;

	public CommitAuthenticationException(long position, String failure) {
		super("Refused the commit at global position " + position + ": " + failure
				+ ". The event store holds data the ledger did not write; see the integrity alarm.");
		this.position = position;
		this.failure = failure;
	}

	/** The global position of the refused commit. */
	public long position() {
		return this.position;
	}

	/** What failed. */
	public String failure() {
		return this.failure;
	}

}
