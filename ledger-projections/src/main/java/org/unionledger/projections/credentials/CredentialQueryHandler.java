package org.unionledger.projections.credentials;

import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

/** Finds credentials by code with one {@code _id} read. */
public class CredentialQueryHandler {

	private final MongoCollection<Document> credentials;

	public CredentialQueryHandler(MongoDatabase database) {
		this.credentials = database.getCollection(CredentialProjection.COLLECTION);
	}

	@QueryHandler
	public Optional<CredentialView> handle(FindCredential query) {
		return Optional.ofNullable(this.credentials.find(Filters.eq("_id", query.code().value())).first())
			.map(CredentialView::from);
	}

}
