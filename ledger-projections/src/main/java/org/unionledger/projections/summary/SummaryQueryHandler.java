package org.unionledger.projections.summary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.unionledger.projections.summary.SummaryQueries.FindJurisdictionSummary;
import org.unionledger.projections.summary.SummaryQueries.FindUnionSummary;

/** Answers summary queries with one {@code _id} read. */
public class SummaryQueryHandler {

	private final MongoCollection<Document> summaries;

	private final Clock clock;

	public SummaryQueryHandler(MongoDatabase database, Clock clock) {
		this.summaries = database.getCollection(SummaryProjection.COLLECTION);
		this.clock = clock;
	}

	@QueryHandler
	public SummaryDocument handle(FindUnionSummary query) {
		String key = SummaryKeys.union(query.unionId());
		return SummaryDocument.from(key, query.statisticalYear(), this.summaries.find(Filters.eq("_id", key)).first());
	}

	/**
	 * A jurisdiction's figures, with the moves of unions in and out taken into account.
	 */
	@QueryHandler
	public SummaryDocument handle(FindJurisdictionSummary query) {
		return SummaryDocument.read(SummaryKeys.jurisdiction(query.code()), query.statisticalYear(),
				LocalDate.now(this.clock), this::find);
	}

	private Map<String, Document> find(Collection<String> ids) {
		Map<String, Document> found = new HashMap<>();
		this.summaries.find(Filters.in("_id", ids))
			.forEach((document) -> found.put(document.getString("_id"), document));
		return found;
	}

}
