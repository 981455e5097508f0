package org.unionledger.api.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded CSV file: a UTF-8 byte order mark is dropped; bytes that are
 * valid UTF-8 are read as UTF-8, anything else as GBK (what Excel on a Chinese Windows
 * saves).
 *
 * @param text the decoded text
 * @param encoding {@code UTF-8}, {@code UTF-8 (BOM)} or {@code GBK}
 */
record CsvText(String text, String encoding) {

	static final Charset GBK = Charset.forName("GBK");

	static CsvText decode(byte[] bytes) {
		int offset = 0;
		boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF;
		if (bom) {
			offset = 3;
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		try {
			CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buffer);
			return new CsvText(chars.toString(), bom ? "UTF-8 (BOM)" : "UTF-8");
		}
		catch (CharacterCodingException ex) {
			return new CsvText(new String(bytes, offset, bytes.length - offset, GBK), "GBK");
		}
	}

}
