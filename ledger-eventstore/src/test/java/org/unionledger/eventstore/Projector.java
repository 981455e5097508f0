package org.unionledger.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * A real Axon tracking processor over an {@link EmbeddedEventStore} on a storage engine,
 * whose handler records the identifiers of the events it handles in the given list.
 */
final class Projector implements AutoCloseable {

	private final EmbeddedEventStore eventStore;

	private final TrackingEventProcessor processor;

	Projector(String name, EventStorageEngine engine, TokenStore tokenStore, List<String> handled) {
		this.eventStore = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build();
		EventMessageHandler handler = new EventMessageHandler() {
			@Override
			public Object handle(EventMessage<?> event) {
				handled.add(event.getIdentifier());
				return null;
			}
		};
		this.processor = TrackingEventProcessor.builder()
			.name(name)
			.eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
			.messageSource(this.eventStore)
			.tokenStore(tokenStore)
			.transactionManager(NoTransactionManager.INSTANCE)
			.trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
				.andBatchSize(50)
				.andInitialTrackingToken(StreamableMessageSource::createTailToken))
			.build();
	}

	static List<String> newLog() {
		return new CopyOnWriteArrayList<>();
	}

	Projector start() {
		this.processor.start();
		return this;
	}

	static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within " + timeout);
			}
			TimeUnit.MILLISECONDS.sleep(10);
		}
	}

	@Override
	public void close() {
		this.processor.shutDown();
		this.eventStore.shutDown();
	}

}
