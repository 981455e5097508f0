package org.unionledger.seeds;

/**
 * What the loader needs to know of the ledger to resume: how far each aggregate's stream
 * already goes. Implemented by the application against the event store, which must show
 * an event to this method as soon as the command that produced it has returned.
 */
@FunctionalInterface
public interface SeedLedger {

	/**
	 * The number of events already stored in an aggregate's stream, 0 if there is none.
	 * @param aggregateIdentifier a union, member or service id as text
	 */
	int eventCount(String aggregateIdentifier);

	/**
	 * The number of events already stored in each of these streams (0 for none), by
	 * aggregate; one look-up each unless the application reads them together.
	 */
	default java.util.Map<String, Integer> eventCounts(java.util.List<String> aggregateIdentifiers) {
		java.util.Map<String, Integer> counts = new java.util.HashMap<>();
		for (String aggregateIdentifier : aggregateIdentifiers) {
			counts.put(aggregateIdentifier, eventCount(aggregateIdentifier));
		}
		return counts;
	}

}
