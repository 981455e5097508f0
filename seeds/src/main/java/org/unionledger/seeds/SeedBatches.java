package org.unionledger.seeds;

import java.util.List;

/**
 * Sends many commands at once, as the ledger's command batches do: the same handlers and
 * rules as commands sent one by one, with a few round trips to the store for the whole
 * batch. Implemented by the application.
 */
@FunctionalInterface
public interface SeedBatches {

	/**
	 * Sends the commands, in order, and returns each one's result or failure, in the same
	 * order.
	 * @throws RuntimeException when the batch failed as a whole
	 */
	List<Sent> send(List<Object> commands);

	/**
	 * What one command returned or threw.
	 *
	 * @param value its result, {@code null} for none or on failure
	 * @param failure what it threw, or {@code null}
	 */
	record Sent(Object value, Throwable failure) {
	}

}
