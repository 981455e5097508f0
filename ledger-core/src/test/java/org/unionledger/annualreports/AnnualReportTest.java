package org.unionledger.annualreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionledger.common.TestLedger.CLERK;
import static org.unionledger.common.TestLedger.CLOCK;
import static org.unionledger.common.TestLedger.NOW;
import static org.unionledger.common.TestLedger.violationOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.annualreports.Commands.SignOffAnnualReport;
import org.unionledger.signoff.Events.AnnualReportSignedOff;
import org.unionledger.statistics.StatisticalCalendar;

/**
 * Sign-off rules. The fixed clock stands on 2026-06-15, so statistical year 2025
 * (2024-10-01 to 2025-09-30) has ended and 2026 has not.
 */
class AnnualReportTest {

	private static final JurisdictionTable TABLE = JurisdictionTable.bundled();

	private static final JurisdictionCode CHANG_AN = JurisdictionCode.of("130102");

	private static final JurisdictionCode QIAO_XI = JurisdictionCode.of("130104");

	private static final JurisdictionCode SHIJIAZHUANG = JurisdictionCode.of("1301");

	private static final int YEAR = 2025;

	private static final String SEAL = "a".repeat(64);

	private static final Map<String, Long> FIGURES = new TreeMap<>(
			Map.of("activeMembers", 120L, "newEnrollments", 30L, "newEnrollments.sector.CONSTRUCTION", 30L));

	private static final RecordedBy SIGNER = new RecordedBy("changan-admin");

