package org.unionledger.projections.annualreports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.consistency.ReferenceStatistics;
import org.unionledger.projections.statistics.Feeder;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.LedgerStory;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.signoff.Events.AnnualReportSignedOff;
import org.unionledger.annualreports.ReportDigest;
import org.unionledger.annualreports.ReportId;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

/**
 * Flags against a brute-force replay, on random lawful streams (every event kind,
 * backdated and late entries, transfers, services, distinct members): every jurisdiction
 * signs every year a third of the way through (figures computed just before) and again
 * two thirds through (figures computed three events before the signature). At the end,
 * for every figure of every signed report: with an open flag, the flag's current value is
 * the replay's value now; without one, the replay's value now is the signed value. So no
 * change is missed and no value is wrong.
 */
class FlagsAgreeWithReplayTest {

	private static final StatisticalCalendar CALENDAR = StatisticalCalendar.ACFTU;

	private static final RecordedBy SIGNER = new RecordedBy("admin");

	private static final String SEAL = "e".repeat(64);

	private static final UnionPlacement CHANGAN_SITE = new UnionPlacement(new UnionId("changan-site"),
			JurisdictionCode.of("130102"), UnionType.PROJECT_SITE, Sector.CONSTRUCTION);

	@ParameterizedTest(name = "story {0}")
	@ValueSource(longs = { 1, 2, 3, 4 })
	void everyFlagHasTheReplaysValueAndEveryUnflaggedFigureIsAsSigned(long seed) {
		// odd stories have unions moving to other jurisdictions
		List<Object> base = new ArrayList<>(
				(seed % 2 == 1) ? LedgerStory.generateWithMoves(seed, 450) : LedgerStory.generate(seed, 450));
		// a member enrolled at the very end, effective before every signed year: it
		// changes
		// the stocks of every later year, though it lies in none of them
		base.add(new MemberEnrolled(new MemberId("m-late"), new EncryptedPersonalData("pd-1", "c2VhbGVk"), CHANGAN_SITE,
				EnrollmentChannel.IMPORT, LocalDate.of(2024, 9, 15), Instant.parse("2027-09-01T02:00:00Z"), SIGNER));
		ReferenceStatistics all = new ReferenceStatistics(CALENDAR, LedgerStory.ZONE);
		base.forEach(all::add);
		Set<Integer> years = all.years();
		Set<String> codes = new TreeSet<>();
		for (int year : years) {
			all.figures(year, CALENDAR.lastDay(year), null)
				.keySet()
				.stream()
				.filter((scope) -> scope.startsWith("J:"))
				.forEach((scope) -> codes.add(scope.substring(2)));
		}
		List<Object> stream = new ArrayList<>();
		Map<String, AnnualReportSignedOff> latest = new HashMap<>();
		int first = base.size() / 3;
		int second = 2 * base.size() / 3;
		for (int i = 0; i < base.size(); i++) {
			if (i == first || i == second) {
				int window = (i == second) ? 3 : 0;
				long computedAt = stream.size() - window;
				ReferenceStatistics prefix = new ReferenceStatistics(CALENDAR, LedgerStory.ZONE);
				stream.subList(0, (int) computedAt).forEach(prefix::add);
				LocalDate clock = stream.stream()
					.map(FlagsAgreeWithReplayTest::recordedDay)
					.filter(java.util.Objects::nonNull)
					.max(LocalDate::compareTo)
					.orElseThrow();
				for (int year : years) {
					if (seed % 2 == 1 && !CALENDAR.lastDay(year).isBefore(clock)) {
						// as the ledger has it, a year is signed once it has ended: a
						// union's
						// move (effective after the day it is recorded) never changes a
						// signed
						// year
						continue;
					}
					Map<String, Map<String, Long>> figures = prefix.figures(year, CALENDAR.lastDay(year), null);
					for (String code : codes) {
						stream.add(signed(latest, code, year, figures.getOrDefault("J:" + code, Map.of()), computedAt));
					}
				}
			}
			stream.add(base.get(i));
		}
		int flagged = check(stream, latest, all, new Random(seed), "story " + seed);
		assertThat(flagged).as("the story changes signed figures").isPositive();
	}

