package org.unionledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 store keeps documents as BSON: every type a client can store comes back
 * as it went in, a store written by the stock backend (Java serialization) opens, reads
 * and moves to BSON as documents are rewritten, and the stock backend refuses a BSON
 * store rather than misreading it.
 */
class BsonDocumentValuesTest {

	@Test
	void aDocumentsHeapIsCountedFieldByField() {
		// {_id: "M:ab", p: 5L}: the Document 16, its LinkedHashMap 56, a table of 16
		// slots
		// 80, two entries 2 x 40, the strings "_id" 24 + 24, "M:ab" 24 + 24, "p" 24 + 24,
		// and a Long 24
		de.bwaldvogel.mongo.bson.Document small = new de.bwaldvogel.mongo.bson.Document("_id", "M:ab").append("p", 5L);
		assertThat(BsonDocumentValues.heapOf(small)).isEqualTo(16 + 56 + 80 + 2 * 40 + 3 * (24 + 24) + 24);
		// a character beyond Latin-1 makes a string two bytes a character
		assertThat(BsonDocumentValues.heapOf("石家庄")).isEqualTo(24 + 24);
		assertThat(BsonDocumentValues.heapOf("abc")).isEqualTo(24 + 24);
	}

	/**
	 * H2's page cache counts a page's documents at {@link BsonDocumentValues#getMemory}:
	 * a stored document counts its bytes and their holder, a legacy one (which BSON could
	 * not hold) its decoded heap. A roster-like document of a few short fields takes more
	 * than nine times its BSON in the heap when decoded, which is what pages of decoded
	 * documents held up to run 16.
	 */
	@Test
	void theCachesEstimateIsTheStoredBytes() {
		de.bwaldvogel.mongo.bson.Document member = new de.bwaldvogel.mongo.bson.Document("_id", "m-0123456789abcdef")
			.append("h",
					new ArrayList<>(List
						.of(new de.bwaldvogel.mongo.bson.Document("p", 4711L).append("u", "sjz-a").append("w", 4L))))
			.append("lastPosition", 4711L);
		BsonDocumentValues type = new BsonDocumentValues();
		Object stored = type.read(written(type, member));
		assertThat(stored).isInstanceOf(BsonDocumentValues.Stored.class);
		int bsonLength = ((BsonDocumentValues.Stored) stored).length();
		assertThat(bsonLength).isEqualTo(BsonDocumentValues.encode(member).length);
		// the holder 16, the array's header 16 and its bytes, rounded up to 8
		assertThat(type.getMemory(stored)).isEqualTo(16 + ((16 + bsonLength + 7) & ~7));
		assertThat(type.getMemory(member)).isEqualTo((int) BsonDocumentValues.heapOf(member));
		assertThat(BsonDocumentValues.heapOf(member)).as("heap of a small decoded document against its bytes")
			.isGreaterThan(9L * bsonLength);
	}

	/**
	 * Each read of a stored document is a copy of its own: a change to it reaches the map
	 * only when it is put back (mongo-java-server changes the document it read in place
	 * before it puts it back).
	 */
	@Test
	void aReaderChangesItsOwnCopy() {
		BsonDocumentValues type = new BsonDocumentValues();
		Object stored = type.read(written(type, new de.bwaldvogel.mongo.bson.Document("_id", "c").append("n", 1)));
		de.bwaldvogel.mongo.bson.Document first = BsonDocumentValues.document(stored);
		first.put("n", 2);
		assertThat(BsonDocumentValues.document(stored))
			.isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", "c").append("n", 1))
			.isNotSameAs(first);
		assertThat(BsonDocumentValues.document(null)).isNull();
	}

