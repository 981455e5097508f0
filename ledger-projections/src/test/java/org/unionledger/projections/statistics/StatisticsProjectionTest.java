package org.unionledger.projections.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.ServingAssignmentEnded;
import org.unionledger.membership.Events.ServingUnionAssigned;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.ServingEndReason;
import org.unionledger.membership.TerminationReason;
import org.unionledger.projections.statistics.StatisticsQueries.FindFigureEvents;
import org.unionledger.projections.statistics.StatisticsQueries.FindRanking;
import org.unionledger.projections.statistics.StatisticsQueries.FindStatistics;
import org.unionledger.projections.statistics.StatisticsQueries.RankingBy;
import org.unionledger.projections.support.MongoReadModelStore;
import org.unionledger.projections.support.ReadModelTransactionManager;
import org.unionledger.service.Campaign;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.targets.Events.EnrollmentTargetSet;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

/**
 * The statistics read model on a story small enough to check by hand: each kind of event,
 * idempotence and rebuilds, transfers against completion, backdated entries against
 * {@code asOf} and {@code knownAt}, holding versus serving union, rankings.
 */
class StatisticsProjectionTest {

	private static final StatisticalCalendar CALENDAR = StatisticalCalendar.ACFTU;

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T02:00:00Z"), LedgerStory.ZONE);

	private static final UnionPlacement CHANGAN_SITE = LedgerStory.placement("changan-site", "130102",
			UnionType.PROJECT_SITE, Sector.CONSTRUCTION);

	private static final UnionPlacement QIAOXI_EXPRESS = LedgerStory.placement("qiaoxi-express", "130104",
			UnionType.ENTERPRISE, Sector.LOGISTICS);

	private static final UnionPlacement DISPATCH = LedgerStory.placement("baoding-dispatch", "130602",
			UnionType.LABOUR_DISPATCH, Sector.LABOUR_DISPATCH);

	private static final UnionPlacement TANGSHAN_SITE = LedgerStory.placement("tangshan-site", "130203",
			UnionType.PROJECT_SITE, Sector.CONSTRUCTION);

	private final List<Object> story = new ArrayList<>();

	private static Instant at(LocalDate day) {
		return day.atTime(10, 0).atZone(LedgerStory.ZONE).toInstant();
	}

	private static MemberEnrolled enrolled(String member, UnionPlacement union, LocalDate on, LocalDate recorded) {
		return new MemberEnrolled(new MemberId(member), LedgerStory.SEALED, union, EnrollmentChannel.ON_SITE, on,
				at(recorded), LedgerStory.CLERK);
	}

	private static TransferAccepted transferred(String member, UnionPlacement from, UnionPlacement to, LocalDate on) {
		return new TransferAccepted(new MemberId(member), new CredentialCode("TC-" + member), from, to, on, at(on),
				LedgerStory.CLERK);
	}

	private static EnrollmentTargetSet target(String code, TargetSource source, long target, LocalDate on) {
		return new EnrollmentTargetSet(JurisdictionCode.of(code), 2026, source, target, null, on, at(on),
				LedgerStory.CLERK);
	}

