package org.unionledger.projections.summary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.Events.EnrollmentReclassifiedAsTransferIn;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.TerminationReason;
import org.unionledger.projections.summary.SummaryQueries.FindJurisdictionSummary;
import org.unionledger.projections.summary.SummaryQueries.FindUnionSummary;
import org.unionledger.eventstore.MongoTestDatabase;
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

import static org.assertj.core.api.Assertions.assertThat;

class SummaryProjectionTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final UnionPlacement CHANGAN_SITE = placement("changan-site", "130102");

	private static final UnionPlacement QIAOXI_EXPRESS = placement("qiaoxi-express", "130104");

	private static final UnionPlacement BAODING_DISPATCH = placement("baoding-dispatch", "130602");

	private static final RecordedBy CLERK = new RecordedBy("clerk");

	private static final EncryptedPersonalData SEALED = new EncryptedPersonalData("pd-1", "c2VhbGVk");

	private MongoDatabase database;

	private SummaryProjection projection;

	private SummaryQueryHandler queries;

	private ReadModelTransactionManager transactions;

	private final List<Object> events = new ArrayList<>();

	@BeforeEach
	void startStore() {
		mongo.clear();
		this.database = mongo.database();
		this.projection = new SummaryProjection(this.database, StatisticalCalendar.ACFTU);
		this.queries = new SummaryQueryHandler(this.database, java.time.Clock.systemUTC());
		this.transactions = new ReadModelTransactionManager(this.database);
	}

	@Test
	void countsEnrollmentsTransfersHoldsTerminationsAndServicesPerUnionAndJurisdiction() {
		givenTheStoryOfFiveMembers();
		feedAllOnce();

		SummaryDocument changan = union(CHANGAN_SITE, 2026);
		assertThat(changan.newEnrollments()).isEqualTo(3);
		assertThat(changan.activeMembers()).isEqualTo(1);
		assertThat(changan.onHold()).isZero();
		assertThat(changan.transfersOut()).isEqualTo(2);
		assertThat(changan.terminations()).isEqualTo(1);

		SummaryDocument baoding = union(BAODING_DISPATCH, 2026);
		assertThat(baoding.newEnrollments()).as("a transfer-in is never a new enrollment").isZero();
		assertThat(baoding.transfersIn()).isEqualTo(1);
		assertThat(baoding.activeMembers()).isEqualTo(1);
		assertThat(baoding.servicePersonTimes()).isEqualTo(12);
		assertThat(baoding.serviceAmountYuan()).isEqualByComparingTo("1530.50");

		SummaryDocument shijiazhuang = jurisdiction("1301", 2026);
		assertThat(shijiazhuang.newEnrollments()).isEqualTo(3);
		assertThat(shijiazhuang.activeMembers()).as("member 1 moved within the city, member 2 left it").isEqualTo(2);
		assertThat(shijiazhuang.transfersIn()).as("a move inside the city is no transfer at city level").isZero();
		assertThat(shijiazhuang.transfersOut()).isEqualTo(1);
		assertThat(jurisdiction("1306", 2026).transfersIn()).isEqualTo(1);

		SummaryDocument hebei = jurisdiction("13", 2026);
		assertThat(hebei.activeMembers()).isEqualTo(3);
		assertThat(hebei.transfersIn()).isZero();
		assertThat(hebei.transfersOut()).isZero();
		assertThat(hebei.newEnrollments()).isEqualTo(3);
		assertThat(hebei.reEnrollments()).isEqualTo(1);
		assertThat(hebei.onHold()).isZero();
		assertThat(hebei.terminations()).isEqualTo(1);
	}

	@Test
	void everyEventHandledTwiceGivesTheSameFigures() {
		givenTheStoryOfFiveMembers();
		feedAllOnce();
		List<SummaryDocument> once = allFigures();

		resetStore();
		for (int i = 0; i < this.events.size(); i++) {
			int position = i + 1;
			feed(position, this.events.get(i));
			feed(position, this.events.get(i));
		}
		assertThat(allFigures()).isEqualTo(once);
	}

	@Test
	void aBatchRedeliveredAfterACrashIsNotCountedTwice() {
		givenTheStoryOfFiveMembers();
		feedAllOnce();
		List<SummaryDocument> once = allFigures();

		resetStore();
		// First batch committed, second batch lost its token: the processor starts it
		// again,
		// overlapping with what was written.
		this.transactions.executeInTransaction(() -> {
			for (int i = 0; i < 6; i++) {
				handle(i + 1, this.events.get(i));
			}
		});
		this.transactions.executeInTransaction(() -> {
			for (int i = 3; i < this.events.size(); i++) {
				handle(i + 1, this.events.get(i));
			}
		});
		assertThat(allFigures()).isEqualTo(once);
	}

	@Test
	void yearlyFiguresFallInTheStatisticalYearOfTheEffectiveDate() {
		this.events.add(enrolled("m-1", CHANGAN_SITE, LocalDate.of(2025, 9, 30)));
		this.events.add(enrolled("m-2", CHANGAN_SITE, LocalDate.of(2025, 10, 1)));
		feedAllOnce();
		assertThat(union(CHANGAN_SITE, 2025).newEnrollments()).isEqualTo(1);
		assertThat(union(CHANGAN_SITE, 2026).newEnrollments()).isEqualTo(1);
		assertThat(union(CHANGAN_SITE, 2026).activeMembers()).isEqualTo(2);
	}

	@Test
	void aCorrectedDoubleCountLeavesNewEnrollmentsForTransfersInButKeepsTheMember() {
		this.events.add(enrolled("m-1", CHANGAN_SITE, LocalDate.of(2026, 1, 5)));
		this.events.add(enrolled("m-2", CHANGAN_SITE, LocalDate.of(2026, 1, 6)));
		this.events.add(new EnrollmentReclassifiedAsTransferIn(new MemberId("m-2"), CHANGAN_SITE,
				LocalDate.of(2026, 1, 6), EnrollmentChannel.ON_SITE, "TERMINATION_THEN_ENROLLMENT:m-2:9",
				"came from Shandong", Instant.parse("2026-05-01T00:00:00Z"), CLERK));
		feedAllOnce();
		feed(3, this.events.get(2));
		for (SummaryDocument figures : List.of(union(CHANGAN_SITE, 2026), jurisdiction("1301", 2026),
				jurisdiction("13", 2026))) {
			assertThat(figures.newEnrollments()).isEqualTo(1);
			assertThat(figures.transfersIn()).isEqualTo(1);
			assertThat(figures.activeMembers()).isEqualTo(2);
		}
	}

	@Test
	void aUnionThatMovesCountsItsMembersWhereItStandsFromTheMovesDayOn() {
		LocalDate movesOn = LocalDate.of(2026, 4, 1);
		UnionPlacement moved = new UnionPlacement(CHANGAN_SITE.unionId(), JurisdictionCode.of("130602"),
				CHANGAN_SITE.type(), CHANGAN_SITE.sector());
		this.events.add(enrolled("m-1", CHANGAN_SITE, LocalDate.of(2026, 1, 5)));
		this.events.add(enrolled("m-2", CHANGAN_SITE, LocalDate.of(2026, 2, 5)));
		this.events.add(new org.unionledger.union.Events.UnionMoved(moved, CHANGAN_SITE.jurisdictionCode(), "2023",
				"区划调整", movesOn, Instant.parse("2026-03-20T08:00:00Z"), CLERK));
		// recorded after the move, effective before it: counted where the union stood
		this.events.add(new MembershipPutOnHold(new MemberId("m-2"), CHANGAN_SITE, "sick", LocalDate.of(2026, 3, 10),
				Instant.parse("2026-03-25T08:00:00Z"), CLERK));
		this.events.add(enrolled("m-3", moved, movesOn.plusDays(1)));
		feedAllOnce();

		for (int round = 0; round < 2; round++) {
			this.queries = queriesOn(movesOn.minusDays(1));
			assertFigures("130102", 1, 1, 2);
			assertFigures("1301", 1, 1, 2);
			assertFigures("130602", 1, 0, 1);
			assertFigures("1306", 1, 0, 1);
			assertFigures("13", 2, 1, 3);
			this.queries = queriesOn(movesOn.plusDays(1));
			assertFigures("130102", 0, 0, 2);
			assertFigures("1301", 0, 0, 2);
			assertFigures("130602", 2, 1, 1);
			assertFigures("1306", 2, 1, 1);
			assertFigures("13", 2, 1, 3);
			SummaryDocument union = union(CHANGAN_SITE, 2026);
			assertThat(union.activeMembers()).isEqualTo(2);
			assertThat(union.onHold()).isEqualTo(1);
			// every event handled again (a redelivered batch) changes nothing
			for (int i = 0; i < this.events.size(); i++) {
				feed(i + 1, this.events.get(i));
			}
		}
	}

	private SummaryQueryHandler queriesOn(LocalDate day) {
		return new SummaryQueryHandler(this.database,
				java.time.Clock.fixed(day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC));
	}

	/**
	 * A jurisdiction's active members and members on hold now, and its new enrollments in
	 * 2026 (flows stay where they were counted).
	 */
	private void assertFigures(String code, long active, long onHold, long newEnrollments) {
		SummaryDocument figures = jurisdiction(code, 2026);
		assertThat(figures.activeMembers()).as(code + " active").isEqualTo(active);
		assertThat(figures.onHold()).as(code + " on hold").isEqualTo(onHold);
		assertThat(figures.newEnrollments()).as(code + " new").isEqualTo(newEnrollments);
	}

	@Test
	void aRollbackWritesNothing() {
		this.events.add(enrolled("m-1", CHANGAN_SITE, LocalDate.of(2026, 1, 5)));
		var transaction = this.transactions.startTransaction();
		handle(1, this.events.get(0));
		transaction.rollback();
		assertThat(union(CHANGAN_SITE, 2026).activeMembers()).isZero();
		assertThat(union(CHANGAN_SITE, 2026).lastPosition()).isEqualTo(-1);
	}

	private void givenTheStoryOfFiveMembers() {
		LocalDate day = LocalDate.of(2026, 1, 10);
		this.events.add(enrolled("m-1", CHANGAN_SITE, day));
		this.events.add(enrolled("m-2", CHANGAN_SITE, day.plusDays(1)));
		this.events.add(enrolled("m-3", CHANGAN_SITE, day.plusDays(2)));
		this.events.add(transferred("m-1", CHANGAN_SITE, QIAOXI_EXPRESS, day.plusDays(10)));
		this.events.add(transferred("m-2", CHANGAN_SITE, BAODING_DISPATCH, day.plusDays(11)));
		this.events.add(new MembershipPutOnHold(new MemberId("m-3"), CHANGAN_SITE, "retired", day.plusDays(20),
				Instant.parse("2026-02-01T00:00:00Z"), CLERK));
		this.events.add(new MembershipResumed(new MemberId("m-3"), CHANGAN_SITE, day.plusDays(30),
				Instant.parse("2026-02-10T00:00:00Z"), CLERK));
		this.events.add(new MembershipTerminated(new MemberId("m-3"), CHANGAN_SITE, TerminationReason.LEFT_WORKFORCE,
				false, day.plusDays(40), Instant.parse("2026-02-20T00:00:00Z"), CLERK));
		this.events.add(new MemberReEnrolled(new MemberId("m-3"), SEALED, CHANGAN_SITE, EnrollmentChannel.ONLINE,
				day.plusDays(50), Instant.parse("2026-03-01T00:00:00Z"), CLERK));
		this.events.add(new ServiceDelivered(new ServiceId("s-1"), BAODING_DISPATCH, new MemberId("m-2"),
				ServiceType.SEASONAL_CARE, Campaign.SUMMER_COOLING, LocalDate.of(2026, 7, 1), 10,
				new BigDecimal("1500.00"), Instant.parse("2026-07-01T00:00:00Z"), CLERK));
		this.events.add(new ServiceDelivered(new ServiceId("s-2"), BAODING_DISPATCH, null,
				ServiceType.RIGHTS_PROTECTION, null, LocalDate.of(2026, 7, 2), 2, new BigDecimal("30.50"),
				Instant.parse("2026-07-02T00:00:00Z"), CLERK));
	}

	private static MemberEnrolled enrolled(String member, UnionPlacement union, LocalDate on) {
		return new MemberEnrolled(new MemberId(member), SEALED, union, EnrollmentChannel.ON_SITE, on,
				on.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), CLERK);
	}

	private static TransferAccepted transferred(String member, UnionPlacement from, UnionPlacement to, LocalDate on) {
		return new TransferAccepted(new MemberId(member), new CredentialCode("TC-" + member), from, to, on,
				on.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), CLERK);
	}

	private static UnionPlacement placement(String union, String county) {
		return new UnionPlacement(new UnionId(union), JurisdictionCode.of(county), UnionType.PROJECT_SITE,
				Sector.CONSTRUCTION);
	}

	private void feedAllOnce() {
		this.transactions.executeInTransaction(() -> {
			for (int i = 0; i < this.events.size(); i++) {
				handle(i + 1, this.events.get(i));
			}
		});
	}

	private void feed(long position, Object event) {
		this.transactions.executeInTransaction(() -> handle(position, event));
	}

	private void handle(long position, Object event) {
		TrackingToken token = new GlobalSequenceTrackingToken(position);
		dispatch(event, token);
	}

	private void dispatch(Object event, TrackingToken token) {
		if (event instanceof MemberEnrolled e) {
			this.projection.on(e, token);
		}
		else if (event instanceof MemberReEnrolled e) {
			this.projection.on(e, token);
		}
		else if (event instanceof TransferAccepted e) {
			this.projection.on(e, token);
		}
		else if (event instanceof MembershipPutOnHold e) {
			this.projection.on(e, token);
		}
		else if (event instanceof MembershipResumed e) {
			this.projection.on(e, token);
		}
		else if (event instanceof MembershipTerminated e) {
			this.projection.on(e, token);
		}
		else if (event instanceof ServiceDelivered e) {
			this.projection.on(e, token);
		}
		else if (event instanceof EnrollmentReclassifiedAsTransferIn e) {
			this.projection.on(e, token);
		}
		else if (event instanceof org.unionledger.union.Events.UnionMoved e) {
			this.projection.on(e, token);
		}
		else {
			throw new IllegalArgumentException("no handler for " + event);
		}
	}

	private void resetStore() {
		this.projection.reset();
	}

	private List<SummaryDocument> allFigures() {
		List<SummaryDocument> figures = new ArrayList<>();
		for (UnionPlacement union : List.of(CHANGAN_SITE, QIAOXI_EXPRESS, BAODING_DISPATCH)) {
			figures.add(union(union, 2026));
		}
		for (String code : List.of("130102", "130104", "130602", "1301", "1306", "13")) {
			figures.add(jurisdiction(code, 2026));
		}
		return figures;
	}

	private SummaryDocument union(UnionPlacement union, int year) {
		return this.queries.handle(new FindUnionSummary(union.unionId(), year));
	}

	private SummaryDocument jurisdiction(String code, int year) {
		return this.queries.handle(new FindJurisdictionSummary(JurisdictionCode.of(code), year));
	}

}
