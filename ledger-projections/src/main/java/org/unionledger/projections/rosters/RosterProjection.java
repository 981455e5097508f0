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
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberNameCorrected;
import org.unionledger.membership.Events.PersonalDataErased;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.projections.support.Documents;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.rosters.PersonTokens.Tokens;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.projections.rosters.RosterEntries.Location;
import org.unionledger.union.UnionId;

/**
 * Who belongs to each union now. A union's roster is split into chunks by the global
 * position of the event that put each member there: a member's entry lives in
 * {@code <union id>|c|<window>} ({@code members}: member id → status, the date they got
 * it, {@code t}, the token their current name is searched by, and {@code f}, their
 * federation fingerprint, see {@link PersonTokens}; neither once their data is erased),
 * the window being that position divided by {@value #WINDOW}; the union's head
 * {@code <union id>|h} lists its windows ({@code w}). A transfer leaves the origin's
 * roster only when it is accepted.
 * <p>
 * So a batch of enrollments into a union rewrites its newest chunk (at most
 * {@value #WINDOW} entries of about 60 bytes) and not the rest of the roster, however
 * large (layout 2 spread a union over 64 buckets by member-id hash, so every batch
 * rewrote nearly all of them, a union's whole roster per batch). To find a member's entry
 * again, {@value #MEMBERS} keeps per member ({@code <member id>}) where each of their
 * events put them ({@code h}: position, union, window, tokens; no union once they left),
 * so that a redelivered event finds where the member was before it and with which tokens.
 */
@ProcessingGroup(RosterProjection.PROCESSING_GROUP)
public class RosterProjection {

	public static final String PROCESSING_GROUP = "rosters";

	public static final String COLLECTION = "rm_rosters";

	/** Where each member's roster entry lives. */
	public static final String MEMBERS = "rm_roster_members";

	/**
	 * The layout of the read models of this processing group: 2 since rosters are split
	 * into buckets, 3 since they are split into chunks by position, 4 since each entry
	 * keeps its member's name token and federation fingerprint ({@link PersonTokens}),
	 * which a store written before has to be rebuilt for.
	 */
	public static final int LAYOUT = 4;

	/** Global positions per chunk of a union's roster. */
	static final long WINDOW = 1_024;

	private final MongoDatabase database;

	private final PersonTokens tokens;

	public RosterProjection(MongoDatabase database) {
		this(database, PersonTokens.NONE);
	}

	/**
	 * @param tokens what is kept of each member's personal data with their entry
	 */
	public RosterProjection(MongoDatabase database, PersonTokens tokens) {
		this.database = database;
		this.tokens = tokens;
	}

	@ResetHandler
	void reset() {
		this.database.getCollection(COLLECTION).drop();
		this.database.getCollection(MEMBERS).drop();
	}

	@EventHandler
	void on(MemberEnrolled event, TrackingToken token) {
		move(event.union().unionId(), event.memberId(), MembershipStatus.ACTIVE, event.effectiveDate(),
				named(event.memberId(), event.personalData()), EventPositions.of(token));
	}

	@EventHandler
	void on(MemberReEnrolled event, TrackingToken token) {
		move(event.union().unionId(), event.memberId(), MembershipStatus.ACTIVE, event.effectiveDate(),
				named(event.memberId(), event.personalData()), EventPositions.of(token));
	}

	@EventHandler
	void on(TransferAccepted event, TrackingToken token) {
		put(event.toUnion().unionId(), event.memberId(), MembershipStatus.ACTIVE, event.effectiveDate(), token);
	}

	@EventHandler
	void on(MemberTransferredInFromLedger event, TrackingToken token) {
		move(event.union().unionId(), event.memberId(), MembershipStatus.ACTIVE, event.effectiveDate(),
				named(event.memberId(), event.personalData()), EventPositions.of(token));
	}

	/** The member left the ledger: off every roster here. */
	@EventHandler
	void on(MemberTransferredToLedger event, TrackingToken token) {
		move(null, event.memberId(), null, null, null, EventPositions.of(token));
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
		move(null, event.memberId(), null, null, null, EventPositions.of(token));
	}

	/** The entry stays where it is, under the corrected name's token. */
	@EventHandler
	void on(MemberNameCorrected event, TrackingToken token) {
		rename(event.memberId(), named(event.memberId(), event.personalData()), EventPositions.of(token));
	}

	/** The entry stays where it is, under no name. */
	@EventHandler
	void on(PersonalDataErased event, TrackingToken token) {
		rename(event.memberId(), Tokens.NONE, EventPositions.of(token));
	}

	/** What is kept of this data (see {@link PersonTokens}). */
	private Tokens named(MemberId member, EncryptedPersonalData data) {
		Tokens found = this.tokens.tokensOf(member, data);
		return (found != null) ? found : Tokens.NONE;
	}

	/** A move that keeps the member's tokens as they were before the event. */
	private static void put(UnionId union, MemberId member, MembershipStatus status, LocalDate since,
			TrackingToken token) {
		move(union, member, status, since, null, EventPositions.of(token));
	}

	/**
	 * Takes the member's entry out of the chunk that held it before this event and,
	 * unless {@code union} is {@code null}, puts it into the union's chunk of this
	 * position, with the tokens {@code kept}, or those it had before when {@code kept} is
	 * {@code null}.
	 */
	private static void move(UnionId union, MemberId member, MembershipStatus status, LocalDate since, Tokens kept,
			long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		Location before = locationBefore(batch.document(MEMBERS, member.value()), position);
		long window = position / WINDOW;
		String from = (before != null && before.union() != null) ? chunkId(new UnionId(before.union()), before.window())
				: null;
		String to = (union != null) ? chunkId(union, window) : null;
		Tokens tokens = (kept != null) ? kept : (before != null) ? before.tokens() : Tokens.NONE;
		if (from != null && !from.equals(to)) {
			batch.apply(COLLECTION, from, position, (chunk) -> members(chunk).remove(member.value()));
		}
		if (to != null) {
			// one change per document and event: a second would be taken for a redelivery
			batch.apply(COLLECTION, to, position, (chunk) -> {
				members(chunk).put(member.value(), RosterEntries.line(status, since, tokens));
			});
			batch.apply(COLLECTION, headId(union), position, (head) -> {
				List<Object> windows = windows(head);
				if (windows.isEmpty() || ((Number) windows.get(windows.size() - 1)).longValue() != window) {
					windows.add(window);
				}
			});
		}
		Location now = (union != null) ? new Location(position, union.value(), window, tokens)
				: Location.nowhere(position);
		batch.apply(MEMBERS, member.value(), position,
				(located) -> Documents.list(located, Location.LIST).add(now.toDocument()));
	}

	/** The member's entry, where it is, with other tokens. */
	private static void rename(MemberId member, Tokens tokens, long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		Location before = locationBefore(batch.document(MEMBERS, member.value()), position);
		if (before == null || before.union() == null) {
			return;
		}
		batch.apply(COLLECTION, chunkId(new UnionId(before.union()), before.window()), position, (chunk) -> {
			Object entry = members(chunk).get(member.value());
			if (entry instanceof Document found) {
				RosterEntries.retoken(found, tokens);
			}
		});
		Location now = new Location(position, before.union(), before.window(), tokens);
		batch.apply(MEMBERS, member.value(), position,
				(located) -> Documents.list(located, Location.LIST).add(now.toDocument()));
	}

	/** Where the member's entry was before the event at {@code position}, if anywhere. */
	private static Location locationBefore(Document located, long position) {
		List<Document> before = Documents.before(located, Location.LIST, position);
		return before.isEmpty() ? null : Location.of(before.get(before.size() - 1));
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
