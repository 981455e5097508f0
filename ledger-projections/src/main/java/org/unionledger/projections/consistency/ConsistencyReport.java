package org.unionledger.projections.consistency;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a consistency check found.
 *
 * @param checkedThroughPosition the global position the read models were compared at
 * @param eventsReplayed events replayed from the event store
 * @param documentsCompared read-model documents compared with their rebuilt twins
 * @param documentsSkipped live documents left out because an event after the checked
 * position already changed them
 * @param figuresCompared figures compared with the brute-force replay
 * @param differenceCount how many differences there are in all
 * @param differences the differences, at most {@value ConsistencyCheck#MAX_REPORTED}
 */
public record ConsistencyReport(long checkedThroughPosition, long eventsReplayed, long documentsCompared,
		long documentsSkipped, long figuresCompared, long differenceCount, List<Difference> differences) {

	@JsonProperty("consistent")
	public boolean consistent() {
		return this.differenceCount == 0;
	}

	/** Kinds of difference. */
	public enum Kind {

		/** The rebuild has a document the read model lacks. */
		MISSING_DOCUMENT,
		/** The read model has a document the rebuild does not. */
		UNEXPECTED_DOCUMENT,
		/** A document differs from its rebuilt twin. */
		DIFFERENT_DOCUMENT,
		/** A figure answered from the read model differs from the replay's. */
		FIGURE

	}

	/**
	 * One difference.
	 *
	 * @param kind what kind
	 * @param readModel the collection
	 * @param documentId the document's {@code _id}, for document differences
	 * @param scope the scope, for figure differences
	 * @param statisticalYear the year, for figure differences
	 * @param figure the figure, for figure differences
	 * @param expected what the replay or rebuild gives
	 * @param actual what the read model holds
	 */
	public record Difference(Kind kind, String readModel, String documentId, String scope, Integer statisticalYear,
			String figure, String expected, String actual) {
	}

}
