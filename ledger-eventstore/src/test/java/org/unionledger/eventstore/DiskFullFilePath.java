package org.unionledger.eventstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code diskfull:} prefix) over the disk that, while {@link #fill()
 * full}, refuses every write with {@code IOException("No space left on device")}, as a
 * full disk does; reads go on. A full disk without root, mounts or filling a real disk:
 * the store file opened as {@code diskfull:/path/ledger.mv.db} goes through here. One
 * switch for the whole JVM (tests that use it must not run in parallel with each other).
 */
public final class DiskFullFilePath extends FilePathWrapper {

	/** The prefix to put before an absolute file name. */
	public static final String PREFIX = "diskfull:";

	private static final AtomicBoolean full = new AtomicBoolean();

	private static final AtomicLong refused = new AtomicLong();

	static {
		FilePath.register(new DiskFullFilePath());
	}

	/** Registers the file system with H2 (idempotent). */
	public static void register() {
		// the static initializer did it
	}

	/** From now on every write fails. */
	public static void fill() {
		full.set(true);
	}

	/** From now on writes succeed again. */
	public static void free() {
		full.set(false);
	}

	/** Writes refused since the JVM started. */
	public static long refusedWrites() {
		return refused.get();
	}

	@Override
	public String getScheme() {
		return "diskfull";
	}

	@Override
	public FileChannel open(String mode) throws IOException {
		return new Channel(getBase().open(mode));
	}

	private static void refuseWhenFull() throws IOException {
		if (full.get()) {
			refused.incrementAndGet();
			throw new IOException("No space left on device");
		}
	}

	/** A channel that refuses writes while the disk is full. */
	private static final class Channel extends FileBase {

		private final FileChannel channel;

		Channel(FileChannel channel) {
			this.channel = channel;
		}

		@Override
		protected void implCloseChannel() throws IOException {
			this.channel.close();
		}

		@Override
		public long position() throws IOException {
			return this.channel.position();
		}

		@Override
		public FileChannel position(long newPosition) throws IOException {
			this.channel.position(newPosition);
			return this;
		}

		@Override
		public long size() throws IOException {
			return this.channel.size();
		}

		@Override
		public int read(ByteBuffer dst) throws IOException {
			return this.channel.read(dst);
		}

		@Override
		public int read(ByteBuffer dst, long position) throws IOException {
			return this.channel.read(dst, position);
		}

		@Override
		public int write(ByteBuffer src) throws IOException {
			refuseWhenFull();
			return this.channel.write(src);
		}

		@Override
		public int write(ByteBuffer src, long position) throws IOException {
			refuseWhenFull();
			return this.channel.write(src, position);
		}

		@Override
		public FileChannel truncate(long size) throws IOException {
			this.channel.truncate(size);
			return this;
		}

		@Override
		public void force(boolean metaData) throws IOException {
			this.channel.force(metaData);
		}

		@Override
		public FileLock tryLock(long position, long size, boolean shared) throws IOException {
			return this.channel.tryLock(position, size, shared);
		}

	}

}
