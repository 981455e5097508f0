package org.unionledger.api;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.unionledger.api.imports.ImportCli;

/** The ledger: HTTP API, command and query handling, projections, on MongoDB. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

	/**
	 * Starts the ledger, or with {@code import ...} runs the command-line import against
	 * a running one (see {@link ImportCli}).
	 */
	public static void main(String[] args) {
		if (args.length > 0 && "import".equals(args[0])) {
			System
				.exit(ImportCli.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out, System.err));
		}
		// A ledger of personal data does not report usage to third parties (Axon's update
		// checker); -Daxoniq.update-checker.disabled=false turns it back on.
		if (System.getProperty("axoniq.update-checker.disabled") == null) {
			System.setProperty("axoniq.update-checker.disabled", "true");
		}
		SpringApplication.run(LedgerApplication.class, args);
	}

}
