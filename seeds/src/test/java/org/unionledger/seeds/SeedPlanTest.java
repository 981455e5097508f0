package org.unionledger.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.unionledger.identity.ResidentId;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.membership.MemberId;
import org.unionledger.seeds.MemberSeed.Profile;
import org.unionledger.service.Campaign;
import org.unionledger.service.ServiceType;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionType;

class SeedPlanTest {

	private static final long SEED = 20260101L;

	private static final SeedPlan PLAN = SeedPlan.generate(SEED);

	private static final JurisdictionTable TABLE = JurisdictionTable.bundled();

	private final SeedUseCases crypto = new TestUseCases();

	@Test
	void theSameSeedGivesTheSamePlan() {
		assertThat(SeedPlan.generate(SEED)).isEqualTo(PLAN);
		assertThat(SeedPlan.generate(SEED + 1)).isNotEqualTo(PLAN);
	}

	@Test
	void figuresAreAsPlanned() {
		SeedPlan.Figures figures = PLAN.figures();
		assertThat(PLAN.unions()).hasSizeBetween(28, 34);
		assertThat(figures.unionsPerCity()).containsOnlyKeys("1301", "1302", "1306");
		assertThat(figures.unionsPerCity().get("1301")).isGreaterThan(figures.unionsPerCity().get("1302"));
		assertThat(figures.unionsDissolved()).isBetween(1, 2);
		assertThat(figures.members()).isEqualTo(3000);
		assertThat(figures.count(Profile.TRANSFERS_TO_OTHER_CITY)).isEqualTo(300);
		assertThat(figures.expiredCredentials()).isEqualTo(60);
		assertThat(figures.count(Profile.LATE_ACCEPTANCE_REFUSED)).isBetween(3, 20);
		assertThat(figures.count(Profile.PUT_ON_HOLD)).isEqualTo(90);
		assertThat(figures.count(Profile.TERMINATED)).isEqualTo(30);
		assertThat(figures.count(Profile.DUPLICATE_ATTEMPT)).isBetween(3, 30);
		assertThat(figures.legacyIds()).isBetween(3, 15);
		assertThat(figures.lowerCaseX()).isBetween(3, 15);
		assertThat(figures.services()).isBetween(200, 500);
		assertThat(figures.servicesToMembers()).isPositive().isLessThan(figures.services());
		assertThat(SeedPlan.generate(SEED, 200).members()).hasSize(200);
	}

	@Test
	void everyResidentIdIsValidAndEveryPersonHasTheirOwnMemberId() {
		Set<MemberId> memberIds = new HashSet<>();
		for (MemberSeed member : PLAN.members()) {
			ResidentId id = ResidentId.parse(member.residentIdAsWritten(), SeedPlan.WINDOW_END);
			assertThat(memberIds.add(this.crypto.memberIdOf(id))).as("member #%d", member.number()).isTrue();
			for (MemberStep step : member.steps()) {
				if (step instanceof MemberStep.DuplicateEnrollment duplicate) {
					ResidentId again = ResidentId.parse(duplicate.residentIdAsWritten(), SeedPlan.WINDOW_END);
					assertThat(this.crypto.memberIdOf(again)).isEqualTo(this.crypto.memberIdOf(id));
				}
			}
		}
		assertThat(memberIds).hasSize(PLAN.members().size());
	}

	@Test
	void duplicateAttemptsUseAnotherSpellingWhereTheIdHasOne() {
		long respelled = PLAN.members()
			.stream()
			.flatMap((member) -> member.steps().stream())
			.filter((step) -> step instanceof MemberStep.DuplicateEnrollment duplicate
					&& (duplicate.residentIdAsWritten().length() == 15
							|| duplicate.residentIdAsWritten().endsWith("x")))
			.count();
		assertThat(respelled).isPositive();
	}

	@Test
	void noSyntheticAddressCodeExistsInTheDivisionTable() {
		Set<String> addressCodes = new HashSet<>(HebeiCatalogue.SYNTHETIC_ADDRESS_CODES);
		PLAN.members().forEach((member) -> addressCodes.add(member.residentIdAsWritten().substring(0, 6)));
		assertThat(addressCodes).isNotEmpty();
		for (String code : addressCodes) {
			assertThat(TABLE.find(JurisdictionCode.of(code))).as(code).isEmpty();
			assertThat(TABLE.find(JurisdictionCode.of(code.substring(0, 4)))).as(code).isEmpty();
			assertThat(TABLE.find(JurisdictionCode.of(code.substring(0, 2)))).as(code).isPresent();
		}
	}

