package org.unionledger.projections.transfers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.unionledger.projections.support.ReadModelStore;

/** Answers {@link FindTransfers} with one {@code _id $in} read. */
public class TransferQueryHandler {

	private final ReadModelStore store;

	public TransferQueryHandler(ReadModelStore store) {
		this.store = store;
	}

	@QueryHandler
	public TransfersView handle(FindTransfers query) {
		String flowKey = TransferProjection.flowKey(query.scope(), query.statisticalYear());
		Set<String> keys = new LinkedHashSet<>();
		keys.add(flowKey);
		keys.add(TransferProjection.outstandingKey(query.scope()));
		query.children().forEach((child) -> keys.add(TransferProjection.outstandingKey(child)));
		Map<String, Document> documents = this.store.find(TransferProjection.COLLECTION, keys);
		Map<String, Long> edges = new TreeMap<>();
		Document flows = documents.get(flowKey);
		if (flows != null && flows.get(TransferProjection.FLOWS) instanceof Document byDay) {
			for (Map.Entry<String, Object> day : byDay.entrySet()) {
				LocalDate date = LocalDate.parse(day.getKey());
				if (date.isBefore(query.from()) || date.isAfter(query.asOf())
						|| !(day.getValue() instanceof Document counts)) {
					continue;
				}
				counts.forEach((edge, count) -> edges.merge(edge, ((Number) count).longValue(), Long::sum));
			}
		}
		List<TransfersView.Flow> list = new ArrayList<>();
		edges.forEach((edge, count) -> {
			String[] cities = edge.split(">");
			list.add(new TransfersView.Flow(cities[0], cities[1], count));
		});
		list.sort(Comparator.comparingLong(TransfersView.Flow::count).reversed());
		List<TransfersView.Credentials> children = new ArrayList<>();
		for (String child : query.children()) {
			children.add(credentials(child, documents, query.today()));
		}
		return new TransfersView(query.scope(), list, credentials(query.scope(), documents, query.today()), children);
	}

	private static TransfersView.Credentials credentials(String scope, Map<String, Document> documents,
			LocalDate today) {
		long outstanding = 0;
		long expired = 0;
		Document document = documents.get(TransferProjection.outstandingKey(scope));
		if (document != null && document.get(TransferProjection.BY_EXPIRY) instanceof Document byExpiry) {
			for (Map.Entry<String, Object> entry : byExpiry.entrySet()) {
				long count = ((Number) entry.getValue()).longValue();
				if (LocalDate.parse(entry.getKey()).isAfter(today)) {
					outstanding += count;
				}
				else {
					expired += count;
				}
			}
		}
		return new TransfersView.Credentials(scope, outstanding, expired);
	}

}
