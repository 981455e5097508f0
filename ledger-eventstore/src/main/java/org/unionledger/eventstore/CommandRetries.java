package org.unionledger.eventstore;

import static org.axonframework.common.ExceptionUtils.findException;

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
		return new ConflictRetryScheduler(IntervalRetryScheduler.builder()
			.retryExecutor(executor)
			.maxRetryCount(maxRetries)
			.retryInterval((int) intervalMillis));
	}

	/**
	 * Axon's scheduler asks its predicate of the failure and of each of its causes, and
	 * gives up if any is non-transient; a lost race is a {@code ConcurrencyException}
	 * caused by a duplicate-key write error, so the decision is taken once, here, over
	 * the whole chain.
	 */
	private static final class ConflictRetryScheduler extends IntervalRetryScheduler {

		ConflictRetryScheduler(IntervalRetryScheduler.Builder builder) {
			super(builder);
		}

		@Override
		protected boolean isExplicitlyNonTransient(Throwable failure) {
			return !isConcurrencyConflict(failure);
		}

	}

	/** Whether a lost race on a stream is anywhere in the cause chain. */
	public static boolean isConcurrencyConflict(Throwable failure) {
		return findException(failure,
				(cause) -> cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException)
			.isPresent();
	}

}
