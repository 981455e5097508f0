package org.unionledger.projections.statistics;

import java.util.List;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.unionledger.projections.support.InMemoryReadModelStore;
import org.unionledger.projections.support.ReadModelTransactionManager;

/**
 * Feeds events to projections as a tracking processor would: each with its global
 * position as token, in read-model transactions, through Axon's own handler adapter.
 */
public final class Feeder {

	public final InMemoryReadModelStore store = new InMemoryReadModelStore();

	private final ReadModelTransactionManager transactions = new ReadModelTransactionManager(this.store);

	private final List<AnnotationEventHandlerAdapter> adapters;

	/**
	 * Global positions between consecutive events: event {@code i} (from 0) is fed at
	 * {@code (i + 1) * stride}.
	 */
	private final long stride;

	public Feeder(Object... projections) {
		this(1, projections);
	}

	/** A feeder whose events lie {@code stride} positions apart. */
	public static Feeder strided(long stride, Object... projections) {
		return new Feeder(stride, projections);
	}

	private Feeder(long stride, Object[] projections) {
		this.stride = stride;
		this.adapters = java.util.Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
	}

	/**
	 * Feeds {@code events[from..to)} at positions {@code (from+1) * stride ..} in one
	 * batch.
	 */
	public void batch(List<Object> events, int from, int to) {
		this.transactions.executeInTransaction(() -> {
			for (int i = from; i < to; i++) {
				handle((i + 1) * this.stride, events.get(i));
			}
		});
	}

	public void one(long position, Object event) {
		this.transactions.executeInTransaction(() -> handle(position, event));
	}

	public void all(List<Object> events, int batchSize) {
		for (int from = 0; from < events.size(); from += batchSize) {
			batch(events, from, Math.min(events.size(), from + batchSize));
		}
	}

	private void handle(long position, Object event) {
		var message = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
				GenericEventMessage.asEventMessage(event));
		for (AnnotationEventHandlerAdapter adapter : this.adapters) {
			try {
				adapter.handle(message);
			}
			catch (Exception ex) {
				throw new IllegalStateException("handling " + event + " at " + position + " failed", ex);
			}
		}
	}

}
