package org.unionledger.api;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.unionledger.api.audit.ReplayCli;
import org.unionledger.api.config.StoreFileCheckOnStart;
import org.unionledger.api.audit.UpgradeCli;
import org.unionledger.api.imports.ImportCli;

/** The ledger: HTTP API, command and query handling, projections, on MongoDB. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

	/**
	 * Starts the ledger, or with {@code import ...} runs the command-line import against
	 * a running one (see {@link ImportCli}), or with {@code replay ...} the auditor's
	 * replay of the event store (see {@link ReplayCli}; no web server, no processors), or
	 * with {@code upgrade-authenticators ...} the one-off upgrade of a store written
	 * before commit authenticators (see {@link UpgradeCli}), or with
	 * {@code federation-keys
	 * ...} the keys and settings of a federation of ledgers (see
	 * {@link org.unionledger.api.federation.FederationKeysCli}).
	 */
	public static void main(String[] args) {
		if (args.length > 0 && "import".equals(args[0])) {
			System
				.exit(ImportCli.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out, System.err));
		}
		if (args.length > 0 && "federation-keys".equals(args[0])) {
			System.exit(org.unionledger.api.federation.FederationKeysCli.run(Arrays.copyOfRange(args, 1, args.length),
					Clock.systemUTC(), System.out, System.err));
		}
		if (args.length > 0 && "upgrade-authenticators".equals(args[0])) {
			if (System.getProperty("logback.configurationFile") == null) {
				System.setProperty("logback.configurationFile", "cli-logback.xml");
			}
			System.exit(UpgradeCli.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), Clock.systemUTC(),
					System.out, System.err));
		}
		if (args.length > 0 && "replay".equals(args[0])) {
			// Without Spring, logback would log at DEBUG to stdout, into the replay's
			// output.
			if (System.getProperty("logback.configurationFile") == null) {
				System.setProperty("logback.configurationFile", "cli-logback.xml");
			}
			System.exit(ReplayCli.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), Clock.systemUTC(),
					System.out, System.err));
		}
		// A ledger of personal data does not report usage to third parties (Axon's update
		// checker); -Daxoniq.update-checker.disabled=false turns it back on.
		if (System.getProperty("axoniq.update-checker.disabled") == null) {
			System.setProperty("axoniq.update-checker.disabled", "true");
		}
		SpringApplication application = new SpringApplication(LedgerApplication.class);
		application.addListeners(new StoreFileCheckOnStart());
		try {
			application.run(args);
		}
		catch (RuntimeException ex) {
			// Spring has logged why and closed the context; Axon's janitor thread is not
			// a daemon and would keep a ledger that failed to start running, doing
			// nothing, instead of ending with an error.
			System.exit(1);
		}
	}

}