	@Test
	void membersAreAdultsOfWorkingAge() {
		LocalDate reference = LocalDate.of(2026, 1, 1);
		for (MemberSeed member : PLAN.members()) {
			LocalDate born = ResidentId.parse(member.residentIdAsWritten(), SeedPlan.WINDOW_END).birthDate();
			assertThat(Period.between(born, reference).getYears()).isBetween(18, 60);
		}
	}

	@Test
	void unionsSitUnderCountyLevelUnitsAndCoverEveryTypeAndFocusSector() {
		Set<String> shijiazhuang = new HashSet<>();
		for (UnionSeed union : PLAN.unions()) {
			assertThat(TABLE.isCountyLevel(union.jurisdictionCode())).as(union.unionId().value()).isTrue();
			assertThat(union.jurisdictionCode().value()).startsWith("13");
			assertThat(union.establishedOn()).isBetween(LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31));
			if (union.dissolves()) {
				assertThat(union.dissolvedOn()).isBetween(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31));
			}
			if (union.cityCode().value().equals("1301")) {
				shijiazhuang.add(union.jurisdictionCode().value());
			}
		}
		assertThat(shijiazhuang).containsExactlyInAnyOrder("130102", "130104", "130105", "130108", "130171", "130172");
		assertThat(PLAN.unions()).extracting(UnionSeed::type).containsAll(EnumSet.allOf(UnionType.class));
		assertThat(PLAN.unions()).extracting(UnionSeed::sector).containsAll(EnumSet.allOf(Sector.class));
		assertThat(PLAN.unions()).extracting(UnionSeed::unionId).doesNotHaveDuplicates();
	}

	@Test
	void everyScriptMovesForwardInTimeInsideTheWindow() {
		for (MemberSeed member : PLAN.members()) {
			LocalDate previous = SeedPlan.WINDOW_START.minusDays(1);
			for (MemberStep step : member.steps()) {
				assertThat(step.effectiveDate()).as("member #%d", member.number()).isAfter(previous);
				previous = step.effectiveDate();
			}
			assertThat(previous).isBeforeOrEqualTo(SeedPlan.WINDOW_END);
		}
		assertThat(PLAN.members()).extracting((member) -> member.enrollment().effectiveDate()).isSorted();
	}

	@Test
	void noStepHappensAtAUnionThatIsNotOpen() {
		Map<UnionId, UnionSeed> unions = unionsById();
		for (MemberSeed member : PLAN.members()) {
			for (int i = 0; i < member.steps().size(); i++) {
				MemberStep step = member.steps().get(i);
				assertThat(unions.get(step.unionId()).isOpenOn(step.effectiveDate()))
					.as("member #%d step %d", member.number(), i + 1)
					.isTrue();
				if (step instanceof MemberStep.IssueCredential issue) {
					assertThat(unions.get(issue.toUnionId()).isOpenOn(issue.effectiveDate())).isTrue();
				}
				if (step instanceof MemberStep.PutOnHold || step instanceof MemberStep.Terminate
						|| step instanceof MemberStep.IssueCredential) {
					Optional<UnionId> holding = member.activeUnionOn(member.steps().get(i - 1).effectiveDate());
					assertThat(holding).contains(step.unionId());
				}
			}
		}
	}

	@Test
	void membersOfADissolvedUnionLeaveItBeforeItCloses() {
		Map<UnionId, UnionSeed> unions = unionsById();
		for (MemberSeed member : PLAN.members()) {
			UnionId last = member.activeUnionOn(SeedPlan.WINDOW_END).orElse(null);
			if (last != null) {
				assertThat(unions.get(last).dissolves()).as("member #%d", member.number()).isFalse();
			}
		}
		assertThat(PLAN.figures().count(Profile.RELOCATED_BEFORE_DISSOLUTION)).isPositive();
	}

	@Test
	void transfersAndCredentialsFollowTheirProfiles() {
		Map<UnionId, UnionSeed> unions = unionsById();
		for (MemberSeed member : PLAN.members()) {
			List<MemberStep> steps = member.steps();
			switch (member.profile()) {
				case TRANSFERS_TO_OTHER_CITY, RELOCATED_BEFORE_DISSOLUTION -> {
					MemberStep.IssueCredential issue = (MemberStep.IssueCredential) steps.get(1);
					MemberStep.AcceptTransfer accept = (MemberStep.AcceptTransfer) steps.get(2);
					assertThat(accept.code()).isEqualTo(issue.code());
					assertThat(accept.unionId()).isEqualTo(issue.toUnionId());
					assertThat(accept.afterExpiry()).isFalse();
					assertThat(accept.effectiveDate())
						.isBeforeOrEqualTo(issue.effectiveDate().plusDays(SeedPlan.LONGEST_ACCEPTANCE_DELAY_DAYS));
					boolean otherCity = !unions.get(issue.unionId())
						.cityCode()
						.equals(unions.get(issue.toUnionId()).cityCode());
					assertThat(otherCity).isEqualTo(member.profile() == Profile.TRANSFERS_TO_OTHER_CITY);
				}
				case CREDENTIAL_LAPSES, LATE_ACCEPTANCE_REFUSED -> {
					MemberStep.IssueCredential issue = (MemberStep.IssueCredential) steps.get(1);
					assertThat(issue.effectiveDate().getYear()).isEqualTo(2025);
					if (member.profile() == Profile.CREDENTIAL_LAPSES) {
						assertThat(steps).hasSize(2);
					}
					else {
						MemberStep.AcceptTransfer late = (MemberStep.AcceptTransfer) steps.get(2);
						assertThat(late.afterExpiry()).isTrue();
						assertThat(late.effectiveDate())
							.isAfterOrEqualTo(issue.effectiveDate().plusDays(SeedPlan.SHORTEST_LATE_PRESENTATION_DAYS));
					}
				}
				case DUPLICATE_ATTEMPT -> {
					MemberStep.DuplicateEnrollment duplicate = (MemberStep.DuplicateEnrollment) steps.get(1);
					assertThat(duplicate.unionId()).isNotEqualTo(member.enrollment().unionId());
				}
				default -> assertThat(steps).hasSizeLessThanOrEqualTo(2);
			}
		}
		assertThat(PLAN.members()).flatExtracting(MemberSeed::steps)
			.filteredOn(MemberStep.IssueCredential.class::isInstance)
			.extracting((step) -> ((MemberStep.IssueCredential) step).code())
			.doesNotHaveDuplicates();
	}

	@Test
	void servicesCoverEveryTypeAndCampaignInTheirSeasons() {
		Map<UnionId, UnionSeed> unions = unionsById();
		assertThat(PLAN.services()).extracting(ServiceSeed::type).containsAll(EnumSet.allOf(ServiceType.class));
		assertThat(PLAN.services()).extracting(ServiceSeed::campaign).containsAll(EnumSet.allOf(Campaign.class));
		for (int i = 0; i < PLAN.services().size(); i++) {
			ServiceSeed service = PLAN.services().get(i);
			assertThat(service.serviceId().value()).isEqualTo(String.format("seed-svc-%05d", i + 1));
			assertThat(service.deliveredOn()).isBetween(SeedPlan.WINDOW_START, SeedPlan.WINDOW_END);
			assertThat(unions.get(service.unionId()).isOpenOn(service.deliveredOn())).isTrue();
			assertThat(service.personTimes()).isBetween(1, 50);
			assertThat(service.amountYuan().scale()).isEqualTo(2);
			assertThat(service.amountYuan().signum()).isNotNegative();
			assertThat(service.campaign() != null).isEqualTo(service.type() == ServiceType.SEASONAL_CARE);
			if (service.campaign() != null) {
				assertThat(SeedPlanGenerator.monthsOf(service.campaign())).contains(service.deliveredOn().getMonth());
			}
			if (service.member() != null) {
				assertThat(service.personTimes()).isEqualTo(1);
				assertThat(service.member().activeUnionOn(service.deliveredOn())).contains(service.unionId());
			}
		}
		assertThat(PLAN.services()).extracting(ServiceSeed::member).containsNull();
	}

	@Test
	void textsLeaveOutIdsAndNames() {
		MemberSeed member = PLAN.members()
			.stream()
			.filter((candidate) -> candidate.profile() == Profile.DUPLICATE_ATTEMPT)
			.findFirst()
			.orElseThrow();
		String text = member + " " + PLAN.services();
		assertThat(text).doesNotContain(member.residentIdAsWritten().substring(6, 14)).doesNotContain(member.name());
	}

	private static Map<UnionId, UnionSeed> unionsById() {
		Map<UnionId, UnionSeed> unions = new HashMap<>();
		PLAN.unions().forEach((union) -> unions.put(union.unionId(), union));
		return unions;
	}

}
