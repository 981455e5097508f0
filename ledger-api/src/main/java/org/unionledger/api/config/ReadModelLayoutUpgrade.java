package org.unionledger.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionledger.projections.support.ReadModelLayouts;

/**
 * Rebuilds, from the first event, the read models of every processor whose recorded
 * layout (see {@link ReadModelLayouts}) differs from the one this version writes: the
 * processor's tokens are reset, which also runs its reset handlers (dropping its
 * collections), and the new layout is recorded. Runs while no processor runs (at
 * start-up, before they start). Every node sharing the store is to be stopped before a
 * node with a new layout starts: the reset needs the claim of every segment, and an old
 * node would go on writing the old layout. A processor that never ran on the store (it
 * has no token: a new store) has written nothing; its layout is only recorded.
 */
public final class ReadModelLayoutUpgrade {

	private static final Logger log = LoggerFactory.getLogger(ReadModelLayoutUpgrade.class);

	private final ReadModelLayouts recorded;

	private final Map<String, Integer> layouts;

	/**
	 * @param recorded where layouts are recorded
	 * @param layouts the layout this version writes, by processing group
	 */
	public ReadModelLayoutUpgrade(ReadModelLayouts recorded, Map<String, Integer> layouts) {
		this.recorded = recorded;
		this.layouts = new TreeMap<>(layouts);
	}

	/**
	 * @return the processing groups whose read models are being rebuilt
	 */
	public List<String> run(EventProcessingConfiguration processing) {
		List<String> rebuilt = new ArrayList<>();
		this.layouts.forEach((group, layout) -> {
			int found = this.recorded.recorded(group);
			if (found != layout && processing.tokenStore(group).fetchSegments(group).length == 0) {
				// the processor never ran here (a new store): it wrote no read models
				log.info("Read models of processor {} start in layout {}", group, layout);
				this.recorded.record(group, layout);
			}
			else if (found != layout) {
				StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
					.orElseThrow(() -> new IllegalStateException("no streaming event processor " + group));
				log.warn("Read models of processor {} have layout {}; this version writes layout {}: rebuilding them "
						+ "from the first event", group, found, layout);
				processor.resetTokens();
				this.recorded.record(group, layout);
				rebuilt.add(group);
			}
		});
		return rebuilt;
	}

}