	/** Every event type the statistics count, in one year (statistical year 2026). */
	private void everyKindOfEvent() {
		LocalDate day = LocalDate.of(2025, 11, 3);
		for (UnionPlacement union : List.of(CHANGAN_SITE, QIAOXI_EXPRESS, DISPATCH, TANGSHAN_SITE)) {
			this.story.add(new UnionRegistered(union, union.unionId().value(), day, at(day), LedgerStory.CLERK));
		}
		this.story.add(target("1301", TargetSource.ASSIGNED, 4, day));
		this.story.add(target("1301", TargetSource.SELF_SET, 5, day));
		this.story.add(enrolled("m-1", CHANGAN_SITE, day.plusDays(1), day.plusDays(1)));
		this.story.add(enrolled("m-2", CHANGAN_SITE, day.plusDays(2), day.plusDays(2)));
		this.story.add(enrolled("m-3", DISPATCH, day.plusDays(3), day.plusDays(3)));
		this.story.add(transferred("m-2", CHANGAN_SITE, QIAOXI_EXPRESS, day.plusDays(10)));
		this.story.add(new ServingUnionAssigned(new MemberId("m-3"), DISPATCH, CHANGAN_SITE, day.plusDays(12),
				at(day.plusDays(12)), LedgerStory.CLERK));
		this.story.add(new ServiceDelivered(new ServiceId("s-1"), CHANGAN_SITE, new MemberId("m-3"),
				ServiceType.SEASONAL_CARE, Campaign.WINTER_WARMTH, day.plusDays(20), 1, new BigDecimal("300.00"),
				at(day.plusDays(20)), LedgerStory.CLERK));
		this.story.add(new ServiceDelivered(new ServiceId("s-2"), CHANGAN_SITE, new MemberId("m-3"),
				ServiceType.SKILLS_TRAINING, null, day.plusDays(21), 2, new BigDecimal("50.50"), at(day.plusDays(21)),
				LedgerStory.CLERK));
		this.story.add(new ServiceDelivered(new ServiceId("s-3"), CHANGAN_SITE, null, ServiceType.RIGHTS_PROTECTION,
				null, day.plusDays(22), 30, new BigDecimal("1000.00"), at(day.plusDays(22)), LedgerStory.CLERK));
		this.story.add(new ServingAssignmentEnded(new MemberId("m-3"), DISPATCH, CHANGAN_SITE, ServingEndReason.ENDED,
				day.plusDays(30), at(day.plusDays(30)), LedgerStory.CLERK));
		this.story.add(new MembershipPutOnHold(new MemberId("m-1"), CHANGAN_SITE, "retired", day.plusDays(40),
				at(day.plusDays(40)), LedgerStory.CLERK));
		this.story.add(new MembershipResumed(new MemberId("m-1"), CHANGAN_SITE, day.plusDays(50), at(day.plusDays(50)),
				LedgerStory.CLERK));
		this.story.add(new MembershipTerminated(new MemberId("m-1"), CHANGAN_SITE, TerminationReason.LEFT_WORKFORCE,
				false, day.plusDays(60), at(day.plusDays(60)), LedgerStory.CLERK));
		this.story.add(new MemberReEnrolled(new MemberId("m-1"), LedgerStory.SEALED, TANGSHAN_SITE,
				EnrollmentChannel.ONLINE, day.plusDays(70), at(day.plusDays(70)), LedgerStory.CLERK));
		this.story.add(
				new UnionDissolved(TANGSHAN_SITE, "closed", day.plusDays(80), at(day.plusDays(80)), LedgerStory.CLERK));
	}

	private static Feeder feeder() {
		return new Feeder(new StatisticsProjection(null, CALENDAR, LedgerStory.ZONE));
	}

	private static StatisticsQueryHandler queries(Feeder feeder) {
		return new StatisticsQueryHandler(feeder.store, CALENDAR, JurisdictionTable.bundled(), CLOCK);
	}

	private static Map<String, Map<String, Document>> documents(Feeder feeder) {
		Map<String, Map<String, Document>> all = new TreeMap<>();
		for (String collection : StatisticsProjection.COLLECTIONS) {
			all.put(collection, feeder.store.all(collection));
		}
		return all;
	}

	@Test
	void eachEventTypeHandledTwiceAndAFreshRebuildGiveIdenticalDocuments() {
		everyKindOfEvent();
		Feeder once = feeder();
		once.all(this.story, 1000);
		Feeder twice = feeder();
		for (int i = 0; i < this.story.size(); i++) {
			twice.one(i + 1, this.story.get(i));
			twice.one(i + 1, this.story.get(i));
		}
		Feeder rebuilt = feeder();
		rebuilt.all(this.story, 3);
		rebuilt.batch(this.story, 2, 9);

		assertThat(documents(twice)).isEqualTo(documents(once));
		assertThat(documents(rebuilt)).isEqualTo(documents(once));
		assertThat(documents(once).get(StatisticsProjection.COUNTERS)).isNotEmpty();
	}

