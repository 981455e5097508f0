package org.unionledger.eventstore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Checks that an H2 file can be the ledger's store before it is opened for writing. An
 * MVStore opens a damaged file without complaint more often than not: a zero-length file
 * becomes a new, empty store, and a truncated one opens at the last whole version before
 * the cut, so the ledger would start with part of its history silently gone (and write
 * over the rest). The file's header records the version of its last commit; a store that
 * opens at an older one lost its end. A header is written after the commit it names, so a
 * crash never causes this; a cut or overwritten file does.
 */
final class StoreFileCheck {

	/** The two copies of the store header at the start of the file. */
	private static final int HEADER_BLOCK = 4096;

	private StoreFileCheck() {
	}

	/**
	 * The quick checks that need no open store: the file, when it exists, is not empty
	 * and starts with an H2 store header. Returns the version the header records (0 when
	 * the file does not exist yet).
	 * @throws StoreFileDamagedException when it is not so
	 */
	static long checkBeforeOpening(Path file) {
		if (!Files.exists(file)) {
			return 0;
		}
		byte[] start = new byte[2 * HEADER_BLOCK];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(start, 0, start.length);
		}
		catch (IOException ex) {
			throw new StoreFileDamagedException(file, "unreadable: " + ex.getMessage(), ex);
		}
		if (read == 0) {
			throw new StoreFileDamagedException(file, "empty: 0 bytes; a ledger's store file never is", null);
		}
		long version = Math.max(headerVersion(start, 0, read), headerVersion(start, HEADER_BLOCK, read));
		if (version < 0) {
			throw new StoreFileDamagedException(file, "not an H2 store file: no valid H2 header in its first "
					+ Math.min(read, 2 * HEADER_BLOCK) + " bytes", null);
		}
		return version;
	}

	/**
	 * Opens the store through {@code open} after {@link #checkBeforeOpening(Path) the
	 * quick checks}, and checks that it opened at the version its header records.
	 * @throws StoreFileDamagedException when the file is damaged
	 */
	static <B extends EmbeddedMongoServer.KeyOrderedH2Backend> B open(Path file, Supplier<B> open) {
		long headerVersion = checkBeforeOpening(file);
		B backend;
		try {
			backend = open.get();
		}
		catch (MVStoreException ex) {
			if (ex.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
				throw new EmbeddedMongoServer.StoreLockedException(file, ex);
			}
			throw new StoreFileDamagedException(file, "unreadable: " + oneLine(ex), ex);
		}
		long opened = backend.getMvStore().getCurrentVersion();
		if (opened < headerVersion) {
			backend.getMvStore().closeImmediately();
			throw new StoreFileDamagedException(file, "truncated or overwritten: it opens at version " + opened
					+ " but its header records version " + headerVersion + ", so the writes after that are gone", null);
		}
		return backend;
	}

	/**
	 * The quick checks, then the store opened read-only and, with {@code full}, every
	 * entry of every map read (which is what finds bytes overwritten inside the data:
	 * about 20 s for a store of 100,000 members).
	 * @throws StoreFileDamagedException when the file is damaged
	 * @throws EmbeddedMongoServer.StoreLockedException when another process has it open
	 */
	static void check(Path file, boolean full) {
		long headerVersion = checkBeforeOpening(file);
		if (headerVersion == 0 && !Files.exists(file)) {
			return;
		}
		MVStore store;
		try {
			store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
		}
		catch (MVStoreException ex) {
			if (ex.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
				throw new EmbeddedMongoServer.StoreLockedException(file, ex);
			}
			throw new StoreFileDamagedException(file, "unreadable: " + oneLine(ex), ex);
		}
		try {
			long opened = store.getCurrentVersion();
			if (opened < headerVersion) {
				throw new StoreFileDamagedException(file, "truncated or overwritten: it opens at version " + opened
						+ " but its header records version " + headerVersion + ", so the writes after that are gone",
						null);
			}
			String map = null;
			try {
				for (String name : store.getMapNames()) {
					map = name;
					MVMap<?, ?> entries = EmbeddedMongoServer.openAsTheBackendDoes(store, name);
					if (full) {
						Cursor<?, ?> cursor = entries.cursor(null);
						while (cursor.hasNext()) {
							cursor.next();
							cursor.getValue();
						}
					}
					else {
						entries.sizeAsLong();
					}
				}
			}
			catch (RuntimeException ex) {
				throw new StoreFileDamagedException(file, "unreadable in map " + map + ": " + oneLine(ex), ex);
			}
		}
		finally {
			store.closeImmediately();
		}
	}

	/**
	 * The version an H2 store header at {@code offset} records, or -1 when there is no
	 * header with a valid checksum there.
	 */
	private static long headerVersion(byte[] bytes, int offset, int read) {
		int end = offset;
		while (end < read && end < offset + HEADER_BLOCK && bytes[end] != '\n') {
			end++;
		}
		if (end >= read || bytes[end] != '\n') {
			return -1;
		}
		String header = new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1);
		int fletcher = header.lastIndexOf(",fletcher:");
		if (!header.startsWith("H:2,") || fletcher < 0) {
			return -1;
		}
		try {
			int check = (int) Long.parseLong(header.substring(fletcher + ",fletcher:".length()), 16);
			if (check != DataUtils.getFletcher32(bytes, offset, fletcher)) {
				return -1;
			}
			Map<String, String> fields = DataUtils.parseMap(header.substring(0, fletcher));
			return DataUtils.readHexLong(fields, "version", 0);
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	private static String oneLine(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
		return message.replaceAll("\\s+", " ");
	}

}
