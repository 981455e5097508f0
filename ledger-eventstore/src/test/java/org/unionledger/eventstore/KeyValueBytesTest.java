package org.unionledger.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyValueBytesTest {

	@Test
	void writesTheVeryBytesOfJavaSerializationForEveryKeyAndReadsThemBack() {
		for (KeyValue key : keys()) {
			byte[] expected = ObjectDataType.serialize(key);
			byte[] ours = KeyValueBytes.serialize(key);
			assertThat(ours).as("bytes of %s", key).isEqualTo(expected);
			assertThat(KeyValueBytes.deserialize(ours)).as("read back %s", key).isEqualTo(key);
			assertThat(ObjectDataType.deserialize(ours)).isEqualTo(key);
		}
	}

	@Test
	void writesAOneStringKeyIntoAPageAsH2WritesItsSerialization() {
		for (KeyValue key : keys()) {
			WriteBuffer ours = new WriteBuffer();
			boolean written = KeyValueBytes.write(ours, (byte) 19, key);
			byte[] serialized = ObjectDataType.serialize(key);
			WriteBuffer expected = new WriteBuffer().put((byte) 19).putVarInt(serialized.length).put(serialized);
			if (written) {
				assertThat(bytes(ours)).as("page bytes of %s", key).isEqualTo(bytes(expected));
			}
			else {
				assertThat(ours.position()).isZero();
				assertThat(key.get(0) instanceof String text && text.length() <= 21_845).as("%s", key).isFalse();
			}
		}
		assertThat(KeyValueBytes.write(new WriteBuffer(), (byte) 19, new KeyValue(1.0))).isFalse();
	}

	private static byte[] bytes(WriteBuffer buffer) {
		java.nio.ByteBuffer written = buffer.getBuffer().duplicate().flip();
		byte[] bytes = new byte[written.remaining()];
		written.get(bytes);
		return bytes;
	}

	@Test
	void ordersKeysAsTheirJavaSerializationsDo() {
		List<KeyValue> keys = keys();
		SerializedKeyOrder order = new SerializedKeyOrder();
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			KeyValue a = keys.get(random.nextInt(keys.size()));
			KeyValue b = keys.get(random.nextInt(keys.size()));
			int expected = ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
			assertThat(Integer.signum(order.compare(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
		}
	}

	@Test
	void ordersEveryPairOfCloseKeysFromTheirValuesAsTheirSerializationsDo() {
		List<KeyValue> keys = new ArrayList<>();
		String[] pieces = { "", "a", "b", "\u0000", "\u0001", "\u007f", "\u0080", "\u00e9", "\u07ff", "\u0800",
				"\u4e2d", "\ud800", "\udfff", "\uffff", "\ud83d\ude00" };
		for (String head : List.of("", "m-0001|", "U:sjz|e|")) {
			for (String x : pieces) {
				for (String y : pieces) {
					keys.add(new KeyValue(head + x + y));
				}
			}
		}
		for (double number : new double[] { 0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE,
				Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1_024.0, 1_025.0 }) {
			keys.add(new KeyValue(number));
		}
		int told = 0;
		for (KeyValue a : keys) {
			for (KeyValue b : keys) {
				int expected = ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
				int order = KeyValueBytes.compare(a, b);
				if (order != KeyValueBytes.UNKNOWN) {
					told++;
					assertThat(Integer.signum(order)).as("%s vs %s", a, b).isEqualTo(expected);
				}
			}
			assertThat(KeyValueBytes.length(a)).isEqualTo(ObjectDataType.serialize(a).length);
		}
		assertThat(told).isGreaterThan(keys.size() * keys.size() * 9 / 10);
	}

	@Test
	void leavesKeysItCannotOrderFromTheirValuesToTheSerializations() {
		KeyValue text = new KeyValue("a");
		KeyValue number = new KeyValue(1.0);
		for (KeyValue[] pair : new KeyValue[][] { { text, number }, { number, text }, { text, new KeyValue("a", "b") },
				{ number, new KeyValue(Double.NaN) }, { text, new KeyValue("x".repeat(65_536)) } }) {
			assertThat(KeyValueBytes.compare(pair[0], pair[1])).isEqualTo(KeyValueBytes.UNKNOWN);
		}
		assertThat(KeyValueBytes.length(new KeyValue(Long.MAX_VALUE))).isEqualTo(-1);
	}

	@Test
	void anyOtherKeyGoesThroughJavaSerialization() {
		KeyValue twoValues = new KeyValue("a", 1.0);
		KeyValue longValue = new KeyValue(Long.MAX_VALUE - 1);
		KeyValue nan = new KeyValue(Double.NaN);
		for (KeyValue key : List.of(twoValues, longValue, nan)) {
			assertThat(KeyValueBytes.serialize(key)).isEqualTo(ObjectDataType.serialize(key));
			assertThat(KeyValueBytes.deserialize(ObjectDataType.serialize(key))).isEqualTo(key);
		}
	}

	private static List<KeyValue> keys() {
		List<KeyValue> keys = new ArrayList<>();
		for (String text : List.of("", "a", "m-0000", "U:sjz-chang-an-construction-01|e|d|2026-01-31", "\u0000",
				"\u007f", "\u0080", "\u07ff", "\u0800", "\uffff", "石家庄市长安区", "\ud83d\ude00", "\ud800",
				"x".repeat(65_535), "x".repeat(65_536), "中".repeat(21_845), "中".repeat(21_846))) {
			keys.add(new KeyValue(text));
		}
		Random random = new Random(42);
		for (int i = 0; i < 2_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(60);
			for (int j = 0; j < length; j++) {
				text.append((char) switch (random.nextInt(4)) {
					case 0 -> 'a' + random.nextInt(26);
					case 1 -> '0' + random.nextInt(10);
					case 2 -> 0x4E00 + random.nextInt(0x5000);
					default -> random.nextInt(0x10000);
				});
			}
			keys.add(new KeyValue(text.toString()));
		}
		for (double number : new double[] { 0.0, -0.0, 1.0, -1.0, 2.5, 1e300, -Double.MAX_VALUE, Double.MIN_VALUE,
				Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 4_503_599_627_370_496.0 }) {
			keys.add(new KeyValue(number));
		}
		for (int i = 0; i < 2_000; i++) {
			keys.add(new KeyValue((double) random.nextInt(5_000_000)));
			keys.add(new KeyValue(random.nextDouble() * 1e6 - 5e5));
		}
		return keys;
	}

}
