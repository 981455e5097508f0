package org.unionledger.eventstore;

import java.nio.file.Path;

/**
 * The embedded store's H2 file cannot be the ledger's store: empty, not an H2 file,
 * truncated (it opens at an older version than its header records, so the writes after
 * that version would be silently gone) or unreadable. Its message is one line that names
 * the file and what to do.
 */
public final class StoreFileDamagedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final transient Path file;

	private final String damage;

	StoreFileDamagedException(Path file, String damage, Throwable cause) {
		super("The store file " + file + " is damaged (" + damage + "); the ledger does not start on it: stop, "
				+ "restore the file from your backup (a copy taken while no ledger ran), or run './ledger replay' "
				+ "on a copy of it to see what it still holds.", cause);
		this.file = file;
		this.damage = damage;
	}

	/** The store file. */
	public Path file() {
		return this.file;
	}

	/** What is wrong with it, in a few words. */
	public String damage() {
		return this.damage;
	}

}
