package org.unionledger.eventstore;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The Java serialization of the index keys the ledger's collections use, written and read
 * without {@link java.io.ObjectOutputStream}: a {@link KeyValue} of one string or one
 * double (mongo-java-server keeps every number of an index key as a double), which is
 * every {@code _id} the ledger writes. The bytes are exactly those
 * {@link ObjectDataType#serialize} gives, so the order of keys
 * ({@link SerializedKeyOrder}) and the files already written stay as they are; any other
 * key goes through Java serialization as before.
 * <p>
 * How: the serialization of a one-value key is a fixed prefix (stream header, the class
 * descriptors of {@code KeyValue} and {@code ArrayList}, the list's size), the value, and
 * a fixed suffix. The prefix and suffix are taken from real serializations of two sample
 * keys when the class loads, so they are whatever this JVM's serialization writes; a test
 * compares both ways over many keys.
 */
final class KeyValueBytes {

	/** {@code TC_STRING}: a string of at most 65,535 bytes of modified UTF-8. */
	private static final byte TC_STRING = 0x74;

	private static final Template STRING = Template.of(new KeyValue("a"), new KeyValue("b"), 1, 3, true);

	private static final Template DOUBLE = Template.of(new KeyValue(0.0), new KeyValue(-Double.MAX_VALUE), 8, 0, false);

	private KeyValueBytes() {
	}

	/** The Java serialization of the key. */
	static byte[] serialize(KeyValue key) {
		if (key.size() == 1) {
			Object value = key.get(0);
			if (value instanceof String text) {
				byte[] utf = modifiedUtf8(text);
				if (utf != null) {
					return STRING.fill(utf);
				}
			}
			else if (value instanceof Double number && !number.isNaN()) {
				byte[] bits = new byte[8];
				long raw = Double.doubleToLongBits(number);
				for (int i = 0; i < 8; i++) {
					bits[i] = (byte) (raw >>> (56 - 8 * i));
				}
				return DOUBLE.fill(bits);
			}
		}
		return ObjectDataType.serialize(key);
	}

	/** What {@link #compare} answers when it cannot tell without the serializations. */
	static final int UNKNOWN = Integer.MIN_VALUE;

	/**
	 * The sign of {@link ObjectDataType#compareNotNull} over the two keys'
	 * serializations, computed from their values without making them, when both are one
	 * string (of at most 65,535 bytes of modified UTF-8) or both one double other than
	 * NaN; else {@link #UNKNOWN}.
	 * <p>
	 * Two one-string keys' serializations differ only in the string's length (two bytes,
	 * big-endian) and its modified UTF-8, so the shorter encoding comes first, and among
	 * equally long ones the order of the bytes, which is that of the characters (the
	 * encoding keeps the order of characters and no character's encoding begins
	 * another's) except that U+0000, encoded as {@code C0 80}, falls between U+007F and
	 * U+0080. Two one-double keys differ only in the eight bytes of
	 * {@link Double#doubleToLongBits}, compared unsigned.
	 */
	static int compare(KeyValue a, KeyValue b) {
		if (a.size() != 1 || b.size() != 1) {
			return UNKNOWN;
		}
		Object first = a.get(0);
		Object second = b.get(0);
		if (first instanceof String x && second instanceof String y) {
			// One pass: both encodings' lengths, and the first character that differs
			// (a page's binary search compares a key many times; three passes were a
			// tenth of the embedded store's CPU in an import).
			int common = Math.min(x.length(), y.length());
			int xLength = 0;
			int yLength = 0;
			int differing = 0;
			for (int i = 0; i < common; i++) {
				char c = x.charAt(i);
				char d = y.charAt(i);
				xLength += utfBytes(c);
				yLength += utfBytes(d);
				if (differing == 0 && c != d) {
					differing = Integer.compare(rank(c), rank(d));
				}
			}
			for (int i = common; i < x.length(); i++) {
				xLength += utfBytes(x.charAt(i));
			}
			for (int i = common; i < y.length(); i++) {
				yLength += utfBytes(y.charAt(i));
			}
			if (xLength > 0xFFFF || yLength > 0xFFFF) {
				return UNKNOWN;
			}
			if (xLength != yLength) {
				return Integer.compare(xLength, yLength);
			}
			// Equally long encodings: the strings are equally long too (every character
			// takes at least a byte), so the first differing character decides.
			return differing;
		}
		if (first instanceof Double x && second instanceof Double y && !x.isNaN() && !y.isNaN()) {
			return Long.compareUnsigned(Double.doubleToLongBits(x), Double.doubleToLongBits(y));
		}
		return UNKNOWN;
	}

	/**
	 * The length of the key's serialization without making it, or -1 when
	 * {@link #serialize} would fall back to Java serialization.
	 */
	static int length(KeyValue key) {
		if (key.size() == 1) {
			Object value = key.get(0);
			if (value instanceof String text) {
				int utf = modifiedUtf8Length(text);
				if (utf <= 0xFFFF) {
					return STRING.prefix.length + 1 + 2 + utf + STRING.suffix.length;
				}
			}
			else if (value instanceof Double number && !number.isNaN()) {
				return DOUBLE.prefix.length + 8 + DOUBLE.suffix.length;
			}
		}
		return -1;
	}

	/** A character's place in the order of modified UTF-8 encodings. */
	private static int rank(char c) {
		return (c == 0) ? 2 * 0x7F + 1 : 2 * c;
	}

	private static int modifiedUtf8Length(String text) {
		int length = 0;
		for (int i = 0; i < text.length(); i++) {
			length += utfBytes(text.charAt(i));
		}
		return length;
	}

	/** Bytes of a character in modified UTF-8. */
	private static int utfBytes(char c) {
		return (c >= 0x0001 && c <= 0x007F) ? 1 : (c <= 0x07FF) ? 2 : 3;
	}

	/**
	 * Writes a one-string key as {@code H2's ObjectDataType} writes a serialized object
	 * ({@code tag}, the serialization's length, the serialization), the serialization
	 * made straight into the buffer with one pass to measure and one to encode.
	 * @return {@code false}, having written nothing, for any other key
	 */
	static boolean write(WriteBuffer buffer, byte tag, KeyValue key) {
		if (key.size() != 1 || !(key.get(0) instanceof String text)) {
			return false;
		}
		int length = modifiedUtf8Length(text);
		if (length > 0xFFFF) {
			return false;
		}
		byte[] utf = new byte[length];
		if (length == text.length()) {
			// every character is one byte
			for (int i = 0; i < length; i++) {
				utf[i] = (byte) text.charAt(i);
			}
		}
		else {
			encode(text, utf, 0);
		}
		buffer.put(tag)
			.putVarInt(STRING.prefix.length + 1 + 2 + length + STRING.suffix.length)
			.put(STRING.prefix)
			.put(TC_STRING)
			.putShort((short) length)
			.put(utf)
			.put(STRING.suffix);
		return true;
	}

	/**
	 * Encodes the string's characters in modified UTF-8 into {@code bytes} at {@code at}.
	 */
	private static void encode(String text, byte[] bytes, int at) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x0001 && c <= 0x007F) {
				bytes[at++] = (byte) c;
			}
			else if (c <= 0x07FF) {
				bytes[at++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
				bytes[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else {
				bytes[at++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
				bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				bytes[at++] = (byte) (0x80 | (c & 0x3F));
			}
		}
	}

	/** The key these bytes are the Java serialization of. */
	static Object deserialize(byte[] bytes) {
		byte[] utf = STRING.value(bytes);
		if (utf != null) {
			return new KeyValue(fromModifiedUtf8(utf));
		}
		byte[] bits = DOUBLE.value(bytes);
		if (bits != null && bits.length == 8) {
			long raw = 0;
			for (byte b : bits) {
				raw = (raw << 8) | (b & 0xFF);
			}
			double number = Double.longBitsToDouble(raw);
			if (!Double.isNaN(number)) {
				return new KeyValue(number);
			}
		}
		return ObjectDataType.deserialize(bytes);
	}

	/**
	 * The string as {@link DataOutputStream#writeUTF} writes it (length and bytes), or
	 * {@code null} when it is too long for {@code TC_STRING}.
	 */
	private static byte[] modifiedUtf8(String text) {
		int length = modifiedUtf8Length(text);
		if (length > 0xFFFF) {
			return null;
		}
		byte[] bytes = new byte[2 + length];
		bytes[0] = (byte) (length >>> 8);
		bytes[1] = (byte) length;
		encode(text, bytes, 2);
		return bytes;
	}

	/** Reads what {@link #modifiedUtf8} wrote (length and bytes). */
	private static String fromModifiedUtf8(byte[] bytes) {
		try {
			return new DataInputStream(new ByteArrayInputStream(bytes)).readUTF();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The fixed bytes around the value of a one-value key: {@code prefix}, then
	 * {@code marker} (the value's type code, if it has one), the value, {@code suffix}.
	 */
	private record Template(byte[] prefix, byte[] suffix, boolean string) {

		/**
		 * From two keys whose serializations differ only in their values: the bytes
		 * before the first difference, less {@code lead} bytes of the value's own framing
		 * (type code, length), and after the last, less {@code trail} bytes.
		 * @param valueBytes how many bytes the differing values take (1 for the one-byte
		 * strings, 8 for doubles)
		 * @param lead bytes of framing before the value (type code and length of a
		 * string)
		 * @param string whether the value is a string (framed by {@code TC_STRING} and
		 * its length)
		 */
		static Template of(KeyValue a, KeyValue b, int valueBytes, int lead, boolean string) {
			byte[] first = ObjectDataType.serialize(a);
			byte[] second = ObjectDataType.serialize(b);
			if (first.length != second.length) {
				throw new IllegalStateException("sample keys of unequal shape");
			}
			int from = 0;
			while (first[from] == second[from]) {
				from++;
			}
			int to = first.length - 1;
			while (first[to] == second[to]) {
				to--;
			}
			if (to - from + 1 > valueBytes) {
				throw new IllegalStateException("sample keys differ in more than their values");
			}
			int valueStart = to + 1 - valueBytes;
			byte[] prefix = Arrays.copyOfRange(first, 0, valueStart - lead);
			byte[] suffix = Arrays.copyOfRange(first, to + 1, first.length);
			if (lead > 0 && first[valueStart - lead] != TC_STRING) {
				throw new IllegalStateException("a one-string key is not serialized as TC_STRING");
			}
			return new Template(prefix, suffix, string);
		}

		/** The serialization holding {@code value} (with its framing for strings). */
		byte[] fill(byte[] value) {
			boolean string = this.string;
			int length = this.prefix.length + (string ? 1 : 0) + value.length + this.suffix.length;
			byte[] bytes = new byte[length];
			System.arraycopy(this.prefix, 0, bytes, 0, this.prefix.length);
			int at = this.prefix.length;
			if (string) {
				bytes[at++] = TC_STRING;
			}
			System.arraycopy(value, 0, bytes, at, value.length);
			System.arraycopy(this.suffix, 0, bytes, at + value.length, this.suffix.length);
			return bytes;
		}

		/**
		 * The value (for strings: length and bytes) if {@code bytes} is this template
		 * filled, else {@code null}.
		 */
		byte[] value(byte[] bytes) {
			boolean string = this.string;
			int start = this.prefix.length + (string ? 1 : 0);
			int end = bytes.length - this.suffix.length;
			if (end < start || !Arrays.equals(bytes, 0, this.prefix.length, this.prefix, 0, this.prefix.length)
					|| !Arrays.equals(bytes, end, bytes.length, this.suffix, 0, this.suffix.length)) {
				return null;
			}
			if (string) {
				if (bytes[start - 1] != TC_STRING || end - start < 2
						|| (((bytes[start] & 0xFF) << 8) | (bytes[start + 1] & 0xFF)) != end - start - 2) {
					return null;
				}
			}
			else if (end - start != 8) {
				return null;
			}
			return Arrays.copyOfRange(bytes, start, end);
		}

	}

}
