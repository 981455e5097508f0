package org.unionledger.projections.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.Document;
import org.unionledger.projections.support.Documents;
import org.unionledger.projections.support.ReadModelBatch;

/**
 * The counter and index changes of one batch of events, gathered event by event and
 * handed to the documents when the batch commits (see {@link ReadModelBatch#deferred}).
 * Each document is then loaded (with the batch's other documents, {@code _id $in}) and
 * changed once per batch instead of once per event: a counter document's additions are
 * summed over the events it has not seen, an index document's changes run in event order.
 * <p>
 * Exactly once: a document takes the changes of the events after its {@code lastPosition}
 * only, and keeps the last of their positions, just as applying them one event at a time
 * would; so a batch handled again after a partial write (or cut differently) leaves every
 * document as a single pass would have.
 */
final class BatchedChanges {

	/** {@code amounts} to add under {@code field} (and its sub-document {@code key}). */
	private record Addition(long position, Path path, Map<String, Long> amounts) {
	}

	/** Where additions go in a counter document: {@code field} or {@code field.key}. */
	private record Path(String field, String key) {
	}

	private record Change(long position, Consumer<Document> change) {
	}

	private final Map<String, List<Addition>> counters = new LinkedHashMap<>();

	private final Map<String, List<Change>> index = new LinkedHashMap<>();

	/**
	 * Adds {@code amounts} (figure fields and deltas, none zero) to the counter document
	 * {@code id} under {@code field}, or under {@code field.key} when {@code key} is not
	 * {@code null}, for the event at {@code position}.
	 */
	void add(String id, long position, String field, String key, Map<String, Long> amounts) {
		this.counters.computeIfAbsent(id, (k) -> new ArrayList<>())
			.add(new Addition(position, new Path(field, key), amounts));
	}

	/** Changes the index document {@code id} for the event at {@code position}. */
	void change(String id, long position, Consumer<Document> change) {
		this.index.computeIfAbsent(id, (k) -> new ArrayList<>()).add(new Change(position, change));
	}

	/** Hands the gathered changes to the batch's documents. */
	void apply(ReadModelBatch batch) {
		batch.prefetch(StatisticsProjection.COUNTERS, this.counters.keySet());
		this.counters.forEach((id, additions) -> {
			long seen = lastPosition(batch.document(StatisticsProjection.COUNTERS, id));
			Map<Path, Map<String, Long>> sums = new LinkedHashMap<>();
			long last = seen;
			for (Addition addition : additions) {
				if (addition.position() > seen) {
					Map<String, Long> sum = sums.computeIfAbsent(addition.path(), (p) -> new LinkedHashMap<>());
					addition.amounts().forEach((field, amount) -> sum.merge(field, amount, Long::sum));
					last = addition.position();
				}
			}
			batch.apply(StatisticsProjection.COUNTERS, id, last, (document) -> sums.forEach((path, sum) -> {
				Document target = Documents.sub(document, path.field());
				if (path.key() != null) {
					target = Documents.sub(target, path.key());
				}
				for (Map.Entry<String, Long> amount : sum.entrySet()) {
					Documents.increment(target, amount.getKey(), amount.getValue());
				}
			}));
		});
		batch.prefetch(StatisticsProjection.INDEX, this.index.keySet());
		this.index.forEach((id, changes) -> {
			long seen = lastPosition(batch.document(StatisticsProjection.INDEX, id));
			List<Change> unseen = changes.stream().filter((change) -> change.position() > seen).toList();
			if (!unseen.isEmpty()) {
				batch.apply(StatisticsProjection.INDEX, id, unseen.get(unseen.size() - 1).position(),
						(document) -> unseen.forEach((change) -> change.change().accept(document)));
			}
		});
	}

	private static long lastPosition(Document document) {
		return ((Number) document.getOrDefault(ReadModelBatch.LAST_POSITION, -1L)).longValue();
	}

}
