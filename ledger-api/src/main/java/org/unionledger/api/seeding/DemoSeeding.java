package org.unionledger.api.seeding;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionledger.api.annualreports.AnnualReports;
import org.unionledger.api.config.LedgerProperties;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.Enrollments;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.eventstore.WriteBatch;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.seeds.RecordedDays;
import org.unionledger.seeds.SeedBatches;
import org.unionledger.seeds.SeedLedger;
import org.unionledger.seeds.SeedLoader;
import org.unionledger.seeds.SeedPlan;
import org.unionledger.seeds.SeedReport;

/**
 * Loads the Hebei demo data at start-up when {@code ledger.seed.enabled=true} (the demo
 * profile), through the ordinary commands. Loading is idempotent: what a member's stream
 * already holds is skipped, so restarts add nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoSeeding.SeedProperties.class)
@ConditionalOnProperty(name = "ledger.seed.enabled", havingValue = "true")
public class DemoSeeding {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

	/**
	 * Settings of the demo data.
	 *
	 * @param enabled whether to load it
	 * @param members how many members
	 * @param randomSeed seed of the generator
	 * @param threads members loaded in parallel when not in batches (no longer used by
	 * the demo, which loads in command batches)
	 * @param recordedDays whether each command is recorded on the day the plan gives it
	 * (near the day it took effect, some late, some backdated into a signed year) rather
	 * than on the day of loading; the demo profile sets it
	 */
	@ConfigurationProperties("ledger.seed")
	public record SeedProperties(boolean enabled, Integer members, Long randomSeed, Integer threads,
			boolean recordedDays) {
	}

	/** The number of events already in an aggregate's stream, read by {@code _id}. */
	public static SeedLedger eventStoreLedger(EventStore eventStore) {
		return aggregateId -> {
			int[] count = { 0 };
			eventStore.readEvents(aggregateId).forEachRemaining(event -> count[0]++);
			return count[0];
		};
	}

	/**
	 * As {@link #eventStoreLedger(EventStore)}, with many streams read together (one
	 * {@code _id $in} of their first commits, see
	 * {@link MongoEventStorageEngine#openBatch}).
	 */
	public static SeedLedger batchedLedger(EventStore eventStore, MongoEventStorageEngine engine) {
		SeedLedger single = eventStoreLedger(eventStore);
		return new SeedLedger() {
			@Override
			public int eventCount(String aggregateIdentifier) {
				return single.eventCount(aggregateIdentifier);
			}

			@Override
			public Map<String, Integer> eventCounts(List<String> aggregateIdentifiers) {
				Map<String, Integer> counts = new HashMap<>();
				try (WriteBatch batch = engine.openBatch(aggregateIdentifiers)) {
					for (String aggregateIdentifier : aggregateIdentifiers) {
						counts.put(aggregateIdentifier, single.eventCount(aggregateIdentifier));
					}
				}
				return counts;
			}
		};
	}

	/** The ledger's command batches, as the loader sees them. */
	public static SeedBatches seedBatches(CommandBatches batches) {
		return commands -> batches.send(commands)
			.stream()
			.map((result) -> new SeedBatches.Sent(result.value(), result.failure()))
			.toList();
	}

	@Bean
	ApplicationRunner demoSeedRunner(SeedProperties seed, CommandGateway commands, CommandBatches batches,
			MongoEventStorageEngine engine, EventStore eventStore, Enrollments enrollments, Actors actors,
			LedgerProperties properties, ProjectionFreshness freshness, AnnualReports annualReports,
			JurisdictionTable jurisdictions, ApplicationContext context) {
		return (ApplicationArguments args) -> {
			SeedPlan plan = SeedPlan.generate((seed.randomSeed() != null) ? seed.randomSeed() : 20210501L,
					(seed.members() != null) ? seed.members() : SeedPlan.DEFAULT_MEMBER_COUNT);
			log.info("Loading demo data: {} unions, {} members, {} services ({} commands at most)",
					plan.unions().size(), plan.members().size(), plan.services().size(), plan.commandCount());
			SeedLoader loader = new SeedLoader(commands, batchedLedger(eventStore, engine),
					ApplicationSeedUseCases.of(enrollments), actors.system(), properties.credentialValidityDays(),
					(seed.threads() != null) ? seed.threads() : 2, seedBatches(batches))
				.recordedOnPlannedDays(seed.recordedDays());
			// With recorded days, the members recorded after the signed year was signed
			// are
			// loaded once it is signed (below), so that what they change is flagged.
			SeedReport report = loader.load(plan,
					seed.recordedDays() ? (member) -> !RecordedDays.backdatedIntoSignedYear(member) : (member) -> true);
			freshness.awaitOwnWrites();
			log.info("Demo data: {} commands run, {} already present, {} unexpected outcomes, in {} s",
					report.stepsRun(), report.stepsSkipped(), report.unexpectedOutcomes(),
					report.duration().toMillis() / 1000.0);
			int port = (context instanceof WebServerApplicationContext web) ? web.getWebServer().getPort() : -1;
			System.out.println("Ledger ready at http://localhost:" + port);
			if (seed.recordedDays()) {
				Thread story = new Thread(() -> signedYear(plan, loader, annualReports, jurisdictions, freshness),
						"demo-signed-year");
				story.setDaemon(true);
				story.start();
			}
		};
	}

	/**
	 * The demo's signed year: statistical year {@value RecordedDays#SIGNED_YEAR} signed
	 * level by level by the demo's admins (counties and zones, then cities, then the
	 * province), recorded in the days up to {@link RecordedDays#SIGNED_ON}; then the
	 * members recorded after that, backdated into the signed year, whose enrollments
	 * raise change flags on the signed reports. Runs after the ledger is ready (a few
	 * seconds, in the background), once: a province already signed is left as it is.
	 */
	static void signedYear(SeedPlan plan, SeedLoader loader, AnnualReports annualReports,
			JurisdictionTable jurisdictions, ProjectionFreshness freshness) {
		long started = System.nanoTime();
		int year = RecordedDays.SIGNED_YEAR;
		try {
			JurisdictionCode province = JurisdictionCode.of("13");
			if (annualReports.find(List.of(province), year).of(province).isEmpty()) {
				List<String> codes = new java.util.ArrayList<>(plan.jurisdictionAdmins().keySet());
				codes.sort(java.util.Comparator.comparing(String::length)
					.reversed()
					.thenComparing(java.util.Comparator.naturalOrder()));
				codes.add("13");
				for (String code : codes) {
					// Each level signs what the read models hold once they include every
					// event written so far (on a loaded machine they may lag the seeding
					// for longer than one read-your-writes wait).
					for (int wait = 0; wait < 30 && !freshness.awaitOwnWrites(); wait++) {
						log.info("Demo data: waiting for the read models before signing {}", code);
					}
					int daysBefore = switch (code.length()) {
						case 6 -> 5;
						case 4 -> 2;
						default -> 0;
					};
					signOff(annualReports, jurisdictions.find(JurisdictionCode.of(code)).orElseThrow(), year,
							new RecordedBy(SeedPlan.adminOf(code)), RecordedDays.SIGNED_ON.minusDays(daysBefore));
				}
			}
			SeedReport late = loader.load(plan, RecordedDays::backdatedIntoSignedYear);
			freshness.awaitOwnWrites();
			log.info("Demo data: statistical year {} signed by its admins, then {} commands recorded after it, in {} s",
					year, late.stepsRun(), (System.nanoTime() - started) / 1_000_000 / 1000.0);
		}
		catch (RuntimeException ex) {
			log.warn("Demo data: the signed year {} could not be completed: {}", year, ex.toString());
		}
	}

	/**
	 * Signs one level's report, trying again while the statistics keep moving (a user
	 * acting on the ledger as soon as it is ready: a report is computed only from
	 * statistics standing still), up to about a minute.
	 */
	static void signOff(AnnualReports annualReports, Jurisdiction jurisdiction, int year, RecordedBy admin,
			LocalDate signedOn) {
		for (int attempt = 1;; attempt++) {
			try {
				annualReports.signOff(jurisdiction, year, "演示数据：" + year + " 年度统计年报", admin, signedOn);
				return;
			}
			catch (ApiException ex) {
				if (ex.rule() != Rule.PROCESSOR_BUSY || attempt >= 120) {
					throw ex;
				}
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

}
