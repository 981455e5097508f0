package org.unionledger.seeds;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.membership.MemberDirectory;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.Memberships;
import org.unionledger.service.ServiceDeliveries;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.GrassrootsUnions;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionId;

/**
 * The ledger's real aggregates on Axon's in-memory event store, wired by hand, with a
 * union and member directory that read the event store (read-your-writes, as in the
 * application).
 */
final class InMemoryLedger implements SeedLedger, UnionDirectory, MemberDirectory {

	private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
		.storageEngine(new InMemoryEventStorageEngine())
		.build();

	private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();

	private final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(this.commandBus).build();

	InMemoryLedger(Clock clock) {
		ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(
				ClasspathParameterResolverFactory.forClass(getClass()),
				new SimpleResourceParameterResolverFactory(List.of(clock, this, JurisdictionTable.bundled())));
		register(GrassrootsUnions.aggregateType(), resources);
		register(Memberships.aggregateType(), resources);
		register(ServiceDeliveries.aggregateType(), resources);
		register(org.unionledger.targets.EnrollmentTargets.aggregateType(), resources);
	}

	private <T> void register(Class<T> type, ParameterResolverFactory resources) {
		AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type, resources);
		EventSourcingRepository<T> repository = EventSourcingRepository.builder(type)
			.aggregateModel(model)
			.eventStore(this.eventStore)
			.parameterResolverFactory(resources)
			.build();
		AggregateAnnotationCommandHandler.<T>builder()
			.aggregateType(type)
			.aggregateModel(model)
			.repository(repository)
			.parameterResolverFactory(resources)
			.build()
			.subscribe(this.commandBus);
	}

	CommandGateway gateway() {
		return this.gateway;
	}

	List<Object> payloads(String aggregateIdentifier) {
		return this.eventStore.readEvents(aggregateIdentifier)
			.asStream()
			.map((event) -> (Object) event.getPayload())
			.toList();
	}

	@Override
	public int eventCount(String aggregateIdentifier) {
		return (int) this.eventStore.readEvents(aggregateIdentifier).asStream().count();
	}

	@Override
	public Optional<UnionFacts> find(UnionId unionId) {
		UnionFacts facts = null;
		for (Object payload : payloads(unionId.value())) {
			if (payload instanceof UnionRegistered registered) {
				facts = new UnionFacts(registered.placement(), registered.name(), registered.establishedOn(), null);
			}
			else if (payload instanceof UnionDissolved dissolved && facts != null) {
				LocalDate dissolvedOn = dissolved.effectiveDate();
				facts = new UnionFacts(facts.placement(), facts.name(), facts.establishedOn(), dissolvedOn);
			}
		}
		return Optional.ofNullable(facts);
	}

	@Override
	public Optional<Standing> standingOn(MemberId memberId, LocalDate date) {
		return Standing.asOf(payloads(memberId.value()), date);
	}

	void shutDown() {
		this.eventStore.shutDown();
	}

}
