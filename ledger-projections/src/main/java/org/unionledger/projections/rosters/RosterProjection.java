package org.unionledger.projections.rosters;

import java.time.LocalDate;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.union.UnionId;

/**
 * Who belongs to each union now: one document per union ({@code _id} = union id) whose
 * {@code members} map member ids to their status and the date they got it. A transfer
 * leaves the origin's roster only when it is accepted.
 */
@ProcessingGroup(RosterProjection.PROCESSING_GROUP)
public class RosterProjection {

	public static final String PROCESSING_GROUP = "rosters";

	public static final String COLLECTION = "rm_rosters";

	private final MongoDatabase database;

	public RosterProjection(MongoDatabase database) {
		this.database = database;
	}

	@ResetHandler
	void reset() {
		this.database.getCollection(COLLECTION).drop();
	}

	@EventHandler
	void on(MemberEnrolled event, TrackingToken token) {
		put(event.union().unionId(), event.memberId(), MembershipStatus.ACTIVE, event.effectiveDate(), token);
	}

	@EventHandler
	void on(MemberReEnrolled event, TrackingToken token) {
		put(event.union().unionId(), event.memberId(), MembershipStatus.ACTIVE, event.effectiveDate(), token);
	}

	@EventHandler
	void on(TransferAccepted event, TrackingToken token) {
		remove(event.fromUnion().unionId(), event.memberId(), token);
		put(event.toUnion().unionId(), event.memberId(), MembershipStatus.ACTIVE, event.effectiveDate(), token);
	}

	@EventHandler
	void on(MembershipPutOnHold event, TrackingToken token) {
		put(event.union().unionId(), event.memberId(), MembershipStatus.ON_HOLD, event.effectiveDate(), token);
	}

	@EventHandler
	void on(MembershipResumed event, TrackingToken token) {
		put(event.union().unionId(), event.memberId(), MembershipStatus.ACTIVE, event.effectiveDate(), token);
	}

	@EventHandler
	void on(MembershipTerminated event, TrackingToken token) {
		remove(event.union().unionId(), event.memberId(), token);
	}

	private static void put(UnionId union, MemberId member, MembershipStatus status, LocalDate since,
			TrackingToken token) {
		ReadModelBatch.current()
			.apply(COLLECTION, union.value(), EventPositions.of(token), d -> members(d).put(member.value(),
					new Document("status", status.name()).append("since", since.toString())));
	}

	private static void remove(UnionId union, MemberId member, TrackingToken token) {
		ReadModelBatch.current()
			.apply(COLLECTION, union.value(), EventPositions.of(token), d -> members(d).remove(member.value()));
	}

	private static Document members(Document roster) {
		Document members = roster.get("members", Document.class);
		if (members == null) {
			members = new Document();
			roster.put("members", members);
		}
		return members;
	}

}
