package org.unionledger.api.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.unionledger.common.RecordedBy;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.TerminationReason;
import org.unionledger.projections.annualreports.AnnualReportProjection;
import org.unionledger.projections.applications.PendingApplicationsProjection;
import org.unionledger.projections.credentials.CredentialProjection;
import org.unionledger.projections.rosters.RosterProjection;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.statistics.StatisticsQueries.FindStatistics;
import org.unionledger.projections.statistics.StatisticsQueryHandler;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.projections.supervision.SupervisionProjection;
import org.unionledger.projections.transfers.TransferProjection;
import org.unionledger.projections.unionlists.UnionListProjection;
import org.unionledger.projections.supervision.SupervisionRules;
import org.unionledger.projections.support.BatchPrefetch;
import org.unionledger.projections.support.MongoReadModelStore;
import org.unionledger.projections.support.ReadModelTransactionManager;
import org.unionledger.service.Campaign;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

/**
 * Measures, on the embedded in-memory store: writing {@code bench.events} (default one
 * million) generated events through the storage engine, rebuilding the statistics and
 * summary read models from them without and with {@link BatchPrefetch}, then every
 * projection with it (one thread, batches of 2,000 as the statistics processor is
 * configured, {@code bench.batch}), and the time of statistics queries with {@code asOf}
 * and {@code knownAt} at that size. Prints its figures; asserts nothing about time. Run
 * with
 * {@code ./mvnw -o -pl ledger-api -am verify -Dtest=MillionEventsBench -Dledger.test.excludedGroups=none -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx12g}
 * ({@code -Dbench.events=100000} for fewer events, {@code -Dbench.compare=false} to skip
 * the side-by-side rebuild of statistics and summaries without and with batch prefetch,
 * {@code -Dbench.backend=h2} for the embedded H2 file store instead of memory).
 */
@Tag("bench")
class MillionEventsBench {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Events per read-model transaction, as the statistics processor is configured. */
	private static final int BATCH = Integer.getInteger("bench.batch", 2000);

	private static final StatisticalCalendar CALENDAR = StatisticalCalendar.ACFTU;

	private static final RecordedBy CLERK = new RecordedBy("bench");

	private static final EncryptedPersonalData SEALED = new EncryptedPersonalData("pd-1", "c2VhbGVkIGRhdGE=");

	private static final String[] COUNTIES = { "130102", "130104", "130105", "130108", "130171", "130202", "130203",
			"130602", "130606", "130902", "131002", "130402" };

