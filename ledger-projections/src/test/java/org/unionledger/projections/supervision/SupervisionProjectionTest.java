package org.unionledger.projections.supervision;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.unionledger.membership.CredentialRejectionReason;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.EnrollmentRejectionReason;
import org.unionledger.membership.Events.EnrollmentRejected;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.TransferAcceptanceRejected;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
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
 * found, and a clean data set of the same size yields no finding at all. The clean set
 * holds near misses: transfers through credentials accepted in time, credentials still
 * valid or cancelled, steady enrollment up to the deadline, and a small union whose few
 * enrollments all fall in the last days of the year.
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

	/** Small, all of its few enrollments just before the deadline: under the minimum. */
	private static final UnionPlacement SMALL = union("sjz-small", "130105");

	/** Today for the query side: credentials are judged against it. */
	private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

	private static final List<String> COUNTIES = List.of("130102", "130171", "130203", "130602", "130104", "130105",
			"130202");

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
		this.queries = queriesOn(TODAY);
		this.transactions = new ReadModelTransactionManager(this.database);
	}

	private SupervisionQueryHandler queriesOn(LocalDate today) {
		return new SupervisionQueryHandler(this.database, StatisticalCalendar.ACFTU, SupervisionRules.DEFAULT,
				Clock.fixed(at(today), ZONE));
	}

	@Test
	void aCleanDataSetYieldsNoFinding() {
		generateCleanHistory(new Random(7));
		feed(this.events, 500);
		List<Finding> findings = allFindings();
		Map<FindingKind, Integer> perKind = new EnumMap<>(FindingKind.class);
		for (FindingKind kind : FindingKind.values()) {
			perKind.put(kind, (int) findings.stream().filter((f) -> f.kind() == kind).count());
		}
		System.out.printf("supervision, clean set: %d members, %d events, findings per kind %s%n", MEMBERS,
				this.events.size(), perKind);
		assertThat(findings).isEmpty();
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
			found.computeIfAbsent(finding.kind(), k -> new ArrayList<>()).add(subject(finding));
		}
		for (FindingKind kind : FindingKind.values()) {
			List<String> hits = new ArrayList<>(found.getOrDefault(kind, List.of()));
			hits.retainAll(planted.get(kind));
			System.out.printf("supervision, planted set: %s found %d/%d planted, %d findings of the kind%n", kind,
					hits.size(), planted.get(kind).size(), found.getOrDefault(kind, List.of()).size());
		}
		for (FindingKind kind : FindingKind.values()) {
			assertThat(found.getOrDefault(kind, List.of())).as(kind.name())
				.containsExactlyInAnyOrderElementsOf(planted.get(kind));
		}
		this.database.getCollection(SupervisionProjection.LISTS)
			.find()
			.forEach((d) -> System.out.println("LIST " + d.get("_id")));
		assertThat(this.database.getCollection(SupervisionProjection.LISTS)
			.countDocuments(com.mongodb.client.model.Filters.regex("_id", "^J:13\\|\\d+\\|w\\|")))
			.as("the province's lists span several chunks")
			.isGreaterThanOrEqualTo(2);
		System.out.printf("supervision: %d members, %d events, planted %d per kind (%d), found %d%n", MEMBERS,
				this.events.size(), PLANTED, PLANTED * FindingKind.values().length, findings.size());
	}

	/**
	 * A roster entered months late raises two findings per row (backdated, and recorded
	 * after its statistical year ended): the lists hold every one of them, and no list
	 * document grows past the read models' bound however many findings one window of
	 * positions raises (with windows of 4,096 positions this list's chunk held 6,000 ids,
	 * about 340 KB, rewritten by every batch).
	 */
	@Test
	void aRosterEnteredLateKeepsEveryListDocumentSmall() {
		int rows = 3_000;
		List<Object> late = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			late.add(new MemberEnrolled(new MemberId("m-roster-" + i), SEALED, UNIONS.get(0), EnrollmentChannel.IMPORT,
					LocalDate.of(2026, 8, 1).plusDays(i % 28), at(LocalDate.of(2026, 11, 20)), CLERK));
		}
		for (int from = 0; from < rows; from += 500) {
			int start = from;
			this.transactions.executeInTransaction(() -> {
				for (int i = start; i < Math.min(rows, start + 500); i++) {
					dispatch(late.get(i), new GlobalSequenceTrackingToken(i + 1));
				}
			});
		}

		assertThat(this.queries.handle(new FindFindings("J:13", 2026, FindingKind.BACKDATED_RECORD))).hasSize(rows);
		assertThat(this.queries.handle(new FindFindings("J:13", 2026, FindingKind.CROSSES_YEAR_BOUNDARY)))
			.hasSize(rows);
		int largest = 0;
		for (org.bson.RawBsonDocument list : this.database
			.getCollection(SupervisionProjection.LISTS, org.bson.RawBsonDocument.class)
			.find()) {
			largest = Math.max(largest, list.getByteBuffer().remaining());
		}
		System.out.printf("supervision: %,d late rows, largest list document %,d bytes%n", rows, largest);
		assertThat(largest).as("largest list document, bytes").isLessThanOrEqualTo(256 * 1024);
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
		assertThat(after.correctedBy()).isNull();

		// The correction is recorded on the finding; every event fed again changes
		// nothing.
		this.events.add(new org.unionledger.membership.Events.EnrollmentReclassifiedAsTransferIn(
				new org.unionledger.membership.MemberId(
						(backdated.memberId() != null) ? backdated.memberId() : "m-planted"),
				union(backdated.unionId(), backdated.jurisdictionCode()), backdated.effectiveDate(),
				org.unionledger.membership.EnrollmentChannel.ON_SITE, backdated.id(), "came from another province",
				at(LocalDate.of(2026, 6, 2)), new RecordedBy("supervisor")));
		feed(this.events, 500);
		feed(this.events, 7);
		Finding corrected = this.queries.handle(new FindFinding(backdated.id())).orElseThrow();
		assertThat(corrected.status()).isEqualTo("CONFIRMED");
		assertThat(corrected.correctedBy()).isEqualTo("supervisor");
		assertThat(corrected.correctionReason()).isEqualTo("came from another province");
		assertThat(corrected.detail()).isEqualTo(after.detail());
	}

	@Test
	void aDoubleCountAcrossLedgersIsCorrectedByEndingTheMembershipHere() {
		Random random = new Random(17);
		generateCleanHistory(random);
		plantOneOfEachKind(random);
		feed(this.events, 500);
		Finding twice = this.queries.handle(new FindFindings("J:13", 2026, FindingKind.CROSS_LEDGER_DOUBLE_COUNT))
			.get(0);
		this.events.add(new FindingDecided(new FindingId(twice.id()), FindingDecision.CONFIRMED,
				"the same worker, on Henan's roster since March", at(LocalDate.of(2026, 6, 1)),
				new RecordedBy("supervisor")));
		this.events.add(new MembershipTerminated(new MemberId(twice.memberId()),
				union(twice.unionId(), twice.jurisdictionCode()), TerminationReason.DUPLICATE_RECORD, false,
				LocalDate.of(2026, 6, 2), at(LocalDate.of(2026, 6, 2)), new RecordedBy("supervisor"), twice.id(),
				"counted in Henan"));
		feed(this.events, 500);
		feed(this.events, 7);

		Finding corrected = this.queries.handle(new FindFinding(twice.id())).orElseThrow();
		assertThat(corrected.status()).isEqualTo("CONFIRMED");
		assertThat(corrected.correctedBy()).isEqualTo("supervisor");
		assertThat(corrected.correctionReason()).isEqualTo("counted in Henan");
		assertThat(corrected.detail()).isEqualTo(twice.detail());
	}

	@Test
	void burstsAndExpiredCredentialsAreDecidedLikeAnyFinding() {
		Random random = new Random(13);
		generateCleanHistory(random);
		plantOneOfEachKind(random);
		feed(this.events, 500);
		Finding burst = this.queries.handle(new FindFindings("J:13", 2026, FindingKind.BURST_BEFORE_DEADLINE)).get(0);
		Finding stranded = this.queries.handle(new FindFindings("J:13", 2026, FindingKind.CREDENTIAL_EXPIRED_UNUSED))
			.get(0);
		assertThat(burst.id()).matches("BURST_BEFORE_DEADLINE:burst-\\d+_2026:14");
		assertThat(stranded.id()).startsWith("CREDENTIAL_EXPIRED_UNUSED:m-stranded-");
		assertThat(List.of(burst.status(), stranded.status())).containsOnly("OPEN");

		this.events.add(new FindingDecided(new FindingId(burst.id()), FindingDecision.CONFIRMED,
				"enrollments backfilled to meet the target", at(TODAY), new RecordedBy("supervisor")));
		this.events.add(new FindingDecided(new FindingId(stranded.id()), FindingDecision.DISMISSED,
				"the member left the workforce", at(TODAY), new RecordedBy("supervisor")));
		feed(this.events, 500);

		Finding confirmed = this.queries.handle(new FindFinding(burst.id())).orElseThrow();
		assertThat(confirmed.status()).isEqualTo("CONFIRMED");
		assertThat(confirmed.decisionReason()).isEqualTo("enrollments backfilled to meet the target");
		assertThat(confirmed.kind()).isEqualTo(FindingKind.BURST_BEFORE_DEADLINE);
		Finding dismissed = this.queries.handle(new FindFinding(stranded.id())).orElseThrow();
		assertThat(dismissed.status()).isEqualTo("DISMISSED");
		assertThat(dismissed.decidedBy()).isEqualTo("supervisor");
		assertThat(this.queries.handle(new FindFindings("U:" + burst.unionId(), 2026, null)))
			.extracting(Finding::status)
			.containsExactly("CONFIRMED");
	}

	@Test
	void aCredentialIsExpiredUnusedFromItsExpiryDayOnAndARefusedLatePresentationLeavesItSo() {
		Random random = new Random(17);
		generateCleanHistory(random);
		plantOneOfEachKind(random);
		feed(this.events, 500);
		// The planted credentials expire on 2026-05-30 (issued 2026-03-01, 90 days).
		assertThat(queriesOn(LocalDate.of(2026, 5, 29))
			.handle(new FindFindings("J:13", 2026, FindingKind.CREDENTIAL_EXPIRED_UNUSED))).isEmpty();
		List<Finding> expired = queriesOn(LocalDate.of(2026, 5, 30))
			.handle(new FindFindings("J:13", 2026, FindingKind.CREDENTIAL_EXPIRED_UNUSED));
		assertThat(expired).hasSize(PLANTED).allSatisfy((f) -> {
			assertThat(f.effectiveDate()).isEqualTo(LocalDate.of(2026, 5, 30));
			assertThat(f.detail()).containsEntry("issuedOn", "2026-03-01");
		});
		assertThat(expired).filteredOn((f) -> ((Number) f.detail().get("refusedPresentations")).longValue() == 1)
			.hasSize((PLANTED + 1) / 2)
			.allSatisfy((f) -> assertThat(f.detail()).containsEntry("lastRefusalReason", "EXPIRED"));
		assertThat(this.queries.handle(new FindFinding(expired.get(0).id()))).isPresent();
		assertThat(queriesOn(LocalDate.of(2026, 5, 1)).handle(new FindFinding(expired.get(0).id()))).isEmpty();
	}

	/**
	 * A re-enrollment voids a credential still issued (the membership refuses it from
	 * then on): it never becomes a credential that expired unused, also when every event
	 * is delivered twice.
	 */
	@Test
	void aCredentialVoidedByAReEnrollmentIsNotExpiredUnused() {
		UnionPlacement home = union("void-home", "130102");
		UnionPlacement other = union("void-other", "130602");
		MemberId member = new MemberId("m-voided");
		enroll(member.value(), home, LocalDate.of(2026, 1, 10));
		this.events.add(new TransferCredentialIssued(member, new CredentialCode("TC-voided"), home, other.unionId(),
				LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30), at(LocalDate.of(2026, 3, 1)), CLERK));
		this.events.add(new MembershipTerminated(member, home, TerminationReason.LEFT_WORKFORCE, false,
				LocalDate.of(2026, 3, 10), at(LocalDate.of(2026, 3, 10)), CLERK));
		this.events.add(new MemberReEnrolled(member, SEALED, home, EnrollmentChannel.ON_SITE, LocalDate.of(2026, 4, 1),
				at(LocalDate.of(2026, 4, 1)), CLERK));
		MemberId control = new MemberId("m-still-issued");
		enroll(control.value(), home, LocalDate.of(2026, 1, 10));
		this.events
			.add(new TransferCredentialIssued(control, new CredentialCode("TC-still-issued"), home, other.unionId(),
					LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30), at(LocalDate.of(2026, 3, 1)), CLERK));
		feed(this.events, 3);
		feed(this.events, 500);

		assertThat(queriesOn(LocalDate.of(2026, 6, 1))
			.handle(new FindFindings("J:13", 2026, FindingKind.CREDENTIAL_EXPIRED_UNUSED)))
			.extracting(Finding::memberId)
			.containsExactly(control.value());
	}

	@Test
	void theBurstRuleComparesTheWindowWithTheUnionsOwnRateOverTheRestOfTheYear() {
		UnionPlacement steady = union("ts-steady", "130203");
		LocalDate first = LocalDate.of(2025, 10, 1);
		// 351 days before the 14-day window, one enrollment a day: 14 expected in it.
		for (int day = 0; day < 351; day++) {
			enroll("m-steady-" + day, steady, first.plusDays(day));
		}
		// 42 in the window is exactly 3 times the baseline: not above it.
		for (int i = 0; i < 42; i++) {
			enroll("m-steady-late-" + i, steady, LocalDate.of(2026, 9, 17).plusDays(i % 14));
		}
		feed(this.events, 500);
		assertThat(this.queries.handle(new FindFindings("U:ts-steady", 2026, FindingKind.BURST_BEFORE_DEADLINE)))
			.isEmpty();
		enroll("m-steady-late-42", steady, LocalDate.of(2026, 9, 30));
		feed(this.events, 500);
		List<Finding> burst = this.queries.handle(new FindFindings("J:1302", 2026, FindingKind.BURST_BEFORE_DEADLINE));
		assertThat(burst).singleElement().satisfies((f) -> {
			assertThat(f.id()).isEqualTo("BURST_BEFORE_DEADLINE:ts-steady_2026:14");
			assertThat(f.detail()).containsEntry("windowEnrollments", 43L)
				.containsEntry("restOfYearEnrollments", 351L)
				.containsEntry("restOfYearDays", 351L)
				.containsEntry("expectedInWindow", "14.00")
				.containsEntry("windowStart", "2026-09-17");
			assertThat(f.effectiveDate()).isEqualTo(LocalDate.of(2026, 9, 30));
		});
		assertThat(this.queries.handle(new FindFinding("BURST_BEFORE_DEADLINE:ts-steady_2026:14"))).isPresent();
		assertThat(this.queries.handle(new FindFinding("BURST_BEFORE_DEADLINE:ts-steady_2026:7"))).isEmpty();
	}

	private void enroll(String member, UnionPlacement union, LocalDate day) {
		this.events.add(new MemberEnrolled(new MemberId(member), SEALED, union, EnrollmentChannel.ON_SITE, day, at(day),
				CLERK));
	}

	/** What a planted case is known by: its member, or its union for a burst. */
	private static String subject(Finding finding) {
		return (finding.memberId() != null) ? finding.memberId() : finding.unionId();
	}

	private void generateCleanHistory(Random random) {
		for (int i = 0; i < MEMBERS; i++) {
			MemberId member = new MemberId("m-clean-" + i);
			UnionPlacement home = UNIONS.get(random.nextInt(UNIONS.size()));
			// Steady enrollment over the whole statistical year 2026, up to its last day,
			// each recorded within the year.
			LocalDate enrolledOn = LocalDate.of(2025, 10, 1).plusDays(random.nextInt(365));
			long slack = Math.min(4, ChronoUnit.DAYS.between(enrolledOn, LocalDate.of(2026, 9, 30)));
			this.events.add(new MemberEnrolled(member, SEALED, home, EnrollmentChannel.ON_SITE, enrolledOn,
					at(enrolledOn.plusDays(random.nextInt((int) slack + 1))), CLERK));
			int fate = random.nextInt(100);
			if (fate < 10) {
				UnionPlacement to = UNIONS.get((UNIONS.indexOf(home) + 1) % UNIONS.size());
				LocalDate issuedOn = enrolledOn.plusDays(5);
				LocalDate movedOn = issuedOn.plusDays(5 + random.nextInt(80));
				CredentialCode code = new CredentialCode("TC-" + i);
				this.events.add(new TransferCredentialIssued(member, code, home, to.unionId(), issuedOn,
						issuedOn.plusDays(90), at(issuedOn), CLERK));
				if (fate < 2) {
					// Presented to the wrong union first: refused, then accepted in time.
					this.events.add(new TransferAcceptanceRejected(member, code, home.unionId(),
							CredentialRejectionReason.WRONG_UNION, movedOn, at(movedOn), CLERK));
				}
				this.events.add(new TransferAccepted(member, code, home, to, movedOn, at(movedOn), CLERK));
			}
			else if (fate < 12 && enrolledOn.isBefore(LocalDate.of(2026, 6, 1))) {
				// Issued, then cancelled by the union before it expired: nobody stranded.
				LocalDate issuedOn = enrolledOn.plusDays(3);
				CredentialCode code = new CredentialCode("TC-cancelled-" + i);
				this.events.add(new TransferCredentialIssued(member, code, home, null, issuedOn, issuedOn.plusDays(90),
						at(issuedOn), CLERK));
				this.events.add(new TransferCredentialCancelled(member, code, home, "the worker stays",
						issuedOn.plusDays(10), at(issuedOn.plusDays(10)), CLERK));
			}
			else if (fate >= 12 && fate < 15) {
				LocalDate endedOn = enrolledOn.plusDays(5);
				this.events.add(new MembershipTerminated(member, home, TerminationReason.LEFT_WORKFORCE, false, endedOn,
						at(endedOn), CLERK));
				if (fate == 14) {
					// Back at the same union after a long time: no double count.
					LocalDate back = endedOn.plusDays(200);
					this.events.add(new MemberReEnrolled(member, SEALED, home, EnrollmentChannel.ON_SITE, back,
							at(back), CLERK));
				}
			}
			if (random.nextInt(10) == 0 && enrolledOn.isBefore(LocalDate.of(2026, 9, 30))) {
				LocalDate servedOn = enrolledOn.plusDays(1);
				this.events.add(new ServiceDelivered(new ServiceId("s-" + i), home, member, ServiceType.SKILLS_TRAINING,
						Campaign.SPRING_JOBS, servedOn, 1, BigDecimal.TEN, at(servedOn), CLERK));
			}
		}
		generateNearMisses();
	}

	/**
	 * Near misses the clean set must not report: credentials issued near the clock and
	 * still valid, and a small union with all of its nine enrollments in the window.
	 */
	private void generateNearMisses() {
		for (int i = 0; i < 9; i++) {
			enroll("m-small-" + i, SMALL, LocalDate.of(2026, 9, 20).plusDays(i));
		}
		for (int i = 0; i < 5; i++) {
			MemberId member = new MemberId("m-waiting-" + i);
			UnionPlacement home = UNIONS.get(i % UNIONS.size());
			LocalDate enrolledOn = LocalDate.of(2026, 10, 5).plusDays(i);
			enroll(member.value(), home, enrolledOn);
			LocalDate issuedOn = enrolledOn.plusDays(10);
			this.events.add(new TransferCredentialIssued(member, new CredentialCode("TC-waiting-" + i), home, null,
					issuedOn, issuedOn.plusDays(90), at(issuedOn), CLERK));
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

			// A union enrolling a few a month, then 15 in its last ten days.
			UnionPlacement rushing = union("burst-" + i, COUNTIES.get(i % COUNTIES.size()));
			for (int k = 0; k < 30; k++) {
				enroll("m-burst-" + i + "-" + k, rushing, LocalDate.of(2025, 10, 3).plusDays(11L * k));
			}
			for (int k = 0; k < 15 + i; k++) {
				enroll("m-burst-" + i + "-late-" + k, rushing, LocalDate.of(2026, 9, 21).plusDays(k % 10));
			}
			planted.get(FindingKind.BURST_BEFORE_DEADLINE).add(rushing.unionId().value());

			// Issued, never accepted; every other one presented late and refused as
			// expired.
			MemberId stranded = new MemberId("m-stranded-" + i);
			enroll(stranded.value(), home, LocalDate.of(2026, 1, 10));
			CredentialCode code = new CredentialCode("TC-stranded-" + i);
			this.events.add(new TransferCredentialIssued(stranded, code, home, other.unionId(),
					LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30), at(LocalDate.of(2026, 3, 1)), CLERK));
			if (i % 2 == 0) {
				this.events.add(new TransferAcceptanceRejected(stranded, code, other.unionId(),
						CredentialRejectionReason.EXPIRED, LocalDate.of(2026, 6, 2), at(LocalDate.of(2026, 6, 2)),
						CLERK));
			}
			planted.get(FindingKind.CREDENTIAL_EXPIRED_UNUSED).add(stranded.value());

			// Counted here and, by Henan's fingerprint export, there too.
			MemberId twoLedgers = new MemberId("m-two-ledgers-" + i);
			enroll(twoLedgers.value(), home, LocalDate.of(2026, 2, 1));
			this.events.add(new org.unionledger.federation.Events.CrossLedgerDoubleCountsFound(
					new org.unionledger.federation.ComparisonId("cmp-" + i),
					new org.unionledger.jurisdiction.LedgerId("41"), "ab".repeat(32),
					org.unionledger.federation.ExportPart.WHOLE, 100, 200,
					List.of(new org.unionledger.federation.DoubleCount(twoLedgers, home,
							new org.unionledger.union.UnionId("zz-site-01"), "郑州某项目部工会")),
					at(LocalDate.of(2026, 3, 3)), CLERK));
			planted.get(FindingKind.CROSS_LEDGER_DOUBLE_COUNT).add(twoLedgers.value());

			// Left for Henan on its receipt, then enrolled here again as a returning
			// member, long after: counted in both ledgers unless it ended there.
			MemberId leaver = new MemberId("m-leaver-" + i);
			enroll(leaver.value(), home, LocalDate.of(2026, 1, 5));
			this.events.add(new MemberTransferredToLedger(leaver, new CredentialCode("XL-leaver-" + i), home, false,
					HENAN, new UnionId("zz-site-01"), "郑州某项目部工会", "r-leaver-" + i, LocalDate.of(2026, 1, 20),
					LocalDate.of(2026, 1, 20), at(LocalDate.of(2026, 1, 21)), CLERK));
			this.events.add(new MemberReEnrolled(leaver, SEALED, home, EnrollmentChannel.ON_SITE,
					LocalDate.of(2026, 8, 20), at(LocalDate.of(2026, 8, 20)), CLERK));
			planted.get(FindingKind.RE_ENROLLED_AFTER_LEAVING_FOR_LEDGER).add(leaver.value());

			// Left for Henan and came back with Henan's credential, then withdrew and
			// rejoined the same union: nothing to find.
			MemberId returner = new MemberId("m-returner-" + i);
			enroll(returner.value(), home, LocalDate.of(2026, 1, 5));
			this.events.add(new MemberTransferredToLedger(returner, new CredentialCode("XL-returner-" + i), home, false,
					HENAN, new UnionId("zz-site-01"), "郑州某项目部工会", "r-returner-" + i, LocalDate.of(2026, 1, 20),
					LocalDate.of(2026, 1, 20), at(LocalDate.of(2026, 1, 21)), CLERK));
			this.events.add(new MemberTransferredInFromLedger(returner, SEALED, home, HENAN, new UnionId("zz-site-01"),
					"郑州某项目部工会", new CredentialCode("XL-back-" + i),
					new org.unionledger.identity.PersonFingerprint("f".repeat(52)), "r-back-" + i,
					LocalDate.of(2026, 5, 4), at(LocalDate.of(2026, 5, 4)), CLERK, "m-henan-" + i));
			this.events.add(new MembershipTerminated(returner, home, TerminationReason.VOLUNTARY_WITHDRAWAL, false,
					LocalDate.of(2026, 6, 1), at(LocalDate.of(2026, 6, 1)), CLERK));
			this.events.add(new MemberReEnrolled(returner, SEALED, home, EnrollmentChannel.ON_SITE,
					LocalDate.of(2026, 6, 20), at(LocalDate.of(2026, 6, 20)), CLERK));
		}
		return planted;
	}

	private static final org.unionledger.jurisdiction.LedgerId HENAN = new org.unionledger.jurisdiction.LedgerId("41");

	private List<Finding> allFindings() {
		List<Finding> all = new ArrayList<>();
		for (int year = 2025; year <= 2028; year++) {
			all.addAll(this.queries.handle(new FindFindings("J:13", year, null)));
		}
		return all;
	}

	/**
	 * Global positions between consecutive events: wide enough that a scope's findings
	 * fill several chunks of its list ({@link SupervisionProjection#LIST_WINDOW}).
	 */
	private static final long STRIDE = 7;

	private void feed(List<Object> events, int batchSize) {
		for (int from = 0; from < events.size(); from += batchSize) {
			int start = from;
			this.transactions.executeInTransaction(() -> {
				for (int i = start; i < Math.min(events.size(), start + batchSize); i++) {
					dispatch(events.get(i), new GlobalSequenceTrackingToken((i + 1) * STRIDE));
				}
			});
		}
	}

	private void dispatch(Object event, TrackingToken token) {
		if (event instanceof MemberEnrolled e) {
			this.projection.on(e, token);
		}
		else if (event instanceof org.unionledger.federation.Events.CrossLedgerDoubleCountsFound e) {
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
		else if (event instanceof TransferCredentialIssued e) {
			this.projection.on(e, token);
		}
		else if (event instanceof TransferCredentialCancelled e) {
			this.projection.on(e, token);
		}
		else if (event instanceof TransferAcceptanceRejected e) {
			this.projection.on(e, token);
		}
		else if (event instanceof FindingDecided e) {
			this.projection.on(e, token);
		}
		else if (event instanceof org.unionledger.membership.Events.EnrollmentReclassifiedAsTransferIn e) {
			this.projection.on(e, token);
		}
		else if (event instanceof MemberTransferredToLedger e) {
			this.projection.on(e, token);
		}
		else if (event instanceof MemberTransferredInFromLedger e) {
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
