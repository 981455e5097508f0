package org.unionledger.eventstore;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded H2 store keeps the documents of a collection: as BSON, the form they
 * arrive and leave in, instead of mongo-java-server's default, Java serialization of the
 * document's maps.
 * <p>
 * Why: H2 writes a whole B-tree page (many documents) whenever one of its documents
 * changes and reads a whole page when it is not cached, and Java serialization of a
 * document's maps, with a new {@code ObjectOutputStream}/{@code ObjectInputStream} each
 * time, was a large share of the embedded server's CPU in profiles of an import. Side by
 * side on 5,000 statistics-counter-like documents (one thread, the machine busy with
 * builds): about 3× faster to write, 10–30× faster to read, 295 instead of 755 bytes each
 * ({@code bench/RESULTS.md}, run 7). BSON is the server's own wire codec, so a document
 * read back holds the same Java types as one decoded from a client.
 * <p>
 * Format: a value written here is the tag {@value #BSON_TAG} (a byte H2's
 * {@link ObjectDataType} never writes), its length as a var-int and its BSON bytes. Every
 * other value, and every value in a file written before (tags of H2's
 * {@link ObjectDataType}), is written and read by H2's {@link ObjectDataType} as before,
 * so an older store opens unchanged and its documents move to BSON as they are rewritten.
 * A file written with this type cannot be opened by the stock backend (it fails on the
 * unknown tag instead of misreading).
 * <p>
 * One instance per map: H2's {@link ObjectDataType} remembers the last type it saw.
 */
final class BsonDocumentValues extends BasicDataType<Object> {

	/** The tag of a BSON document: negative as a Java byte, unused by H2's tags. */
	static final byte BSON_TAG = (byte) 0xB5;

	/**
	 * One document encoded or decoded in this many has its heap measured for
	 * {@link #getMemory} (a power of two).
	 */
	static final int SAMPLE_EVERY = 16;

	private final ObjectDataType legacy = new ObjectDataType();

	/** Slots of {@link #known}: a power of two. */
	static final int KNOWN = 4_096;

	/**
	 * The BSON of documents recently written or read, by identity. H2 writes a changed
	 * page whole, so every commit wrote again every unchanged document of each page it
	 * changed: a profile of a 20,000-row import on H2 found most of the commits' CPU in
	 * encoding documents. A document in a page is changed only by an update, which puts
	 * it back, and the collection forgets its bytes then ({@link #forget}); so the bytes
	 * remembered for the same object are its BSON. A slot holds one document; another one
	 * landing there replaces it.
	 */
	private final AtomicReferenceArray<Known> known = new AtomicReferenceArray<>(KNOWN);

	/**
	 * The BSON bytes {@link #known} holds in all maps together, and their bound: a
	 * sixty-fourth of the heap, at most 32 MB. The documents themselves are held weakly:
	 * H2's page cache decides how long a document stays. Up to run 15 each map held its
	 * 4,096 documents and their bytes strongly, outside the cache's accounting: with
	 * roster chunks and counter documents of up to hundreds of kilobytes, a 2 GB ledger's
	 * heap filled at about 100,000 members (bench/RESULTS.md, run 15).
	 */
	private static final java.util.concurrent.atomic.AtomicLong KNOWN_BYTES = new java.util.concurrent.atomic.AtomicLong();

	static final long KNOWN_BYTES_BOUND = Math.min(32 << 20, Math.max(1 << 20, Runtime.getRuntime().maxMemory() / 64));

	/**
	 * Gives back the bytes of a type no map uses any more (a closed or reopened store).
	 */
	private static final java.lang.ref.Cleaner RELEASE = java.lang.ref.Cleaner.create();

	/** The part of {@link #KNOWN_BYTES} this type's slots hold. */
	private final java.util.concurrent.atomic.AtomicLong knownHere = new java.util.concurrent.atomic.AtomicLong();

	BsonDocumentValues() {
		java.util.concurrent.atomic.AtomicLong held = this.knownHere;
		RELEASE.register(this, () -> KNOWN_BYTES.addAndGet(-held.getAndSet(0)));
	}

	/**
	 * Moving average of the heap a decoded document takes ({@link #heapOf}), for H2's
	 * page cache: its size is counted in these estimates, so an estimate too low lets the
	 * cache hold several times its size. Up to run 15 it was six times the BSON length;
	 * documents of a few short fields take ten times and more, and a 2 GB ledger filled
	 * its heap with cached pages at about 100,000 members (bench/RESULTS.md, run 15).
	 */
	private volatile int averageMemory = 2_048;

	/** Documents encoded or decoded; races only skew which ones are sampled. */
	private int seen;

	@Override
	public Object[] createStorage(int size) {
		return new Object[size];
	}

	@Override
	public int getMemory(Object value) {
		return (value instanceof Document) ? this.averageMemory : this.legacy.getMemory(value);
	}

	@Override
	public void write(WriteBuffer buffer, Object value) {
		byte[] bson = (value instanceof Document document) ? bsonOf(document) : null;
		if (bson == null) {
			this.legacy.write(buffer, value);
			return;
		}
		buffer.put(BSON_TAG).putVarInt(bson.length).put(bson);
	}

