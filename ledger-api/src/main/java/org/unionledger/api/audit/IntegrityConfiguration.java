package org.unionledger.api.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.unionledger.api.config.LedgerProperties;
import org.unionledger.eventstore.IntegrityAlarm;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.consistency.ConsistencyCheck;
import org.unionledger.projections.consistency.ConsistencyReport;
import org.unionledger.projections.support.MongoReadModelStore;
import org.unionledger.statistics.StatisticalCalendar;

/**
 * The ledger's integrity alarm made visible, and one more thing that raises it.
 * <ul>
 * <li>Health component {@code integrity}: DOWN once the {@link IntegrityAlarm} was raised
 * (a commit or stream copy whose authenticator failed on a read, a commit the seal
 * refused, a verification problem, a read model that differs from its rebuild), with the
 * findings as details; it stays DOWN until the ledger restarts.</li>
 * <li>The scheduled consistency check: the read models are rebuilt from the events and
 * compared (see {@link ConsistencyCheck}), by default every day at 03:30 in the ledger's
 * zone ({@code ledger.integrity.consistency-check-cron}, a Spring cron expression;
 * {@code -} turns it off, as the test profile does). Read models are not authenticated,
 * so a document edited in the store is found here: every difference is raised on the
 * alarm. The check compares at the lowest position the running processors have reached,
 * so it needs no quiet ledger for the documents.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class IntegrityConfiguration {

	@Bean
	HealthIndicator integrityHealthIndicator(IntegrityAlarm integrityAlarm) {
		return () -> {
			if (!integrityAlarm.isRaised()) {
				return Health.up().build();
			}
			List<IntegrityAlarm.Finding> findings = integrityAlarm.findings();
			return Health.down()
				.withDetail("findings", findings.size())
				.withDetail("first", findings.get(0))
				.withDetail("action", "the store holds data the ledger did not write: see the ERROR log "
						+ "(INTEGRITY ALARM), GET /api/audit/verification, and restore or remove the forged data")
				.build();
		};
	}

	@Bean
	ScheduledVerification scheduledVerification(org.unionledger.eventstore.EventSeal seal) {
		return new ScheduledVerification(seal);
	}

	/**
	 * Verifies the whole store on its schedule
	 * ({@code ledger.integrity.verification-cron}, default every day at 03:00 in the
	 * ledger's zone; {@code -} turns it off), so that commits edited or forged inside the
	 * sealed range, which no read path meets once the processors are past them, raise the
	 * alarm without anyone asking (the tamper drill found them silent until a member's
	 * history or a verification was read). Verification raises every problem on the alarm
	 * itself.
	 */
	public static class ScheduledVerification {

		private static final Logger log = LoggerFactory.getLogger(ScheduledVerification.class);

		private final org.unionledger.eventstore.EventSeal seal;

		ScheduledVerification(org.unionledger.eventstore.EventSeal seal) {
			this.seal = seal;
		}

		@Scheduled(cron = "${ledger.integrity.verification-cron:0 0 3 * * *}", zone = "${ledger.zone:Asia/Shanghai}")
		public org.unionledger.eventstore.EventSeal.VerificationReport run() {
			org.unionledger.eventstore.EventSeal.VerificationReport report = this.seal.verify();
			if (report.intact()) {
				log.info("Scheduled verification: the store is intact up to position {} ({} commits)",
						report.verifiedUpTo(), report.commitsChecked());
			}
			else {
				log.error("Scheduled verification: the store is NOT intact: {} problems", report.problems().size());
			}
			return report;
		}

	}

	@Bean
	ScheduledConsistencyCheck scheduledConsistencyCheck(EventProcessingConfiguration processing,
			MongoEventStorageEngine engine, MongoDatabase database, StatisticalCalendar calendar,
			LedgerProperties properties, JurisdictionTable jurisdictions, Clock clock, IntegrityAlarm integrityAlarm) {
		return new ScheduledConsistencyCheck(processing, engine, new ConsistencyCheck(new MongoReadModelStore(database),
				calendar, properties.zone(), jurisdictions, clock), integrityAlarm);
	}

	/** Runs the consistency check on its schedule and raises what it finds. */
	public static class ScheduledConsistencyCheck {

		/** Differences raised on the alarm per run; the log names the count. */
		static final int RAISED = 20;

		private static final Logger log = LoggerFactory.getLogger(ScheduledConsistencyCheck.class);

		private final EventProcessingConfiguration processing;

		private final MongoEventStorageEngine engine;

		private final ConsistencyCheck check;

		private final IntegrityAlarm alarm;

		ScheduledConsistencyCheck(EventProcessingConfiguration processing, MongoEventStorageEngine engine,
				ConsistencyCheck check, IntegrityAlarm alarm) {
			this.processing = processing;
			this.engine = engine;
			this.check = check;
			this.alarm = alarm;
		}

		/**
		 * The scheduled run; returns the report (or {@code null} when the events could
		 * not be read, e.g. at a commit that failed its authenticator, which the read has
		 * raised already).
		 */
		@Scheduled(cron = "${ledger.integrity.consistency-check-cron:0 30 3 * * *}",
				zone = "${ledger.zone:Asia/Shanghai}")
		public ConsistencyReport run() {
			long through = Math.min(this.engine.headPosition(), lowestPosition());
			ConsistencyReport report;
			try (Stream<? extends TrackedEventMessage<?>> events = this.engine.readEvents(null, false)) {
				report = this.check.run(events, through);
			}
			catch (RuntimeException ex) {
				log.error("The scheduled consistency check could not replay the events", ex);
				return null;
			}
			if (report.consistent()) {
				log.info(
						"Scheduled consistency check: read models equal their rebuild at position {} "
								+ "({} documents, {} figures)",
						through, report.documentsCompared(), report.figuresCompared());
				return report;
			}
			raise("Scheduled consistency check", report, through);
			return report;
		}

		/**
		 * Raises the alarm for the differences of a consistency check's report (the first
		 * {@value #RAISED}; the log names the count), whoever ran it: the schedule or an
		 * auditor ({@code POST /api/operations/consistency-check}). Nothing for a
		 * consistent report.
		 */
		public void raise(String who, ConsistencyReport report, long through) {
			if (report.consistent()) {
				return;
			}
			log.error("{}: {} differences between the read models and their rebuild at position {}", who,
					report.differenceCount(), through);
			for (ConsistencyReport.Difference difference : report.differences()
				.subList(0, Math.min(RAISED, report.differences().size()))) {
				this.alarm.raise("consistency check", through, describe(difference));
			}
		}

		private static String describe(ConsistencyReport.Difference difference) {
			Map<String, Object> what = new LinkedHashMap<>();
			what.put("readModel", difference.readModel());
			if (difference.documentId() != null) {
				what.put("document", difference.documentId());
			}
			if (difference.figure() != null) {
				what.put("scope", difference.scope());
				what.put("year", difference.statisticalYear());
				what.put("figure", difference.figure());
				what.put("expected", difference.expected());
				what.put("actual", difference.actual());
			}
			return "read model differs from its rebuild from the events: " + difference.kind() + " " + what;
		}

		/**
		 * The check as an auditor or admin starts it: compared at the lowest position the
		 * processors have reached, differences raised on the alarm like the schedule's.
		 * @param who for the log, e.g. the user who asked
		 */
		public ConsistencyReport runNow(String who) {
			long through = Math.min(this.engine.headPosition(), lowestPosition());
			ConsistencyReport report;
			try (Stream<? extends TrackedEventMessage<?>> events = this.engine.readEvents(null, false)) {
				report = this.check.run(events, through);
			}
			raise(who, report, through);
			return report;
		}

		/**
		 * The lowest position any running tracking processor of this node has reached.
		 */
		private long lowestPosition() {
			long lowest = Long.MAX_VALUE;
			for (EventProcessor processor : this.processing.eventProcessors().values()) {
				if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
					for (EventTrackerStatus status : streaming.processingStatus().values()) {
						lowest = Math.min(lowest, status.getCurrentPosition().orElse(0));
					}
				}
			}
			return lowest;
		}

	}

}
