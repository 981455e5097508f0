package org.unionledger.projections.rosters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.projections.support.Documents;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.union.UnionId;

/**
 * Who belongs to each union now. A union's roster is split into chunks by the global
 * position of the event that put each member there: a member's entry lives in
 * {@code <union id>|c|<window>} ({@code members}: member id → status and the date they
 * got it), the window being that position divided by {@value #WINDOW}; the union's head
 * {@code <union id>|h} lists its windows ({@code w}). A transfer leaves the origin's
 * roster only when it is accepted.
 * <p>
 * So a batch of enrollments into a union rewrites its newest chunk (at most
 * {@value #WINDOW} entries of about 60 bytes) and not the rest of the roster, however
 * large (layout 2 spread a union over 64 buckets by member-id hash, so every batch
 * rewrote nearly all of them, a union's whole roster per batch). To find a member's entry
 * again, {@value #MEMBERS} keeps per member ({@code <member id>}) where each of their
 * events put them ({@code h}: position, union, window; no union once they left), so that
 * a redelivered event finds where the member was before it.
 */
@ProcessingGroup(RosterProjection.PROCESSING_GROUP)
public class RosterProjection {

	public static final String PROCESSING_GROUP = "rosters";

	public static final String COLLECTION = "rm_rosters";

	/** Where each member's roster entry lives. */
	public static final String MEMBERS = "rm_roster_members";

	/**
	 * The layout of these read models: 2 since rosters are split into buckets, 3 since
	 * they are split into chunks by position.
	 */
	public static final int LAYOUT = 3;

	/** Global positions per chunk of a union's roster. */
	static final long WINDOW = 1_024;

	private final MongoDatabase database;

	public RosterProjection(MongoDatabase database) {
		this.database = database;
	}

	@ResetHandler
	void reset() {
		this.database.getCollection(COLLECTION).drop();
		this.database.getCollection(MEMBERS).drop();
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
		put(event.toUnion().unionId(), event.memberId(), MembershipStatus.ACTIVE, event.effectiveDate(), token);
	}

	@EventHandler
	void on(MemberTransferredInFromLedger event, TrackingToken token) {
		put(event.union().unionId(), event.memberId(), MembershipStatus.ACTIVE, event.effectiveDate(), token);
	}

	/** The member left the ledger: off every roster here. */
	@EventHandler
	void on(MemberTransferredToLedger event, TrackingToken token) {
		move(null, event.memberId(), null, null, EventPositions.of(token));
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
		move(null, event.memberId(), null, null, EventPositions.of(token));
	}

	private static void put(UnionId union, MemberId member, MembershipStatus status, LocalDate since,
			TrackingToken token) {
		move(union, member, status, since, EventPositions.of(token));
	}

	/**
	 * Takes the member's entry out of the chunk that held it before this event and,
	 * unless {@code union} is {@code null}, puts it into the union's chunk of this
	 * position.
	 */
	private static void move(UnionId union, MemberId member, MembershipStatus status, LocalDate since, long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		Document before = locationBefore(batch.document(MEMBERS, member.value()), position);
		long window = position / WINDOW;
		String from = (before != null && before.getString("u") != null)
				? chunkId(new UnionId(before.getString("u")), Documents.number(before, "w")) : null;
		String to = (union != null) ? chunkId(union, window) : null;
		if (from != null && !from.equals(to)) {
			batch.apply(COLLECTION, from, position, (chunk) -> members(chunk).remove(member.value()));
		}
		if (to != null) {
			// one change per document and event: a second would be taken for a redelivery
			batch.apply(COLLECTION, to, position, (chunk) -> members(chunk).put(member.value(),
					new Document("status", status.name()).append("since", since.toString())));
			batch.apply(COLLECTION, headId(union), position, (head) -> {
				List<Object> windows = windows(head);
				if (windows.isEmpty() || ((Number) windows.get(windows.size() - 1)).longValue() != window) {
					windows.add(window);
				}
			});
		}
		batch.apply(MEMBERS, member.value(), position, (located) -> {
			Document entry = new Document("p", position);
			if (union != null) {
				entry.append("u", union.value()).append("w", window);
			}
			Documents.list(located, "h").add(entry);
		});
	}

	/** Where the member's entry was before the event at {@code position}, if anywhere. */
	private static Document locationBefore(Document located, long position) {
		List<Document> before = Documents.before(located, "h", position);
		return before.isEmpty() ? null : before.get(before.size() - 1);
	}

	static String headId(UnionId union) {
		return union.value() + "|h";
	}

	static String chunkId(UnionId union, long window) {
		return union.value() + "|c|" + window;
	}

	@SuppressWarnings("unchecked")
	static List<Object> windows(Document head) {
		Object value = head.get("w");
		if (value instanceof List<?> list) {
			return (List<Object>) list;
		}
		List<Object> created = new ArrayList<>();
		head.put("w", created);
		return created;
	}

	private static Document members(Document chunk) {
		Document members = chunk.get("members", Document.class);
		if (members == null) {
			members = new Document();
			chunk.put("members", members);
		}
		return members;
	}

}
