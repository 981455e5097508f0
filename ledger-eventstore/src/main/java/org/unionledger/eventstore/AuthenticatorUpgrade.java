package org.unionledger.eventstore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * The one-off upgrade of a store written before commit authenticators existed: adds an
 * authenticator (see {@link CommitAuthenticator}) to every commit and stream copy that
 * has none, under the key derived from the operator's seal key, and then records the
 * store's signed authenticator record, without which an authenticating engine refuses to
 * open a store that holds commits ({@link StoreNotUpgradedException}).
 * <p>
 * It vouches for nothing it cannot check: it runs only when the existing seal verifies
 * (every sealed commit and stream copy as sealed, every digest signed by this key) and
 * refuses when commits after the sealed head exist, which the seal never covered, unless
 * the operator includes them explicitly. A cleanly stopped ledger seals its last commits
 * when it stops, so it has none. The ledger must be stopped (all nodes) while it runs;
 * run again after an interruption, it authenticates the same commits the same way. After
 * it, every commit carries an authenticator and readers refuse any commit without one;
 * there is no boundary below which unauthenticated commits are accepted. Finally it
 * seals, so included unsealed commits are sealed too.
 * <p>
 * Cost: one {@code _id $in} read of up to 1,000 positions and one of their stream copies
 * per window, and one unordered bulk update per window; memory for one link (a sequence
 * number and an authenticator) per aggregate.
 */
public final class AuthenticatorUpgrade {

	private static final int WINDOW = 1000;

	private static final int STREAM_KEYS = 256;

	private AuthenticatorUpgrade() {
	}

	/**
	 * What the upgrade did.
	 *
	 * @param alreadyUpgraded the store already held its authenticator record; nothing was
	 * changed
	 * @param commits commits authenticated
	 * @param streamCopies stream copies authenticated
	 * @param upgradedThrough the head when the upgrade ran: every commit up to it carries
	 * an authenticator
	 * @param unsealedIncluded commits after the sealed head that were included because
	 * the operator asked
	 * @param seal what the seal did after the upgrade
	 */
	public record Result(boolean alreadyUpgraded, long commits, long streamCopies, long upgradedThrough,
			long unsealedIncluded, EventSeal.SealResult seal) {
	}

