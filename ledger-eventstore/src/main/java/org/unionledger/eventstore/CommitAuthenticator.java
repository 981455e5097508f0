package org.unionledger.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;

/**
 * Authenticators of commits: an HMAC-SHA256 that the writer computes when it lays out a
 * commit and stores inside the very documents it writes anyway (the {@code events}
 * document and its {@code streams} copy, fields {@code mac} and {@code prev}), so that a
 * commit the ledger did not write, or one edited after it was written, is told apart by
 * anyone holding the key, and the store never holds the key.
 *
 * <h2>The key</h2> Derived from the seal key the ledger already holds
 * ({@code ledger.keys.seal}, the key that signs the seal's digests):
 * {@code HMAC-SHA256(sealKey,
 * "union-ledger commit authenticator v1")}. A key of its own per purpose keeps a commit
 * authenticator from ever being mistaken for a digest signature, and the operator keeps
 * one secret, not two.
 *
 * <h2>What is authenticated</h2> For a commit at global position {@code p}: a version
 * tag, {@code p}, the number of events, the aggregate identifier and type (absent for
 * events without aggregate), the first and last sequence numbers, {@code prev}, and of
 * every event its identifier, payload type, payload revision, payload, metadata,
 * timestamp and sequence number, exactly as stored (payloads are authenticated as stored,
 * i.e. as ciphertext where personal data is encrypted, so crypto-shredding leaves them
 * valid). Each field is length-prefixed, so no two different commits give the same input.
 * Not authenticated: the {@code state} (pending, committed, aborted), {@code writtenAt}
 * and {@code eventIds} (a copy of the identifiers, kept for the unique index), which
 * readers and writers change or derive while resolving commits.
 *
 * <h2>The chain</h2> {@code prev} is the authenticator of the same aggregate's previous
 * commit (the one whose last sequence number is this commit's first minus one), or
 * {@code ""} for an aggregate's first commit and for events without aggregate. The chain
 * runs per aggregate stream, not over the global order, on purpose: several ledger nodes
 * share one store and reserve positions concurrently ({@code $inc} of the counter), and
 * positions are burned or aborted after they were reserved, so no writer knows the commit
 * that will end up just before its own in global order without serialising every write
 * through one lock. An aggregate's commits, on the contrary, are already serialised by
 * its stream keys, and the writer has just read the aggregate's stream to load it. The
 * position inside the MAC pins each commit to its place in the global order; the
 * per-aggregate chain pins it to its place in the aggregate's history, so a commit
 * removed from the middle of a stream and written anew (the ledger itself would refill
 * the hole) breaks the link of the commit after it.
 */
public final class CommitAuthenticator {

	private static final String ALGORITHM = "HmacSHA256";

	private static final byte[] DERIVATION = "union-ledger commit authenticator v1".getBytes(StandardCharsets.UTF_8);

	private static final byte[] VERSION = "union-ledger/commit/v1".getBytes(StandardCharsets.UTF_8);

	private static final byte[] RECORD_VERSION = "union-ledger/authenticators/v1".getBytes(StandardCharsets.UTF_8);

	private final SecretKeySpec key;

