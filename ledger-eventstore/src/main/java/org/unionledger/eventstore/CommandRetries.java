package org.unionledger.eventstore;

import java.util.concurrent.ScheduledExecutorService;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The ledger's retry policy for commands: a command is sent again only when it lost an
 * optimistic-concurrency race (another command appended to the same stream, or created
 * it, first). Anything else, a broken domain rule above all, is answered at once: running
 * the handler again would load the aggregate again only to break the same rule.
 */
public final class CommandRetries {

	private CommandRetries() {
	}

	public static RetryScheduler onConcurrencyConflicts(ScheduledExecutorService executor, int maxRetries,
			long intervalMillis) {
		return IntervalRetryScheduler.builder()
			.retryExecutor(executor)
			.maxRetryCount(maxRetries)
			.retryInterval((int) intervalMillis)
			.nonTransientFailurePredicate(failure -> !isConcurrencyConflict(failure))
			.build();
	}

	/** Whether a lost race on a stream is anywhere in the cause chain. */
	public static boolean isConcurrencyConflict(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
				return true;
			}
		}
		return false;
	}

}
