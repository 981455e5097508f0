package org.unionledger.seeds;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.Test;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.RecordedOn;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.targets.Commands.SetEnrollmentTarget;
import org.unionledger.targets.TargetSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo tells a story (issue 15): targets of both kinds for the last ended and the
 * current statistical year, each set by the level that owns it, some amended; admins at
 * city and county level; and a history recorded day by day near the days things happened,
 * with some late entries and some backdated into the ended year after it closed.
 */
class SeedStoryTest {

	private static final SeedPlan DEMO = SeedPlan.generate(20210501L);

	private static final StatisticalCalendar CALENDAR = StatisticalCalendar.ACFTU;

	@Test
	void targetsOfBothKindsForThisAndLastYearAreSetByTheLevelThatOwnsThem() {
		List<TargetSeed> targets = DEMO.targets();
		for (int year : List.of(2026, 2027)) {
			for (TargetSource source : TargetSource.values()) {
				assertThat(targets).as("%s %s", year, source)
					.anySatisfy((t) -> assertThat(t.statisticalYear() == year && t.source() == source).isTrue());
			}
			Set<String> assignedCities = targets.stream()
				.filter((t) -> t.statisticalYear() == year && t.source() == TargetSource.ASSIGNED
						&& t.jurisdictionCode().value().length() == 4)
				.map((t) -> t.jurisdictionCode().value())
				.collect(Collectors.toSet());
			assertThat(assignedCities).containsExactlyInAnyOrder("1301", "1302", "1306");
		}
		for (TargetSeed target : targets) {
			String code = target.jurisdictionCode().value();
			String owner = (target.source() == TargetSource.SELF_SET) ? code
					: (code.length() == 6) ? code.substring(0, 4) : code.substring(0, 2);
			assertThat(target.setBy()).as(target.toString()).isEqualTo(SeedPlan.adminOf(owner));
			assertThat(target.target()).as(target.toString()).isPositive();
			assertThat(CALENDAR.yearOf(target.effectiveDate())).as(target.toString())
				.isEqualTo(target.statisticalYear());
			assertThat(target.effectiveDate()).isBeforeOrEqualTo(SeedPlan.WINDOW_END);
		}
		// Amendments: a later entry for the same target changes its value (one event
		// each).
		Map<String, Long> last = new HashMap<>();
		int amendments = 0;
		for (TargetSeed target : targets) {
			String key = target.jurisdictionCode() + ":" + target.statisticalYear() + ":" + target.source();
			Long previous = last.put(key, target.target());
			if (previous != null) {
				amendments++;
				assertThat(target.target()).as(key).isNotEqualTo(previous);
			}
		}
		assertThat(amendments).isGreaterThanOrEqualTo(2);
		assertThat(targets).isSortedAccordingTo(java.util.Comparator.comparing(TargetSeed::effectiveDate));
	}

	@Test
	void cityAndCountyAdminsAreAmongTheDemoUsers() {
		Map<String, String> admins = DEMO.jurisdictionAdmins();
		assertThat(admins).containsEntry("1301", "sjz-admin")
			.containsEntry("1302", "ts-admin")
			.containsEntry("1306", "bd-admin")
			.containsEntry("130102", "admin-130102");
		Set<String> counties = DEMO.unions()
			.stream()
			.map((u) -> u.jurisdictionCode().value())
			.collect(Collectors.toSet());
		assertThat(admins.keySet()).containsAll(counties);
		assertThat(counties).hasSizeGreaterThanOrEqualTo(15);
		// The users' list does not depend on the number of members.
		assertThat(SeedPlan.generate(20210501L, 100).jurisdictionAdmins()).isEqualTo(admins);
	}

	@Test
	void historyIsRecordedNearTheDaysThingsHappenedWithSomeLateAndSomeBackdatedIntoTheClosedYear() {
		int steps = 0;
		int nearby = 0;
		int late = 0;
		int afterTheYearClosed = 0;
		for (MemberSeed member : DEMO.members()) {
			List<LocalDate> days = RecordedDays.of(member);
			assertThat(days).hasSameSizeAs(member.steps()).isSorted();
			for (int i = 0; i < days.size(); i++) {
				LocalDate effective = member.steps().get(i).effectiveDate();
				long delay = ChronoUnit.DAYS.between(effective, days.get(i));
				assertThat(delay).isNotNegative();
				steps++;
				nearby += (delay <= 3) ? 1 : 0;
				late += (delay > 30) ? 1 : 0;
			}
			if (RecordedDays.backdatedIntoSignedYear(member)) {
				afterTheYearClosed++;
				assertThat(CALENDAR.yearOf(member.enrollment().effectiveDate())).isEqualTo(RecordedDays.SIGNED_YEAR);
				assertThat(days.get(0)).isAfter(RecordedDays.SIGNED_ON);
			}
		}
		assertThat(nearby).as("steps recorded within 3 days").isGreaterThan(steps * 8 / 10);
		assertThat(late).as("steps recorded more than 30 days late").isGreaterThan(steps / 100);
		assertThat(afterTheYearClosed).as("enrollments of %d recorded after it closed", RecordedDays.SIGNED_YEAR)
			.isGreaterThanOrEqualTo(10);
		Set<LocalDate> distinct = DEMO.members()
			.stream()
			.map((m) -> RecordedDays.of(m).get(0))
			.collect(Collectors.toSet());
		assertThat(distinct).as("recorded days spread over the window").hasSizeGreaterThan(400);
	}

