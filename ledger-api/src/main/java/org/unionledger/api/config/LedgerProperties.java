package org.unionledger.api.config;

import java.nio.file.Path;
import java.time.MonthDay;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the ledger, under {@code ledger.*}.
 *
 * @param mongo where the store is
 * @param dataDir folder of the embedded store's files and of generated keys
 * @param zone time zone that turns the clock into dates (default Asia/Shanghai)
 * @param statisticalYearStart first day of the statistical year, {@code --MM-DD} (default
 * 1 October)
 * @param credentialValidityDays days a transfer credential stays valid (default 90)
 * @param operator who records changes until login exists
 * @param keys secrets for fingerprints and personal data
 * @param readYourWrites how long a write waits for the read models to include it
 * @param supervision thresholds of the double-count hunt
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(Mongo mongo, Path dataDir, ZoneId zone, MonthDay statisticalYearStart,
		Integer credentialValidityDays, String operator, Keys keys, java.time.Duration readYourWrites,
		Supervision supervision) {

	public LedgerProperties {
		mongo = (mongo != null) ? mongo : new Mongo(null, "ledger", EmbeddedBackend.H2, 0);
		dataDir = (dataDir != null) ? dataDir : Path.of("data");
		zone = (zone != null) ? zone : ZoneId.of("Asia/Shanghai");
		statisticalYearStart = (statisticalYearStart != null) ? statisticalYearStart : MonthDay.of(10, 1);
		credentialValidityDays = (credentialValidityDays != null) ? credentialValidityDays : 90;
		operator = (operator != null && !operator.isBlank()) ? operator : "operator";
		keys = (keys != null) ? keys : new Keys(null, null, null, null);
		readYourWrites = (readYourWrites != null) ? readYourWrites : java.time.Duration.ofSeconds(10);
		supervision = (supervision != null) ? supervision : new Supervision(null, null, null, null, null);
	}

	/**
	 * Thresholds of the double-count hunt ({@code ledger.supervision.*}); see the
	 * supervision findings in docs/api.md.
	 *
	 * @param backdatedDays a record written more than this many days after it took effect
	 * is backdated (default 30)
	 * @param reEnrollmentWindowDays a termination followed within this many days by an
	 * enrollment elsewhere is a finding (default 90)
	 * @param burstWindowDays the last days of a statistical year a burst is looked for in
	 * (default 14)
	 * @param burstFactor how many times the union's own rate a burst exceeds (default 3)
	 * @param burstMinEnrollments the fewest enrollments in the window that make a burst
	 * (default 10)
	 */
	public record Supervision(Integer backdatedDays, Integer reEnrollmentWindowDays, Integer burstWindowDays,
			java.math.BigDecimal burstFactor, Integer burstMinEnrollments) {

		public Supervision {
			backdatedDays = (backdatedDays != null) ? backdatedDays : 30;
			reEnrollmentWindowDays = (reEnrollmentWindowDays != null) ? reEnrollmentWindowDays : 90;
			burstWindowDays = (burstWindowDays != null) ? burstWindowDays : 14;
			burstFactor = (burstFactor != null) ? burstFactor : java.math.BigDecimal.valueOf(3);
			burstMinEnrollments = (burstMinEnrollments != null) ? burstMinEnrollments : 10;
		}

	}

	/**
	 * The store.
	 *
	 * @param uri a MongoDB connection string; empty means the embedded server
	 * @param database database name
	 * @param embedded backend of the embedded server
	 * @param embeddedPort port of the embedded server on 127.0.0.1 (0 = any free port)
	 */
	public record Mongo(String uri, String database, EmbeddedBackend embedded, int embeddedPort) {

		public Mongo {
			database = (database != null && !database.isBlank()) ? database : "ledger";
			embedded = (embedded != null) ? embedded : EmbeddedBackend.H2;
		}

		public boolean external() {
			return this.uri != null && !this.uri.isBlank();
		}

	}

	/** Backends of the embedded store. */
	public enum EmbeddedBackend {

		/** Files in {@code dataDir}; survives restarts. */
		H2,
		/** In memory; for tests. */
		MEMORY

	}

	/**
	 * Secrets, Base64 of 32 random bytes each. When absent they are generated once into
	 * {@code dataDir/ledger-keys.properties} (fine for a demo, not for production).
	 *
	 * @param fingerprint HMAC key that turns a resident ID into a member id
	 * @param personalData AES key that encrypts names and IDs in events
	 * @param personalDataKeyRef name of that key (for rotation)
	 * @param seal HMAC key that signs the event store's digests
	 */
	public record Keys(String fingerprint, String personalData, String personalDataKeyRef, String seal) {
	}

}