	@Test
	void aDocumentComesBackEqualWithEveryTypeTheServerHolds() {
		de.bwaldvogel.mongo.bson.Document nested = new de.bwaldvogel.mongo.bson.Document("城市", "石家庄").append("n", 7);
		de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "U:sjz|sy|2026")
			.append("int", 42)
			.append("long", 1L << 40)
			.append("double", -0.5)
			.append("text", "导入测试 · Ⅱ")
			.append("bool", true)
			.append("null", null)
			.append("date", Instant.ofEpochMilli(1_764_000_000_123L))
			.append("objectId", new de.bwaldvogel.mongo.bson.ObjectId())
			.append("decimal", new de.bwaldvogel.mongo.bson.Decimal128(new BigDecimal("12.30")))
			.append("binary", new de.bwaldvogel.mongo.bson.BinData(new byte[] { 0, 1, (byte) 0xff }))
			.append("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
			.append("list", new ArrayList<>(List.of(1L, "two", nested)))
			.append("doc", nested);
		BsonDocumentValues type = new BsonDocumentValues();
		WriteBuffer buffer = new WriteBuffer();
		type.write(buffer, document);
		type.write(buffer, 123L);
		ByteBuffer bytes = buffer.getBuffer();
		bytes.flip();
		assertThat(bytes.get(0)).isEqualTo(BsonDocumentValues.BSON_TAG);
		Object read = type.read(bytes);
		assertThat(read).isInstanceOf(BsonDocumentValues.Stored.class);
		assertThat(BsonDocumentValues.document(read)).isEqualTo(document);
		assertThat(type.read(bytes)).isEqualTo(123L);
		assertThat(bytes.remaining()).isZero();
	}

	/**
	 * A stored document read from a page is written with its page as the very bytes read
	 * (not encoded again), and a document written as a document gives the same bytes; a
	 * changed copy is written anew.
	 */
	@Test
	void aDocumentWrittenAgainIsTheSameBytesAndAChangedCopyIsWrittenAnew() {
		BsonDocumentValues type = new BsonDocumentValues();
		de.bwaldvogel.mongo.bson.Document counter = new de.bwaldvogel.mongo.bson.Document("_id", "U:sjz|e|2026-01-31")
			.append("n", 7)
			.append("名", "长安区");
		ByteBuffer first = written(type, counter);
		Object read = type.read(first.duplicate());
		assertThat(written(type, read)).isEqualTo(first);
		assertThat(written(type, BsonDocumentValues.stored(counter))).isEqualTo(first);
		de.bwaldvogel.mongo.bson.Document changed = BsonDocumentValues.document(read).append("n", 8);
		Object changedRead = type.read(written(type, BsonDocumentValues.stored(changed)));
		assertThat(BsonDocumentValues.document(changedRead)).isEqualTo(changed);
		assertThat(type.compare(changedRead, read)).isNotZero();
		assertThat(type.compare(type.read(first.duplicate()), read)).isZero();
	}

	@Test
	void manyDocumentsAllComeBackAsWritten() {
		BsonDocumentValues type = new BsonDocumentValues();
		List<de.bwaldvogel.mongo.bson.Document> documents = new ArrayList<>();
		for (int i = 0; i < 16_384; i++) {
			documents.add(new de.bwaldvogel.mongo.bson.Document("_id", "m-" + i).append("n", i));
		}
		WriteBuffer buffer = new WriteBuffer();
		for (int round = 0; round < 2; round++) {
			for (de.bwaldvogel.mongo.bson.Document document : documents) {
				type.write(buffer, document);
			}
		}
		ByteBuffer bytes = buffer.getBuffer();
		bytes.flip();
		for (int round = 0; round < 2; round++) {
			for (de.bwaldvogel.mongo.bson.Document document : documents) {
				assertThat(BsonDocumentValues.document(type.read(bytes))).isEqualTo(document);
			}
		}
		assertThat(bytes.remaining()).isZero();
	}

	private static ByteBuffer written(BsonDocumentValues type, Object value) {
		WriteBuffer buffer = new WriteBuffer();
		type.write(buffer, value);
		ByteBuffer bytes = buffer.getBuffer();
		bytes.flip();
		return bytes;
	}