	@Test
	void everyKindOfEventIsCountedWhereItBelongs() {
		everyKindOfEvent();
		Feeder feeder = feeder();
		feeder.all(this.story, 5);
		StatisticsQueryHandler queries = queries(feeder);

		StatisticsView city = queries.handle(new FindStatistics("J:1301", 2026, null, null));
		assertThat(city.figure(Figures.NEW)).isEqualTo(2);
		assertThat(city.figure(Figures.of(Figures.NEW, Figures.SECTOR, Sector.CONSTRUCTION))).isEqualTo(2);
		assertThat(city.figure(Figures.of(Figures.NEW, Figures.CHANNEL, EnrollmentChannel.ON_SITE))).isEqualTo(2);
		assertThat(city.figure(Figures.ACTIVE)).as("m-2 moved inside the city, m-1 left for Tangshan").isEqualTo(1);
		assertThat(city.figure(Figures.of(Figures.ACTIVE, Figures.SECTOR, Sector.LOGISTICS))).isEqualTo(1);
		assertThat(city.figure(Figures.INTRA_CITY)).isEqualTo(1);
		assertThat(city.figure(Figures.TRANSFERS_IN)).isZero();
		assertThat(city.figure(Figures.HOLDS)).isEqualTo(1);
		assertThat(city.figure(Figures.RESUMPTIONS)).isEqualTo(1);
		assertThat(city.figure(Figures.ON_HOLD)).isZero();
		assertThat(city.figure(Figures.of(Figures.TERMINATIONS, Figures.REASON, TerminationReason.LEFT_WORKFORCE)))
			.isEqualTo(1);
		assertThat(city.figure(Figures.UNIONS_ESTABLISHED)).isEqualTo(2);
		assertThat(city.figure(Figures.OPEN_UNIONS)).isEqualTo(2);
		assertThat(city.completion()).extracting(StatisticsView.Completion::rate)
			.containsExactly(new BigDecimal("0.5000"), new BigDecimal("0.4000"));

		StatisticsView tangshan = queries.handle(new FindStatistics("J:1302", 2026, null, null));
		assertThat(tangshan.figure(Figures.RE)).isEqualTo(1);
		assertThat(tangshan.figure(Figures.NEW)).as("a re-enrollment is never new").isZero();
		assertThat(tangshan.figure(Figures.UNIONS_DISSOLVED)).isEqualTo(1);
		assertThat(tangshan.figure(Figures.OPEN_UNIONS)).isZero();
		assertThat(tangshan.figure(Figures.ACTIVE)).isEqualTo(1);
	}

	@Test
	void aDispatchedWorkerCountsAtTheHoldingUnionAndServicesReadByEither() {
		everyKindOfEvent();
		Feeder feeder = feeder();
		feeder.all(this.story, 4);
		StatisticsQueryHandler queries = queries(feeder);
		LocalDate whileServed = LocalDate.of(2025, 11, 26);

		StatisticsView host = queries.handle(new FindStatistics("U:changan-site", 2026, whileServed, null));
		StatisticsView holder = queries.handle(new FindStatistics("U:baoding-dispatch", 2026, whileServed, null));
		assertThat(holder.figure(Figures.ACTIVE)).isEqualTo(1);
		assertThat(host.figure(Figures.SERVING)).isEqualTo(1);
		assertThat(host.figure(Figures.of(Figures.SERVICES, Figures.PERSON_TIMES))).isEqualTo(33);
		assertThat(host.figure(Figures.of(Figures.SERVICES, Figures.NON_MEMBERS, Figures.PERSON_TIMES))).isEqualTo(30);
		assertThat(host.figure(Figures.of(Figures.SERVICES, Figures.DISTINCT_MEMBERS))).isEqualTo(1);
		assertThat(host.figure(Figures.of(Figures.SERVICES, Figures.AMOUNT_FEN))).isEqualTo(135050);
		assertThat(host.figure(Figures.of(Figures.HELD_SERVICES, Figures.PERSON_TIMES))).isZero();
		assertThat(holder.figure(Figures.of(Figures.HELD_SERVICES, Figures.PERSON_TIMES))).isEqualTo(3);
		assertThat(holder.figure(Figures.of(Figures.HELD_SERVICES, Figures.DISTINCT_MEMBERS))).isEqualTo(1);
		assertThat(holder.figure(
				Figures.of(Figures.HELD_SERVICES, Figures.CAMPAIGN, Campaign.WINTER_WARMTH.name(), Figures.AMOUNT_FEN)))
			.isEqualTo(30000);
		assertThat(holder.figure(Figures.of(Figures.SERVICES, Figures.PERSON_TIMES))).isZero();
		assertThat(queries.handle(new FindStatistics("U:changan-site", 2026, null, null)).figure(Figures.SERVING))
			.as("after the assignment ended")
			.isZero();
	}

