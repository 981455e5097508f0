package org.unionledger.eventstore;

import java.nio.ByteBuffer;
import java.util.Arrays;

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
 * <b>In memory a document stays BSON</b> ({@link Stored}): the map's pages hold each
 * document's bytes, and the collection decodes a copy each time it reads one
 * ({@link #document}). H2 writes a changed page whole, so every commit wrote again every
 * unchanged document of each page it changed; up to run 16 the pages held decoded
 * documents, and a commit encoded them all again unless a bounded cache of recent
 * encodings still held them: with members keyed by a hash, at 100,000 members and more
 * nearly every imported row changed a page of its own in each per-member collection, and
 * the encoding of its unchanged neighbours took about a quarter of the commits' CPU. A
 * decoded document also takes about ten times its BSON in the heap, so the page cache
 * held a tenth of the documents it holds as bytes, and its millions of small objects were
 * what the collector copied (bench/RESULTS.md, run 16).
 * <p>
 * One instance per map: H2's {@link ObjectDataType} remembers the last type it saw.
 */
final class BsonDocumentValues extends BasicDataType<Object> {

	/** The tag of a BSON document: negative as a Java byte, unused by H2's tags. */
	static final byte BSON_TAG = (byte) 0xB5;

	private final ObjectDataType legacy = new ObjectDataType();

	/**
	 * A document as a map keeps it: its BSON. Two are equal when their bytes are; a
	 * reader gets a decoded copy of its own ({@link #document()}), so a change made to it
	 * reaches the store only when it is put back.
	 */
	static final class Stored {

		private final byte[] bson;

		Stored(byte[] bson) {
			this.bson = bson;
		}

		/** A copy of the document, decoded. */
		Document document() {
			return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(this.bson));
		}

		int length() {
			return this.bson.length;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Stored stored && Arrays.equals(this.bson, stored.bson);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.bson);
		}

		@Override
		public String toString() {
			return "Stored(" + this.bson.length + " bytes)";
		}

	}

	/**
	 * How a map keeps a document: as BSON, or, for a document BSON cannot hold, as the
	 * document itself (written by Java serialization as before).
	 */
	static Object stored(Document document) {
		byte[] bson = encode(document);
		return (bson != null) ? new Stored(bson) : document;
	}

	/**
	 * The document a map's value holds, as the collection works on it: a decoded copy of
	 * a stored one, or the legacy document itself; {@code null} for none.
	 */
	static Document document(Object value) {
		if (value instanceof Stored stored) {
			return stored.document();
		}
		return (Document) value;
	}

	@Override
	public Object[] createStorage(int size) {
		return new Object[size];
	}

	/** What a value takes in the heap, for H2's page cache. */
	@Override
	public int getMemory(Object value) {
		if (value instanceof Stored stored) {
			return (int) (16 + align(16L + stored.length()));
		}
		return (value instanceof Document document) ? (int) Math.min(Integer.MAX_VALUE, heapOf(document))
				: this.legacy.getMemory(value);
	}

	@Override
	public void write(WriteBuffer buffer, Object value) {
		byte[] bson = (value instanceof Stored stored) ? stored.bson
				: (value instanceof Document document) ? encode(document) : null;
		if (bson == null) {
			this.legacy.write(buffer, value);
			return;
		}
		buffer.put(BSON_TAG).putVarInt(bson.length).put(bson);
	}

	/**
	 * A stored document as its bytes (not decoded); a document of an older file, written
	 * by Java serialization, is turned into BSON as it is read, so it is written as BSON
	 * with its page.
	 */
	@Override
	public Object read(ByteBuffer buffer) {
		if (buffer.get(buffer.position()) != BSON_TAG) {
			Object value = this.legacy.read(buffer);
			return (value instanceof Document document) ? stored(document) : value;
		}
		buffer.get();
		int length = DataUtils.readVarInt(buffer);
		byte[] bytes = new byte[length];
		buffer.get(bytes);
		return new Stored(bytes);
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
		byte[] left = bytesOf(a);
		byte[] right = bytesOf(b);
		if (left != null && right != null) {
			return Arrays.compareUnsigned(left, right);
		}
		return this.legacy.compare(a, b);
	}

	private static byte[] bytesOf(Object value) {
		if (value instanceof Stored stored) {
			return stored.bson;
		}
		return (value instanceof Document document) ? encode(document) : null;
	}

	/**
	 * The document's BSON, or {@code null} for a value BSON cannot hold (written by Java
	 * serialization as before).
	 */
	static byte[] encode(Document document) {
		ByteBuf out = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, out);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		byte[] bytes = new byte[out.readableBytes()];
		out.readBytes(bytes);
		return bytes;
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
