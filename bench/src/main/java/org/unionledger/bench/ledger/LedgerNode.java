package org.unionledger.bench.ledger;

import org.unionledger.projections.members.EventStoreMemberDirectory;
import org.unionledger.projections.unions.EventStoreUnionDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.eventstore.CommandRetries;
import org.unionledger.eventstore.LedgerEventStore;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.eventstore.MongoTokenStore;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.membership.Memberships;
import org.unionledger.projections.credentials.CredentialProjection;
import org.unionledger.projections.credentials.CredentialQueryHandler;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.statistics.StatisticsQueryHandler;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.projections.summary.SummaryQueryHandler;
import org.unionledger.projections.support.BatchAwareTokenStore;
import org.unionledger.projections.support.BatchPrefetch;
import org.unionledger.projections.support.MongoReadModelStore;
import org.unionledger.projections.support.ReadModelTransactionManager;
import org.unionledger.service.ServiceDeliveries;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.GrassrootsUnions;
import org.unionledger.membership.MemberDirectory;
import org.unionledger.union.UnionDirectory;

/**
 * One ledger node without HTTP, wired as {@code ledger-api}'s {@code AxonConfiguration}
 * wires it: Jackson for every message, {@link MongoEventStorageEngine} behind an embedded
 * event store, {@link MongoTokenStore} behind {@link BatchAwareTokenStore}, the three
 * aggregates with a clock and a union directory that reads union streams, and the
 * summary, credential (batches of 500) and statistics (2,000) projections in tracking
 * processors whose batches go through {@link ReadModelTransactionManager} with
 * {@link BatchPrefetch}. Commands that lose a concurrency race are retried (8 × 20 ms) as
 * in the application.
 */
public final class LedgerNode implements AutoCloseable {

	/**
	 * A replay's batches carried as the application carries them; the system property
	 * {@code bench.carry} set to {@code false} writes every batch on its own and set to a
	 * number carries that many batches, for comparing.
	 */
	private static ReadModelTransactionManager.Carry carry() {
		ReadModelTransactionManager.Carry application = ReadModelTransactionManager.Carry.replaysOf(
				StatisticsProjection.PROCESSING_GROUP, SummaryProjection.PROCESSING_GROUP,
				CredentialProjection.PROCESSING_GROUP);
		String configured = System.getProperty("bench.carry", "true");
		if (configured.equals("true")) {
			return application;
		}
		if (configured.equals("false")) {
			return ReadModelTransactionManager.Carry.NONE;
		}
		int batches = Integer.parseInt(configured);
		return new ReadModelTransactionManager.Carry(application.processors(), batches,
				application.maxDocuments() * Math.max(1, batches / application.maxTransactions()),
				application.maxAge().multipliedBy(Math.max(1, batches / application.maxTransactions())));
	}

	/** The processing groups of the read models of a node for the fault drills. */
	public static final List<String> PROCESSORS = List.of(SummaryProjection.PROCESSING_GROUP,
			CredentialProjection.PROCESSING_GROUP);

	/** The processing groups of a node for the benchmark: the statistics too. */
	public static final List<String> WITH_STATISTICS = List.of(SummaryProjection.PROCESSING_GROUP,
			CredentialProjection.PROCESSING_GROUP, StatisticsProjection.PROCESSING_GROUP);

	private final List<String> processors;

	/**
	 * Events per batch of each processor, as the application configures them; the system
	 * property {@code bench.batch.<group>} sets another, for trying one.
	 */
	private static final Map<String, Integer> BATCH_SIZES = Map.of(SummaryProjection.PROCESSING_GROUP, 500,
			CredentialProjection.PROCESSING_GROUP, 500, StatisticsProjection.PROCESSING_GROUP, 2000);

	private final MongoDatabase database;

	private final Configuration configuration;

	private final MongoEventStorageEngine engine;

	private final CommandGateway commands;

	private final CommandBatches batches;

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();

