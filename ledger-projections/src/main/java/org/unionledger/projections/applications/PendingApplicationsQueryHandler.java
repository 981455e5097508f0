package org.unionledger.projections.applications;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

/** Reads a union's pending applications with one {@code _id} read. */
public class PendingApplicationsQueryHandler {

	private final MongoCollection<Document> pending;

	public PendingApplicationsQueryHandler(MongoDatabase database) {
		this.pending = database.getCollection(PendingApplicationsProjection.COLLECTION);
	}

	@QueryHandler
	public PendingApplications handle(FindPendingApplications query) {
		return PendingApplications.from(query.unionId(),
				this.pending.find(Filters.eq("_id", query.unionId().value())).first());
	}

}
