package org.unionledger.api.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.unionledger.api.problems.ApiException;
import org.unionledger.common.Rule;

/**
 * The text of an uploaded CSV file, decoded strictly: a UTF-8 byte order mark is dropped;
 * a file that is valid UTF-8 is read as UTF-8, one that is valid GBK (what Excel on a
 * Chinese Windows saves) as GBK. Anything else is refused whole, naming the first line at
 * fault, so that no name is ever imported garbled:
 * <ul>
 * <li>{@code CSV_MIXED_ENCODING}: some lines are UTF-8 and others are not (text pasted
 * from two sources). A line counts as UTF-8 when it is valid UTF-8 holding Chinese
 * characters (three- or four-byte sequences of the CJK blocks) and is not also plausible
 * GBK (every double byte in the GB 2312 range): GBK text is almost never valid UTF-8 that
 * decodes to Chinese, so a GBK file is not refused by accident. The first line of the
 * other kind than the file's first non-ASCII line is named; a file with a UTF-8 byte
 * order mark is UTF-8 from line 1.</li>
 * <li>{@code CSV_ENCODING}: neither UTF-8 nor GBK (bytes GBK has no character for).</li>
 * </ul>
 *
 * @param text the decoded text
 * @param encoding {@code UTF-8}, {@code UTF-8 (BOM)} or {@code GBK}
 */
record CsvText(String text, String encoding) {

	static final Charset GBK = Charset.forName("GBK");

	static CsvText decode(byte[] bytes) {
		boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF;
		int offset = bom ? 3 : 0;
		String utf8 = strictly(StandardCharsets.UTF_8, bytes, offset, bytes.length);
		if (utf8 != null) {
			return new CsvText(utf8, bom ? "UTF-8 (BOM)" : "UTF-8");
		}
		int firstUtf8 = bom ? 1 : 0;
		int firstOther = 0;
		int firstNotGbk = 0;
		int line = 1;
		int start = offset;
		for (int i = offset; i <= bytes.length; i++) {
			boolean end = i == bytes.length || bytes[i] == '\n'
					|| (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'));
			if (!end) {
				continue;
			}
			if (!ascii(bytes, start, i)) {
				String asUtf8 = strictly(StandardCharsets.UTF_8, bytes, start, i);
				if (asUtf8 == null) {
					firstOther = (firstOther == 0) ? line : firstOther;
				}
				else if (chinese(asUtf8) && !plausibleGb2312(bytes, start, i)) {
					firstUtf8 = (firstUtf8 == 0) ? line : firstUtf8;
				}
				if (firstNotGbk == 0 && strictly(GBK, bytes, start, i) == null) {
					firstNotGbk = line;
				}
			}
			line++;
			start = i + 1;
		}
		if (firstUtf8 > 0 && firstOther > 0) {
			int offending = Math.max(firstUtf8, firstOther);
			throw ApiException
				.of(Rule.CSV_MIXED_ENCODING, "file",
						"line " + offending + " is in another encoding than line " + Math.min(firstUtf8, firstOther)
								+ " (the file mixes UTF-8 and GBK); nothing was imported: save the whole file in one "
								+ "encoding, preferably UTF-8, and import it again")
				.with("line", offending);
		}
		String gbk = strictly(GBK, bytes, offset, bytes.length);
		if (gbk == null) {
			int offending = Math.max(firstNotGbk, 1);
			throw ApiException
				.of(Rule.CSV_ENCODING, "file",
						"line " + offending + " is neither UTF-8 nor GBK; nothing was imported: save the file as "
								+ "UTF-8 and import it again")
				.with("line", offending);
		}
		return new CsvText(gbk, "GBK");
	}

	/** The bytes decoded, or {@code null} if they are not valid in the charset. */
	private static String strictly(Charset charset, byte[] bytes, int from, int to) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, from, to - from))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static boolean ascii(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] < 0) {
				return false;
			}
		}
		return true;
	}

	/** Whether the text holds a character of the CJK ideograph blocks. */
	private static boolean chinese(String text) {
		return text.codePoints()
			.anyMatch(c -> (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
					|| (c >= 0x20000 && c <= 0x3FFFF));
	}

	/**
	 * Whether the bytes read as GBK of the GB 2312 range: ASCII, or pairs whose both
	 * bytes lie in 0xA1..0xFE (where the names people write are).
	 */
	private static boolean plausibleGb2312(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			int b = bytes[i] & 0xff;
			if (b < 0x80) {
				continue;
			}
			if (b < 0xA1 || b == 0xFF || i + 1 >= to) {
				return false;
			}
			int trail = bytes[i + 1] & 0xff;
			if (trail < 0xA1 || trail == 0xFF) {
				return false;
			}
			i++;
		}
		return true;
	}

}
