package org.unionledger.projections.credentials;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.ReadModelBatch;

/**
 * Transfer credentials by code, so that a receiving union can present a code and find the
 * membership it belongs to. The aggregate decides whether the credential is still good;
 * this only points at it.
 */
@ProcessingGroup(CredentialProjection.PROCESSING_GROUP)
public class CredentialProjection {

	public static final String PROCESSING_GROUP = "credentials";

	public static final String COLLECTION = "rm_credentials";

	private final MongoDatabase database;

	public CredentialProjection(MongoDatabase database) {
		this.database = database;
	}

	@ResetHandler
	void reset() {
		this.database.getCollection(COLLECTION).drop();
	}

	@EventHandler
	void on(TransferCredentialIssued event, TrackingToken token) {
		ReadModelBatch.current().apply(COLLECTION, event.code().value(), EventPositions.of(token), d -> {
			d.put("memberId", event.memberId().value());
			d.put("issuingUnionId", event.issuingUnion().unionId().value());
			d.put("toUnionId", (event.toUnionId() != null) ? event.toUnionId().value() : null);
			d.put("issuedOn", event.issuedOn().toString());
			d.put("expiresOn", event.expiresOn().toString());
			d.put("status", CredentialView.Status.OUTSTANDING.name());
		});
	}

	@EventHandler
	void on(TransferCredentialCancelled event, TrackingToken token) {
		ReadModelBatch.current()
			.apply(COLLECTION, event.code().value(), EventPositions.of(token),
					d -> d.put("status", CredentialView.Status.CANCELLED.name()));
	}

	@EventHandler
	void on(TransferAccepted event, TrackingToken token) {
		ReadModelBatch.current().apply(COLLECTION, event.code().value(), EventPositions.of(token), d -> {
			d.put("status", CredentialView.Status.USED.name());
			d.put("acceptedBy", event.toUnion().unionId().value());
			d.put("acceptedOn", event.effectiveDate().toString());
		});
	}

}
