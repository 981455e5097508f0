package org.unionledger.projections.rosters;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

/** Reads a union's roster, all its buckets, with one {@code _id $in} read. */
public class RosterQueryHandler {

	private final MongoCollection<Document> rosters;

	public RosterQueryHandler(MongoDatabase database) {
		this.rosters = database.getCollection(RosterProjection.COLLECTION);
	}

	@QueryHandler
	public RosterView handle(FindRoster query) {
		List<String> ids = new ArrayList<>(RosterProjection.BUCKETS);
		for (int bucket = 0; bucket < RosterProjection.BUCKETS; bucket++) {
			ids.add(RosterProjection.bucketId(query.unionId(), bucket));
		}
		List<Document> buckets = this.rosters.find(Filters.in("_id", ids))
			.batchSize(RosterProjection.BUCKETS)
			.into(new ArrayList<>());
		return RosterView.from(query.unionId(), buckets);
	}

}
