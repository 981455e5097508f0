package org.unionledger.projections.support;

import java.util.List;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Loads the read-model documents a whole batch of events will touch before its first
 * event is handled, in a few {@code _id $in} reads instead of one or more reads per
 * event. Registered as a handler interceptor of a tracking processor whose transaction
 * manager is a {@link ReadModelTransactionManager}: on the first message of a batch, the
 * processor's projections are run over every message of the batch in a dry run (see
 * {@link ReadModelBatch#prefetchWhatIsUsedBy}), which notes the documents they ask for
 * and changes nothing. A handler that fails in the dry run (it may see empty documents)
 * only means fewer documents prefetched.
 */
public final class BatchPrefetch implements MessageHandlerInterceptor<EventMessage<?>> {

	private final List<AnnotationEventHandlerAdapter> projections;

	public BatchPrefetch(Object... projections) {
		this.projections = java.util.Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
	}

	@Override
	public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
			throws Exception {
		ReadModelBatch batch = ReadModelBatch.bound();
		if (batch != null && unitOfWork instanceof BatchingUnitOfWork<? extends EventMessage<?>> batching
				&& batching.isFirstMessage() && batching.getMessages().size() > 1) {
			prefetch(batch, batching.getMessages());
		}
		return interceptorChain.proceed();
	}

	/**
	 * Prefetches for these events into the batch (for loops that handle events
	 * themselves).
	 */
	public void prefetch(ReadModelBatch batch, List<? extends EventMessage<?>> events) {
		batch.prefetchWhatIsUsedBy(() -> {
			for (EventMessage<?> event : events) {
				for (AnnotationEventHandlerAdapter projection : this.projections) {
					try {
						if (projection.canHandle(event)) {
							projection.handle(event);
						}
					}
					catch (Exception ex) {
						// a dry run over empty documents may fail: nothing is prefetched
						// for it
					}
				}
			}
		});
	}

	/** Prefetches into the batch bound to this thread. */
	public void prefetch(List<? extends EventMessage<?>> events) {
		prefetch(ReadModelBatch.current(), events);
	}

}