	/**
	 * Builds and starts a node on the database.
	 * @param database the store
	 * @param nodeId the token-claim owner name (distinct per node)
	 * @param clock the ledger's clock
	 */
	public LedgerNode(MongoDatabase database, String nodeId, Clock clock) {
		this(database, nodeId, clock, Duration.ofSeconds(10));
	}

	/**
	 * Builds and starts a node whose token claims lapse after {@code claimTimeout} (the
	 * token store's default is 10 s; a restarted single node waits that long for the
	 * claims of its killed predecessor).
	 */
	public LedgerNode(MongoDatabase database, String nodeId, Clock clock, Duration claimTimeout) {
		this(database, nodeId, clock, claimTimeout, false);
	}

	/**
	 * A node that also runs the statistics processor ({@link #WITH_STATISTICS}) when
	 * {@code withStatistics} is set.
	 */
	public LedgerNode(MongoDatabase database, String nodeId, Clock clock, Duration claimTimeout,
			boolean withStatistics) {
		this.database = database;
		this.processors = withStatistics ? WITH_STATISTICS : PROCESSORS;
		Serializer serializer = serializer();
		this.engine = MongoEventStorageEngine.builder()
			.database(database)
			.eventSerializer(serializer)
			.snapshotSerializer(serializer)
			.build();
		// tokens moved forward unjournaled, as the ledger writes them to its embedded
		// store (the crash drills kill nodes that write so)
		BatchAwareTokenStore tokens = new BatchAwareTokenStore(MongoTokenStore.builder()
			.database(database)
			.serializer(serializer)
			.nodeId(nodeId)
			.claimTimeout(claimTimeout)
			.unjournaledForwardMoves(true)
			.build());
		ReadModelTransactionManager readModels = new ReadModelTransactionManager(database, carry());
		StatisticalCalendar calendar = StatisticalCalendar.ACFTU;
		Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
			.configureSerializer(c -> serializer)
			.configureEventSerializer(c -> serializer)
			.configureMessageSerializer(c -> serializer)
			.configureEventStore(c -> LedgerEventStore.of(EmbeddedEventStore.builder()
				.storageEngine(this.engine)
				.messageMonitor(c.messageMonitor(EventStore.class, "eventStore"))
				.spanFactory(c.getComponent(EventBusSpanFactory.class))))
			.registerComponent(Clock.class, c -> clock)
			.registerComponent(JurisdictionTable.class, c -> JurisdictionTable.bundled())
			.registerComponent(UnionDirectory.class, c -> new EventStoreUnionDirectory(c.eventStore()))
			.registerComponent(MemberDirectory.class, c -> new EventStoreMemberDirectory(c.eventStore()))
			.configureAggregate(GrassrootsUnions.aggregateType())
			.configureAggregate(Memberships.aggregateType())
			.configureAggregate(ServiceDeliveries.aggregateType())
			.registerQueryHandler(c -> new SummaryQueryHandler(database, clock))
			.registerQueryHandler(c -> new CredentialQueryHandler(database))
			.registerQueryHandler(c -> new StatisticsQueryHandler(new MongoReadModelStore(database), calendar,
					JurisdictionTable.bundled(), clock));
		SummaryProjection summary = new SummaryProjection(database, calendar);
		CredentialProjection credentials = new CredentialProjection(database);
		StatisticsProjection statistics = new StatisticsProjection(database, calendar, clock.getZone());
		Map<String, Object> projections = Map.of(SummaryProjection.PROCESSING_GROUP, summary,
				CredentialProjection.PROCESSING_GROUP, credentials, StatisticsProjection.PROCESSING_GROUP, statistics);
		configurer.eventProcessing(processing -> {
			processing.registerTokenStore(c -> tokens);
			for (String group : this.processors) {
				processing.registerTrackingEventProcessor(group, Configuration::eventStore,
						c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
							.andBatchSize(Integer.getInteger("bench.batch." + group, BATCH_SIZES.get(group))));
				processing.registerTransactionManager(group, c -> readModels);
				processing.registerHandlerInterceptor(group, c -> new BatchPrefetch(projections.get(group)));
			}
			this.processors.forEach((group) -> processing.registerEventHandler(c -> projections.get(group)));
		});
		this.configuration = configurer.buildConfiguration();
		this.configuration.start();
		this.commands = DefaultCommandGateway.builder()
			.commandBus(this.configuration.commandBus())
			.retryScheduler(CommandRetries.onConcurrencyConflicts(this.retries, 8, 20))
			.build();
		this.batches = new CommandBatches(this.commands, this.engine);
	}

