package org.unionledger.projections.annualreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.TerminationReason;
import org.unionledger.projections.statistics.Feeder;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.statistics.StatisticsQueries.FindStatistics;
import org.unionledger.projections.statistics.StatisticsQueryHandler;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.annualreports.ChildReport;
import org.unionledger.signoff.Events.AnnualReportSignedOff;
import org.unionledger.annualreports.ReportDigest;
import org.unionledger.annualreports.ReportId;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

/**
 * Change flags on a story checked by hand. Statistical year 2026 runs 2025-10-01 to
 * 2026-09-30. Chang'an (130102) and Qiaoxi (130104) sign, then Shijiazhuang (1301); a
 * member enrolled in Chang'an backdated into 2026 must flag Chang'an and Shijiazhuang and
 * nothing else; entries effective in 2027 flag nothing; an event between a report's
 * computation and its signature is caught too; a new version clears the flags and keeps
 * them as history.
 */
class AnnualReportProjectionTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final StatisticalCalendar CALENDAR = StatisticalCalendar.ACFTU;

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZONE);

	private static final JurisdictionTable TABLE = JurisdictionTable.bundled();

	private static final RecordedBy CLERK = new RecordedBy("clerk");

	private static final String SEAL = "5".repeat(64);

	private static final JurisdictionCode CHANG_AN = JurisdictionCode.of("130102");

	private static final JurisdictionCode QIAO_XI = JurisdictionCode.of("130104");

	private static final JurisdictionCode SHIJIAZHUANG = JurisdictionCode.of("1301");

	private static final UnionPlacement CHANGAN_SITE = new UnionPlacement(new UnionId("changan-site"), CHANG_AN,
			UnionType.PROJECT_SITE, Sector.CONSTRUCTION);

	private static final UnionPlacement QIAOXI_EXPRESS = new UnionPlacement(new UnionId("qiaoxi-express"), QIAO_XI,
			UnionType.ENTERPRISE, Sector.LOGISTICS);

	private final List<Object> story = new ArrayList<>();

	private Feeder feeder;

	private Map<JurisdictionCode, AnnualReportSignedOff> latest;

	@BeforeEach
	void setUp() {
		this.feeder = feeder();
		this.latest = new java.util.HashMap<>();
	}

	private static Feeder feeder() {
		AnnualReportProjection reports = new AnnualReportProjection(null, CALENDAR);
		return new Feeder(new StatisticsProjection(null, CALENDAR, ZONE, reports), reports);
	}

	private static Instant at(LocalDate day) {
		return day.atTime(10, 0).atZone(ZONE).toInstant();
	}

	private static MemberEnrolled enrolled(String member, UnionPlacement union, LocalDate on, LocalDate recorded) {
		return new MemberEnrolled(new MemberId(member), new EncryptedPersonalData("pd-1", "c2VhbGVk"), union,
				EnrollmentChannel.ON_SITE, on, at(recorded), CLERK);
	}

	/** Appends the event and feeds it at its position (its index + 1). */
	private long add(Object event) {
		this.story.add(event);
		long position = this.story.size();
		this.feeder.one(position, event);
		return position;
	}

	private Map<String, Long> figures(JurisdictionCode code) {
		return new StatisticsQueryHandler(this.feeder.store, CALENDAR, TABLE, CLOCK)
			.handle(new FindStatistics(ScopeKeys.jurisdiction(code), 2026, CALENDAR.lastDay(2026), null))
			.figures();
	}

	/** Signs with the figures computed now, at the position of the last event. */
	private AnnualReportSignedOff signed(JurisdictionCode code, List<ChildReport> children) {
		return signedAt(code, children, this.story.size(), figures(code));
	}

	private AnnualReportSignedOff signedAt(JurisdictionCode code, List<ChildReport> children, long position,
			Map<String, Long> figures) {
		AnnualReportSignedOff previous = this.latest.get(code);
		int version = (previous != null) ? previous.version() + 1 : 1;
		String before = (previous != null) ? previous.reportDigest() : null;
		String digest = ReportDigest.of(code, 2026, version, figures, position, position, SEAL, children, before);
		AnnualReportSignedOff event = new AnnualReportSignedOff(ReportId.of(code, 2026), code, 2026, version, figures,
				position, position, SEAL, children, before, digest, null, at(LocalDate.of(2026, 11, 20)), CLERK);
		this.latest.put(code, event);
		return event;
	}

	private List<ChildReport> cityChildren() {
		List<ChildReport> children = new ArrayList<>();
		for (Jurisdiction county : TABLE.children(SHIJIAZHUANG)) {
			AnnualReportSignedOff signed = this.latest.get(county.code());
			children.add((signed != null) ? ChildReport.signed(county.code(), signed.version(), signed.globalPosition(),
					signed.reportDigest()) : ChildReport.exempt(county.code()));
		}
		return children;
	}

	private AnnualReportView report(Feeder source, JurisdictionCode code) {
		return new AnnualReportQueryHandler(source.store).handle(new FindAnnualReports(List.of(code), 2026))
			.of(code)
			.orElseThrow();
	}

	/** The story up to the three signatures and the changes after them. */
	private void signThenChange() {
		LocalDate established = LocalDate.of(2025, 11, 3);
		add(new UnionRegistered(CHANGAN_SITE, "长安区建筑项目工会", established, at(established), CLERK));
		add(new UnionRegistered(QIAOXI_EXPRESS, "桥西区快递工会", established, at(established), CLERK));
		add(enrolled("m-1", CHANGAN_SITE, LocalDate.of(2025, 11, 4), LocalDate.of(2025, 11, 4)));
		add(enrolled("m-2", CHANGAN_SITE, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)));
		add(enrolled("m-3", QIAOXI_EXPRESS, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)));
		add(signed(CHANG_AN, List.of()));
		add(signed(QIAO_XI, List.of()));
		add(signed(SHIJIAZHUANG, cityChildren()));
		// 9: backdated into the signed year; 10 and 11: effective in statistical year
		// 2027
		add(enrolled("m-4", CHANGAN_SITE, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 20)));
		add(enrolled("m-5", CHANGAN_SITE, LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 20)));
		add(new ServiceDelivered(new ServiceId("s-1"), QIAOXI_EXPRESS, null, ServiceType.SKILLS_TRAINING, null,
				LocalDate.of(2026, 10, 20), 5, new BigDecimal("100.00"), at(LocalDate.of(2026, 10, 20)), CLERK));
	}

	@Test
	void aBackdatedEnrollmentFlagsTheCountyAndTheCityWithSignedAndCurrentValues() {
		signThenChange();

		AnnualReportView changAn = report(this.feeder, CHANG_AN);
		assertThat(changAn.figures()).containsEntry("newEnrollments", 2L).containsEntry("activeMembers", 2L);
		assertThat(changAn.openFlags())
			.extracting(AnnualReportView.Flag::figure, AnnualReportView.Flag::signedValue,
					AnnualReportView.Flag::currentValue)
			.containsExactlyInAnyOrder(tuple("newEnrollments", 2L, 3L), tuple("activeMembers", 2L, 3L),
					tuple("newEnrollments.sector.CONSTRUCTION", 2L, 3L),
					tuple("newEnrollments.unionType.PROJECT_SITE", 2L, 3L),
					tuple("newEnrollments.channel.ON_SITE", 2L, 3L), tuple("activeMembers.sector.CONSTRUCTION", 2L, 3L),
					tuple("activeMembers.unionType.PROJECT_SITE", 2L, 3L));
		assertThat(changAn.openFlags()).allSatisfy((flag) -> {
			assertThat(flag.events())
				.extracting(AnnualReportView.FlagEvent::position, AnnualReportView.FlagEvent::type,
						AnnualReportView.FlagEvent::effectiveDate)
				.containsExactly(tuple(9L, "MemberEnrolled", LocalDate.of(2026, 9, 1)));
			assertThat(flag.id()).isEqualTo("130102:2026:v1:" + flag.figure());
		});

		AnnualReportView city = report(this.feeder, SHIJIAZHUANG);
		assertThat(city.children()).contains(
				ChildReport.signed(CHANG_AN, 1, 5, this.latest.get(CHANG_AN).reportDigest()),
				ChildReport.signed(QIAO_XI, 1, 6, this.latest.get(QIAO_XI).reportDigest()),
				ChildReport.exempt(JurisdictionCode.of("130105")));
		assertThat(city.openFlags())
			.extracting(AnnualReportView.Flag::figure, AnnualReportView.Flag::signedValue,
					AnnualReportView.Flag::currentValue)
			.contains(tuple("newEnrollments", 3L, 4L), tuple("activeMembers", 3L, 4L));

		assertThat(report(this.feeder, QIAO_XI).flags()).as("Qiaoxi's figures did not change").isEmpty();
		Map<String, Long> now = figures(CHANG_AN);
		assertThat(changAn.openFlags())
			.allSatisfy((flag) -> assertThat(flag.currentValue()).isEqualTo(now.get(flag.figure())));
	}

	@Test
	void anEventBetweenComputationAndSignatureIsCaughtAndANewVersionClearsTheFlagsButKeepsThem() {
		signThenChange();
		long computedAt = this.story.size();
		Map<String, Long> figures = figures(CHANG_AN);
		// 12: recorded after the figures were computed, before the signature arrives
		add(new MembershipTerminated(new MemberId("m-2"), CHANGAN_SITE, TerminationReason.LEFT_WORKFORCE, false,
				LocalDate.of(2026, 9, 15), at(LocalDate.of(2026, 11, 21)), CLERK));
		add(signedAt(CHANG_AN, List.of(), computedAt, figures));

		AnnualReportView changAn = report(this.feeder, CHANG_AN);
		assertThat(changAn.version()).isEqualTo(2);
		assertThat(changAn.previousReportDigest()).isEqualTo(changAn.versions().get(0).reportDigest());
		// version 1: the seven figures of the backdated enrollment, then the two
		// termination figures the event in between raised before the signature arrived
		assertThat(changAn.flags()).filteredOn((flag) -> !flag.open())
			.hasSize(9)
			.allSatisfy((flag) -> assertThat(flag.clearedByVersion()).isEqualTo(2));
		assertThat(changAn.openFlags())
			.extracting(AnnualReportView.Flag::id, AnnualReportView.Flag::signedValue,
					AnnualReportView.Flag::currentValue)
			.containsExactlyInAnyOrder(tuple("130102:2026:v2:terminations", 0L, 1L),
					tuple("130102:2026:v2:terminations.reason.LEFT_WORKFORCE", 0L, 1L),
					tuple("130102:2026:v2:activeMembers", 3L, 2L),
					tuple("130102:2026:v2:activeMembers.sector.CONSTRUCTION", 3L, 2L),
					tuple("130102:2026:v2:activeMembers.unionType.PROJECT_SITE", 3L, 2L));
		assertThat(changAn.openFlags())
			.allSatisfy((flag) -> assertThat(flag.events()).extracting(AnnualReportView.FlagEvent::position)
				.containsExactly(12L));

		AnnualReportView city = report(this.feeder, SHIJIAZHUANG);
		AnnualReportView.Flag active = city.openFlags()
			.stream()
			.filter((flag) -> flag.figure().equals("activeMembers"))
			.findFirst()
			.orElseThrow();
		assertThat(active.signedValue()).as("one in, one out: back at the signed value, still open").isEqualTo(3L);
		assertThat(active.currentValue()).isEqualTo(3L);
		assertThat(active.events()).extracting(AnnualReportView.FlagEvent::position).containsExactly(9L, 12L);
	}

	@Test
	void eachEventTwiceChangesNothingAndARebuildGivesTheSameFlags() {
		signThenChange();
		long computedAt = this.story.size();
		Map<String, Long> figures = figures(CHANG_AN);
		add(new MembershipTerminated(new MemberId("m-2"), CHANGAN_SITE, TerminationReason.LEFT_WORKFORCE, false,
				LocalDate.of(2026, 9, 15), at(LocalDate.of(2026, 11, 21)), CLERK));
		add(signedAt(CHANG_AN, List.of(), computedAt, figures));

		Feeder twice = feeder();
		for (int i = 0; i < this.story.size(); i++) {
			twice.one(i + 1, this.story.get(i));
			twice.one(i + 1, this.story.get(i));
		}
		Feeder rebuilt = feeder();
		rebuilt.all(this.story, 4);

		for (String collection : AnnualReportProjection.COLLECTIONS) {
			assertThat(documents(twice, collection)).as(collection + ", each event twice")
				.isEqualTo(documents(this.feeder, collection));
			assertThat(documents(rebuilt, collection)).as(collection + ", rebuilt in batches of 4")
				.isEqualTo(documents(this.feeder, collection));
		}
		assertThat(report(rebuilt, SHIJIAZHUANG).openFlags()).isNotEmpty();
	}

	@Test
	void aWindowTooBusyToItemiseFlagsTheWholeReport() {
		signThenChange();
		long computedAt = this.story.size();
		Map<String, Long> figures = figures(CHANG_AN);
		for (int i = 0; i < AnnualReportProjection.LOG_SIZE + 1; i++) {
			add(enrolled("w-" + i, CHANGAN_SITE, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1)));
		}
		add(signedAt(CHANG_AN, List.of(), computedAt, figures));

		assertThat(report(this.feeder, CHANG_AN).openFlags()).singleElement().satisfies((flag) -> {
			assertThat(flag.figure()).isNull();
			assertThat(flag.note()).contains("more than 32 events");
		});
	}

	private static Map<String, Document> documents(Feeder feeder, String collection) {
		Map<String, Document> documents = new java.util.TreeMap<>();
		feeder.store.scan(collection, (document) -> documents.put(document.getString("_id"), document));
		return documents;
	}

}
