package org.unionledger.eventstore;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.AbstractEventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's embedded event store, with the events staged in the current unit of work
 * gathered in time proportional to their number.
 * <p>
 * <b>Why.</b> Loading an aggregate reads its stored events and the events staged for it
 * in the current unit of work ({@code AbstractEventStore.readEvents}), which Axon gathers
 * with a {@code List.contains} per staged event: quadratic in the events a unit of work
 * has staged. A {@linkplain CommandBatches command batch} sends hundreds of commands in
 * one unit of work, each loading its aggregate: a quarter of an import's sending thread
 * went into that search (JFR, 20,000 rows on H2, {@code bench/RESULTS.md} run 14).
 * <p>
 * <b>How.</b> The same walk as Axon's (the parent units of work first, none rolled back,
 * each staged event once, in order), with a set of the events seen by identity, which is
 * what {@code List.contains} compares (Axon's messages do not override {@code equals}).
 * The staged events live in a resource of the unit of work whose name Axon keeps in a
 * private field; it is read once, and should a later Axon not have it, the store keeps
 * Axon's own walk.
 */
public class LedgerEventStore extends EmbeddedEventStore {

	private static final Logger logger = LoggerFactory.getLogger(LedgerEventStore.class);

	/** The name of the resource holding a unit of work's staged events, or null. */
	private final String eventsKey;

	protected LedgerEventStore(Builder builder) {
		super(builder);
		this.eventsKey = eventsKeyOf(this);
	}

	/** The store over this storage engine, built as Axon's {@code EmbeddedEventStore}. */
	public static LedgerEventStore of(Builder builder) {
		return new LedgerEventStore(builder);
	}

	/** Whether the staged events are gathered here, not by Axon's quadratic walk. */
	boolean gathersInLinearTime() {
		return this.eventsKey != null;
	}

	@Override
	protected List<EventMessage<?>> queuedMessages() {
		if (this.eventsKey == null || !CurrentUnitOfWork.isStarted()) {
			return super.queuedMessages();
		}
		List<EventMessage<?>> messages = new ArrayList<>();
		addStaged(CurrentUnitOfWork.get(), messages, Collections.newSetFromMap(new IdentityHashMap<>()));
		return messages;
	}

	private void addStaged(UnitOfWork<?> unitOfWork, List<EventMessage<?>> messages, Set<EventMessage<?>> seen) {
		unitOfWork.parent().ifPresent((parent) -> addStaged(parent, messages, seen));
		if (unitOfWork.isRolledBack()) {
			return;
		}
		List<EventMessage<?>> staged = unitOfWork.getOrDefaultResource(this.eventsKey, Collections.emptyList());
		for (EventMessage<?> message : staged) {
			if (seen.add(message)) {
				messages.add(message);
			}
		}
	}

	private static String eventsKeyOf(AbstractEventBus bus) {
		try {
			Field field = AbstractEventBus.class.getDeclaredField("eventsKey");
			field.setAccessible(true);
			return (String) field.get(bus);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.warn("Axon's event bus keeps its staged events elsewhere ({}): staged events are gathered "
					+ "as Axon does, in time quadratic in their number", ex.toString());
			return null;
		}
	}

}