	@Test
	void writeRebuildAndQuery() throws Exception {
		int target = Integer.getInteger("bench.events", 1_000_000);
		ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
		boolean h2 = "h2".equals(System.getProperty("bench.backend", "memory"));
		java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("million-events");
		print("backend: %s", h2 ? "embedded H2 file in " + folder : "embedded memory");
		try (EmbeddedMongoServer server = h2 ? EmbeddedMongoServer.h2File(folder.resolve("bench.mv"), 0)
				: EmbeddedMongoServer.inMemory(0);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoDatabase database = client.getDatabase("bench");
			MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
				.database(database)
				.eventSerializer(serializer)
				.snapshotSerializer(serializer)
				.batchSize(500)
				.build();

			long started = System.nanoTime();
			this.started = started;
			int written = write(engine, target);
			double writeSeconds = seconds(started);
			print("wrote %,d events (%,d aggregates' commits) in %.1f s: %,.0f events/s", written, commits,
					writeSeconds, written / writeSeconds);
			printHeap("after writing the events");

			if (Boolean.parseBoolean(System.getProperty("bench.compare", "true"))) {
				// statistics + summaries, without and then with batch prefetch, side by
				// side
				for (boolean prefetch : new boolean[] { false, true }) {
					dropReadModels(database);
					started = System.nanoTime();
					long rebuilt = rebuild(engine, database, prefetch,
							List.of(new StatisticsProjection(database, CALENDAR, ZONE),
									new SummaryProjection(database, CALENDAR)));
					double rebuildSeconds = seconds(started);
					print("rebuilt statistics + summaries (prefetch %s) from %,d events in %.1f s: %,.0f events/s",
							prefetch, rebuilt, rebuildSeconds, rebuilt / rebuildSeconds);
				}
			}
			dropReadModels(database);
			started = System.nanoTime();
			long rebuilt = rebuild(engine, database, true, allProjections(database));
			double rebuildSeconds = seconds(started);
			print("rebuilt ALL projections (statistics with annual reports, summaries, credentials, transfers, union lists, supervision, rosters, applications; prefetch) from %,d events in %.1f s: %,.0f events/s; %,d counter documents, %,d index documents",
					rebuilt, rebuildSeconds, rebuilt / rebuildSeconds,
					database.getCollection(StatisticsProjection.COUNTERS).countDocuments(),
					database.getCollection(StatisticsProjection.INDEX).countDocuments());
			printHeap("after rebuilding every projection");
			printSizes(database);

			Clock clock = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZONE);
			StatisticsQueryHandler queries = new StatisticsQueryHandler(new MongoReadModelStore(database), CALENDAR,
					JurisdictionTable.bundled(), clock);
			for (String scope : new String[] { "J:13", "J:1301", "J:130102", "U:u-0" }) {
				query(queries, scope, 2026, null, null);
				query(queries, scope, 2026, LocalDate.of(2026, 3, 31), null);
				query(queries, scope, 2026, LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 15));
				query(queries, scope, 2025, LocalDate.of(2025, 9, 30), LocalDate.of(2025, 6, 1));
			}
		}
	}

	private static void query(StatisticsQueryHandler queries, String scope, int year, LocalDate asOf,
			LocalDate knownAt) {
		int warmUp = 20;
		int runs = 200;
		long[] micros = new long[runs];
		long newEnrollments = 0;
		for (int i = -warmUp; i < runs; i++) {
			long started = System.nanoTime();
			newEnrollments = queries.handle(new FindStatistics(scope, year, asOf, knownAt)).figure("newEnrollments");
			if (i >= 0) {
				micros[i] = (System.nanoTime() - started) / 1000;
			}
		}
		Arrays.sort(micros);
		print("statistics %s year %d asOf %s knownAt %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms of %d runs (newEnrollments %,d)",
				scope, year, asOf, knownAt, micros[runs / 2] / 1000.0, micros[runs * 99 / 100] / 1000.0,
				micros[runs - 1] / 1000.0, runs, newEnrollments);
	}

	private long commits;

	private long started;

	/**
	 * Members of random unions enroll between October 2024 and September 2026, a third of
	 * them backdated by up to 90 days; some transfer, hold or end; services follow.
	 */
	private int write(MongoEventStorageEngine engine, int target) {
		List<UnionPlacement> unions = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			unions.add(new UnionPlacement(new UnionId("u-" + i), JurisdictionCode.of(COUNTIES[i % COUNTIES.length]),
					UnionType.values()[i % UnionType.values().length], Sector.values()[i % Sector.values().length]));
		}
		Random random = new Random(20260101L);
		LocalDate first = LocalDate.of(2024, 10, 1);
		List<DomainEventMessage<?>> chunk = new ArrayList<>();
		int written = 0;
		int member = 0;
		int nextReport = 100_000;
		while (written < target) {
			MemberId id = new MemberId("m-" + member++);
			LocalDate recorded = first.plusDays((long) member * 720 / Math.max(1, target / 4));
			LocalDate effective = (random.nextInt(3) == 0) ? recorded.minusDays(1 + random.nextInt(90)) : recorded;
			UnionPlacement union = unions.get(random.nextInt(unions.size()));
			List<Object> events = new ArrayList<>();
			events.add(new MemberEnrolled(id, SEALED, union, EnrollmentChannel.values()[random.nextInt(3)], effective,
					at(recorded), CLERK));
			int roll = random.nextInt(10);
			LocalDate later = effective.plusDays(10 + random.nextInt(60));
			LocalDate laterRecorded = later.isAfter(recorded) ? later : recorded;
			if (roll < 3) {
				UnionPlacement to = unions.get(random.nextInt(unions.size()));
				if (!to.equals(union)) {
					events.add(new TransferAccepted(id, new CredentialCode("TC-" + member), union, to, later,
							at(laterRecorded), CLERK));
					union = to;
				}
			}
			else if (roll < 4) {
				events.add(new MembershipPutOnHold(id, union, "retired", later, at(laterRecorded), CLERK));
			}
			else if (roll < 5) {
				events.add(new MembershipTerminated(id, union, TerminationReason.LEFT_WORKFORCE, false, later,
						at(laterRecorded), CLERK));
			}
			for (int s = 0; s < 2; s++) {
				events.add(new ServiceDelivered(new ServiceId("s-" + member + "-" + s), union, id,
						ServiceType.values()[random.nextInt(ServiceType.values().length)],
						Campaign.values()[random.nextInt(4)], later, 1 + random.nextInt(5),
						BigDecimal.valueOf(random.nextInt(100_000), 2), at(laterRecorded), CLERK));
			}
			long sequence = 0;
			for (Object event : events) {
				String aggregate = (event instanceof ServiceDelivered service) ? service.serviceId().value()
						: id.value();
				long seq = (event instanceof ServiceDelivered) ? 0 : sequence++;
				chunk.add(new GenericDomainEventMessage<>(
						(event instanceof ServiceDelivered) ? "ServiceDelivery" : "Membership", aggregate, seq, event));
				this.commits += (seq == 0) ? 1 : 0;
			}
			written += events.size();
			if (chunk.size() >= 2000) {
				engine.appendEvents(chunk);
				chunk.clear();
				if (written >= nextReport) {
					print("  … %,d events written after %.1f s", written, seconds(this.started));
					nextReport += 100_000;
				}
			}
		}
		if (!chunk.isEmpty()) {
			engine.appendEvents(chunk);
		}
		return written;
	}

	private static Instant at(LocalDate day) {
		return day.atTime(10, 0).atZone(ZONE).toInstant();
	}

	private static List<Object> allProjections(MongoDatabase database) {
		AnnualReportProjection annualReports = new AnnualReportProjection(database, CALENDAR);
		return List.of(new StatisticsProjection(database, CALENDAR, ZONE, annualReports), annualReports,
				new SummaryProjection(database, CALENDAR), new CredentialProjection(database),
				new TransferProjection(database, CALENDAR), new UnionListProjection(database),
				new SupervisionProjection(database, CALENDAR, SupervisionRules.DEFAULT), new RosterProjection(database),
				new PendingApplicationsProjection(database));
	}

	private static void dropReadModels(MongoDatabase database) {
		for (String collection : database.listCollectionNames()) {
			if (collection.startsWith("rm_")) {
				database.getCollection(collection).drop();
			}
		}
	}

	private static long rebuild(MongoEventStorageEngine engine, MongoDatabase database, boolean prefetch,
			List<Object> projections) throws Exception {
		long started = System.nanoTime();
		ReadModelTransactionManager transactions = new ReadModelTransactionManager(database);
		List<AnnotationEventHandlerAdapter> handlers = projections.stream()
			.map(AnnotationEventHandlerAdapter::new)
			.toList();
		BatchPrefetch prefetcher = new BatchPrefetch(projections.toArray());
		long count = 0;
		List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
		try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
			var iterator = events.iterator();
			while (iterator.hasNext()) {
				batch.add(iterator.next());
				count++;
				if (batch.size() == BATCH || !iterator.hasNext()) {
					transactions.executeInTransaction(() -> {
						if (prefetch) {
							prefetcher.prefetch(batch);
						}
						for (TrackedEventMessage<?> event : batch) {
							for (AnnotationEventHandlerAdapter handler : handlers) {
								try {
									handler.handle(event);
								}
								catch (Exception ex) {
									throw new IllegalStateException(ex);
								}
							}
						}
					});
					batch.clear();
					if (count % 100_000 < BATCH) {
						print("  … %,d events projected after %.1f s", count, seconds(started));
					}
				}
			}
		}
		return count;
	}

	/** Heap in use after a full collection: the store and the read models. */
	private static void printHeap(String when) {
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		print("heap in use %s (after GC): %,d MB of %,d MB", when, (runtime.totalMemory() - runtime.freeMemory()) >> 20,
				runtime.maxMemory() >> 20);
		if (Boolean.getBoolean("bench.histogram")) {
			try {
				Process jcmd = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()),
						"GC.class_histogram")
					.redirectErrorStream(true)
					.start();
				try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jcmd.getInputStream()))) {
					lines.lines().limit(25).forEach((line) -> print("  %s", line));
				}
			}
			catch (java.io.IOException ex) {
				print("no class histogram: %s", ex.getMessage());
			}
		}
	}

	/**
	 * Documents and BSON bytes of every collection, the read models' split by the kind of
	 * their {@code _id} (its prefix up to the first digit, e.g. {@code J:|i|d|} for the
	 * index days of jurisdictions).
	 */
	private static void printSizes(MongoDatabase database) {
		List<String> collections = database.listCollectionNames().into(new ArrayList<>());
		collections.sort(null);
		for (String collection : collections) {
			Map<String, long[]> byKind = new TreeMap<>();
			long[] total = new long[2];
			for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class)
				.find()
				.batchSize(100)) {
				long bytes = document.getByteBuffer().remaining();
				total[0]++;
				total[1] += bytes;
				if (collection.startsWith("rm_")) {
					String kind = String.valueOf(document.get("_id").isString() ? document.getString("_id").getValue()
							: document.get("_id").getBsonType())
						.replaceAll("[0-9].*?(\\||$)", "#$1");
					long[] sums = byKind.computeIfAbsent(kind.replaceAll("[A-Za-z-]+#", "#"), (k) -> new long[2]);
					sums[0]++;
					sums[1] += bytes;
				}
			}
			print("collection %s: %,d documents, %,.1f MB BSON", collection, total[0], total[1] / 1e6);
			byKind.forEach((kind, sums) -> {
				if (sums[1] > total[1] / 50) {
					print("    %s: %,d documents, %,.1f MB", kind, sums[0], sums[1] / 1e6);
				}
			});
		}
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private static void print(String format, Object... args) {
		System.out.println("[bench] " + String.format(format, args));
	}

}
