package org.unionledger.eventstore;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key order of the embedded H2 store's unique indexes (the {@code _id} index of every
 * collection among them), exactly as H2 orders them, at a fraction of the cost.
 * <p>
 * mongo-java-server 1.47 keeps each unique index in an H2 map keyed by {@link KeyValue},
 * which is not {@link Comparable}; H2's default key type then orders two keys by their
 * Java serializations, serializing both anew at every comparison of every B-tree search.
 * A profile of the demo seeding on H2 found 47% of the store's CPU in those
 * serializations. This key type orders keys by the very same bytes, compared by the very
 * same function ({@link ObjectDataType#serialize},
 * {@link ObjectDataType#compareNotNull}), so the order of maps already in a file is
 * unchanged and files stay readable both ways. Keys of one string or one double (every
 * {@code _id} the ledger writes) are ordered from their values as their bytes would be
 * ({@link KeyValueBytes#compare}), without making the bytes: a profile of an import on H2
 * found a sixth of the store's CPU in looking remembered bytes up. Of any other key it
 * remembers the bytes: the search key of the current thread, and up to
 * {@value #REMEMBERED} keys met in pages. Equal keys have equal bytes (a {@code KeyValue}
 * equals another only with equal values of equal classes), so a remembered entry is never
 * wrong.
 */
final class SerializedKeyOrder extends ObjectDataType {

	/** Keys whose bytes are remembered; the map is emptied when it holds more. */
	static final int REMEMBERED = 50_000;

	/** H2's type tag of a Java-serialized object ({@code ObjectDataType}). */
	private static final byte SERIALIZED_OBJECT = 19;

	private final Map<KeyValue, byte[]> remembered = new ConcurrentHashMap<>();

	private final ThreadLocal<Object[]> lastSearched = new ThreadLocal<>();

	@Override
	public int compare(Object a, Object b) {
		if (a == b) {
			return 0;
		}
		if (a instanceof KeyValue first && b instanceof KeyValue second) {
			int order = KeyValueBytes.compare(first, second);
			if (order != KeyValueBytes.UNKNOWN) {
				return order;
			}
			return ObjectDataType.compareNotNull(bytes(first, true), bytes(second, false));
		}
		return super.compare(a, b);
	}

	/**
	 * Writes a key as H2's {@link ObjectDataType} does (its type tag, the length and the
	 * Java serialization), with the serialization made by {@link KeyValueBytes}.
	 */
	@Override
	public void write(WriteBuffer buffer, Object object) {
		if (object instanceof KeyValue key) {
			if (KeyValueBytes.write(buffer, SERIALIZED_OBJECT, key)) {
				return;
			}
			byte[] bytes = (KeyValueBytes.length(key) >= 0) ? KeyValueBytes.serialize(key) : bytes(key, false);
			buffer.put((byte) SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
			return;
		}
		super.write(buffer, object);
	}

	/**
	 * Reads what {@link #write} (or H2's own type) wrote; the bytes of a key that
	 * {@link KeyValueBytes#compare} cannot order are remembered for the comparisons to
	 * come.
	 */
	@Override
	public Object read(ByteBuffer buffer) {
		if (buffer.get(buffer.position()) != SERIALIZED_OBJECT) {
			return super.read(buffer);
		}
		buffer.get();
		byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
		buffer.get(bytes);
		Object object = KeyValueBytes.deserialize(bytes);
		if (object instanceof KeyValue key && KeyValueBytes.length(key) < 0) {
			remember(key, bytes);
		}
		return object;
	}

	/**
	 * What a key takes in H2's page cache: twice its serialization, as H2's own estimate
	 * for serialized objects converges to.
	 */
	@Override
	public int getMemory(Object object) {
		if (object instanceof KeyValue key) {
			int length = KeyValueBytes.length(key);
			return 2 * ((length >= 0) ? length : bytes(key, false).length);
		}
		return super.getMemory(object);
	}

	/**
	 * The key's serialization. H2 passes the searched key first, so the first operand's
	 * bytes are kept per thread (one search compares it many times) and the second's in
	 * the shared map.
	 */
	private byte[] bytes(KeyValue key, boolean searched) {
		if (searched) {
			Object[] last = this.lastSearched.get();
			if (last != null && last[0] == key) {
				return (byte[]) last[1];
			}
		}
		byte[] bytes = this.remembered.get(key);
		if (bytes == null) {
			bytes = KeyValueBytes.serialize(key);
			if (!searched) {
				remember(key, bytes);
			}
		}
		if (searched) {
			this.lastSearched.set(new Object[] { key, bytes });
		}
		return bytes;
	}

	private void remember(KeyValue key, byte[] bytes) {
		if (this.remembered.size() >= REMEMBERED) {
			this.remembered.clear();
		}
		this.remembered.put(key, bytes);
	}

	/** A unique index on an H2 map opened with this key order. */
	static final class Index extends AbstractUniqueIndex<Object> {

		private final MVMap<KeyValue, Object> map;

		Index(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
			super(name, keys, sparse);
			this.map = map;
		}

		@Override
		protected Object removeDocument(KeyValue keyValue) {
			return this.map.remove(keyValue);
		}

		@Override
		protected boolean putKeyPosition(KeyValue keyValue, Object position) {
			return this.map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
		}

		@Override
		protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
			return this.map.entrySet();
		}

		@Override
		protected Object getPosition(KeyValue keyValue) {
			return this.map.get(keyValue);
		}

		@Override
		public long getCount() {
			return this.map.sizeAsLong();
		}

		@Override
		public boolean isEmpty() {
			return this.map.isEmpty();
		}

		@Override
		public long getDataSize() {
			return getCount();
		}

	}

}