	@Test
	void aTransferInMovesTheActiveCountButLeavesCompletionUnchanged() {
		LocalDate day = LocalDate.of(2026, 3, 2);
		this.story.add(target("1306", TargetSource.ASSIGNED, 10, day));
		this.story.add(enrolled("m-1", DISPATCH, day, day));
		this.story.add(enrolled("m-2", CHANGAN_SITE, day, day));
		Feeder feeder = feeder();
		feeder.all(this.story, 10);
		StatisticsView before = queries(feeder).handle(new FindStatistics("J:1306", 2026, null, null));

		feeder.one(4, transferred("m-2", CHANGAN_SITE, DISPATCH, day.plusDays(5)));
		StatisticsView after = queries(feeder).handle(new FindStatistics("J:1306", 2026, null, null));

		assertThat(after.figure(Figures.ACTIVE)).isEqualTo(before.figure(Figures.ACTIVE) + 1);
		assertThat(after.figure(Figures.TRANSFERS_IN)).isEqualTo(1);
		assertThat(after.figure(Figures.NEW)).isEqualTo(before.figure(Figures.NEW)).isEqualTo(1);
		assertThat(after.completion()).isEqualTo(before.completion());
		assertThat(after.completion().get(0).rate()).isEqualByComparingTo("0.1");
		assertThat(queries(feeder).handle(new FindStatistics("J:1301", 2026, null, null)).figure(Figures.ACTIVE))
			.isZero();
	}

	@Test
	void aBackdatedEnrollmentChangesPastFiguresAndShowsAsADifferenceOfKnowledge() {
		LocalDate spring = LocalDate.of(2026, 3, 10);
		LocalDate summer = LocalDate.of(2026, 7, 20);
		this.story.add(enrolled("m-1", CHANGAN_SITE, spring, spring));
		this.story.add(enrolled("m-2", CHANGAN_SITE, spring.plusDays(5), summer));
		Feeder feeder = feeder();
		feeder.all(this.story, 10);
		StatisticsQueryHandler queries = queries(feeder);
		LocalDate endOfApril = LocalDate.of(2026, 4, 30);

		StatisticsView now = queries.handle(new FindStatistics("J:1301", 2026, endOfApril, null));
		StatisticsView thenKnown = queries.handle(new FindStatistics("J:1301", 2026, endOfApril, endOfApril));
		StatisticsView beforeTheLateEntry = queries
			.handle(new FindStatistics("J:1301", 2026, endOfApril, summer.minusDays(1)));
		StatisticsView onTheDay = queries.handle(new FindStatistics("J:1301", 2026, endOfApril, summer));

		assertThat(now.figure(Figures.NEW)).as("the backdated enrollment counts in April now").isEqualTo(2);
		assertThat(now.figure(Figures.ACTIVE)).isEqualTo(2);
		assertThat(thenKnown.figure(Figures.NEW)).as("as it was known at the end of April").isEqualTo(1);
		assertThat(thenKnown.recordedLater()).containsEntry(Figures.NEW, 1L).containsEntry(Figures.ACTIVE, 1L);
		assertThat(beforeTheLateEntry.figure(Figures.ACTIVE)).isEqualTo(1);
		assertThat(onTheDay.figure(Figures.ACTIVE)).isEqualTo(2);
		assertThat(onTheDay.recordedLater()).isEmpty();
		assertThat(queries.handle(new FindStatistics("J:1301", 2026, spring, null)).figure(Figures.NEW))
			.as("before the backdated date")
			.isEqualTo(1);
		FigureEventsView behind = queries
			.handle(new FindFigureEvents("J:1301", Figures.NEW, 2026, endOfApril, null, 0, 10));
		assertThat(behind.positions()).containsExactly(1L, 2L);
	}

