package org.unionledger.api.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.unionledger.api.problems.ApiException;
import org.unionledger.common.Rule;

/**
 * Lets one consistency check (a replay of the whole stream) run at a time on this node,
 * and each user start one at most every
 * {@code ledger.operations.consistency-check-interval}. A start while another check runs
 * is refused with 409 {@link Rule#CONSISTENCY_CHECK_RUNNING} (the caller tries again when
 * that one has finished: its report would be as fresh); a user starting again too soon
 * gets 429 {@link Rule#CONSISTENCY_CHECK_TOO_SOON} with {@code Retry-After}. Other nodes
 * of the same store have gates of their own.
 */
final class ConsistencyCheckGate {

	/** A consistency check is running on this node. */
	static final Rule RUNNING = Rule.CONSISTENCY_CHECK_RUNNING;

	/** The user started a consistency check less than the interval ago. */
	static final Rule TOO_SOON = Rule.CONSISTENCY_CHECK_TOO_SOON;

	private final Clock clock;

	private final Duration interval;

	private final AtomicReference<Instant> running = new AtomicReference<>();

	private final Map<String, Instant> lastStart = new ConcurrentHashMap<>();

	ConsistencyCheckGate(Clock clock, Duration interval) {
		this.clock = clock;
		this.interval = interval;
	}

	/**
	 * Runs the check for the user unless another check runs or the user's last start is
	 * too recent.
	 * @throws ApiException 409 {@link Rule#CONSISTENCY_CHECK_RUNNING} or 429
	 * {@link Rule#CONSISTENCY_CHECK_TOO_SOON}
	 */
	<T> T run(String user, HttpServletResponse response, Supplier<T> check) {
		Instant now = this.clock.instant();
		this.lastStart.values().removeIf((start) -> !now.isBefore(start.plus(this.interval)));
		Instant last = this.lastStart.get(user);
		if (last != null) {
			long seconds = Math.max(1, Duration.between(now, last.plus(this.interval)).toSeconds());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			throw ApiException.of(TOO_SOON, null, "you started a consistency check less than "
					+ this.interval.toSeconds() + " seconds ago; try again in " + seconds + " seconds");
		}
		Instant other = this.running.compareAndExchange(null, now);
		if (other != null) {
			throw ApiException.of(RUNNING, null, "a consistency check started at " + other
					+ " is running on this node; start one when it has finished");
		}
		try {
			if (!this.interval.isZero()) {
				this.lastStart.put(user, now);
			}
			return check.get();
		}
		finally {
			this.running.set(null);
		}
	}

}
