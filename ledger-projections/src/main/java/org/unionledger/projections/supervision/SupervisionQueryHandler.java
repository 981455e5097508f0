package org.unionledger.projections.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

/**
 * Lists findings with two {@code _id} reads: the scope's list, then the findings in it.
 */
public class SupervisionQueryHandler {

	private final MongoCollection<Document> findings;

	private final MongoCollection<Document> lists;

	public SupervisionQueryHandler(MongoDatabase database) {
		this.findings = database.getCollection(SupervisionProjection.FINDINGS);
		this.lists = database.getCollection(SupervisionProjection.LISTS);
	}

	@QueryHandler
	public java.util.Optional<Finding> handle(FindFinding query) {
		return java.util.Optional.ofNullable(this.findings.find(Filters.eq("_id", query.findingId())).first())
			.map(Finding::from);
	}

	@QueryHandler
	public List<Finding> handle(FindFindings query) {
		Document list = this.lists.find(Filters.eq("_id", query.scope() + "|" + query.statisticalYear())).first();
		List<Finding> result = new ArrayList<>();
		if (list == null) {
			return result;
		}
		List<String> ids = list.getList("ids", String.class);
		for (int from = 0; from < ids.size(); from += 1000) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
			for (Document document : this.findings.find(Filters.in("_id", chunk))) {
				Finding finding = Finding.from(document);
				if (query.kind() == null || finding.kind() == query.kind()) {
					result.add(finding);
				}
			}
		}
		result.sort(Comparator.comparingLong(Finding::position).thenComparing(Finding::id));
		return result;
	}

}