	private AggregateTestFixture<AnnualReport> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(AnnualReport.class);
		this.fixture.registerInjectableResource(CLOCK);
		this.fixture.registerInjectableResource(TABLE);
		this.fixture.registerInjectableResource(StatisticalCalendar.ACFTU);
	}

	private static SignOffAnnualReport county(Map<String, Long> figures, long position, String comment) {
		return new SignOffAnnualReport(ReportId.of(CHANG_AN, YEAR), CHANG_AN, YEAR, figures, position, position + 2,
				SEAL, List.of(), List.of(), comment, SIGNER);
	}

	private static AnnualReportSignedOff countySigned(int version, Map<String, Long> figures, long position,
			String previous) {
		String digest = ReportDigest.of(CHANG_AN, YEAR, version, figures, position, position + 2, SEAL, List.of(),
				previous);
		return new AnnualReportSignedOff(ReportId.of(CHANG_AN, YEAR), CHANG_AN, YEAR, version, figures, position,
				position + 2, SEAL, List.of(), previous, digest, null, NOW, SIGNER);
	}

	/** Every county of Shijiazhuang exempt except those given as signed. */
	private static List<ChildReport> cityChildren(ChildReport... signed) {
		List<ChildReport> children = new ArrayList<>();
		for (Jurisdiction county : TABLE.children(SHIJIAZHUANG)) {
			ChildReport entry = ChildReport.exempt(county.code());
			for (ChildReport given : signed) {
				if (given.code().equals(county.code())) {
					entry = given;
				}
			}
			children.add(entry);
		}
		return children;
	}

	private static SignOffAnnualReport city(List<ChildReport> children, long position) {
		return new SignOffAnnualReport(ReportId.of(SHIJIAZHUANG, YEAR), SHIJIAZHUANG, YEAR, FIGURES, position, position,
				SEAL, children, List.of(), "checked against the county reports", new RecordedBy("sjz-admin"));
	}

	@Test
	void aCountySignsItsReportAsVersionOneWithADigestOverFiguresPositionAndSeal() {
		String digest = ReportDigest.of(CHANG_AN, YEAR, 1, FIGURES, 500, 502, SEAL, List.of(), null);
		this.fixture.givenNoPriorActivity()
			.when(county(FIGURES, 500, "  all unions reported  "))
			.expectEvents(new AnnualReportSignedOff(ReportId.of(CHANG_AN, YEAR), CHANG_AN, YEAR, 1, FIGURES, 500, 502,
					SEAL, List.of(), null, digest, "all unions reported", NOW, SIGNER));
		assertThat(digest).matches("[0-9a-f]{64}");
	}

	@Test
	void theDigestChangesWithAnyFigureThePositionTheSealOrAChild() {
		String base = ReportDigest.of(SHIJIAZHUANG, YEAR, 1, FIGURES, 500, 500, SEAL,
				List.of(ChildReport.signed(CHANG_AN, 1, 400, "b".repeat(64))), null);
		Map<String, Long> oneMore = new TreeMap<>(FIGURES);
		oneMore.put("activeMembers", 121L);
		assertThat(List.of(
				ReportDigest.of(SHIJIAZHUANG, YEAR, 1, oneMore, 500, 500, SEAL,
						List.of(ChildReport.signed(CHANG_AN, 1, 400, "b".repeat(64))), null),
				ReportDigest.of(SHIJIAZHUANG, YEAR, 1, FIGURES, 501, 501, SEAL,
						List.of(ChildReport.signed(CHANG_AN, 1, 400, "b".repeat(64))), null),
				ReportDigest.of(SHIJIAZHUANG, YEAR, 1, FIGURES, 500, 500, "c".repeat(64),
						List.of(ChildReport.signed(CHANG_AN, 1, 400, "b".repeat(64))), null),
				ReportDigest.of(SHIJIAZHUANG, YEAR, 1, FIGURES, 500, 500, SEAL,
						List.of(ChildReport.signed(CHANG_AN, 2, 400, "d".repeat(64))), null)))
			.doesNotContain(base)
			.doesNotHaveDuplicates();
	}

	@Test
	void aReSignIsANewVersionThatNamesThePreviousDigest() {
		AnnualReportSignedOff first = countySigned(1, FIGURES, 500, null);
		Map<String, Long> amended = new TreeMap<>(FIGURES);
		amended.put("newEnrollments", 31L);
		amended.put("newEnrollments.sector.CONSTRUCTION", 31L);
		amended.put("activeMembers", 121L);
		this.fixture.given(first)
			.when(county(amended, 650, null))
			.expectEvents(countySigned(2, amended, 650, first.reportDigest()));
	}

	@Test
	void anAmendedReportMustBeComputedAfterThePreviousVersion() {
		this.fixture.given(countySigned(1, FIGURES, 500, null))
			.when(county(FIGURES, 500, null))
			.expectException(violationOf("globalPosition", Rule.POSITION_NOT_AFTER_PREVIOUS))
			.expectNoEvents();
	}

	@Test
	void theYearMustHaveEnded() {
		this.fixture.givenNoPriorActivity()
			.when(new SignOffAnnualReport(ReportId.of(CHANG_AN, 2026), CHANG_AN, 2026, FIGURES, 500, 500, SEAL,
					List.of(), List.of(), null, SIGNER))
			.expectException(violationOf("statisticalYear", Rule.YEAR_NOT_ENDED))
			.expectNoEvents();
	}

	@Test
	void theYearMustBePlausible() {
		this.fixture.givenNoPriorActivity()
			.when(new SignOffAnnualReport(ReportId.of(CHANG_AN, 1900), CHANG_AN, 1900, FIGURES, 500, 500, SEAL,
					List.of(), List.of(), null, SIGNER))
			.expectException(violationOf("statisticalYear", Rule.YEAR_OUT_OF_RANGE))
			.expectNoEvents();
	}

	@Test
	void theIdMustNameTheJurisdictionAndYear() {
		this.fixture.givenNoPriorActivity()
			.when(new SignOffAnnualReport(ReportId.of(CHANG_AN, 2024), CHANG_AN, YEAR, FIGURES, 500, 500, SEAL,
					List.of(), List.of(), null, SIGNER))
			.expectException(violationOf("reportId", Rule.REQUIRED))
			.expectNoEvents();
	}

	@Test
	void theJurisdictionMustBeInTheDivisionTable() {
		JurisdictionCode unknown = JurisdictionCode.of("1399");
		this.fixture.givenNoPriorActivity()
			.when(new SignOffAnnualReport(ReportId.of(unknown, YEAR), unknown, YEAR, FIGURES, 500, 500, SEAL, List.of(),
					List.of(), null, SIGNER))
			.expectException(violationOf("jurisdictionCode", Rule.JURISDICTION_NOT_IN_TABLE))
			.expectNoEvents();
	}

	@Test
	void figuresArePositive() {
		this.fixture.givenNoPriorActivity()
			.when(county(Map.of("activeMembers", 0L), 500, null))
			.expectException(violationOf("figures", Rule.FIGURE_INVALID))
			.expectNoEvents();
	}

	@Test
	void figuresAreNeverNegative() {
		this.fixture.givenNoPriorActivity()
			.when(county(Map.of("activeMembers", -3L), 500, null))
			.expectException(violationOf("figures", Rule.FIGURE_INVALID))
			.expectNoEvents();
	}

	@Test
	void figureNamesAreDottedWords() {
		this.fixture.givenNoPriorActivity()
			.when(county(Map.of("$where", 1L), 500, null))
			.expectException(violationOf("figures", Rule.FIGURE_INVALID))
			.expectNoEvents();
	}

	@Test
	void thePositionIsPositive() {
		this.fixture.givenNoPriorActivity()
			.when(new SignOffAnnualReport(ReportId.of(CHANG_AN, YEAR), CHANG_AN, YEAR, FIGURES, 0, 10, SEAL, List.of(),
					List.of(), null, SIGNER))
			.expectException(violationOf("globalPosition", Rule.POSITION_INVALID))
			.expectNoEvents();
	}

	@Test
	void theSealMustCoverEveryEventCounted() {
		this.fixture.givenNoPriorActivity()
			.when(new SignOffAnnualReport(ReportId.of(CHANG_AN, YEAR), CHANG_AN, YEAR, FIGURES, 500, 499, SEAL,
					List.of(), List.of(), null, SIGNER))
			.expectException(violationOf("sealedThrough", Rule.SEAL_DOES_NOT_COVER_POSITION))
			.expectNoEvents();
	}

	@Test
	void theSealDigestIsASha256InHex() {
		this.fixture.givenNoPriorActivity()
			.when(new SignOffAnnualReport(ReportId.of(CHANG_AN, YEAR), CHANG_AN, YEAR, FIGURES, 500, 500, "not-hex",
					List.of(), List.of(), null, SIGNER))
			.expectException(violationOf("sealDigest", Rule.DIGEST_INVALID))
			.expectNoEvents();
	}

	@Test
	void aCommentHasAnUpperBound() {
		this.fixture.givenNoPriorActivity()
			.when(county(FIGURES, 500, "x".repeat(1001)))
			.expectException(violationOf("comment", Rule.COMMENT_TOO_LONG))
			.expectNoEvents();
	}

	@Test
	void aCityIncludesTheDigestsOfItsSignedCountiesAndTheExemptOnes() {
		ChildReport changAn = ChildReport.signed(CHANG_AN, 1, 400, "b".repeat(64));
		List<ChildReport> children = cityChildren(changAn);
		String digest = ReportDigest.of(SHIJIAZHUANG, YEAR, 1, FIGURES, 500, 500, SEAL, children, null);
		this.fixture.givenNoPriorActivity()
			.when(city(children, 500))
			.expectEvents(new AnnualReportSignedOff(ReportId.of(SHIJIAZHUANG, YEAR), SHIJIAZHUANG, YEAR, 1, FIGURES,
					500, 500, SEAL, children, null, digest, "checked against the county reports", NOW,
					new RecordedBy("sjz-admin")));
	}

	@Test
	void aParentCannotSignWhileAChildHasNotSigned() {
		List<ChildReport> children = cityChildren(ChildReport.signed(CHANG_AN, 1, 400, "b".repeat(64)));
		children.removeIf((child) -> child.code().equals(QIAO_XI));
		this.fixture.givenNoPriorActivity()
			.when(city(children, 500))
			.expectException(violationOf("children", Rule.CHILD_NOT_SIGNED))
			.expectExceptionMessage("130104 (桥西区) has not signed its report for the year")
			.expectNoEvents();
	}

	@Test
	void aParentCannotSignOverAChildsReportWithOpenFlags() {
		List<ChildReport> children = cityChildren(ChildReport.signed(CHANG_AN, 1, 400, "b".repeat(64)));
		this.fixture.givenNoPriorActivity()
			.when(new SignOffAnnualReport(ReportId.of(SHIJIAZHUANG, YEAR), SHIJIAZHUANG, YEAR, FIGURES, 500, 500, SEAL,
					children, List.of(CHANG_AN), null, new RecordedBy("sjz-admin")))
			.expectException(violationOf("children", Rule.CHILD_REPORT_FLAGGED))
			.expectNoEvents();
	}

	@Test
	void aCountyHasNoChildren() {
		this.fixture.givenNoPriorActivity()
			.when(new SignOffAnnualReport(ReportId.of(CHANG_AN, YEAR), CHANG_AN, YEAR, FIGURES, 500, 500, SEAL,
					List.of(ChildReport.exempt(QIAO_XI)), List.of(), null, SIGNER))
			.expectException(violationOf("children", Rule.CHILD_UNKNOWN))
			.expectNoEvents();
	}

	@Test
	void aChildFromElsewhereIsRefused() {
		List<ChildReport> elsewhere = cityChildren();
		elsewhere.add(ChildReport.exempt(JurisdictionCode.of("130602")));
		this.fixture.givenNoPriorActivity()
			.when(city(elsewhere, 500))
			.expectException(violationOf("children", Rule.CHILD_UNKNOWN))
			.expectNoEvents();
	}

	@Test
	void aChildNamedTwiceIsRefused() {
		List<ChildReport> twice = cityChildren();
		twice.add(ChildReport.signed(CHANG_AN, 1, 400, "b".repeat(64)));
		this.fixture.givenNoPriorActivity()
			.when(city(twice, 500))
			.expectException(violationOf("children", Rule.CHILD_UNKNOWN))
			.expectNoEvents();
	}

	@Test
	void aChildsReportMustBeComputedNoLaterThanTheParents() {
		this.fixture.givenNoPriorActivity()
			.when(city(cityChildren(ChildReport.signed(CHANG_AN, 1, 501, "b".repeat(64))), 500))
			.expectException(violationOf("children", Rule.CHILD_REPORT_INVALID))
			.expectNoEvents();
	}

	@Test
	void aSignedChildNeedsItsDigestAndAnExemptOneHasNone() {
		this.fixture.givenNoPriorActivity()
			.when(city(cityChildren(ChildReport.signed(CHANG_AN, 1, 400, null)), 500))
			.expectException(violationOf("children", Rule.CHILD_REPORT_INVALID))
			.expectNoEvents();
	}

	@Test
	void anExemptChildHasNoVersion() {
		this.fixture.givenNoPriorActivity()
			.when(city(cityChildren(new ChildReport(CHANG_AN, ChildReportStatus.EXEMPT_NO_FIGURES, 1, 0, null)), 500))
			.expectException(violationOf("children", Rule.CHILD_REPORT_INVALID))
			.expectNoEvents();
	}

	@Test
	void reportIdsHaveAStableShape() {
		assertThat(ReportId.of(SHIJIAZHUANG, 2026)).hasToString("report:1301:2026");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReportId("report:13x:2026"));
	}

}
