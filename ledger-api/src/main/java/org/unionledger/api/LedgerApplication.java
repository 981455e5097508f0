package org.unionledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ledger: HTTP API, command and query handling, projections, on MongoDB. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

	public static void main(String[] args) {
		// A ledger of personal data does not report usage to third parties (Axon's update
		// checker); -Daxoniq.update-checker.disabled=false turns it back on.
		if (System.getProperty("axoniq.update-checker.disabled") == null) {
			System.setProperty("axoniq.update-checker.disabled", "true");
		}
		SpringApplication.run(LedgerApplication.class, args);
	}

}
