package org.unionledger.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tamper evidence for the event store: one hash chain over every commit in global order,
 * and signed digests over ranges of it.
 * <p>
 * Each resolved commit (committed, aborted or a burned position) gets a content hash over
 * its canonical form (position, size, aggregate, sequence numbers, and every event's
 * identifier, type, revision, payload, metadata, timestamp and sequence number; for an
 * aborted position only position, size and the fact that it is void) and a chain hash
 * {@code SHA-256(previous
 * chain hash || content hash)}, stored in {@code seal_chain} keyed by position. Each
 * sealing run that covers new commits records a digest in {@code seal_digests}: the
 * range, the Merkle root of its content hashes, the chain hash at its end, and an
 * HMAC-SHA256 signature with the configured key, so that rewriting events and recomputing
 * the chain is caught without the key.
 * <p>
 * {@link #verify()} recomputes everything from the {@code events} documents, checks every
 * committed commit's {@code streams} document (which aggregates are loaded from) against
 * it, and reports the first position that does not match. Payloads are hashed as stored,
 * i.e. as ciphertext where personal data is encrypted, so destroying a person's key
 * (crypto-shredding) leaves verification green. Every read is by {@code _id}.
 * <p>
 * <b>Commit authenticators.</b> The chain protects what is sealed; what is written next
 * is sealed next, so the seal alone would seal a commit someone inserted into the store.
 * Every commit therefore carries an authenticator made by the writer with a key derived
 * from this seal key (see {@link CommitAuthenticator}). {@link #seal()} checks each
 * commit's authenticator, and its stream copy's, before it seals it: the first that fails
 * is refused (reported in {@link SealResult#refused()}, raised on the
 * {@link IntegrityAlarm}) and neither it nor anything after it is sealed.
 * {@link #verify()} checks the authenticators of every commit, sealed or not, up to the
 * head, the links of each aggregate's chain, and the store's authenticator record.
 */
public final class EventSeal {

	private static final Logger logger = LoggerFactory.getLogger(EventSeal.class);

	private static final int WINDOW = 1000;

	private static final String ZERO = "0".repeat(64);

	private static final String HEAD = "head";

	private static final int STREAM_KEYS = 256;

	private final StoreLayout layout;

	private final MongoCollection<Document> chain;

	private final MongoCollection<Document> digests;

	private final MongoCollection<Document> state;

	private final byte[] signingKey;

	private final Clock clock;

	private final CommitAuthenticator authenticator;

	/** Whether commits must carry authenticators (false only before the upgrade). */
	private final boolean requireAuthenticators;

	private final IntegrityAlarm alarm;

	/**
	 * @param database the store
	 * @param collectionPrefix the prefix the engine's collections use ("" by default)
	 * @param signingKey HMAC key for digests, at least 32 bytes
	 * @param clock for the time a digest was sealed
	 */
	public EventSeal(MongoDatabase database, String collectionPrefix, byte[] signingKey, Clock clock) {
		this(database, collectionPrefix, signingKey, clock, null, true);
	}

	/**
	 * @param database the store
	 * @param collectionPrefix the prefix the engine's collections use ("" by default)
	 * @param signingKey HMAC key for digests, at least 32 bytes; commit authenticators
	 * are checked under the key derived from it
	 * @param clock for the time a digest was sealed
	 * @param alarm raised when sealing refuses a commit or verification finds a problem
	 */
	public EventSeal(MongoDatabase database, String collectionPrefix, byte[] signingKey, Clock clock,
			IntegrityAlarm alarm) {
		this(database, collectionPrefix, signingKey, clock, alarm, true);
	}

	EventSeal(MongoDatabase database, String collectionPrefix, byte[] signingKey, Clock clock, IntegrityAlarm alarm,
			boolean requireAuthenticators) {
		if (signingKey == null || signingKey.length < 32) {
			throw new IllegalArgumentException("the seal's signing key needs at least 32 bytes");
		}
		String prefix = (collectionPrefix != null) ? collectionPrefix : "";
		this.layout = new StoreLayout(database, prefix);
		this.chain = database.getCollection(prefix + "seal_chain");
		this.digests = database.getCollection(prefix + "seal_digests");
		this.state = database.getCollection(prefix + "seal_state");
		this.signingKey = signingKey.clone();
		this.clock = clock;
		this.authenticator = CommitAuthenticator.fromSealKey(signingKey);
		this.requireAuthenticators = requireAuthenticators;
		this.alarm = alarm;
	}

	/**
	 * What a sealing run did.
	 *
	 * @param fromPosition first position covered by this run (0 when nothing new)
	 * @param toPosition last position covered by this run, or of the chain so far
	 * @param commits commits sealed by this run
	 * @param digest number of the digest recorded, or -1 when nothing was new
	 * @param chainHead chain hash at {@code toPosition}
	 * @param refused the commit this run refused to seal (its authenticator or its stream
	 * copy failed), or {@code null}; nothing at or after it was sealed
	 */
	public record SealResult(long fromPosition, long toPosition, int commits, long digest, String chainHead,
			Problem refused) {
	}

	/**
	 * A signed digest over a range of the chain.
	 *
	 * @param number its number, from 1
	 * @param fromPosition first position of the range
	 * @param toPosition last position of the range
	 * @param commits commits in the range
	 * @param merkleRoot Merkle root of their content hashes
	 * @param chainHead chain hash at the end of the range
	 * @param sealedAt epoch milliseconds of sealing
	 * @param signature HMAC-SHA256 of the fields above, hex
	 */
	public record Digest(long number, long fromPosition, long toPosition, int commits, String merkleRoot,
			String chainHead, long sealedAt, String signature) {

		String signedText() {
			return this.number + "|" + this.fromPosition + "|" + this.toPosition + "|" + this.commits + "|"
					+ this.merkleRoot + "|" + this.chainHead + "|" + this.sealedAt;
		}

	}

	/**
	 * What verification found.
	 *
	 * @param verifiedUpTo last sealed position that was checked
	 * @param commitsChecked commits recomputed
	 * @param eventsChecked events inside them
	 * @param digestsChecked signed digests checked
	 * @param latestDigest the newest digest, or {@code null}
	 * @param unsealedCommitsChecked commits after the sealed head whose authenticators
	 * were checked
	 * @param problems every mismatch found, first in position order (at most 100)
	 */
	public record VerificationReport(long verifiedUpTo, long commitsChecked, long eventsChecked, int digestsChecked,
			Digest latestDigest, long unsealedCommitsChecked, List<Problem> problems) {

		@JsonProperty("intact")
		public boolean intact() {
			return this.problems.isEmpty();
		}

		/** The first mismatch, or {@code null} when intact. */
		@JsonProperty("firstProblem")
		public Problem firstProblem() {
			return this.problems.isEmpty() ? null : this.problems.get(0);
		}

	}

	/**
	 * A mismatch.
	 *
	 * @param position global position where it was found
	 * @param kind what is wrong
	 * @param detail a sentence for people
	 */
	public record Problem(long position, Kind kind, String detail) {
	}

	/** Kinds of mismatch. */
	public enum Kind {

		/** A sealed commit's content changed. */
		EDITED,
		/** A sealed commit is gone. */
		DELETED,
		/** A sealed commit's content now stands at another position. */
		REORDERED,
		/** A commit appeared inside the sealed range where none was sealed. */
		INSERTED,
		/** A commit's streams document (what aggregates load) differs from it. */
		STREAM_MISMATCH,
		/** The chain record itself was altered. */
		CHAIN_ALTERED,
		/** A digest's signature, Merkle root or chain head does not match. */
		DIGEST_INVALID,
		/**
		 * A commit's authenticator is missing or does not match it, or it does not link
		 * to its aggregate's previous commit: the ledger did not write it as it stands.
		 */
		UNAUTHENTICATED

	}

	/**
	 * Extends the chain over every resolved commit after the last sealed one, and records
	 * a signed digest if anything was new. Stops at the first position not yet resolved
	 * (pending, or not written yet); the engine's readers resolve those.
	 */
	public synchronized SealResult seal() {
		Document head = this.state.find(Filters.eq("_id", HEAD)).first();
		long last = (head != null) ? StoreLayout.number(head, "lastPosition") : 0;
		String chainHash = (head != null) ? head.getString("chainHead") : ZERO;
		long digestCount = (head != null) ? StoreLayout.number(head, "digests") : 0;
		long from = last + 1;
		long position = from;
		List<Document> entries = new ArrayList<>();
		List<String> contentHashes = new ArrayList<>();
		Problem refused = null;
		boolean more = true;
		while (more) {
			TreeMap<Long, Document> documents = StoreLayout.byPosition(this.layout.events,
					StoreLayout.range(position, WINDOW), null);
			Map<String, Document> streams = streamsOf(documents);
			long windowEnd = position + WINDOW;
			while (position < windowEnd) {
				Document document = documents.get(position);
				if (document == null || StoreLayout.PENDING.equals(document.getString(StoreLayout.STATE))) {
					more = false;
					break;
				}
				refused = authenticationProblem(position, document, streams);
				if (refused != null) {
					logger.error("Sealing stops before position {}: {} ({}); it is not sealed", position,
							refused.detail(), refused.kind());
					raise("seal", refused);
					more = false;
					break;
				}
				long size = Math.max(1, StoreLayout.number(document, StoreLayout.N));
				String body = bodyHash(document);
				String content = sha256(position + "|" + body);
				chainHash = sha256(chainHash + content);
				entries.add(new Document("_id", position).append("n", size)
					.append("bodyHash", body)
					.append("contentHash", content)
					.append("chainHash", chainHash));
				contentHashes.add(content);
				position += size;
			}
		}
		if (entries.isEmpty()) {
			return new SealResult(0, last, 0, -1, chainHash, refused);
		}
		long to = position - 1;
		try {
			this.chain.insertMany(entries);
		}
		catch (MongoException ex) {
			logger.info("Another node is sealing positions {}..{}; this run stops", from, to);
			return new SealResult(0, last, 0, -1, chainHash, null);
		}
		long number = digestCount + 1;
		Digest digest = sign(number, from, to, contentHashes.size(), merkleRoot(contentHashes), chainHash,
				this.clock.millis());
		this.digests.insertOne(toDocument(digest));
		this.state.replaceOne(Filters.eq("_id", HEAD),
				new Document("_id", HEAD).append("lastPosition", to)
					.append("chainHead", chainHash)
					.append("digests", number),
				new ReplaceOptions().upsert(true));
		return new SealResult(from, to, entries.size(), number, chainHash, refused);
	}

	/**
	 * Recomputes the chain and every digest from the stored events and compares them with
	 * what was sealed.
	 */
	public VerificationReport verify() {
		List<Problem> problems = new ArrayList<>();
		Document head = this.state.find(Filters.eq("_id", HEAD)).first();
		long sealedUpTo = (head != null) ? StoreLayout.number(head, "lastPosition") : 0;
		Map<Long, String> chainAt = new HashMap<>();
		Map<Long, String> contentAt = new HashMap<>();
		Map<String, Long> sealedPositionOf = new HashMap<>();
		TreeMap<Long, Document> sealed = new TreeMap<>();
		for (long p = 1; p <= sealedUpTo; p += WINDOW) {
			sealed.putAll(StoreLayout.byPosition(this.chain, StoreLayout.range(p, WINDOW),
					com.mongodb.client.model.Projections.include("n", "bodyHash", "contentHash", "chainHash")));
		}
		for (Map.Entry<Long, Document> entry : sealed.entrySet()) {
			sealedPositionOf.put(entry.getValue().getString("bodyHash"), entry.getKey());
		}
		checkRecord(problems);
		Map<String, CommitGuard.Link> links = new HashMap<>();
		String chainHash = ZERO;
		long commits = 0;
		long events = 0;
		long position = 1;
		while (position <= sealedUpTo) {
			TreeMap<Long, Document> documents = StoreLayout.byPosition(this.layout.events,
					StoreLayout.range(position, WINDOW), null);
			long windowEnd = Math.min(position + WINDOW, sealedUpTo + 1);
			while (position < windowEnd) {
				Document record = sealed.get(position);
				Document document = documents.get(position);
				if (record == null) {
					if (document != null) {
						add(problems, new Problem(position, Kind.INSERTED,
								"a commit stands at a position the seal does not cover"));
					}
					position++;
					continue;
				}
				long size = Math.max(1, StoreLayout.number(record, "n"));
				String expectedChain = sha256(chainHash + record.getString("contentHash"));
				if (!expectedChain.equals(record.getString("chainHash"))) {
					add(problems, new Problem(position, Kind.CHAIN_ALTERED,
							"the chain record does not follow from the one before it"));
				}
				if (document == null) {
					add(problems, new Problem(position, Kind.DELETED, "the sealed commit is gone"));
				}
				else {
					String body = bodyHash(document);
					String content = sha256(position + "|" + body);
					if (!content.equals(record.getString("contentHash"))) {
						Long elsewhere = sealedPositionOf.get(body);
						add(problems, (elsewhere != null && elsewhere != position)
								? new Problem(position, Kind.REORDERED,
										"holds the content sealed at position " + elsewhere)
								: new Problem(position, Kind.EDITED, "the content differs from what was sealed"));
					}
					else if (StoreLayout.COMMITTED.equals(document.getString(StoreLayout.STATE))
							&& document.getString(StoreLayout.AGGREGATE_ID) != null) {
						checkStream(position, document, problems);
					}
					checkAuthenticator(position, document, links, problems);
					List<?> inside = document.getList(StoreLayout.EVENTS, Object.class);
					events += (inside != null) ? inside.size() : 0;
				}
				chainHash = record.getString("chainHash");
				chainAt.put(position + size - 1, chainHash);
				contentAt.put(position, record.getString("contentHash"));
				commits++;
				position += size;
			}
		}
		long unsealed = checkUnsealed(position, links, problems);
		int digestsChecked = 0;
		Digest latest = null;
		long count = (head != null) ? StoreLayout.number(head, "digests") : 0;
		for (long number = 1; number <= count; number++) {
			Document stored = this.digests.find(Filters.eq("_id", number)).first();
			if (stored == null) {
				add(problems, new Problem(0, Kind.DIGEST_INVALID, "digest " + number + " is missing"));
				continue;
			}
			Digest digest = fromDocument(stored);
			latest = digest;
			digestsChecked++;
			Digest expected = sign(digest.number(), digest.fromPosition(), digest.toPosition(), digest.commits(),
					digest.merkleRoot(), digest.chainHead(), digest.sealedAt());
			List<String> hashes = new ArrayList<>();
			for (long p = digest.fromPosition(); p <= digest.toPosition(); p++) {
				if (contentAt.containsKey(p)) {
					hashes.add(contentAt.get(p));
				}
			}
			if (!expected.signature().equals(digest.signature())) {
				add(problems, new Problem(digest.toPosition(), Kind.DIGEST_INVALID,
						"digest " + number + " is not signed by this ledger's key"));
			}
			else if (!digest.chainHead().equals(chainAt.get(digest.toPosition()))
					|| !digest.merkleRoot().equals(merkleRoot(hashes))) {
				add(problems, new Problem(digest.toPosition(), Kind.DIGEST_INVALID,
						"digest " + number + " does not match the chain it signed"));
			}
		}
		problems.sort(java.util.Comparator.comparingLong(Problem::position));
		for (Problem problem : problems) {
			raise("verification", problem);
		}
		return new VerificationReport(sealedUpTo, commits, events, digestsChecked, latest, unsealed,
				List.copyOf(problems));
	}

	/**
	 * Checks the authenticators of the commits from {@code from} (after the sealed head)
	 * up to the head, and their stream copies; returns how many commits it checked.
	 */
	private long checkUnsealed(long from, Map<String, CommitGuard.Link> links, List<Problem> problems) {
		if (!this.requireAuthenticators) {
			return 0;
		}
		Document counter = this.layout.counters.find(Filters.eq("_id", StoreLayout.GLOBAL_COUNTER)).first();
		long head = (counter != null) ? StoreLayout.number(counter, StoreLayout.VALUE) : 0;
		long checked = 0;
		long position = from;
		while (position <= head) {
			TreeMap<Long, Document> documents = StoreLayout.byPosition(this.layout.events,
					StoreLayout.range(position, WINDOW), null);
			Map<String, Document> streams = streamsOf(documents);
			for (Map.Entry<Long, Document> entry : documents.entrySet()) {
				Document document = entry.getValue();
				if (!StoreLayout.events(document).isEmpty()) {
					checked++;
					Problem problem = authenticationProblem(entry.getKey(), document, streams);
					if (problem != null) {
						add(problems, problem);
					}
					else {
						checkAuthenticator(entry.getKey(), document, links, problems);
					}
				}
			}
			position += WINDOW;
		}
		return checked;
	}

	/**
	 * The authenticator record must be there and signed with this key once the store
	 * holds commits.
	 */
	private void checkRecord(List<Problem> problems) {
		if (!this.requireAuthenticators) {
			return;
		}
		Document record = this.layout.counters.find(Filters.eq("_id", StoreLayout.AUTHENTICATORS)).first();
		if (record == null) {
			Document counter = this.layout.counters.find(Filters.eq("_id", StoreLayout.GLOBAL_COUNTER)).first();
			if (counter != null && StoreLayout.number(counter, StoreLayout.VALUE) > 0) {
				add(problems, new Problem(0, Kind.UNAUTHENTICATED, "the store has no authenticator record: its commits "
						+ "predate commit authenticators (run upgrade-authenticators) or the record was removed"));
			}
		}
		else if (!this.authenticator.checkRecord(record)) {
			add(problems, new Problem(0, Kind.UNAUTHENTICATED,
					"the store's authenticator record is not signed with this ledger's key"));
		}
	}

	/**
	 * Checks a commit's authenticator (already known to match its content, or not yet
	 * checked) and its link to its aggregate's previous commit, and remembers it as its
	 * aggregate's latest commit.
	 */
	private void checkAuthenticator(long position, Document document, Map<String, CommitGuard.Link> links,
			List<Problem> problems) {
		if (!this.requireAuthenticators || StoreLayout.events(document).isEmpty()) {
			return;
		}
		String failure = this.authenticator.checkEventsDocument(document);
		if (failure != null) {
			add(problems, new Problem(position, Kind.UNAUTHENTICATED, failure));
			return;
		}
		String aggregateIdentifier = document.getString(StoreLayout.AGGREGATE_ID);
		if (aggregateIdentifier == null || !StoreLayout.COMMITTED.equals(document.getString(StoreLayout.STATE))) {
			return;
		}
		long first = StoreLayout.number(document, StoreLayout.FIRST_SEQ);
		CommitGuard.Link previous = links.get(aggregateIdentifier);
		String expected = (previous != null && previous.lastSequenceNumber() == first - 1) ? previous.mac() : "";
		String stored = document.getString(StoreLayout.PREV);
		if (!expected.equals((stored != null) ? stored : "")) {
			add(problems, new Problem(position, Kind.UNAUTHENTICATED, "it does not link to the previous commit of "
					+ "aggregate " + aggregateIdentifier + ": a commit of its stream was removed or replaced"));
		}
		links.put(aggregateIdentifier, new CommitGuard.Link(StoreLayout.number(document, StoreLayout.LAST_SEQ),
				document.getString(StoreLayout.MAC)));
	}

	/**
	 * What is wrong with a resolved commit's authenticator or its stream copy's (looked
	 * up in {@code streams}, by stream key), or {@code null}; voided positions carry
	 * none.
	 */
	private Problem authenticationProblem(long position, Document document, Map<String, Document> streams) {
		if (!this.requireAuthenticators || StoreLayout.events(document).isEmpty()) {
			return null;
		}
		String failure = this.authenticator.checkEventsDocument(document);
		if (failure != null) {
			return new Problem(position, Kind.UNAUTHENTICATED, failure);
		}
		String aggregateIdentifier = document.getString(StoreLayout.AGGREGATE_ID);
		if (aggregateIdentifier == null || !StoreLayout.COMMITTED.equals(document.getString(StoreLayout.STATE))) {
			return null;
		}
		Document stream = streams
			.get(StoreLayout.streamKey(aggregateIdentifier, StoreLayout.number(document, StoreLayout.FIRST_SEQ)));
		if (stream == null || StoreLayout.number(stream, StoreLayout.GLOBAL) != position) {
			return new Problem(position, Kind.STREAM_MISMATCH, "the committed commit has no stream copy of its own");
		}
		failure = this.authenticator.checkStreamDocument(stream);
		if (failure != null) {
			return new Problem(position, Kind.STREAM_MISMATCH, failure);
		}
		return null;
	}

	/**
	 * The streams documents of the committed aggregate commits among {@code documents},
	 * by key ({@code _id $in}, at most 256 keys a read).
	 */
	private Map<String, Document> streamsOf(Map<Long, Document> documents) {
		Map<String, Document> streams = new HashMap<>();
		if (!this.requireAuthenticators) {
			return streams;
		}
		List<String> keys = new ArrayList<>();
		for (Document document : documents.values()) {
			if (StoreLayout.COMMITTED.equals(document.getString(StoreLayout.STATE))
					&& document.getString(StoreLayout.AGGREGATE_ID) != null) {
				keys.add(StoreLayout.streamKey(document.getString(StoreLayout.AGGREGATE_ID),
						StoreLayout.number(document, StoreLayout.FIRST_SEQ)));
			}
		}
		for (int from = 0; from < keys.size(); from += STREAM_KEYS) {
			streams.putAll(StoreLayout.byKey(this.layout.streams,
					keys.subList(from, Math.min(keys.size(), from + STREAM_KEYS)), null));
		}
		return streams;
	}

	private void raise(String source, Problem problem) {
		if (this.alarm != null) {
			this.alarm.raise(source, problem.position(), problem.kind() + ": " + problem.detail());
		}
	}

	private void checkStream(long position, Document document, List<Problem> problems) {
		String key = StoreLayout.streamKey(document.getString(StoreLayout.AGGREGATE_ID),
				StoreLayout.number(document, StoreLayout.FIRST_SEQ));
		Document stream = this.layout.streams.find(Filters.eq("_id", key)).first();
		if (stream == null || StoreLayout.number(stream, StoreLayout.GLOBAL) != position
				|| !canonicalEvents(stream).equals(canonicalEvents(document))) {
			add(problems, new Problem(position, Kind.STREAM_MISMATCH,
					"the aggregate's stream copy of this commit differs from it"));
			return;
		}
		String failure = this.requireAuthenticators ? this.authenticator.checkStreamDocument(stream) : null;
		if (failure != null) {
			add(problems, new Problem(position, Kind.STREAM_MISMATCH, failure));
		}
	}

	private static void add(List<Problem> problems, Problem problem) {
		if (problems.size() < 100) {
			problems.add(problem);
		}
	}

	/** The hash of a commit at its position: position and body hash together. */
	static String contentHash(long position, Document document) {
		return sha256(position + "|" + bodyHash(document));
	}

	/**
	 * The hash of a commit's content without its position, which tells a moved commit
	 * from an edited one.
	 */
	static String bodyHash(Document document) {
		boolean voided = StoreLayout.ABORTED.equals(document.getString(StoreLayout.STATE));
		Document canonical = new Document("n", StoreLayout.number(document, StoreLayout.N)).append("void", voided);
		if (!voided) {
			canonical.append("a", document.getString(StoreLayout.AGGREGATE_ID))
				.append("t", document.getString(StoreLayout.TYPE))
				.append("f", document.get(StoreLayout.FIRST_SEQ))
				.append("l", document.get(StoreLayout.LAST_SEQ))
				.append("e", canonicalEvents(document));
		}
		return sha256(canonical.toJson());
	}

	private static List<Document> canonicalEvents(Document document) {
		List<Document> canonical = new ArrayList<>();
		List<Document> events = document.getList(StoreLayout.EVENTS, Document.class);
		if (events == null) {
			return canonical;
		}
		for (Document event : events) {
			canonical
				.add(new Document("i", event.get(StoreLayout.EVENT_ID)).append("y", event.get(StoreLayout.PAYLOAD_TYPE))
					.append("r", event.get(StoreLayout.PAYLOAD_REVISION))
					.append("p", event.get(StoreLayout.PAYLOAD))
					.append("m", event.get(StoreLayout.METADATA))
					.append("ts", event.get(StoreLayout.TIMESTAMP))
					.append("s", event.get(StoreLayout.SEQ)));
		}
		return canonical;
	}

	static String merkleRoot(List<String> leaves) {
		if (leaves.isEmpty()) {
			return ZERO;
		}
		List<String> level = new ArrayList<>(leaves);
		while (level.size() > 1) {
			List<String> next = new ArrayList<>((level.size() + 1) / 2);
			for (int i = 0; i < level.size(); i += 2) {
				String right = (i + 1 < level.size()) ? level.get(i + 1) : level.get(i);
				next.add(sha256(level.get(i) + right));
			}
			level = next;
		}
		return level.get(0);
	}

	private Digest sign(long number, long from, long to, int commits, String merkleRoot, String chainHead,
			long sealedAt) {
		Digest unsigned = new Digest(number, from, to, commits, merkleRoot, chainHead, sealedAt, "");
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.signingKey, "HmacSHA256"));
			String signature = HexFormat.of()
				.formatHex(mac.doFinal(unsigned.signedText().getBytes(StandardCharsets.UTF_8)));
			return new Digest(number, from, to, commits, merkleRoot, chainHead, sealedAt, signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static Document toDocument(Digest digest) {
		return new Document("_id", digest.number()).append("from", digest.fromPosition())
			.append("to", digest.toPosition())
			.append("commits", digest.commits())
			.append("merkleRoot", digest.merkleRoot())
			.append("chainHead", digest.chainHead())
			.append("sealedAt", digest.sealedAt())
			.append("signature", digest.signature());
	}

	private static Digest fromDocument(Document document) {
		return new Digest(StoreLayout.number(document, "_id"), StoreLayout.number(document, "from"),
				StoreLayout.number(document, "to"), (int) StoreLayout.number(document, "commits"),
				document.getString("merkleRoot"), document.getString("chainHead"),
				StoreLayout.number(document, "sealedAt"), document.getString("signature"));
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
