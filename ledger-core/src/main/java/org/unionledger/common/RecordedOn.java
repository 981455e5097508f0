package org.unionledger.common;

/**
 * The day a command is recorded on, when it is not today: history entered as it would
 * have been (the demo's seed data, recorded near the days things happened). Set by the
 * ledger's own senders as the command's metadata {@value #METADATA_KEY} (an ISO date);
 * the ledger's clock then reads that day, at {@link #RECORDING_HOUR}:00, while the
 * command is handled, and never a day after today. Aggregates do not see the difference:
 * they read the clock they are given.
 */
public final class RecordedOn {

	/** The metadata key of a command's recording day. */
	public static final String METADATA_KEY = "recordedOn";

	/** The hour of the day a command with a recording day is recorded at. */
	public static final int RECORDING_HOUR = 10;

	private RecordedOn() {
	}

}
