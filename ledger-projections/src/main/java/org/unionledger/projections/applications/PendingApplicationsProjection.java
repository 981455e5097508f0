package org.unionledger.projections.applications;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.unionledger.online.Events.ApplicationApprovalWithdrawn;
import org.unionledger.online.Events.ApplicationApproved;
import org.unionledger.online.Events.ApplicationDeclined;
import org.unionledger.online.Events.ApplicationSubmitted;
import org.unionledger.projections.rosters.RosterProjection;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.ReadModelBatch;

/**
 * Each union's pending online applications: {@code pending} maps application ids to the
 * day they were submitted; a decision removes the entry, a withdrawn approval puts it
 * back. Handled by the rosters processor (one processor for the union lists).
 */
@ProcessingGroup(RosterProjection.PROCESSING_GROUP)
public class PendingApplicationsProjection {

	public static final String COLLECTION = "rm_pending_applications";

	private final MongoDatabase database;

	public PendingApplicationsProjection(MongoDatabase database) {
		this.database = database;
	}

	@ResetHandler
	void reset() {
		this.database.getCollection(COLLECTION).drop();
	}

	@EventHandler
	void on(ApplicationSubmitted event, TrackingToken token) {
		ReadModelBatch.current()
			.apply(COLLECTION, event.union().unionId().value(), EventPositions.of(token),
					d -> pending(d).put(event.applicationId().value(), event.submittedOn().toString()));
	}

	@EventHandler
	void on(ApplicationApproved event, TrackingToken token) {
		ReadModelBatch.current()
			.apply(COLLECTION, event.union().unionId().value(), EventPositions.of(token),
					d -> pending(d).remove(event.applicationId().value()));
	}

	@EventHandler
	void on(ApplicationApprovalWithdrawn event, TrackingToken token) {
		ReadModelBatch.current()
			.apply(COLLECTION, event.union().unionId().value(), EventPositions.of(token),
					d -> pending(d).put(event.applicationId().value(), event.submittedOn().toString()));
	}

	@EventHandler
	void on(ApplicationDeclined event, TrackingToken token) {
		ReadModelBatch.current()
			.apply(COLLECTION, event.union().unionId().value(), EventPositions.of(token),
					d -> pending(d).remove(event.applicationId().value()));
	}

	private static Document pending(Document document) {
		Document pending = document.get("pending", Document.class);
		if (pending == null) {
			pending = new Document();
			document.put("pending", pending);
		}
		return pending;
	}

}