	@Test
	void theLoaderSendsEachCommandWithItsRecordingDayAndTheTargetsAsTheirOwners() {
		SeedPlan plan = SeedPlan.generate(11L, 200);
		RecordingGateway gateway = new RecordingGateway();
		new SeedLoader(gateway, gateway, new TestUseCases(), new RecordedBy("seed-loader"), 90)
			.recordedOnPlannedDays(true)
			.load(plan);
		List<Object> sent = gateway.sent();
		assertThat(sent).hasSize(plan.commandCount()).allMatch(CommandMessage.class::isInstance);
		for (Object command : sent) {
			assertThat(((CommandMessage<?>) command).getMetaData()).containsKey(RecordedOn.METADATA_KEY);
		}
		CommandMessage<?> first = sent.stream()
			.map((c) -> (CommandMessage<?>) c)
			.filter((c) -> c.getPayload() instanceof EnrollMember)
			.findFirst()
			.orElseThrow();
		MemberSeed member = plan.members().get(0);
		assertThat(first.getMetaData().get(RecordedOn.METADATA_KEY))
			.isEqualTo(RecordedDays.of(member).get(0).toString());
		List<SetEnrollmentTarget> targets = sent.stream()
			.map((c) -> ((CommandMessage<?>) c).getPayload())
			.filter(SetEnrollmentTarget.class::isInstance)
			.map(SetEnrollmentTarget.class::cast)
			.toList();
		assertThat(targets).hasSameSizeAs(plan.targets());
		for (int i = 0; i < targets.size(); i++) {
			assertThat(targets.get(i).recordedBy().value()).isEqualTo(plan.targets().get(i).setBy());
			assertThat(targets.get(i).target()).isEqualTo(plan.targets().get(i).target());
		}
		// Loading again sends nothing, targets and amendments included.
		gateway.forgetSent();
		new SeedLoader(gateway, gateway, new TestUseCases(), new RecordedBy("seed-loader"), 90)
			.recordedOnPlannedDays(true)
			.load(plan);
		assertThat(gateway.sent()).isEmpty();
	}

	@Test
	void membersRecordedAfterTheYearWasSignedAreLoadedApartAndTheirServicesWithThem() {
		SeedPlan plan = SeedPlan.generate(20210501L, 400);
		java.util.function.Predicate<MemberSeed> deferred = RecordedDays::backdatedIntoSignedYear;
		assertThat(plan.members()).anyMatch(deferred);
		RecordingGateway gateway = new RecordingGateway();
		SeedLoader loader = new SeedLoader(gateway, gateway, new TestUseCases(), new RecordedBy("seed-loader"), 90)
			.recordedOnPlannedDays(true);
		loader.load(plan, deferred.negate());
		int deferredSteps = plan.members().stream().filter(deferred).mapToInt((m) -> m.steps().size()).sum();
		long deferredServices = plan.services()
			.stream()
			.filter((service) -> service.member() != null && deferred.test(service.member()))
			.count();
		assertThat(gateway.sent()).hasSize(plan.commandCount() - deferredSteps - (int) deferredServices);
		gateway.forgetSent();
		SeedReport late = loader.load(plan, deferred);
		assertThat(late.stepsRun()).isEqualTo(deferredSteps + (int) deferredServices);
		for (Object command : gateway.sent()) {
			Object day = ((CommandMessage<?>) command).getMetaData().get(RecordedOn.METADATA_KEY);
			if (((CommandMessage<?>) command).getPayload() instanceof EnrollMember) {
				assertThat(LocalDate.parse((String) day)).isAfter(RecordedDays.SIGNED_ON);
			}
		}
		gateway.forgetSent();
		loader.load(plan);
		assertThat(gateway.sent()).isEmpty();
	}

}