	/** One initialised MAC per thread: {@code doFinal} resets it for the next commit. */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::createMac);

	private CommitAuthenticator(byte[] key) {
		this.key = new SecretKeySpec(key, ALGORITHM);
	}

	/**
	 * The authenticator the ledger uses with this seal key (at least 32 bytes); see the
	 * class comment for the derivation.
	 */
	public static CommitAuthenticator fromSealKey(byte[] sealKey) {
		if (sealKey == null || sealKey.length < 32) {
			throw new IllegalArgumentException("the seal key needs at least 32 bytes");
		}
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(sealKey, ALGORITHM));
			return new CommitAuthenticator(mac.doFinal(DERIVATION));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/**
	 * The authenticator of a commit.
	 * @param position its first global position
	 * @param aggregateIdentifier its aggregate, or {@code null} for events without one
	 * @param type the aggregate's type, or {@code null}
	 * @param firstSequenceNumber first sequence number (-1 without aggregate)
	 * @param lastSequenceNumber last sequence number (-1 without aggregate)
	 * @param previous {@code prev}, see the class comment
	 * @param entries the stored event entries
	 */
	String authenticate(long position, String aggregateIdentifier, String type, long firstSequenceNumber,
			long lastSequenceNumber, String previous, List<Document> entries) {
		Mac mac = newMac();
		Input input = new Input(mac);
		input.bytes(VERSION);
		input.number(position);
		input.number(entries.size());
		input.text(aggregateIdentifier);
		input.text(type);
		input.number(firstSequenceNumber);
		input.number(lastSequenceNumber);
		input.text(previous);
		for (Document entry : entries) {
			input.text(entry.getString(StoreLayout.EVENT_ID));
			input.text(entry.getString(StoreLayout.PAYLOAD_TYPE));
			input.text(entry.getString(StoreLayout.PAYLOAD_REVISION));
			input.text(entry.getString(StoreLayout.PAYLOAD));
			input.text(entry.getString(StoreLayout.METADATA));
			input.text(entry.getString(StoreLayout.TIMESTAMP));
			Object sequence = entry.get(StoreLayout.SEQ);
			input.number((sequence != null) ? StoreLayout.number(sequence) : Long.MIN_VALUE);
		}
		return HexFormat.of().formatHex(mac.doFinal());
	}

	/**
	 * Checks the authenticator of an {@code events} document that holds events (pending
	 * or committed). Returns what failed, or {@code null} when it is authentic.
	 */
	String checkEventsDocument(Document commit) {
		return check(StoreLayout.number(commit, StoreLayout.ID), commit);
	}

	/**
	 * Checks the authenticator of a {@code streams} document, and that it stands under
	 * its own key. Returns what failed, or {@code null} when it is authentic.
	 */
	String checkStreamDocument(Document stream) {
		Object global = stream.get(StoreLayout.GLOBAL);
		String aggregateIdentifier = stream.getString(StoreLayout.AGGREGATE_ID);
		Object first = stream.get(StoreLayout.FIRST_SEQ);
		if (!(global instanceof Number) || aggregateIdentifier == null || !(first instanceof Number)) {
			return "the stream copy lacks its position, aggregate or sequence number";
		}
		if (!StoreLayout.streamKey(aggregateIdentifier, StoreLayout.number(first)).equals(stream.get(StoreLayout.ID))) {
			return "the stream copy stands under another key than its own (" + stream.get(StoreLayout.ID) + ")";
		}
		String failure = check(StoreLayout.number(global), stream);
		return (failure != null) ? "stream copy " + stream.get(StoreLayout.ID) + ": " + failure : null;
	}

	private String check(long position, Document commit) {
		String stored = commit.getString(StoreLayout.MAC);
		if (stored == null) {
			return "it carries no authenticator";
		}
		boolean domain = commit.getString(StoreLayout.AGGREGATE_ID) != null;
		Object first = commit.get(StoreLayout.FIRST_SEQ);
		Object last = commit.get(StoreLayout.LAST_SEQ);
		if (domain && (!(first instanceof Number) || !(last instanceof Number))) {
			return "it lacks its sequence numbers";
		}
		String previous = commit.getString(StoreLayout.PREV);
		String expected = authenticate(position, commit.getString(StoreLayout.AGGREGATE_ID),
				commit.getString(StoreLayout.TYPE), domain ? StoreLayout.number(first) : -1,
				domain ? StoreLayout.number(last) : -1, (previous != null) ? previous : "", StoreLayout.events(commit));
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				stored.getBytes(StandardCharsets.US_ASCII))) {
			return "its authenticator does not match its content (written without the ledger's key, or edited)";
		}
		return null;
	}

	/**
	 * The signature of the store's authenticator record: that commits are authenticated
	 * from {@code since}, and which positions a one-off upgrade authenticated.
	 */
	String signRecord(long since, long upgradedThrough, long upgradedAt) {
		Mac mac = newMac();
		Input input = new Input(mac);
		input.bytes(RECORD_VERSION);
		input.number(since);
		input.number(upgradedThrough);
		input.number(upgradedAt);
		return HexFormat.of().formatHex(mac.doFinal());
	}

	/** Whether the authenticator record was signed with this key. */
	boolean checkRecord(Document record) {
		Object since = record.get("since");
		Object through = record.get("upgradedThrough");
		Object at = record.get("upgradedAt");
		String stored = record.getString(StoreLayout.MAC);
		if (!(since instanceof Number) || !(through instanceof Number) || !(at instanceof Number) || stored == null) {
			return false;
		}
		String expected = signRecord(StoreLayout.number(since), StoreLayout.number(through), StoreLayout.number(at));
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				stored.getBytes(StandardCharsets.US_ASCII));
	}

	Document newRecord(long since, long upgradedThrough, long upgradedAt) {
		return new Document(StoreLayout.ID, StoreLayout.AUTHENTICATORS).append("since", since)
			.append("upgradedThrough", upgradedThrough)
			.append("upgradedAt", upgradedAt)
			.append(StoreLayout.MAC, signRecord(since, upgradedThrough, upgradedAt));
	}

	private Mac newMac() {
		return this.macs.get();
	}

	private Mac createMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** Length-prefixed fields fed into a MAC. */
	private static final class Input {

		private final Mac mac;

		private final ByteBuffer buffer = ByteBuffer.allocate(8);

		Input(Mac mac) {
			this.mac = mac;
		}

		void number(long value) {
			this.buffer.clear();
			this.buffer.putLong(value);
			this.mac.update(this.buffer.array(), 0, 8);
		}

		void bytes(byte[] bytes) {
			this.buffer.clear();
			this.buffer.putInt(bytes.length);
			this.mac.update(this.buffer.array(), 0, 4);
			this.mac.update(bytes);
		}

		void text(String text) {
			if (text == null) {
				this.buffer.clear();
				this.buffer.putInt(-1);
				this.mac.update(this.buffer.array(), 0, 4);
			}
			else {
				bytes(text.getBytes(StandardCharsets.UTF_8));
			}
		}

	}

}