	/**
	 * Feeds the stream in random batches and checks every signed report: each open flag
	 * has the signed value and the replay's current value, every other figure is as
	 * signed. Returns the number of open flags.
	 */
	private static int check(List<Object> stream, Map<String, AnnualReportSignedOff> latest, ReferenceStatistics all,
			Random random, String story) {
		AnnualReportProjection reports = new AnnualReportProjection(null, CALENDAR);
		Feeder feeder = new Feeder(new StatisticsProjection(null, CALENDAR, LedgerStory.ZONE, reports), reports);
		for (int from = 0; from < stream.size();) {
			int to = Math.min(stream.size(), from + 1 + random.nextInt(40));
			feeder.batch(stream, from, to);
			from = to;
		}

		AnnualReportQueryHandler queries = new AnnualReportQueryHandler(feeder.store);
		int flagged = 0;
		int compared = 0;
		for (AnnualReportSignedOff signed : latest.values()) {
			AnnualReportView view = queries
				.handle(new FindAnnualReports(List.of(signed.jurisdictionCode()), signed.statisticalYear()))
				.of(signed.jurisdictionCode())
				.orElseThrow();
			assertThat(view.version()).isEqualTo(signed.version());
			Map<String, Long> now = all
				.figures(signed.statisticalYear(), CALENDAR.lastDay(signed.statisticalYear()), null)
				.getOrDefault("J:" + signed.jurisdictionCode().value(), Map.of());
			Map<String, AnnualReportView.Flag> open = new TreeMap<>();
			view.openFlags().forEach((flag) -> open.put(flag.figure(), flag));
			assertThat(open).doesNotContainKey(null);
			Set<String> figures = new TreeSet<>(now.keySet());
			figures.addAll(view.figures().keySet());
			figures.addAll(open.keySet());
			for (String figure : figures) {
				long signedValue = view.figures().getOrDefault(figure, 0L);
				long current = now.getOrDefault(figure, 0L);
				AnnualReportView.Flag flag = open.get(figure);
				String what = signed.jurisdictionCode() + " " + signed.statisticalYear() + " " + figure;
				if (flag != null) {
					assertThat(flag.signedValue()).as(what + " signed").isEqualTo(signedValue);
					assertThat(flag.currentValue()).as(what + " current").isEqualTo(current);
					assertThat(flag.events()).as(what + " events").isNotEmpty();
					flagged++;
				}
				else {
					assertThat(current).as(what + " changed without a flag").isEqualTo(signedValue);
				}
				compared++;
			}
		}
		System.out.println(story + ": " + latest.size() + " reports, " + compared + " figures compared, " + flagged
				+ " open flags");
		return flagged;
	}

	@Test
	void aLateEntryBeforeAUnionsMoveFlagsTheYearWhereTheUnionStandsAtItsEnd() {
		LocalDate movesOn = LocalDate.of(2025, 3, 1);
		int year = CALENDAR.yearOf(movesOn);
		UnionPlacement moved = new UnionPlacement(CHANGAN_SITE.unionId(), JurisdictionCode.of("130602"),
				CHANGAN_SITE.type(), CHANGAN_SITE.sector());
		EncryptedPersonalData sealed = new EncryptedPersonalData("pd-1", "c2VhbGVk");
		List<Object> stream = new ArrayList<>();
		stream.add(new org.unionledger.union.Events.UnionRegistered(CHANGAN_SITE, "长安区建筑项目工会", LocalDate.of(2023, 1, 1),
				Instant.parse("2023-01-01T02:00:00Z"), SIGNER));
		stream.add(new MemberEnrolled(new MemberId("m-1"), sealed, CHANGAN_SITE, EnrollmentChannel.ON_SITE,
				LocalDate.of(2023, 6, 1), Instant.parse("2023-06-01T02:00:00Z"), SIGNER));
		stream.add(new org.unionledger.union.Events.UnionMoved(moved, CHANGAN_SITE.jurisdictionCode(), "2023", null,
				movesOn, Instant.parse("2025-02-20T02:00:00Z"), SIGNER));
		ReferenceStatistics before = new ReferenceStatistics(CALENDAR, LedgerStory.ZONE);
		stream.forEach(before::add);
		Map<String, AnnualReportSignedOff> latest = new HashMap<>();
		Map<String, Map<String, Long>> figures = before.figures(year, CALENDAR.lastDay(year), null);
		long computedAt = stream.size();
		for (String code : List.of("130102", "1301", "130602", "1306")) {
			stream.add(signed(latest, code, year, figures.getOrDefault("J:" + code, Map.of()), computedAt));
		}
		// entered after the year was signed, effective before the move
		stream.add(new MemberEnrolled(new MemberId("m-2"), sealed, CHANGAN_SITE, EnrollmentChannel.IMPORT,
				movesOn.minusDays(20), CALENDAR.lastDay(year).plusDays(40).atStartOfDay(LedgerStory.ZONE).toInstant(),
				SIGNER));
		ReferenceStatistics all = new ReferenceStatistics(CALENDAR, LedgerStory.ZONE);
		stream.forEach(all::add);
		assertThat(all.figures(year, CALENDAR.lastDay(year), null).get("J:1306")).containsEntry(Figures.ACTIVE, 2L);
		int flagged = check(stream, latest, all, new Random(5), "a union's move");
		assertThat(flagged).as("the year where the union stands at its end is flagged").isPositive();
	}

	private static LocalDate recordedDay(Object event) {
		if (event instanceof org.unionledger.membership.MembershipEvent e) {
			return e.recordedAt().atZone(LedgerStory.ZONE).toLocalDate();
		}
		if (event instanceof org.unionledger.union.UnionEvent e) {
			return e.recordedAt().atZone(LedgerStory.ZONE).toLocalDate();
		}
		return null;
	}

	private static AnnualReportSignedOff signed(Map<String, AnnualReportSignedOff> latest, String code, int year,
			Map<String, Long> figures, long computedAt) {
		JurisdictionCode jurisdiction = JurisdictionCode.of(code);
		AnnualReportSignedOff previous = latest.get(code + ":" + year);
		int version = (previous != null) ? previous.version() + 1 : 1;
		String before = (previous != null) ? previous.reportDigest() : null;
		Map<String, Long> copy = new TreeMap<>(figures);
		String digest = ReportDigest.of(jurisdiction, year, version, copy, computedAt, computedAt, SEAL, List.of(),
				before);
		AnnualReportSignedOff event = new AnnualReportSignedOff(ReportId.of(jurisdiction, year), jurisdiction, year,
				version, copy, computedAt, computedAt, SEAL, List.of(), before, digest, null,
				Instant.parse("2027-01-01T00:00:00Z"), SIGNER);
		latest.put(code + ":" + year, event);
		return event;
	}

}