	/** The upgrade refused to run; nothing was changed. */
	public static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refused(String message) {
			super(message);
		}

	}

	/**
	 * Runs the upgrade.
	 * @param database the store
	 * @param collectionPrefix the engine's collection prefix ("" by default)
	 * @param sealKey the ledger's seal key
	 * @param clock for the record's and the seal's time
	 * @param includeUnsealed also authenticate commits after the sealed head (the
	 * operator vouches for them)
	 * @throws Refused when the seal does not verify, nothing is sealed yet, or commits
	 * after the sealed head exist and were not included
	 */
	public static Result run(MongoDatabase database, String collectionPrefix, byte[] sealKey, Clock clock,
			boolean includeUnsealed) {
		String prefix = (collectionPrefix != null) ? collectionPrefix : "";
		StoreLayout layout = new StoreLayout(database, prefix);
		CommitAuthenticator authenticator = CommitAuthenticator.fromSealKey(sealKey);
		Document record = layout.counters.find(Filters.eq(StoreLayout.ID, StoreLayout.AUTHENTICATORS)).first();
		if (record != null) {
			if (!authenticator.checkRecord(record)) {
				throw new Refused("the store's authenticator record is not signed with this key (another ledger's "
						+ "store, or the record was altered); nothing was changed");
			}
			return new Result(true, 0, 0, StoreLayout.number(record, "upgradedThrough"), 0, null);
		}
		EventSeal.VerificationReport report = new EventSeal(database, prefix, sealKey, clock, null, false).verify();
		if (!report.intact()) {
			EventSeal.Problem first = report.firstProblem();
			throw new Refused("the seal does not verify: first bad position " + first.position() + " (" + first.kind()
					+ ": " + first.detail() + "); nothing was changed");
		}
		Document counter = layout.counters.find(Filters.eq(StoreLayout.ID, StoreLayout.GLOBAL_COUNTER)).first();
		long head = (counter != null) ? StoreLayout.number(counter, StoreLayout.VALUE) : 0;
		if (head > 0 && report.latestDigest() == null) {
			throw new Refused("nothing is sealed yet, so nothing can be verified; nothing was changed");
		}
		long sealedUpTo = report.verifiedUpTo();
		long unsealed = 0;
		for (long position = sealedUpTo + 1; position <= head; position += WINDOW) {
			for (Document document : StoreLayout.byPosition(layout.events, StoreLayout.range(position, WINDOW), null)
				.values()) {
				if (!StoreLayout.events(document).isEmpty()) {
					unsealed++;
				}
			}
		}
		if (unsealed > 0 && !includeUnsealed) {
			throw new Refused(unsealed + " commits after the sealed head (position " + sealedUpTo
					+ ") were never sealed, so the seal cannot vouch for them; start the ledger of the old version "
					+ "once and stop it cleanly (it seals when it stops), or include them if you know they are "
					+ "the ledger's own (--include-unsealed); nothing was changed");
		}
		long[] counts = authenticateAll(layout, authenticator, head);
		try {
			layout.counters.insertOne(authenticator.newRecord(head + 1, head, clock.millis()));
		}
		catch (com.mongodb.MongoException ex) {
			if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				throw ex;
			}
		}
		EventSeal.SealResult sealed = new EventSeal(database, prefix, sealKey, clock).seal();
		return new Result(false, counts[0], counts[1], head, unsealed, sealed);
	}

	/**
	 * Authenticates every commit holding events up to {@code head}, chaining each
	 * aggregate's committed commits in position order (which is their sequence order: a
	 * commit is written after the one before it in its stream was committed).
	 */
	private static long[] authenticateAll(StoreLayout layout, CommitAuthenticator authenticator, long head) {
		Map<String, CommitGuard.Link> links = new HashMap<>();
		long commits = 0;
		long copies = 0;
		for (long from = 1; from <= head; from += WINDOW) {
			TreeMap<Long, Document> documents = StoreLayout.byPosition(layout.events, StoreLayout.range(from, WINDOW),
					null);
			Map<String, Document> streams = streamsOf(layout, documents);
			List<UpdateOneModel<Document>> eventUpdates = new ArrayList<>();
			List<UpdateOneModel<Document>> streamUpdates = new ArrayList<>();
			for (Map.Entry<Long, Document> entry : documents.entrySet()) {
				long position = entry.getKey();
				Document document = entry.getValue();
				List<Document> events = StoreLayout.events(document);
				if (events.isEmpty()) {
					continue;
				}
				String aggregateIdentifier = document.getString(StoreLayout.AGGREGATE_ID);
				boolean domain = aggregateIdentifier != null;
				long first = domain ? StoreLayout.number(document, StoreLayout.FIRST_SEQ) : -1;
				long last = domain ? StoreLayout.number(document, StoreLayout.LAST_SEQ) : -1;
				CommitGuard.Link previous = domain ? links.get(aggregateIdentifier) : null;
				String prev = (previous != null && previous.lastSequenceNumber() == first - 1) ? previous.mac() : "";
				String mac = authenticator.authenticate(position, aggregateIdentifier,
						document.getString(StoreLayout.TYPE), first, last, prev, events);
				eventUpdates.add(new UpdateOneModel<>(Filters.eq(StoreLayout.ID, position),
						Updates.combine(Updates.set(StoreLayout.PREV, prev), Updates.set(StoreLayout.MAC, mac))));
				commits++;
				if (!domain) {
					continue;
				}
				Document stream = streams.get(StoreLayout.streamKey(aggregateIdentifier, first));
				boolean own = stream != null && StoreLayout.number(stream, StoreLayout.GLOBAL) == position;
				if (own) {
					String copy = authenticator.authenticate(position, stream.getString(StoreLayout.AGGREGATE_ID),
							stream.getString(StoreLayout.TYPE), StoreLayout.number(stream, StoreLayout.FIRST_SEQ),
							StoreLayout.number(stream, StoreLayout.LAST_SEQ), prev, StoreLayout.events(stream));
					if (!copy.equals(mac)) {
						throw new Refused("the stream copy " + stream.get(StoreLayout.ID)
								+ " of the commit at position " + position + " differs from it; nothing after position "
								+ (from - 1) + " was changed");
					}
					streamUpdates.add(new UpdateOneModel<>(Filters.eq(StoreLayout.ID, stream.get(StoreLayout.ID)),
							Updates.combine(Updates.set(StoreLayout.PREV, prev), Updates.set(StoreLayout.MAC, mac))));
					copies++;
				}
				if (StoreLayout.COMMITTED.equals(document.getString(StoreLayout.STATE)) || own) {
					links.put(aggregateIdentifier, new CommitGuard.Link(last, mac));
				}
			}
			if (!eventUpdates.isEmpty()) {
				layout.events.bulkWrite(eventUpdates, new BulkWriteOptions().ordered(false));
			}
			if (!streamUpdates.isEmpty()) {
				layout.streams.bulkWrite(streamUpdates, new BulkWriteOptions().ordered(false));
			}
		}
		return new long[] { commits, copies };
	}

	private static Map<String, Document> streamsOf(StoreLayout layout, Map<Long, Document> documents) {
		List<String> keys = new ArrayList<>();
		for (Document document : documents.values()) {
			if (document.getString(StoreLayout.AGGREGATE_ID) != null && !StoreLayout.events(document).isEmpty()) {
				keys.add(StoreLayout.streamKey(document.getString(StoreLayout.AGGREGATE_ID),
						StoreLayout.number(document, StoreLayout.FIRST_SEQ)));
			}
		}
		Map<String, Document> streams = new HashMap<>();
		for (int from = 0; from < keys.size(); from += STREAM_KEYS) {
			streams.putAll(StoreLayout.byKey(layout.streams,
					keys.subList(from, Math.min(keys.size(), from + STREAM_KEYS)), null));
		}
		return streams;
	}

}