	@Test
	void siblingsAreRankedWithSharedRanksForTiesAndFlagged() {
		LocalDate day = LocalDate.of(2026, 2, 2);
		UnionPlacement baoding = DISPATCH;
		UnionPlacement tangshan = TANGSHAN_SITE;
		UnionPlacement handan = LedgerStory.placement("handan-site", "130402", UnionType.PROJECT_SITE,
				Sector.CONSTRUCTION);
		this.story.add(target("1301", TargetSource.ASSIGNED, 4, day));
		this.story.add(target("1306", TargetSource.ASSIGNED, 2, day));
		this.story.add(target("1302", TargetSource.ASSIGNED, 4, day));
		int member = 0;
		for (Object[] plan : new Object[][] { { CHANGAN_SITE, 2 }, { baoding, 1 }, { tangshan, 1 }, { handan, 3 } }) {
			for (int i = 0; i < (int) plan[1]; i++) {
				this.story.add(enrolled("m-" + member++, (UnionPlacement) plan[0], day, day));
			}
		}
		Feeder feeder = feeder();
		feeder.all(this.story, 10);
		StatisticsQueryHandler queries = queries(feeder);

		RankingView byCompletion = queries
			.handle(new FindRanking(JurisdictionCode.of("13"), 2026, RankingBy.COMPLETION, TargetSource.ASSIGNED));
		assertThat(byCompletion.entries())
			.extracting(RankingView.Entry::code, RankingView.Entry::rank, RankingView.Entry::tied)
			.startsWith(org.assertj.core.groups.Tuple.tuple("1301", 1, true),
					org.assertj.core.groups.Tuple.tuple("1306", 1, true),
					org.assertj.core.groups.Tuple.tuple("1302", 3, false));
		assertThat(byCompletion.entries().stream().filter((e) -> e.code().equals("1304")).findFirst().orElseThrow())
			.as("no target: listed, not ranked")
			.satisfies((e) -> assertThat(e.rank()).isNull())
			.satisfies((e) -> assertThat(e.newEnrollments()).isEqualTo(3));

		RankingView byNumber = queries
			.handle(new FindRanking(JurisdictionCode.of("13"), 2026, RankingBy.NEW_ENROLLMENTS, TargetSource.ASSIGNED));
		assertThat(byNumber.entries()).extracting(RankingView.Entry::code, RankingView.Entry::rank)
			.startsWith(org.assertj.core.groups.Tuple.tuple("1304", 1), org.assertj.core.groups.Tuple.tuple("1301", 2),
					org.assertj.core.groups.Tuple.tuple("1302", 3), org.assertj.core.groups.Tuple.tuple("1306", 3));
		assertThat(byNumber.entries().get(4).rank()).as("cities without enrollments share the next rank").isEqualTo(5);
	}

