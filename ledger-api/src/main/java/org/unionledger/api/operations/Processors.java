package org.unionledger.api.operations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The event processors of this node against the head of the store.
 *
 * @param head the store's head position
 * @param processors each processor
 */
public record Processors(long head, List<ProcessorStatus> processors) {

	/**
	 * One event processor.
	 *
	 * @param name its processing group
	 * @param running whether it runs
	 * @param error whether it stopped on an error
	 * @param segments the segments this node holds (tracking processors only)
	 * @param note why a running tracking processor shows no segment
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ProcessorStatus(String name, boolean running, boolean error, List<SegmentStatus> segments,
			String note) {
	}

	/**
	 * One segment of a tracking processor.
	 *
	 * @param segment its id
	 * @param position the last position it processed, absent before the first event
	 * @param lag how far it lies behind the head, absent before the first event
	 * @param caughtUp whether it has reached the head
	 * @param replaying whether it replays after a reset
	 * @param errorState whether it is stuck on an error
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SegmentStatus(int segment, Long position, Long lag, boolean caughtUp, boolean replaying,
			boolean errorState) {
	}

}
