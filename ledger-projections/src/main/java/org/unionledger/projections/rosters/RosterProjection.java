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
 * Who belongs to each union now, in up to {@value #BUCKETS} documents per union
 * ({@code _id} = {@code <union id>|<bucket>}, the bucket chosen by the member id's hash)
 * whose {@code members} map member ids to their status and the date they got it. A
 * transfer leaves the origin's roster only when it is accepted.
 * <p>
 * Buckets keep every document small whatever a union's size: an entry takes about 60
 * bytes of BSON, so a union of 250,000 members has buckets of about 240 KB, and a batch
 * of enrollments rewrites only the buckets it touches (before layout 2 a union's whole
 * roster was one document, rewritten by every batch and bounded only by MongoDB's 16 MB).
 */
@ProcessingGroup(RosterProjection.PROCESSING_GROUP)
public class RosterProjection {

	public static final String PROCESSING_GROUP = "rosters";

	public static final String COLLECTION = "rm_rosters";

	/** The layout of these read models: 2 since rosters are split into buckets. */
	public static final int LAYOUT = 2;

	/** Documents per union at most. */
	static final int BUCKETS = 64;

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
			.apply(COLLECTION, bucket(union, member), EventPositions.of(token), d -> members(d).put(member.value(),
					new Document("status", status.name()).append("since", since.toString())));
	}

	private static void remove(UnionId union, MemberId member, TrackingToken token) {
		ReadModelBatch.current()
			.apply(COLLECTION, bucket(union, member), EventPositions.of(token), d -> members(d).remove(member.value()));
	}

	/** The {@code _id} of the union's document that holds the member. */
	static String bucket(UnionId union, MemberId member) {
		return bucketId(union, Math.floorMod(member.value().hashCode(), BUCKETS));
	}

	static String bucketId(UnionId union, int bucket) {
		return union.value() + "|" + bucket;
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
