package org.unionledger.api.config;

import java.nio.file.Path;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.StoreFileDamagedException;

/**
 * Checks the embedded store's H2 file before the application context starts, so that a
 * damaged file (empty, not H2, truncated, unreadable) or one a running ledger holds stops
 * the start with one line on standard error naming the file and what to do, and exit code
 * {@value #EXIT_STORE_FILE}, instead of a page of bean-creation errors, or worse, a start
 * on a truncated file, which H2 opens at an older version without complaint.
 * {@code ledger.mongo.start-up-check=quick} skips reading every entry (about 20 s for
 * 100,000 members), which is what finds bytes overwritten inside the data.
 */
public final class StoreFileCheckOnStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** Exit code of a start refused because of the store file (sysexits' EX_DATAERR). */
	public static final int EXIT_STORE_FILE = 65;

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		if (!environment.getProperty("ledger.mongo.uri", "").isBlank()
				|| "memory".equalsIgnoreCase(environment.getProperty("ledger.mongo.embedded", "h2"))) {
			return;
		}
		Path file = LedgerStore.embeddedFile(Path.of(environment.getProperty("ledger.data-dir", "data")));
		boolean full = !"quick".equalsIgnoreCase(environment.getProperty("ledger.mongo.start-up-check", "full"));
		try {
			EmbeddedMongoServer.checkStoreFile(file, full);
		}
		catch (StoreFileDamagedException | EmbeddedMongoServer.StoreLockedException ex) {
			String message = ex.getMessage();
			System.err.println((ex instanceof StoreFileDamagedException) ? message
					: "The ledger does not start: " + message + ".");
			System.exit(EXIT_STORE_FILE);
		}
	}

	/**
	 * After the configuration is read
	 * ({@code EnvironmentPostProcessorApplicationListener}) and before logging starts
	 * (and with it Boot's background pre-initialisation, which logs), so that the one
	 * line is all there is.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 15;
	}

}
