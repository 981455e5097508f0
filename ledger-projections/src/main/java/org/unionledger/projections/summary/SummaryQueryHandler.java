package org.unionledger.projections.summary;

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

	public SummaryQueryHandler(MongoDatabase database) {
		this.summaries = database.getCollection(SummaryProjection.COLLECTION);
	}

	@QueryHandler
	public SummaryDocument handle(FindUnionSummary query) {
		String key = SummaryKeys.union(query.unionId());
		return SummaryDocument.from(key, query.statisticalYear(), this.summaries.find(Filters.eq("_id", key)).first());
	}

	@QueryHandler
	public SummaryDocument handle(FindJurisdictionSummary query) {
		String key = SummaryKeys.jurisdiction(query.code());
		return SummaryDocument.from(key, query.statisticalYear(), this.summaries.find(Filters.eq("_id", key)).first());
	}

}
