package org.unionledger.api.config;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.unionledger.eventstore.CommandRetries;
import org.unionledger.api.federation.Federation;
import org.unionledger.api.members.MemberTokens;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.eventstore.CommitAuthenticator;
import org.unionledger.eventstore.IntegrityAlarm;
import org.unionledger.eventstore.LedgerEventStore;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.eventstore.MongoTokenStore;
import org.unionledger.projections.annualreports.AnnualReportProjection;
import org.unionledger.projections.annualreports.AnnualReportQueryHandler;
import org.unionledger.projections.credentials.CredentialProjection;
import org.unionledger.projections.transfers.TransferProjection;
import org.unionledger.projections.transfers.TransferQueryHandler;
import org.unionledger.projections.unionlists.UnionListProjection;
import org.unionledger.projections.unionlists.UnionListQueryHandler;
import org.unionledger.projections.credentials.CredentialQueryHandler;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.statistics.StatisticsQueryHandler;
import org.unionledger.projections.applications.PendingApplicationsProjection;
import org.unionledger.projections.applications.PendingApplicationsQueryHandler;
import org.unionledger.projections.rosters.RosterProjection;
import org.unionledger.projections.rosters.RosterQueryHandler;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.projections.summary.SummaryQueryHandler;
import org.unionledger.projections.supervision.SupervisionProjection;
import org.unionledger.projections.supervision.SupervisionQueryHandler;
import org.unionledger.projections.supervision.SupervisionRules;
import org.unionledger.projections.support.BatchAwareTokenStore;
import org.unionledger.projections.support.BatchPrefetch;
import org.unionledger.projections.support.MongoReadModelStore;
import org.unionledger.projections.support.ReadModelLayouts;
import org.unionledger.projections.support.ReadModelTransactionManager;
import org.unionledger.disclosure.DisclosureLogs;
import org.unionledger.membership.Memberships;
import org.unionledger.applications.OnlineApplications;
import org.unionledger.service.ServiceDeliveries;
import org.unionledger.annualreports.AnnualReports;
import org.unionledger.federation.CrossLedgerComparisons;
import org.unionledger.federation.ForeignDocumentRefusals;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.supervision.FindingReviews;
import org.unionledger.targets.EnrollmentTargets;
import org.unionledger.union.GrassrootsUnions;

