package org.unionledger.api.freshness;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.unionledger.api.config.LedgerProperties;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.eventstore.MongoTokenStore;
import org.unionledger.projections.support.BatchAwareTokenStore;

/**
 * Read-your-writes: after a write returns, the API waits until every tracking processor
 * of this node has handled every event this node has committed, so the next read sees the
 * write. The wait is bounded ({@code ledger.read-your-writes}); past it the write stands
 * and reads may lag briefly.
 */
@Component
public class ProjectionFreshness {

	private static final Logger log = LoggerFactory.getLogger(ProjectionFreshness.class);

	private final EventProcessingConfiguration processing;

	private final MongoEventStorageEngine engine;

	private final Duration timeout;

	private final MongoTokenStore tokens;

	public ProjectionFreshness(EventProcessingConfiguration processing, MongoEventStorageEngine engine,
			LedgerProperties properties, TokenStore tokenStore) {
		this.processing = processing;
		this.engine = engine;
		TokenStore store = (tokenStore instanceof BatchAwareTokenStore batchAware) ? batchAware.delegate() : tokenStore;
		this.tokens = (store instanceof MongoTokenStore mongo) ? mongo : null;
		this.timeout = properties.readYourWrites();
	}

	/** Waits until the read models include every event committed by this node so far. */
	public boolean awaitOwnWrites() {
		return awaitPosition(this.engine.lastCommittedPosition(), this.timeout);
	}

	/**
	 * Waits until the read models include every event in the store so far, written by any
	 * node: for a check that must see everything before it decides.
	 */
	public boolean awaitStoreHead() {
		return awaitPosition(this.engine.headPosition(), this.timeout);
	}

	/**
	 * Waits until every running tracking processor of this node has handled every event
	 * up to {@code target}, at most {@code timeout}.
	 */
	public boolean awaitPosition(long target, Duration timeout) {
		if (target <= 0) {
			return true;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		for (Lag lag = lag(target); lag != Lag.NONE; lag = lag(target)) {
			if (System.nanoTime() > deadline) {
				log.warn("Read models did not reach position {} within {}", target, timeout);
				return false;
			}
			try {
				// Stored tokens are read from the store: not every 2 ms.
				Thread.sleep((lag == Lag.STORED) ? 20 : 2);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/**
	 * The global position every segment of the named tracking processor has handled on
	 * this node (the lowest of its segments), or empty if it runs elsewhere or has
	 * handled nothing yet.
	 */
	public OptionalLong position(String processingGroup) {
		var processor = this.processing.eventProcessor(processingGroup, StreamingEventProcessor.class);
		if (processor.isEmpty() || processor.get().processingStatus().isEmpty()) {
			return OptionalLong.empty();
		}
		long lowest = Long.MAX_VALUE;
		for (EventTrackerStatus segment : processor.get().processingStatus().values()) {
			OptionalLong position = segment.getCurrentPosition();
			if (position.isEmpty()) {
				return OptionalLong.empty();
			}
			lowest = Math.min(lowest, position.getAsLong());
		}
		return OptionalLong.of(lowest);
	}

	/**
	 * What is behind a target position: nothing, a processor here, or one run elsewhere.
	 */
	private enum Lag {

		NONE, LOCAL, STORED

	}

	private Lag lag(long target) {
		for (var processor : this.processing.eventProcessors().values()) {
			if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.isRunning()) {
				continue;
			}
			Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
			if (status.isEmpty()) {
				// No segment here: another node holds it, or nobody yet (a node killed
				// holds its claims until they time out). The stored tokens tell what has
				// been handled.
				if (this.tokens != null) {
					OptionalLong stored = this.tokens.storedPosition(streaming.getName());
					if (stored.isEmpty() || stored.getAsLong() < target) {
						return Lag.STORED;
					}
				}
				continue;
			}
			for (EventTrackerStatus segment : status.values()) {
				OptionalLong position = segment.getCurrentPosition();
				if (position.isEmpty() || position.getAsLong() < target) {
					return Lag.LOCAL;
				}
			}
		}
		return Lag.NONE;
	}

}