	@Test
	void rankingsAreAnsweredAsOfADateAndAsKnownAtADay() {
		LocalDate february = LocalDate.of(2026, 2, 2);
		LocalDate march = LocalDate.of(2026, 3, 1);
		this.story.add(target("1301", TargetSource.ASSIGNED, 2, february));
		this.story.add(target("1306", TargetSource.ASSIGNED, 2, february));
		this.story.add(enrolled("m-1", CHANGAN_SITE, february, february));
		this.story.add(enrolled("m-2", CHANGAN_SITE, february, february));
		this.story.add(enrolled("m-3", DISPATCH, february, february));
		// recorded in June, effective in March: two late Baoding enrollments
		this.story.add(enrolled("m-4", DISPATCH, march, LocalDate.of(2026, 6, 1)));
		this.story.add(enrolled("m-5", DISPATCH, march, LocalDate.of(2026, 6, 1)));
		// recorded in July, effective in March: Shijiazhuang's target raised to 4
		this.story.add(new EnrollmentTargetSet(JurisdictionCode.of("1301"), 2026, TargetSource.ASSIGNED, 4, null, march,
				at(LocalDate.of(2026, 7, 1)), LedgerStory.CLERK));
		Feeder feeder = feeder();
		feeder.all(this.story, 3);
		StatisticsQueryHandler queries = queries(feeder);
		JurisdictionCode hebei = JurisdictionCode.of("13");

		RankingView endOfFebruary = queries.handle(new FindRanking(hebei, 2026, RankingBy.COMPLETION,
				TargetSource.ASSIGNED, LocalDate.of(2026, 2, 28), null));
		assertThat(endOfFebruary.asOf()).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(endOfFebruary.entries())
			.extracting(RankingView.Entry::code, RankingView.Entry::rank, RankingView.Entry::newEnrollments,
					RankingView.Entry::target)
			.startsWith(org.assertj.core.groups.Tuple.tuple("1301", 1, 2L, 2L),
					org.assertj.core.groups.Tuple.tuple("1306", 2, 1L, 2L));

		RankingView endOfMarch = queries.handle(new FindRanking(hebei, 2026, RankingBy.COMPLETION,
				TargetSource.ASSIGNED, LocalDate.of(2026, 3, 31), null));
		assertThat(endOfMarch.entries())
			.extracting(RankingView.Entry::code, RankingView.Entry::rank, RankingView.Entry::newEnrollments,
					RankingView.Entry::target)
			.as("as everything is known now: Baoding's late members count, Shijiazhuang's target is 4")
			.startsWith(org.assertj.core.groups.Tuple.tuple("1306", 1, 3L, 2L),
					org.assertj.core.groups.Tuple.tuple("1301", 2, 2L, 4L));

		RankingView knownInMay = queries.handle(new FindRanking(hebei, 2026, RankingBy.COMPLETION,
				TargetSource.ASSIGNED, LocalDate.of(2026, 3, 31), LocalDate.of(2026, 5, 1)));
		assertThat(knownInMay.knownAt()).isEqualTo(LocalDate.of(2026, 5, 1));
		assertThat(knownInMay.entries())
			.extracting(RankingView.Entry::code, RankingView.Entry::rank, RankingView.Entry::newEnrollments,
					RankingView.Entry::target)
			.as("as it was known on 1 May: neither the late members nor the raised target")
			.startsWith(org.assertj.core.groups.Tuple.tuple("1301", 1, 2L, 2L),
					org.assertj.core.groups.Tuple.tuple("1306", 2, 1L, 2L));

		RankingView undated = queries
			.handle(new FindRanking(hebei, 2026, RankingBy.NEW_ENROLLMENTS, TargetSource.ASSIGNED));
		RankingView datedToday = queries.handle(new FindRanking(hebei, 2026, RankingBy.NEW_ENROLLMENTS,
				TargetSource.ASSIGNED, LocalDate.of(2026, 9, 30), null));
		assertThat(datedToday.entries()).as("the dated path agrees with the year's bucket")
			.isEqualTo(undated.entries());
	}

	@Test
	void theSameFiguresComeOutOfMongoDB() {
		everyKindOfEvent();
		Feeder memory = feeder();
		memory.all(this.story, 4);
		MongoServer server = new MongoServer(new MemoryBackend());
		var address = server.bind();
		try (MongoClient client = MongoClients
			.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
			var database = client.getDatabase("statistics-test");
			StatisticsProjection projection = new StatisticsProjection(database, CALENDAR, LedgerStory.ZONE);
			ReadModelTransactionManager transactions = new ReadModelTransactionManager(database);
			var adapter = new org.axonframework.eventhandling.AnnotationEventHandlerAdapter(projection);
			transactions.executeInTransaction(() -> {
				for (int i = 0; i < this.story.size(); i++) {
					try {
						adapter.handle(new org.axonframework.eventhandling.GenericTrackedEventMessage<>(
								new org.axonframework.eventhandling.GlobalSequenceTrackingToken(i + 1),
								org.axonframework.eventhandling.GenericEventMessage.asEventMessage(this.story.get(i))));
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}
			});
			StatisticsQueryHandler fromMongo = new StatisticsQueryHandler(new MongoReadModelStore(database), CALENDAR,
					JurisdictionTable.bundled(), CLOCK);
			for (String scope : List.of("J:13", "J:1301", "J:130102", "U:changan-site", "U:baoding-dispatch")) {
				for (LocalDate asOf : List.of(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 8, 1))) {
					assertThat(fromMongo.handle(new FindStatistics(scope, 2026, asOf, asOf)))
						.isEqualTo(queries(memory).handle(new FindStatistics(scope, 2026, asOf, asOf)));
				}
			}
		}
		finally {
			server.shutdownNow();
		}
	}

}