	/** The processing groups this node runs. */
	public List<String> processors() {
		return this.processors;
	}

	/** Jackson as the application sets it up for messages. */
	public static Serializer serializer() {
		ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		return JacksonSerializer.builder().objectMapper(mapper).build();
	}

	public CommandGateway commands() {
		return this.commands;
	}

	/**
	 * Batches of commands on this node, as the application's imports and seeding send
	 * them.
	 */
	public CommandBatches batches() {
		return this.batches;
	}

	public QueryGateway queries() {
		return this.configuration.queryGateway();
	}

	public MongoEventStorageEngine engine() {
		return this.engine;
	}

	public MongoDatabase database() {
		return this.database;
	}

	public Configuration configuration() {
		return this.configuration;
	}

	public StreamingEventProcessor processor(String group) {
		return this.configuration.eventProcessingConfiguration()
			.eventProcessor(group, StreamingEventProcessor.class)
			.orElseThrow(() -> new IllegalStateException("no processor " + group));
	}

	/**
	 * Waits until every processor of this node that holds its segment has handled
	 * position {@code position}.
	 * @return false on time-out
	 */
	public boolean awaitProcessors(long position, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (caughtUp(position)) {
				return true;
			}
			sleep(2);
		}
		return false;
	}

	/**
	 * Resets one processor (its reset handler drops its read model) and replays every
	 * event up to the head; returns the replay's wall time.
	 */
	public Duration rebuild(String group, Duration timeout) {
		awaitClaims(List.of(group));
		StreamingEventProcessor processor = processor(group);
		processor.shutDown();
		long head = this.engine.headPosition();
		long start = System.nanoTime();
		processor.resetTokens();
		processor.start();
		long deadline = start + timeout.toNanos();
		while (!caughtUp(List.of(group), head)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the rebuild did not reach position " + head + " within " + timeout);
			}
			sleep(1);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * Waits until each processor has claimed its segment. Shutting a tracking processor
	 * down while its worker launcher is still starting was seen to leave it unable to
	 * claim its segment again after a reset (Axon 4.13), so a reset waits for this first.
	 */
	private void awaitClaims(List<String> groups) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (groups.stream().anyMatch(group -> processor(group).processingStatus().isEmpty())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("processors " + groups + " did not claim their segments");
			}
			sleep(5);
		}
	}

	private boolean caughtUp(long position) {
		return caughtUp(this.processors, position);
	}

	private boolean caughtUp(List<String> groups, long position) {
		for (String group : groups) {
			Map<Integer, EventTrackerStatus> status = processor(group).processingStatus();
			if (status.isEmpty()) {
				return false;
			}
			for (EventTrackerStatus segment : status.values()) {
				OptionalLong current = segment.getCurrentPosition();
				if (current.isEmpty() || current.getAsLong() < position) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Resets every processor (its reset handlers drop the read models) and replays every
	 * event up to the head; returns the replay's wall time.
	 */
	public Duration resetAndReplay(Duration timeout) {
		awaitClaims(this.processors);
		List<StreamingEventProcessor> processors = new ArrayList<>();
		for (String group : this.processors) {
			StreamingEventProcessor processor = processor(group);
			processor.shutDown();
			processors.add(processor);
		}
		long head = this.engine.headPosition();
		long start = System.nanoTime();
		for (StreamingEventProcessor processor : processors) {
			processor.resetTokens();
			processor.start();
		}
		if (!awaitProcessors(head, timeout)) {
			throw new IllegalStateException("the replay did not reach position " + head + " within " + timeout);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.configuration.shutdown();
		this.retries.shutdownNow();
	}

}
