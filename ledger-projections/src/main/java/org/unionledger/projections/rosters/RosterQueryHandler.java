package org.unionledger.projections.rosters;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

/** Reads a union's roster with one {@code _id} read. */
public class RosterQueryHandler {

	private final MongoCollection<Document> rosters;

	public RosterQueryHandler(MongoDatabase database) {
		this.rosters = database.getCollection(RosterProjection.COLLECTION);
	}

	@QueryHandler
	public RosterView handle(FindRoster query) {
		return RosterView.from(query.unionId(), this.rosters.find(Filters.eq("_id", query.unionId().value())).first());
	}

}
