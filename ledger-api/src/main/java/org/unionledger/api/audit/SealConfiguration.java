package org.unionledger.api.audit;

import java.time.Clock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.unionledger.api.config.KeyMaterial;
import org.unionledger.eventstore.EventSeal;
import org.unionledger.eventstore.IntegrityAlarm;

/**
 * The seal over the event store, extended on a schedule ({@code ledger.seal.interval},
 * default 30 s) so that every commit is covered by a signed digest soon after it is
 * written; a commit whose authenticator fails is refused and never sealed (see
 * {@link EventSeal}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SealConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SealConfiguration.class);

	/**
	 * The seal checks every commit's authenticator before it seals it and raises the
	 * ledger's integrity alarm on a commit it refuses.
	 */
	@Bean
	EventSeal eventSeal(MongoDatabase database, KeyMaterial keys, Clock clock, IntegrityAlarm integrityAlarm) {
		return new EventSeal(database, "", keys.sealKey(), clock, integrityAlarm);
	}

	/**
	 * The schedule; it takes the client so that Spring closes the client only after the
	 * schedule's last seal at shutdown.
	 */
	@Bean
	SealSchedule sealSchedule(EventSeal seal, MongoClient client) {
		return new SealSchedule(seal);
	}

	/** Runs the seal periodically. */
	static class SealSchedule {

		private final EventSeal seal;

		SealSchedule(EventSeal seal) {
			this.seal = seal;
		}

		/**
		 * Seals what is new when the ledger stops, so that a stopped ledger's store is
		 * sealed up to its last commit (what the auditor's replay verifies and counts).
		 */
		@PreDestroy
		void sealOnShutdown() {
			sealNewCommits();
		}

		@Scheduled(fixedDelayString = "${ledger.seal.interval:30s}", initialDelayString = "${ledger.seal.interval:30s}")
		void sealNewCommits() {
			try {
				EventSeal.SealResult result = this.seal.seal();
				if (result.commits() > 0) {
					log.info("Sealed positions {}..{} ({} commits) as digest {}", result.fromPosition(),
							result.toPosition(), result.commits(), result.digest());
				}
				if (result.refused() != null) {
					log.error("Sealing refused position {} ({}: {}); nothing from there on is sealed",
							result.refused().position(), result.refused().kind(), result.refused().detail());
				}
			}
			catch (RuntimeException ex) {
				log.warn("Sealing failed; the next run tries again", ex);
			}
		}

	}

}
