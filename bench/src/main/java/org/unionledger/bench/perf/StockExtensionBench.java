package org.unionledger.bench.perf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.serialization.Serializer;
import org.unionledger.bench.ledger.LedgerNode;
import org.unionledger.bench.ledger.Store;
import org.unionledger.eventstore.MongoEventStorageEngine;

/**
 * Axon's stock MongoDB extension (axon-mongo, document per event) beside the ledger's
 * engine on the same server: the same events (the first {@code n} of the ledger's store)
 * appended one commit at a time into a fresh database each, then read back from the start
 * as a tracking processor would. The stock engine's replay query filters and sorts on
 * fields other than {@code _id}, which the embedded server answers by scanning.
 */
final class StockExtensionBench {

	/** Stop a replay that has not finished after this long and report what it read. */
	private static final long REPLAY_LIMIT_NANOS = 120_000_000_000L;

	private final Store store;

	private final LedgerNode node;

	private final int n;

	private final PrintStream log;

	StockExtensionBench(Store store, LedgerNode node, int n, PrintStream log) {
		this.store = store;
		this.node = node;
		this.n = n;
		this.log = log;
	}

	List<Row> run() {
		List<DomainEventMessage<?>> events = firstEvents();
		Serializer serializer = LedgerNode.serializer();
		MongoDatabase stockDb = this.store.newDatabase("stock");
		EventStorageEngine stock = org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine
			.builder()
			.mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(this.store.client(), stockDb.getName()).build())
			.eventSerializer(serializer)
			.snapshotSerializer(serializer)
			.build();
		((org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine) stock).ensureIndexes();
		MongoDatabase oursDb = this.store.newDatabase("ours");
		EventStorageEngine ours = MongoEventStorageEngine.builder()
			.database(oursDb)
			.eventSerializer(serializer)
			.snapshotSerializer(serializer)
			.build();
		String name = this.store.name();
		double oursAppend = append(ours, events);
		double stockAppend = append(stock, events);
		this.log.printf("[%s] append of %,d events: ours %,.0f/s, stock %,.0f/s%n", name, events.size(), oursAppend,
				stockAppend);
		double[] oursReplay = replay(ours);
		double[] stockReplay = replay(stock);
		this.log.printf("[%s] replay: ours %,.0f/s, stock %,.0f/s (%,.0f events)%n", name, oursReplay[0],
				stockReplay[0], stockReplay[1]);
		stockDb.drop();
		oursDb.drop();
		List<Row> rows = new ArrayList<>();
		String size = String.format("%,d events", events.size());
		rows.add(new Row("Append, one commit per call: ours vs stock axon-mongo 4.12", name, size,
				Stats.rate(oursAppend), Stats.rate(stockAppend), Stats.ratio(oursAppend / stockAppend), "", "—"));
		String stockNote = (stockReplay[1] < events.size())
				? String.format(" (stopped after %,.0f of %,d events)", stockReplay[1], events.size()) : "";
		rows.add(new Row("Replay from the start: ours vs stock axon-mongo 4.12 (the floor)", name, size,
				Stats.rate(oursReplay[0]), Stats.rate(stockReplay[0]) + stockNote,
				Stats.ratio(oursReplay[0] / stockReplay[0]), "≫ 1× (orders of magnitude)",
				Row.verdict(oursReplay[0] / stockReplay[0] >= 100)));
		return rows;
	}

	/** The ledger's first events as plain domain event messages. */
	private List<DomainEventMessage<?>> firstEvents() {
		List<DomainEventMessage<?>> events = new ArrayList<>();
		try (Stream<? extends TrackedEventMessage<?>> stream = this.node.engine().readEvents(null, false)) {
			Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
			while (events.size() < this.n && iterator.hasNext()) {
				DomainEventMessage<?> event = (DomainEventMessage<?>) iterator.next();
				events.add(new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
						event.getSequenceNumber(), event.getPayload(), event.getMetaData(), event.getIdentifier(),
						event.getTimestamp()));
			}
		}
		return events;
	}

	private static double append(EventStorageEngine engine, List<DomainEventMessage<?>> events) {
		long start = System.nanoTime();
		for (DomainEventMessage<?> event : events) {
			engine.appendEvents(event);
		}
		return events.size() / ((System.nanoTime() - start) / 1e9);
	}

	/** Events per second and events read. */
	private static double[] replay(EventStorageEngine engine) {
		long start = System.nanoTime();
		long read = 0;
		try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
			Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
			while (iterator.hasNext()) {
				iterator.next().getPayload();
				read++;
				if (System.nanoTime() - start > REPLAY_LIMIT_NANOS) {
					break;
				}
			}
		}
		return new double[] { read / ((System.nanoTime() - start) / 1e9), read };
	}

}
