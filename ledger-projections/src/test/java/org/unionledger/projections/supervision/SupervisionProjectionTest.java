package org.unionledger.projections.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
import org.unionledger.membership.EnrollmentRejectionReason;
import org.unionledger.membership.Events.EnrollmentRejected;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.TerminationReason;
import org.unionledger.eventstore.MongoTestDatabase;
import org.unionledger.projections.support.ReadModelTransactionManager;
import org.unionledger.service.Campaign;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.supervision.Events.FindingDecided;
import org.unionledger.supervision.FindingDecision;
import org.unionledger.supervision.FindingId;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated data set with planted double counts of every kind: every planted case is
 * found, and a clean data set of the same size yields no finding at all.
 */
class SupervisionProjectionTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final RecordedBy CLERK = new RecordedBy("clerk");

	private static final EncryptedPersonalData SEALED = new EncryptedPersonalData("pk", "c2VhbGVk");

	private static final int MEMBERS = 2000;

	private static final int PLANTED = 7;

	private static final List<UnionPlacement> UNIONS = List.of(union("sjz-site", "130102"),
			union("sjz-express", "130171"), union("ts-port", "130203"), union("bd-dispatch", "130602"));

	private static final UnionPlacement CLOSING = union("sjz-closing", "130104");

	private MongoDatabase database;

	private SupervisionProjection projection;

	private SupervisionQueryHandler queries;

	private ReadModelTransactionManager transactions;

	private final List<Object> events = new ArrayList<>();

	@BeforeEach
	void startStore() {
		mongo.clear();
		this.database = mongo.database();
		this.projection = new SupervisionProjection(this.database, StatisticalCalendar.ACFTU, SupervisionRules.DEFAULT);
		this.queries = new SupervisionQueryHandler(this.database);
		this.transactions = new ReadModelTransactionManager(this.database);
	}

	@Test
	void aCleanDataSetYieldsNoFinding() {
		generateCleanHistory(new Random(7));
		feed(this.events, 500);
		assertThat(allFindings()).isEmpty();
	}

	@Test
	void everyPlantedDoubleCountIsFound() {
		Random random = new Random(7);
		generateCleanHistory(random);
		Map<FindingKind, List<String>> planted = plantOneOfEachKind(random);
		feed(this.events, 500);

		List<Finding> findings = allFindings();
		Map<FindingKind, List<String>> found = new EnumMap<>(FindingKind.class);
		for (Finding finding : findings) {
			found.computeIfAbsent(finding.kind(), k -> new ArrayList<>()).add(finding.memberId());
		}
		for (FindingKind kind : FindingKind.values()) {
			assertThat(found.getOrDefault(kind, List.of())).as(kind.name())
				.containsExactlyInAnyOrderElementsOf(planted.get(kind));
		}
		System.out.printf("supervision: %d members, %d events, planted %d per kind (%d), found %d%n", MEMBERS,
				this.events.size(), PLANTED, PLANTED * FindingKind.values().length, findings.size());
	}

	@Test
	void redeliveringEveryEventRaisesNothingTwice() {
		Random random = new Random(11);
		generateCleanHistory(random);
		plantOneOfEachKind(random);
		feed(this.events, 500);
		List<Finding> once = allFindings();
		feed(this.events, 97);
		assertThat(allFindings()).isEqualTo(once);
		assertThat(once).hasSize(PLANTED * FindingKind.values().length);
	}

	@Test
	void findingsAreListedPerUnionAndKind() {
		Random random = new Random(3);
		generateCleanHistory(random);
		plantOneOfEachKind(random);
		feed(this.events, 500);
		List<Finding> atClosing = this.queries.handle(new FindFindings("U:sjz-closing", 2026, null));
		assertThat(atClosing).isNotEmpty()
			.allSatisfy(f -> assertThat(f.kind()).isEqualTo(FindingKind.ENROLLMENT_INTO_DISSOLVED_UNION));
		assertThat(this.queries.handle(new FindFindings("J:13", 2026, FindingKind.BACKDATED_RECORD))).hasSize(PLANTED)
			.allSatisfy(f -> assertThat(((Number) f.detail().get("daysLate")).longValue()).isGreaterThan(30));
	}

	@Test
	void aSupervisorsDecisionIsShownOnTheFinding() {
		Random random = new Random(5);
		generateCleanHistory(random);
		plantOneOfEachKind(random);
		feed(this.events, 500);
		Finding backdated = this.queries.handle(new FindFindings("J:13", 2026, FindingKind.BACKDATED_RECORD)).get(0);
		assertThat(backdated.status()).isEqualTo("OPEN");

		FindingDecided decided = new FindingDecided(new FindingId(backdated.id()), FindingDecision.CONFIRMED,
				"entered two months late to meet the target", at(LocalDate.of(2026, 6, 1)),
				new RecordedBy("supervisor"));
		this.events.add(decided);
		feed(this.events, 500);

		Finding after = this.queries.handle(new FindFinding(backdated.id())).orElseThrow();
		assertThat(after.status()).isEqualTo("CONFIRMED");
		assertThat(after.decisionReason()).isEqualTo("entered two months late to meet the target");
		assertThat(after.decidedBy()).isEqualTo("supervisor");
	}

	private void generateCleanHistory(Random random) {
		for (int i = 0; i < MEMBERS; i++) {
			MemberId member = new MemberId("m-clean-" + i);
			UnionPlacement home = UNIONS.get(random.nextInt(UNIONS.size()));
			LocalDate enrolledOn = LocalDate.of(2025, 10, 1).plusDays(random.nextInt(300));
			this.events.add(new MemberEnrolled(member, SEALED, home, EnrollmentChannel.ON_SITE, enrolledOn,
					at(enrolledOn.plusDays(random.nextInt(5))), CLERK));
			int fate = random.nextInt(100);
			if (fate < 10) {
				UnionPlacement to = UNIONS.get((UNIONS.indexOf(home) + 1) % UNIONS.size());
				LocalDate movedOn = enrolledOn.plusDays(10 + random.nextInt(20));
				this.events.add(new TransferAccepted(member, new CredentialCode("TC-" + i), home, to, movedOn,
						at(movedOn), CLERK));
			}
			else if (fate < 13) {
				LocalDate endedOn = enrolledOn.plusDays(5);
				this.events.add(new MembershipTerminated(member, home, TerminationReason.LEFT_WORKFORCE, false, endedOn,
						at(endedOn), CLERK));
				if (fate == 12) {
					// Back at the same union after a long time: no double count.
					LocalDate back = endedOn.plusDays(200);
					this.events.add(new MemberReEnrolled(member, SEALED, home, EnrollmentChannel.ON_SITE, back,
							at(back), CLERK));
				}
			}
			if (random.nextInt(10) == 0) {
				LocalDate servedOn = enrolledOn.plusDays(1);
				this.events.add(new ServiceDelivered(new ServiceId("s-" + i), home, member, ServiceType.SKILLS_TRAINING,
						Campaign.SPRING_JOBS, servedOn, 1, BigDecimal.TEN, at(servedOn), CLERK));
			}
		}
	}

	private Map<FindingKind, List<String>> plantOneOfEachKind(Random random) {
		Map<FindingKind, List<String>> planted = new EnumMap<>(FindingKind.class);
		for (FindingKind kind : FindingKind.values()) {
			planted.put(kind, new ArrayList<>());
		}
		this.events.add(
				new UnionDissolved(CLOSING, "merged", LocalDate.of(2026, 4, 10), at(LocalDate.of(2026, 4, 10)), CLERK));
		for (int i = 0; i < PLANTED; i++) {
			UnionPlacement home = UNIONS.get(i % UNIONS.size());
			UnionPlacement other = UNIONS.get((i + 1) % UNIONS.size());
			LocalDate day = LocalDate.of(2026, 2, 1).plusDays(i);

			MemberId twice = new MemberId("m-twice-" + i);
			this.events.add(new MemberEnrolled(twice, SEALED, home, EnrollmentChannel.ON_SITE, day, at(day), CLERK));
			this.events.add(new EnrollmentRejected(twice, other, EnrollmentChannel.IMPORT,
					EnrollmentRejectionReason.ALREADY_ACTIVE, home.unionId(), day.plusDays(3), at(day.plusDays(3)),
					CLERK));
			planted.get(FindingKind.DUPLICATE_ENROLLMENT_ATTEMPT).add(twice.value());

			MemberId mover = new MemberId("m-mover-" + i);
			this.events.add(new MemberEnrolled(mover, SEALED, home, EnrollmentChannel.ON_SITE, day, at(day), CLERK));
			this.events.add(new MembershipTerminated(mover, home, TerminationReason.VOLUNTARY_WITHDRAWAL, false,
					day.plusDays(20), at(day.plusDays(20)), CLERK));
			this.events.add(new MemberReEnrolled(mover, SEALED, other, EnrollmentChannel.ON_SITE, day.plusDays(34),
					at(day.plusDays(34)), CLERK));
			planted.get(FindingKind.TERMINATION_THEN_ENROLLMENT).add(mover.value());

			MemberId late = new MemberId("m-late-" + i);
			LocalDate effective = LocalDate.of(2026, 3, 1).plusDays(i);
			this.events.add(new MemberEnrolled(late, SEALED, home, EnrollmentChannel.ON_SITE, effective,
					at(effective.plusDays(45 + random.nextInt(30))), CLERK));
			planted.get(FindingKind.BACKDATED_RECORD).add(late.value());

			MemberId crosser = new MemberId("m-crosser-" + i);
			LocalDate lastDays = LocalDate.of(2026, 9, 27).plusDays(i % 4);
			this.events.add(new MemberEnrolled(crosser, SEALED, home, EnrollmentChannel.ON_SITE, lastDays,
					at(LocalDate.of(2026, 10, 2)), CLERK));
			planted.get(FindingKind.CROSSES_YEAR_BOUNDARY).add(crosser.value());

			MemberId ghost = new MemberId("m-ghost-" + i);
			LocalDate before = LocalDate.of(2026, 4, 5).plusDays(i % 4);
			this.events.add(new MemberEnrolled(ghost, SEALED, CLOSING, EnrollmentChannel.IMPORT, before,
					at(LocalDate.of(2026, 4, 12)), CLERK));
			planted.get(FindingKind.ENROLLMENT_INTO_DISSOLVED_UNION).add(ghost.value());
		}
		return planted;
	}

	private List<Finding> allFindings() {
		List<Finding> all = new ArrayList<>();
		for (int year = 2025; year <= 2028; year++) {
			all.addAll(this.queries.handle(new FindFindings("J:13", year, null)));
		}
		return all;
	}

	private void feed(List<Object> events, int batchSize) {
		for (int from = 0; from < events.size(); from += batchSize) {
			int start = from;
			this.transactions.executeInTransaction(() -> {
				for (int i = start; i < Math.min(events.size(), start + batchSize); i++) {
					dispatch(events.get(i), new GlobalSequenceTrackingToken(i + 1));
				}
			});
		}
	}

	private void dispatch(Object event, TrackingToken token) {
		if (event instanceof MemberEnrolled e) {
			this.projection.on(e, token);
		}
		else if (event instanceof MemberReEnrolled e) {
			this.projection.on(e, token);
		}
		else if (event instanceof EnrollmentRejected e) {
			this.projection.on(e, token);
		}
		else if (event instanceof TransferAccepted e) {
			this.projection.on(e, token);
		}
		else if (event instanceof MembershipTerminated e) {
			this.projection.on(e, token);
		}
		else if (event instanceof ServiceDelivered e) {
			this.projection.on(e, token);
		}
		else if (event instanceof UnionDissolved e) {
			this.projection.on(e, token);
		}
		else if (event instanceof FindingDecided e) {
			this.projection.on(e, token);
		}
		else {
			throw new IllegalArgumentException("no handler for " + event);
		}
	}

	private static Instant at(LocalDate day) {
		return day.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
	}

	private static UnionPlacement union(String id, String county) {
		return new UnionPlacement(new UnionId(id), JurisdictionCode.of(county), UnionType.ENTERPRISE,
				Sector.CONSTRUCTION);
	}

}