/**
 * Axon on MongoDB: the ledger's own storage engine (events keyed by global position) and
 * token store, Jackson for every message, aggregates from ledger-core, tracking
 * processors whose batches write read models before tokens.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

	/**
	 * Jackson set up for messages only; the web layer has its own, stricter mapper
	 * (Spring Boot's). Built here, not taken from the context, because the command-line
	 * replay ({@code AuditReplay}) reads events without one, and what is stored must not
	 * change with the web's settings.
	 */
	public static ObjectMapper messageMapper() {
		return new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	@Bean
	@Primary
	Serializer serializer() {
		return JacksonSerializer.builder().objectMapper(messageMapper()).build();
	}

	@Bean
	@Qualifier("eventSerializer")
	Serializer eventSerializer() {
		return JacksonSerializer.builder().objectMapper(messageMapper()).build();
	}

	@Bean
	@Qualifier("messageSerializer")
	Serializer messageSerializer() {
		return JacksonSerializer.builder().objectMapper(messageMapper()).build();
	}

	/**
	 * The ledger's tamper alarm: raised by the event store's readers, the seal and the
	 * scheduled consistency check; the {@code integrity} health component reports it.
	 */
	@Bean
	IntegrityAlarm integrityAlarm(Clock clock) {
		return new IntegrityAlarm(clock);
	}

	/**
	 * Every commit is authenticated under a key derived from the seal key, and every
	 * commit read is checked (see {@link CommitAuthenticator}). A store written before
	 * authenticators is refused at start-up until {@code ./ledger upgrade-authenticators}
	 * ran once.
	 */
	/**
	 * Axon's embedded event store, gathering a unit of work's staged events in linear
	 * time ({@link LedgerEventStore}), which command batches need.
	 */
	@Bean
	LedgerEventStore eventStore(EventStorageEngine storageEngine,
			org.axonframework.config.Configuration configuration) {
		return LedgerEventStore.of(EmbeddedEventStore.builder()
			.storageEngine(storageEngine)
			.messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
			.spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
	}

	@Bean
	MongoEventStorageEngine eventStorageEngine(MongoDatabase database,
			@Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer, KeyMaterial keys,
			IntegrityAlarm integrityAlarm) {
		return MongoEventStorageEngine.builder()
			.database(database)
			.eventSerializer(eventSerializer)
			.snapshotSerializer(serializer)
			.authenticator(CommitAuthenticator.fromSealKey(keys.sealKey()))
			.integrityAlarm(integrityAlarm)
			.build();
	}

	/**
	 * The processors' tokens. On the embedded store a token moved forward is answered
	 * before the H2 file's commit (the next write or a second later commits it): a crash
	 * may replay the last batches, which the read models ignore; on a real MongoDB every
	 * token write is journaled.
	 */
	@Bean
	TokenStore tokenStore(MongoDatabase database, Serializer serializer, LedgerProperties properties) {
		return new BatchAwareTokenStore(MongoTokenStore.builder()
			.database(database)
			.serializer(serializer)
			.nodeId(ManagementFactory.getRuntimeMXBean().getName())
			.unjournaledForwardMoves(!properties.mongo().external())
			.build());
	}

	/**
	 * Read-model batches: a rebuild of the statistics, summaries or credentials writes
	 * its documents and token once per ten batches (see
	 * {@link ReadModelTransactionManager}); rosters and supervision, whose documents grow
	 * large, once per batch.
	 */
	@Bean
	ReadModelTransactionManager readModelTransactionManager(MongoDatabase database) {
		return new ReadModelTransactionManager(database,
				ReadModelTransactionManager.Carry.replaysOf(StatisticsProjection.PROCESSING_GROUP,
						SummaryProjection.PROCESSING_GROUP, CredentialProjection.PROCESSING_GROUP));
	}

	@Bean
	ConfigurerModule ledgerAxonModule(ReadModelTransactionManager readModels) {
		return configurer -> {
			configurer.configureAggregate(GrassrootsUnions.aggregateType());
			configurer.configureAggregate(Memberships.aggregateType());
			configurer.configureAggregate(ServiceDeliveries.aggregateType());
			configurer.configureAggregate(FindingReviews.aggregateType());
			configurer.configureAggregate(EnrollmentTargets.aggregateType());
			configurer.configureAggregate(DisclosureLogs.aggregateType());
			configurer.configureAggregate(OnlineApplications.aggregateType());
			configurer.configureAggregate(AnnualReports.aggregateType());
			configurer.configureAggregate(ForeignDocumentRefusals.aggregateType());
			configurer.configureAggregate(CrossLedgerComparisons.aggregateType());
			configurer.eventProcessing(processing -> processing
				.registerDefaultListenerInvocationErrorHandler(c -> AxonConfiguration::storeFaultsFailTheBatch)
				.registerTransactionManager(SummaryProjection.PROCESSING_GROUP, c -> readModels)
				.registerTransactionManager(StatisticsProjection.PROCESSING_GROUP, c -> readModels)
				.registerTransactionManager(CredentialProjection.PROCESSING_GROUP, c -> readModels)
				.registerTransactionManager(SupervisionProjection.PROCESSING_GROUP, c -> readModels)
				.registerTransactionManager(RosterProjection.PROCESSING_GROUP, c -> readModels));
		};
	}

	/**
	 * A handler that meets a store error (a full disk, a store being reopened) fails its
	 * batch, which the processor then handles again from its last token once the store
	 * answers; logged and skipped, as Axon does by default, the event would be missing
	 * from the read model for good. Other handler errors are logged and skipped as
	 * before.
	 */
	private static void storeFaultsFailTheBatch(Exception failure,
			org.axonframework.eventhandling.EventMessage<?> event,
			org.axonframework.eventhandling.EventMessageHandler handler) throws Exception {
		if (failure instanceof com.mongodb.MongoException
				|| org.unionledger.eventstore.StoreFaults.isStoreUnavailable(failure)) {
			throw failure;
		}
		LOGGING_ERROR_HANDLER.onError(failure, event, handler);
	}

	private static final org.axonframework.eventhandling.LoggingErrorHandler LOGGING_ERROR_HANDLER = new org.axonframework.eventhandling.LoggingErrorHandler();

	/**
	 * Each processor loads the read-model documents of a whole batch of events in a few
	 * {@code _id $in} reads before handling it (see {@link BatchPrefetch}).
	 */
	@Bean
	ConfigurerModule readModelPrefetch(SummaryProjection summary, StatisticsProjection statistics,
			AnnualReportProjection annualReports, CredentialProjection credentials, TransferProjection transfers,
			UnionListProjection unionLists, SupervisionProjection supervision, RosterProjection rosters,
			PendingApplicationsProjection applications) {
		return configurer -> configurer.eventProcessing(processing -> processing
			.registerHandlerInterceptor(SummaryProjection.PROCESSING_GROUP, c -> new BatchPrefetch(summary))
			.registerHandlerInterceptor(StatisticsProjection.PROCESSING_GROUP,
					c -> new BatchPrefetch(statistics, annualReports))
			.registerHandlerInterceptor(CredentialProjection.PROCESSING_GROUP,
					c -> new BatchPrefetch(credentials, transfers))
			.registerHandlerInterceptor(SupervisionProjection.PROCESSING_GROUP, c -> new BatchPrefetch(supervision))
			.registerHandlerInterceptor(RosterProjection.PROCESSING_GROUP,
					c -> new BatchPrefetch(rosters, applications, unionLists)));
	}

	@Bean
	ReadModelLayoutUpgrade readModelLayoutUpgrade(MongoDatabase database) {
		return new ReadModelLayoutUpgrade(new ReadModelLayouts(database),
				Map.of(StatisticsProjection.PROCESSING_GROUP, StatisticsProjection.LAYOUT,
						RosterProjection.PROCESSING_GROUP, RosterProjection.LAYOUT,
						SupervisionProjection.PROCESSING_GROUP, SupervisionProjection.LAYOUT,
						CredentialProjection.PROCESSING_GROUP, CredentialProjection.LAYOUT));
	}

	/**
	 * Read models whose layout changed since they were written are rebuilt before any
	 * processor starts (processors are built in the first phase and start in
	 * {@link Phase#INBOUND_EVENT_CONNECTORS}).
	 */
	@Bean
	ConfigurerModule readModelLayoutUpgradeAtStart(ReadModelLayoutUpgrade upgrade) {
		return configurer -> configurer.onInitialize(config -> config.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1,
				() -> upgrade.run(config.eventProcessingConfiguration())));
	}

	@Bean(destroyMethod = "shutdown")
	ScheduledExecutorService commandRetryExecutor() {
		return Executors.newSingleThreadScheduledExecutor();
	}

	/**
	 * Commands that lose an optimistic-concurrency race are retried a few times; a broken
	 * rule is answered at once.
	 */
	@Bean
	CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
		return DefaultCommandGateway.builder()
			.commandBus(commandBus)
			.retryScheduler(CommandRetries.onConcurrencyConflicts(commandRetryExecutor, 8, 20))
			.build();
	}

	/**
	 * Many commands in one unit of work with a few round trips to the store (imports,
	 * seeding).
	 */
	@Bean
	CommandBatches commandBatches(CommandGateway commandGateway, MongoEventStorageEngine eventStorageEngine) {
		return new CommandBatches(commandGateway, eventStorageEngine);
	}

	@Bean
	SummaryProjection summaryProjection(MongoDatabase database, StatisticalCalendar calendar) {
		return new SummaryProjection(database, calendar);
	}

	@Bean
	SummaryQueryHandler summaryQueryHandler(MongoDatabase database, Clock clock) {
		return new SummaryQueryHandler(database, clock);
	}

	@Bean
	AnnualReportProjection annualReportProjection(MongoDatabase database, StatisticalCalendar calendar) {
		return new AnnualReportProjection(database, calendar);
	}

	@Bean
	AnnualReportQueryHandler annualReportQueryHandler(MongoDatabase database) {
		return new AnnualReportQueryHandler(new MongoReadModelStore(database));
	}

	/**
	 * Tells the annual reports, inside each batch, how every event changed the figures.
	 */
	@Bean
	StatisticsProjection statisticsProjection(MongoDatabase database, StatisticalCalendar calendar,
			LedgerProperties properties, AnnualReportProjection annualReports) {
		return new StatisticsProjection(database, calendar, properties.zone(), annualReports);
	}

	@Bean
	StatisticsQueryHandler statisticsQueryHandler(MongoDatabase database, StatisticalCalendar calendar,
			JurisdictionTable jurisdictions, Clock clock) {
		return new StatisticsQueryHandler(new MongoReadModelStore(database), calendar, jurisdictions, clock);
	}

	@Bean
	CredentialProjection credentialProjection(MongoDatabase database) {
		return new CredentialProjection(database);
	}

	@Bean
	TransferProjection transferProjection(MongoDatabase database, StatisticalCalendar calendar) {
		return new TransferProjection(database, calendar);
	}

	@Bean
	TransferQueryHandler transferQueryHandler(MongoDatabase database) {
		return new TransferQueryHandler(new MongoReadModelStore(database));
	}

	@Bean
	UnionListProjection unionListProjection(MongoDatabase database) {
		return new UnionListProjection(database);
	}

	@Bean
	UnionListQueryHandler unionListQueryHandler(MongoDatabase database) {
		return new UnionListQueryHandler(new MongoReadModelStore(database));
	}

	@Bean
	RosterProjection rosterProjection(MongoDatabase database, PersonalDataVault vault, MemberIdentities identities,
			Federation federation) {
		return new RosterProjection(database, new MemberTokens(vault, identities, federation.fingerprints()));
	}

	@Bean
	PendingApplicationsProjection pendingApplicationsProjection(MongoDatabase database) {
		return new PendingApplicationsProjection(database);
	}

	@Bean
	PendingApplicationsQueryHandler pendingApplicationsQueryHandler(MongoDatabase database) {
		return new PendingApplicationsQueryHandler(database);
	}

	@Bean
	RosterQueryHandler rosterQueryHandler(MongoDatabase database) {
		return new RosterQueryHandler(database);
	}

	@Bean
	CredentialQueryHandler credentialQueryHandler(MongoDatabase database) {
		return new CredentialQueryHandler(database);
	}

	@Bean
	SupervisionRules supervisionRules(LedgerProperties properties) {
		LedgerProperties.Supervision supervision = properties.supervision();
		return new SupervisionRules(supervision.backdatedDays(), supervision.reEnrollmentWindowDays(),
				supervision.burstWindowDays(), supervision.burstFactor(), supervision.burstMinEnrollments(),
				properties.zone());
	}

	@Bean
	SupervisionProjection supervisionProjection(MongoDatabase database, StatisticalCalendar calendar,
			SupervisionRules rules) {
		return new SupervisionProjection(database, calendar, rules);
	}

	@Bean
	SupervisionQueryHandler supervisionQueryHandler(MongoDatabase database, StatisticalCalendar calendar,
			SupervisionRules rules, Clock clock) {
		return new SupervisionQueryHandler(database, calendar, rules, clock);
	}

}
