package org.unionledger.projections.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.consistency.ConsistencyReport.Kind;
import org.unionledger.projections.credentials.CredentialProjection;
import org.unionledger.projections.transfers.TransferProjection;
import org.unionledger.projections.unionlists.UnionListProjection;
import org.unionledger.projections.statistics.Feeder;
import org.unionledger.projections.statistics.LedgerStory;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.statistics.StatisticalCalendar;

class ConsistencyCheckTest {

	private static final StatisticalCalendar CALENDAR = StatisticalCalendar.ACFTU;

	private static final Clock CLOCK = Clock.fixed(LocalDate.of(2027, 9, 1).atStartOfDay(LedgerStory.ZONE).toInstant(),
			LedgerStory.ZONE);

	private final List<Object> events = LedgerStory.generateWithMoves(11, 500);

	private final Feeder live = new Feeder(new SummaryProjection(null, CALENDAR),
			new StatisticsProjection(null, CALENDAR, LedgerStory.ZONE), new CredentialProjection(null),
			new TransferProjection(null, CALENDAR), new UnionListProjection(null));

	private final ConsistencyCheck check = new ConsistencyCheck(this.live.store, CALENDAR, LedgerStory.ZONE,
			JurisdictionTable.bundled(), CLOCK);

	private Stream<TrackedEventMessage<?>> stream() {
		return IntStream.range(0, this.events.size())
			.mapToObj((i) -> new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i + 1),
					GenericEventMessage.asEventMessage(this.events.get(i))));
	}

	@Test
	void readModelsBuiltFromTheEventsHaveNoDifferences() {
		this.live.all(this.events, 64);

		ConsistencyReport report = this.check.run(stream(), this.events.size());

		assertThat(report.differences()).isEmpty();
		assertThat(report.consistent()).isTrue();
		assertThat(report.eventsReplayed()).isEqualTo(this.events.size());
		assertThat(report.documentsCompared()).isGreaterThan(1000);
		assertThat(report.figuresCompared()).isGreaterThan(1000);
	}

	/**
	 * A month bucket's total feeds the year-end figures, so both levels see it; a
	 * corrupted day inside a month's document would only show in figures as of a day of
	 * its month, and is found by the document level alone.
	 */
	@Test
	void aCorruptedCounterDocumentIsNamedAndItsFiguresReported() {
		this.live.all(this.events, 64);
		String id = this.live.store.all(StatisticsProjection.COUNTERS)
			.keySet()
			.stream()
			.filter((key) -> key.matches("J:1301\\|e\\|m\\|2025-0[1-8]"))
			.findFirst()
			.orElseThrow();
		Document corrupted = this.live.store.all(StatisticsProjection.COUNTERS).get(id);
		Document counts = corrupted.get("c", Document.class);
		String field = counts.keySet()
			.stream()
			.filter((name) -> Figures.figure(name).startsWith(Figures.NEW))
			.findFirst()
			.orElseThrow();
		counts.put(field, counts.getLong(field) + 1);
		this.live.store.replaceAll(StatisticsProjection.COUNTERS, List.of(corrupted));

		ConsistencyReport report = this.check.run(stream(), this.events.size());

		assertThat(report.consistent()).isFalse();
		assertThat(report.differences()).anySatisfy((difference) -> {
			assertThat(difference.kind()).isEqualTo(Kind.DIFFERENT_DOCUMENT);
			assertThat(difference.documentId()).isEqualTo(id);
		});
		assertThat(report.differences()).anySatisfy((difference) -> {
			assertThat(difference.kind()).isEqualTo(Kind.FIGURE);
			assertThat(difference.scope()).isEqualTo("J:1301");
			assertThat(difference.figure()).isEqualTo(Figures.figure(field));
		});
	}

	@Test
	void aLostSummaryWriteIsAMissingDocument() {
		this.live.all(this.events, 64);
		String[] lost = { null };
		this.live.store.scan(SummaryProjection.COLLECTION, (document) -> lost[0] = document.getString("_id"));
		InMemoryWithout store = new InMemoryWithout(this.live, SummaryProjection.COLLECTION, lost[0]);

		ConsistencyReport report = new ConsistencyCheck(store, CALENDAR, LedgerStory.ZONE, JurisdictionTable.bundled(),
				CLOCK)
			.run(stream(), this.events.size());

		assertThat(report.differences()).anySatisfy((difference) -> {
			assertThat(difference.kind()).isEqualTo(Kind.MISSING_DOCUMENT);
			assertThat(difference.readModel()).isEqualTo(SummaryProjection.COLLECTION);
			assertThat(difference.documentId()).isEqualTo(lost[0]);
		});
	}

	@Test
	void documentsChangedAfterTheCheckedPositionAreSkippedNotReported() {
		this.live.all(this.events, 64);

		ConsistencyReport report = this.check.run(stream(), this.events.size() - 50);

		assertThat(report.documentsSkipped()).isPositive();
		assertThat(report.differences()).noneMatch((difference) -> difference.kind() != Kind.FIGURE);
	}

	/** The live store with one document gone, as if its write had been lost. */
	private record InMemoryWithout(Feeder live, String collection,
			String id) implements org.unionledger.projections.support.ReadModelStore {

		@Override
		public java.util.Map<String, Document> find(String collection, java.util.Collection<String> ids) {
			java.util.Map<String, Document> found = new java.util.HashMap<>(this.live.store.find(collection, ids));
			if (collection.equals(this.collection)) {
				found.remove(this.id);
			}
			return found;
		}

		@Override
		public void replaceAll(String collection, List<Document> documents) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void scan(String collection, java.util.function.Consumer<Document> action) {
			this.live.store.scan(collection, (document) -> {
				if (!(collection.equals(this.collection) && this.id.equals(document.getString("_id")))) {
					action.accept(document);
				}
			});
		}

	}

}
