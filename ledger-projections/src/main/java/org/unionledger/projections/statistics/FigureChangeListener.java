package org.unionledger.projections.statistics;

import java.util.List;

/**
 * Told by {@link StatisticsProjection}, for each event and inside the batch that handles
 * it, how the event changed jurisdictions' figures: exactly the deltas the dated counters
 * take, so a listener can tell which figures of which statistical year an event changed
 * without recomputing them. A listener keeps its own documents in the same
 * {@code ReadModelBatch}, so it is as idempotent as the counters.
 */
public interface FigureChangeListener {

	/**
	 * @param position the event's global position
	 * @param eventType the event's simple class name
	 * @param changes its non-zero net changes of jurisdiction figures
	 */
	void figuresChanged(long position, String eventType, List<FigureChange> changes);

}