	@Override
	public Object read(ByteBuffer buffer) {
		if (buffer.get(buffer.position()) != BSON_TAG) {
			return this.legacy.read(buffer);
		}
		buffer.get();
		int length = DataUtils.readVarInt(buffer);
		byte[] bytes = new byte[length];
		buffer.get(bytes);
		Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
		know(slot(document), document, bytes);
		remember(document);
		return document;
	}

	/**
	 * Values are never ordered by H2; equal documents compare 0, others by their BSON
	 * bytes.
	 */
	@Override
	public int compare(Object a, Object b) {
		if (a == b || (a != null && a.equals(b))) {
			return 0;
		}
		if (a instanceof Document x && b instanceof Document y) {
			byte[] left = encode(x);
			byte[] right = encode(y);
			if (left != null && right != null) {
				return Arrays.compareUnsigned(left, right);
			}
		}
		return this.legacy.compare(a, b);
	}

	/**
	 * The document's BSON as {@link #encode} gives it, made once for the same object
	 * while it stays in {@link #known}.
	 */
	private byte[] bsonOf(Document document) {
		int slot = slot(document);
		Known entry = this.known.get(slot);
		if (entry != null && entry.document().get() == document) {
			return entry.bson();
		}
		byte[] bson = encode(document);
		if (bson != null) {
			know(slot, document, bson);
		}
		return bson;
	}

	/**
	 * Forgets the BSON remembered for this object, which is about to be put back changed.
	 */
	void forget(Document document) {
		int slot = slot(document);
		Known entry = this.known.get(slot);
		if (entry != null && entry.document().get() == document && this.known.compareAndSet(slot, entry, null)) {
			count(-entry.bson().length);
		}
	}

	private static int slot(Document document) {
		return System.identityHashCode(document) & (KNOWN - 1);
	}

	/**
	 * The document's BSON, or {@code null} for a value BSON cannot hold (written by Java
	 * serialization as before).
	 */
	private byte[] encode(Document document) {
		ByteBuf out = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, out);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		byte[] bytes = new byte[out.readableBytes()];
		out.readBytes(bytes);
		remember(document);
		return bytes;
	}

	/** A document and its BSON. */
	private record Known(java.lang.ref.WeakReference<Document> document, byte[] bson) {
	}

	/**
	 * Remembers a document's BSON in its slot, in place of what the slot held, unless
	 * that would take the bytes of all maps past {@link #KNOWN_BYTES_BOUND}.
	 */
	private void know(int slot, Document document, byte[] bson) {
		Known old = this.known.get(slot);
		long freed = (old != null) ? old.bson().length : 0;
		if (bson.length - freed > 0 && KNOWN_BYTES.get() + bson.length - freed > KNOWN_BYTES_BOUND) {
			if (old != null && old.document().get() == null && this.known.compareAndSet(slot, old, null)) {
				count(-freed);
			}
			return;
		}
		if (this.known.compareAndSet(slot, old, new Known(new java.lang.ref.WeakReference<>(document), bson))) {
			count(bson.length - freed);
		}
	}

	private void count(long bytes) {
		this.knownHere.addAndGet(bytes);
		KNOWN_BYTES.addAndGet(bytes);
	}

	/** The BSON bytes this type's slots hold now. */
	long knownHere() {
		return this.knownHere.get();
	}

	/** The BSON bytes remembered in all maps now. */
	static long knownBytes() {
		return KNOWN_BYTES.get();
	}

	private void remember(Document document) {
		if ((++this.seen & (SAMPLE_EVERY - 1)) != 0) {
			return;
		}
		long memory = Math.min(Integer.MAX_VALUE, heapOf(document));
		this.averageMemory = (int) ((memory + 15L * this.averageMemory) / 16);
	}

	/** The current estimate of one decoded document's heap, in bytes. */
	int averageMemory() {
		return this.averageMemory;
	}

	/**
	 * The heap a decoded value takes on a 64-bit JVM with compressed references, about: a
	 * document is its map (a {@code LinkedHashMap}: the map, its table, an entry per
	 * field) and its keys and values; strings count their array (one byte a character
	 * when every character fits in one, else two); boxed numbers, dates and ids their
	 * object.
	 */
	static long heapOf(Object value) {
		if (value == null || value instanceof Boolean) {
			return 0;
		}
		if (value instanceof Document document) {
			int size = document.size();
			int table = (size == 0) ? 0 : Integer.highestOneBit(Math.max(1, (int) Math.ceil(size / 0.75)) * 2 - 1);
			long heap = 16 + 56 + align(16 + 4L * Math.max(table, 16));
			for (java.util.Map.Entry<String, Object> entry : document.entrySet()) {
				heap += 40 + heapOf(entry.getKey()) + heapOf(entry.getValue());
			}
			return heap;
		}
		if (value instanceof String text) {
			boolean latin1 = text.chars().allMatch((c) -> c < 256);
			return 24 + align(16 + (long) text.length() * (latin1 ? 1 : 2));
		}
		if (value instanceof java.util.Collection<?> list) {
			long heap = 24 + align(16 + 4L * list.size());
			for (Object item : list) {
				heap += heapOf(item);
			}
			return heap;
		}
		if (value instanceof byte[] bytes) {
			return align(16 + bytes.length);
		}
		if (value instanceof Number || value instanceof java.time.Instant || value instanceof java.util.Date) {
			return 24;
		}
		return 32;
	}

	private static long align(long bytes) {
		return (bytes + 7) & ~7L;
	}

}