	@Test
	void aStoreWrittenByTheStockBackendOpensAndMovesToBson(@TempDir Path folder) {
		Path file = folder.resolve("store.mv.db");
		List<Document> written = new ArrayList<>();
		for (int i = 0; i < 1_500; i++) {
			written.add(new Document("_id", (i % 2 == 0) ? (Object) (long) i : "m-" + i).append("name", "会员" + i)
				.append("counts", new Document("a", i).append("b", (long) i * 3))
				.append("at", new Date(1_700_000_000_000L + i))
				.append("tags", List.of("x", i))
				.append("ts", new BsonTimestamp(i, 1))
				.append("bin", new org.bson.types.Binary(new byte[] { (byte) i }))
				.append("dec", new Decimal128(i))
				.append("oid", new ObjectId(new Date(1_700_000_000_000L), i)));
		}
		MongoServer stock = new MongoServer(new H2Backend(file.toString()));
		stock.bind("127.0.0.1", 0);
		try (MongoClient client = MongoStores.openClient("mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
			collection(client).insertMany(written.subList(0, 1_000));
		}
		stock.shutdownNow();
		assertThat(tags(file)).containsOnlyKeys((int) TYPE_SERIALIZED_OBJECT);

		try (EmbeddedMongoServer ours = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(ours.connectionString())) {
			assertEveryDocument(client, written.subList(0, 1_000));
			collection(client).insertMany(written.subList(1_000, 1_500));
			for (int i = 0; i < 100; i++) {
				Document changed = written.get(i);
				collection(client).updateOne(Filters.eq("_id", changed.get("_id")), Updates.inc("counts.a", 1_000));
				changed.get("counts", Document.class).put("a", i + 1_000);
			}
			assertEveryDocument(client, written);
		}
		try (EmbeddedMongoServer ours = EmbeddedMongoServer.h2File(file, 0);
				MongoClient client = MongoStores.openClient(ours.connectionString())) {
			assertEveryDocument(client, written);
			assertThat(ours.documentsUnreachableById()).isEmpty();
		}
		Map<Integer, Integer> tags = tags(file);
		assertThat(tags.get((int) BsonDocumentValues.BSON_TAG)).as("documents written as BSON")
			.isGreaterThanOrEqualTo(600);
		assertThat(tags.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_500);

		assertThatThrownBy(() -> readWithTheStockBackend(file)).as("the stock backend refuses BSON documents")
			.isInstanceOf(RuntimeException.class);
	}

	/** Opens the file with the stock backend and reads every document. */
	private static void readWithTheStockBackend(Path file) {
		MongoServer stock = new MongoServer(new H2Backend(file.toString()));
		stock.bind("127.0.0.1", 0);
		try (MongoClient client = MongoStores.openClient("mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
			collection(client).find().into(new ArrayList<>());
		}
		finally {
			stock.shutdownNow();
		}
	}

	private static final byte TYPE_SERIALIZED_OBJECT = 19;

	/** How many documents of the test collection the file holds per first byte (tag). */
	private static Map<Integer, Integer> tags(Path file) {
		Map<Integer, Integer> tags = new TreeMap<>();
		MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
		try {
			MVMap<Object, Integer> map = store.openMap("databases.test.documents",
					new MVMap.Builder<Object, Integer>().valueType(new TagOnly()));
			map.values().forEach(tag -> tags.merge(tag, 1, Integer::sum));
		}
		finally {
			store.close();
		}
		return tags;
	}

	/** Reads a value as its tag, skipping it with the type that wrote it. */
	private static final class TagOnly extends BasicDataType<Integer> {

		private final BsonDocumentValues values = new BsonDocumentValues();

		@Override
		public Integer[] createStorage(int size) {
			return new Integer[size];
		}

		@Override
		public int getMemory(Integer tag) {
			return 16;
		}

		@Override
		public void write(WriteBuffer buffer, Integer tag) {
			throw new UnsupportedOperationException("read only");
		}

		@Override
		public Integer read(ByteBuffer buffer) {
			int tag = buffer.get(buffer.position());
			this.values.read(buffer);
			return tag;
		}

	}

	private static MongoCollection<Document> collection(MongoClient client) {
		return client.getDatabase("test").getCollection("documents");
	}

	private static void assertEveryDocument(MongoClient client, List<Document> expected) {
		assertThat(collection(client).countDocuments()).isEqualTo(expected.size());
		for (Document document : expected) {
			assertThat(collection(client).find(Filters.eq("_id", document.get("_id"))).first())
				.as("document %s", document.get("_id"))
				.isEqualTo(document);
		}
	}

}
