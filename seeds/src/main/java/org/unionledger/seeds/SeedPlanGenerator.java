package org.unionledger.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import org.unionledger.identity.ResidentId;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.TerminationReason;
import org.unionledger.seeds.HebeiCatalogue.CityShare;
import org.unionledger.seeds.HebeiCatalogue.UnionEntry;
import org.unionledger.seeds.MemberSeed.Profile;
import org.unionledger.service.Campaign;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionType;

/**
 * Draws a {@link SeedPlan} from one {@link Random}. Every draw happens in a fixed order
 * and nothing iterates a hash-ordered collection, so a seed always gives the same plan.
 */
final class SeedPlanGenerator {

	private static final LocalDate START = SeedPlan.WINDOW_START;

	private static final LocalDate END = SeedPlan.WINDOW_END;

	/** At most 60 years old on 2026-01-01. */
	private static final LocalDate BORN_FROM = LocalDate.of(1965, 1, 2);

	/** At least 18 years old on the first day anyone enrolls. */
	private static final LocalDate BORN_UNTIL = LocalDate.of(2006, 12, 31);

	/** People born before this got their first ID as a 15-digit number. */
	private static final LocalDate LEGACY_BORN_BEFORE = LocalDate.of(1984, 1, 1);

	private static final LocalDate LAST_LAPSING_ENROLLMENT = LocalDate.of(2025, 10, 31);

	private static final LocalDate LAST_LAPSING_ISSUE = LocalDate.of(2025, 12, 31);

	private static final int MIN_MEMBERS = 100;

	private static final Predicate<UnionSeed> ANY = (union) -> true;

	private static final List<Campaign> CAMPAIGNS = List.of(Campaign.values());

	private static final String CODE_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private final long seed;

	private final int memberCount;

	private final Random random;

	private final Set<String> credentialCodes = new HashSet<>();

	private List<UnionSeed> unions;

	private Map<UnionId, UnionSeed> unionsById;

	SeedPlanGenerator(long seed, int memberCount) {
		if (memberCount < MIN_MEMBERS) {
			throw new IllegalArgumentException("a seed plan needs at least " + MIN_MEMBERS + " members");
		}
		this.seed = seed;
		this.memberCount = memberCount;
		this.random = new Random(seed);
	}

	SeedPlan generate() {
		this.unions = unions();
		this.unionsById = new HashMap<>();
		this.unions.forEach((union) -> this.unionsById.put(union.unionId(), union));
		List<Person> people = people();
		List<Profile> profiles = profiles();
		List<UnionSeed> closing = this.unions.stream().filter(UnionSeed::dissolves).toList();
		List<Draft> drafts = new ArrayList<>(this.memberCount);
		int relocations = 0;
		for (int i = 0; i < this.memberCount; i++) {
			Profile profile = profiles.get(i);
			UnionSeed from = (profile == Profile.RELOCATED_BEFORE_DISSOLUTION)
					? closing.get(relocations++ % closing.size()) : null;
			drafts.add(new Draft(people.get(i), profile, script(profile, people.get(i), from)));
		}
		spellSomeIdsTheOldWay(drafts);
		drafts.sort(Comparator.comparing((Draft draft) -> draft.steps.get(0).effectiveDate()));
		List<MemberSeed> members = new ArrayList<>(this.memberCount);
		for (Draft draft : drafts) {
			members.add(new MemberSeed(members.size() + 1, draft.writtenAs, draft.person.name(), draft.profile,
					draft.steps));
		}
		List<ServiceSeed> services = services(members);
		return new SeedPlan(this.seed, this.unions, members, services, targets(members));
	}

	private List<UnionSeed> unions() {
		List<UnionSeed> result = new ArrayList<>();
		for (UnionEntry entry : HebeiCatalogue.UNIONS) {
			LocalDate established;
			LocalDate dissolved = null;
			if (entry.dissolutionMonth() > 0) {
				established = day(LocalDate.of(2019, 1, 1), LocalDate.of(2023, 12, 31));
				LocalDate monthStart = LocalDate.of(2025, entry.dissolutionMonth(), 1);
				dissolved = day(monthStart, monthStart.plusMonths(1).minusDays(1));
			}
			else if (entry.newIn2025()) {
				established = day(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 30));
			}
			else {
				established = day(LocalDate.of(2015, 1, 1), LocalDate.of(2024, 12, 31));
			}
			result.add(new UnionSeed(new UnionId(entry.id()), entry.name(), entry.type(), entry.sector(),
					JurisdictionCode.of(entry.code()), established, dissolved, entry.dissolutionReason()));
		}
		return List.copyOf(result);
	}

	private List<Person> people() {
		Set<String> taken = new HashSet<>();
		List<Person> people = new ArrayList<>(this.memberCount);
		while (people.size() < this.memberCount) {
			String addressCode = pick(HebeiCatalogue.SYNTHETIC_ADDRESS_CODES);
			LocalDate birthDate = day(BORN_FROM, BORN_UNTIL);
			int sequence = 1 + this.random.nextInt(999);
			String first17 = addressCode + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
					+ String.format(Locale.ROOT, "%03d", sequence);
			if (taken.add(first17)) {
				boolean male = sequence % 2 == 1;
				people.add(new Person(first17 + ResidentId.checkDigitFor(first17), birthDate, name(male)));
			}
		}
		return people;
	}

	private String name(boolean male) {
		List<String> surnames = HebeiCatalogue.SURNAMES;
		String surname = surnames
			.get(Math.min(this.random.nextInt(surnames.size()), this.random.nextInt(surnames.size())));
		List<String> given = male ? HebeiCatalogue.MALE_GIVEN : HebeiCatalogue.FEMALE_GIVEN;
		return (this.random.nextInt(10) < 3) ? surname + pick(given) : surname + pick(given) + pick(given);
	}

	private List<Profile> profiles() {
		int n = this.memberCount;
		int expired = Math.max(2, percentOf(n, 2.0));
		int late = Math.max(1, Math.round(expired / 4f));
		int perClosingUnion = Math.max(1, percentOf(n, 0.4));
		long closingUnions = this.unions.stream().filter(UnionSeed::dissolves).count();
		List<Profile> profiles = new ArrayList<>(n);
		add(profiles, Profile.TRANSFERS_TO_OTHER_CITY, percentOf(n, 10.0));
		add(profiles, Profile.RELOCATED_BEFORE_DISSOLUTION, (int) (perClosingUnion * closingUnions));
		add(profiles, Profile.CREDENTIAL_LAPSES, expired - late);
		add(profiles, Profile.LATE_ACCEPTANCE_REFUSED, late);
		add(profiles, Profile.PUT_ON_HOLD, percentOf(n, 3.0));
		add(profiles, Profile.TERMINATED, Math.max(1, percentOf(n, 1.0)));
		add(profiles, Profile.DUPLICATE_ATTEMPT, Math.max(1, percentOf(n, 0.5)));
		add(profiles, Profile.STAYS, n - profiles.size());
		Collections.shuffle(profiles, this.random);
		return profiles;
	}

	private static int percentOf(int n, double percent) {
		return (int) Math.round(n * percent / 100);
	}

	private static void add(List<Profile> profiles, Profile profile, int count) {
		profiles.addAll(Collections.nCopies(count, profile));
	}

	private List<MemberStep> script(Profile profile, Person person, UnionSeed closing) {
		List<MemberStep> steps = new ArrayList<>(3);
		switch (profile) {
			case STAYS -> steps.add(enroll(day(START, END), ANY));
			case TRANSFERS_TO_OTHER_CITY -> {
				MemberStep.Enroll enroll = enroll(day(START, END.minusDays(45)), ANY);
				LocalDate issuedOn = day(enroll.effectiveDate().plusDays(7),
						min(enroll.effectiveDate().plusDays(365), END.minusDays(30)));
				transfer(steps, enroll, issuedOn, (union) -> !sameCity(union, enroll.unionId()), Presentation.ON_TIME);
			}
			case RELOCATED_BEFORE_DISSOLUTION -> {
				LocalDate enrolledOn = day(max(START, closing.establishedOn()), closing.dissolvedOn().minusDays(90));
				MemberStep.Enroll enroll = new MemberStep.Enroll(closing.unionId(), enrolledOn, channel());
				LocalDate issuedOn = day(enrolledOn.plusDays(14), closing.dissolvedOn().minusDays(31));
				transfer(steps, enroll, issuedOn, (union) -> sameCity(union, closing.unionId()), Presentation.ON_TIME);
			}
			case CREDENTIAL_LAPSES, LATE_ACCEPTANCE_REFUSED -> {
				MemberStep.Enroll enroll = enroll(day(START, LAST_LAPSING_ENROLLMENT), ANY);
				LocalDate issuedOn = day(enroll.effectiveDate().plusDays(7), LAST_LAPSING_ISSUE);
				transfer(steps, enroll, issuedOn, (union) -> !sameCity(union, enroll.unionId()),
						(profile == Profile.LATE_ACCEPTANCE_REFUSED) ? Presentation.LATE : Presentation.NEVER);
			}
			case PUT_ON_HOLD -> {
				MemberStep.Enroll enroll = enroll(day(START, END.minusDays(30)), ANY);
				steps.add(enroll);
				steps.add(new MemberStep.PutOnHold(enroll.unionId(), laterDay(enroll.effectiveDate(), 30, 400),
						pick(HebeiCatalogue.HOLD_REASONS)));
			}
			case TERMINATED -> {
				MemberStep.Enroll enroll = enroll(day(START, END.minusDays(30)), ANY);
				steps.add(enroll);
				steps.add(new MemberStep.Terminate(enroll.unionId(), laterDay(enroll.effectiveDate(), 30, 400),
						terminationReason()));
			}
			case DUPLICATE_ATTEMPT -> {
				MemberStep.Enroll enroll = enroll(day(START, END.minusDays(30)), ANY);
				steps.add(enroll);
				LocalDate attemptedOn = laterDay(enroll.effectiveDate(), 7, 300);
				UnionSeed other = pickUnion(attemptedOn, (union) -> !union.unionId().equals(enroll.unionId()), false);
				EnrollmentChannel channel = (this.random.nextInt(10) < 6) ? EnrollmentChannel.ONLINE
						: EnrollmentChannel.ON_SITE;
				steps.add(new MemberStep.DuplicateEnrollment(otherSpelling(person), other.unionId(), attemptedOn,
						channel));
			}
		}
		return steps;
	}

	private MemberStep.Enroll enroll(LocalDate date, Predicate<UnionSeed> filter) {
		return new MemberStep.Enroll(pickUnion(date, filter, false).unionId(), date, channel());
	}

	/** Adds the enrollment, a credential issued to another union and its presentation. */
	private void transfer(List<MemberStep> steps, MemberStep.Enroll enroll, LocalDate issuedOn,
			Predicate<UnionSeed> target, Presentation presentation) {
		UnionSeed to = pickUnion(issuedOn, target.and((union) -> !union.unionId().equals(enroll.unionId())), false);
		CredentialCode code = credentialCode();
		steps.add(enroll);
		steps.add(new MemberStep.IssueCredential(code, enroll.unionId(), to.unionId(), issuedOn));
		switch (presentation) {
			case ON_TIME -> steps.add(new MemberStep.AcceptTransfer(code, to.unionId(),
					laterDay(issuedOn, 1, SeedPlan.LONGEST_ACCEPTANCE_DELAY_DAYS), false));
			case LATE -> steps.add(new MemberStep.AcceptTransfer(code, to.unionId(),
					day(issuedOn.plusDays(SeedPlan.SHORTEST_LATE_PRESENTATION_DAYS), min(issuedOn.plusDays(330), END)),
					true));
			case NEVER -> {
			}
		}
	}

	/**
	 * Writes a few enrollments of members who stay with a 15-digit legacy number (sent as
	 * an import of an old roster) and a few with a lower-case {@code x}.
	 */
	private void spellSomeIdsTheOldWay(List<Draft> drafts) {
		int each = Math.max(2, this.memberCount / 400);
		List<Draft> candidates = new ArrayList<>(
				drafts.stream().filter((draft) -> draft.profile == Profile.STAYS).toList());
		Collections.shuffle(candidates, this.random);
		int legacy = 0;
		int lowerCase = 0;
		for (Draft draft : candidates) {
			String id = draft.person.residentId();
			if (legacy < each && draft.person.birthDate().isBefore(LEGACY_BORN_BEFORE)) {
				draft.writtenAs = legacyForm(id);
				MemberStep.Enroll enroll = (MemberStep.Enroll) draft.steps.get(0);
				draft.steps.set(0,
						new MemberStep.Enroll(enroll.unionId(), enroll.effectiveDate(), EnrollmentChannel.IMPORT));
				legacy++;
			}
			else if (lowerCase < each && id.endsWith("X")) {
				draft.writtenAs = id.toLowerCase(Locale.ROOT);
				lowerCase++;
			}
		}
	}

	/** Another way to write the same ID, where the ID allows one. */
	private static String otherSpelling(Person person) {
		String id = person.residentId();
		if (id.endsWith("X")) {
			return id.toLowerCase(Locale.ROOT);
		}
		return person.birthDate().isBefore(LEGACY_BORN_BEFORE) ? legacyForm(id) : id;
	}

	/** The 15-digit form: without the century and without the check digit. */
	private static String legacyForm(String id) {
		return id.substring(0, 6) + id.substring(8, 17);
	}

	private List<ServiceSeed> services(List<MemberSeed> members) {
		int count = Math.max(20, this.memberCount / 10);
		List<ServiceSeed> drafts = new ArrayList<>(count);
		int seasonal = 0;
		for (int i = 0; i < count; i++) {
			ServiceType type;
			if (i < ServiceType.values().length) {
				type = ServiceType.values()[i];
			}
			else if (i < ServiceType.values().length + Campaign.values().length - 1) {
				type = ServiceType.SEASONAL_CARE;
			}
			else {
				type = serviceType();
			}
			Campaign campaign = null;
			if (type == ServiceType.SEASONAL_CARE) {
				campaign = (seasonal < Campaign.values().length) ? Campaign.values()[seasonal] : pick(CAMPAIGNS);
				seasonal++;
			}
			LocalDate deliveredOn = (campaign != null) ? dayIn(campaign) : day(START, END);
			MemberSeed member = (this.random.nextInt(100) < percentToMembers(type)) ? activeMember(members, deliveredOn)
					: null;
			UnionId unionId = (member != null) ? member.activeUnionOn(deliveredOn).orElseThrow()
					: pickUnion(deliveredOn, ANY, true).unionId();
			int personTimes = (member == null && isGroupActivity(type)) ? 3 + this.random.nextInt(48) : 1;
			BigDecimal amount = BigDecimal.valueOf(fenPerPerson(type, campaign) * personTimes, 2);
			drafts.add(new ServiceSeed(null, unionId, member, type, campaign, deliveredOn, personTimes, amount));
		}
		drafts.sort(Comparator.comparing(ServiceSeed::deliveredOn));
		List<ServiceSeed> services = new ArrayList<>(count);
		for (ServiceSeed draft : drafts) {
			ServiceId id = new ServiceId(String.format(Locale.ROOT, "seed-svc-%05d", services.size() + 1));
			services.add(new ServiceSeed(id, draft.unionId(), draft.member(), draft.type(), draft.campaign(),
					draft.deliveredOn(), draft.personTimes(), draft.amountYuan()));
		}
		return services;
	}

	/**
	 * The statistical years the demo sets targets for: the last ended one and the current
	 * one.
	 */
	static final List<Integer> TARGET_YEARS = List.of(2026, 2027);

	/**
	 * Targets of both sources for {@link #TARGET_YEARS}, each set by the level that owns
	 * it a few days into the year: the province assigns to its cities, each city to its
	 * counties and zones; the province, the cities and half of the counties set their
	 * own, higher ones. A few are amended later in the year. Drawn from a generator of
	 * their own, so the members and services of a seed stay what they were.
	 */
	private List<TargetSeed> targets(List<MemberSeed> members) {
		Random draw = new Random(this.seed ^ 0x7a26e7L);
		org.unionledger.statistics.StatisticalCalendar calendar = org.unionledger.statistics.StatisticalCalendar.ACFTU;
		Map<String, Integer> enrolled = new HashMap<>();
		for (MemberSeed member : members) {
			MemberStep.Enroll enroll = member.enrollment();
			int year = calendar.yearOf(enroll.effectiveDate());
			UnionSeed union = this.unionsById.get(enroll.unionId());
			for (String code : List.of("13", union.cityCode().value(), union.jurisdictionCode().value())) {
				enrolled.merge(code + ":" + year, 1, Integer::sum);
			}
		}
		java.util.SortedSet<String> cities = new java.util.TreeSet<>();
		java.util.SortedSet<String> counties = new java.util.TreeSet<>();
		this.unions.forEach((union) -> {
			cities.add(union.cityCode().value());
			counties.add(union.jurisdictionCode().value());
		});
		List<TargetSeed> targets = new ArrayList<>();
		for (int year : TARGET_YEARS) {
			LocalDate first = calendar.firstDay(year);
			// What a year is expected to bring: last year's enrollments for the current
			// one.
			int basis = (year == TARGET_YEARS.get(0)) ? year : year - 1;
			long provinceTotal = 0;
			for (String city : cities) {
				long assigned = roundUp(enrolled.getOrDefault(city + ":" + basis, 0) * factor(draw, year), 10);
				provinceTotal += assigned;
				targets.add(target(city, year, TargetSource.ASSIGNED, assigned, first.plusDays(8), "13"));
				long own = roundUp(assigned * 1.15, 10);
				targets.add(target(city, year, TargetSource.SELF_SET, own, first.plusDays(14), city));
				if (city.equals(HebeiCatalogue.SHIJIAZHUANG)) {
					// 我市目标 raised in the spring (an amendment of the year's own target).
					LocalDate amended = (year == TARGET_YEARS.get(0)) ? LocalDate.of(year, 4, 1) : first.plusDays(40);
					targets.add(target(city, year, TargetSource.SELF_SET, roundUp(own * 1.1, 10), amended, city));
				}
				for (String county : counties) {
					if (!county.startsWith(city)) {
						continue;
					}
					long countyAssigned = Math.max(5,
							roundUp(enrolled.getOrDefault(county + ":" + basis, 0) * factor(draw, year), 5));
					targets.add(target(county, year, TargetSource.ASSIGNED, countyAssigned, first.plusDays(15), city));
					if (draw.nextBoolean()) {
						targets.add(target(county, year, TargetSource.SELF_SET, roundUp(countyAssigned * 1.2, 5),
								first.plusDays(19), county));
					}
				}
			}
			targets.add(target("13", year, TargetSource.SELF_SET, roundUp(provinceTotal * 1.1, 10), first.plusDays(7),
					"13"));
		}
		targets.sort(Comparator.comparing(TargetSeed::effectiveDate));
		return targets;
	}

	/** How demanding a target is against the expected enrollments. */
	private static double factor(Random draw, int year) {
		double f = 0.8 + draw.nextInt(45) / 100.0;
		return (year == TARGET_YEARS.get(0)) ? f : f * 1.1;
	}

	private static long roundUp(double value, int step) {
		return (long) Math.ceil(value / step) * step;
	}

	private static TargetSeed target(String code, int year, TargetSource source, long value, LocalDate effective,
			String owner) {
		return new TargetSeed(JurisdictionCode.of(code), year, source, value, effective, SeedPlan.adminOf(owner));
	}

	private ServiceType serviceType() {
		int roll = this.random.nextInt(100);
		if (roll < 40) {
			return ServiceType.SEASONAL_CARE;
		}
		if (roll < 60) {
			return ServiceType.SKILLS_TRAINING;
		}
		if (roll < 75) {
			return ServiceType.EMPLOYMENT_ASSISTANCE;
		}
		if (roll < 85) {
			return ServiceType.RIGHTS_PROTECTION;
		}
		return (roll < 93) ? ServiceType.ENTREPRENEURSHIP_SUPPORT : ServiceType.MICRO_LOAN;
	}

	private static int percentToMembers(ServiceType type) {
		return switch (type) {
			case RIGHTS_PROTECTION -> 70;
			case MICRO_LOAN -> 90;
			case ENTREPRENEURSHIP_SUPPORT -> 60;
			case EMPLOYMENT_ASSISTANCE -> 40;
			case SKILLS_TRAINING -> 15;
			case SEASONAL_CARE -> 20;
		};
	}

	private static boolean isGroupActivity(ServiceType type) {
		return type == ServiceType.SKILLS_TRAINING || type == ServiceType.SEASONAL_CARE;
	}

	/** An amount per person in fen, from a range in yuan typical of the service. */
	private long fenPerPerson(ServiceType type, Campaign campaign) {
		return switch (type) {
			case RIGHTS_PROTECTION -> fen(0, 3000);
			case SKILLS_TRAINING -> fen(300, 1200);
			case EMPLOYMENT_ASSISTANCE -> fen(0, 500);
			case MICRO_LOAN -> (100 + this.random.nextInt(401)) * 100L * 100L;
			case ENTREPRENEURSHIP_SUPPORT -> fen(2000, 20000);
			case SEASONAL_CARE -> switch (campaign) {
				case SPRING_JOBS -> fen(20, 100);
				case SUMMER_COOLING -> fen(30, 150);
				case AUTUMN_EDUCATION -> fen(500, 2000);
				case WINTER_WARMTH -> fen(200, 800);
			};
		};
	}

	private long fen(int fromYuan, int toYuan) {
		return fromYuan * 100L + this.random.nextInt((toYuan - fromYuan) * 100 + 1);
	}

	/** The months of each seasonal campaign. */
	static Set<Month> monthsOf(Campaign campaign) {
		return switch (campaign) {
			case SPRING_JOBS -> Set.of(Month.FEBRUARY, Month.MARCH, Month.APRIL);
			case SUMMER_COOLING -> Set.of(Month.JUNE, Month.JULY, Month.AUGUST);
			case AUTUMN_EDUCATION -> Set.of(Month.AUGUST, Month.SEPTEMBER);
			case WINTER_WARMTH -> Set.of(Month.DECEMBER, Month.JANUARY);
		};
	}

	private LocalDate dayIn(Campaign campaign) {
		Set<Month> months = monthsOf(campaign);
		LocalDate day = day(START, END);
		while (!months.contains(day.getMonth())) {
			day = day(START, END);
		}
		return day;
	}

	/** A random member active on the day, or {@code null} if a few tries find none. */
	private MemberSeed activeMember(List<MemberSeed> members, LocalDate day) {
		for (int tries = 0; tries < 200; tries++) {
			MemberSeed member = pick(members);
			if (member.activeUnionOn(day).isPresent()) {
				return member;
			}
		}
		return null;
	}

	/**
	 * A union open on the day: first a city by its share, then a union of that city, with
	 * regional and industry-wide unions drawing more members. Unions that will be
	 * dissolved only when {@code includeClosing}.
	 */
	private UnionSeed pickUnion(LocalDate day, Predicate<UnionSeed> filter, boolean includeClosing) {
		List<UnionSeed> open = this.unions.stream()
			.filter((union) -> (includeClosing || !union.dissolves()) && union.isOpenOn(day) && filter.test(union))
			.toList();
		List<CityShare> cities = HebeiCatalogue.CITY_SHARES.stream()
			.filter((city) -> open.stream().anyMatch((union) -> union.cityCode().value().equals(city.cityCode())))
			.toList();
		if (cities.isEmpty()) {
			throw new IllegalStateException("the catalogue has no suitable union open on " + day);
		}
		CityShare city = weighted(cities, CityShare::percent);
		List<UnionSeed> inCity = open.stream()
			.filter((union) -> union.cityCode().value().equals(city.cityCode()))
			.toList();
		return weighted(inCity, (union) -> weightOf(union.type()));
	}

	private static int weightOf(UnionType type) {
		return (type == UnionType.REGIONAL || type == UnionType.INDUSTRY) ? 3 : 2;
	}

	private <T> T weighted(List<T> values, ToIntFunction<T> weight) {
		int total = values.stream().mapToInt(weight).sum();
		int roll = this.random.nextInt(total);
		for (T value : values) {
			roll -= weight.applyAsInt(value);
			if (roll < 0) {
				return value;
			}
		}
		throw new IllegalStateException("weights changed while drawing");
	}

	private boolean sameCity(UnionSeed union, UnionId other) {
		return union.cityCode().equals(this.unionsById.get(other).cityCode());
	}

	private CredentialCode credentialCode() {
		String code;
		do {
			StringBuilder text = new StringBuilder("seed-");
			for (int i = 0; i < 16; i++) {
				text.append(CODE_ALPHABET.charAt(this.random.nextInt(CODE_ALPHABET.length())));
			}
			code = text.toString();
		}
		while (!this.credentialCodes.add(code));
		return new CredentialCode(code);
	}

	private EnrollmentChannel channel() {
		int roll = this.random.nextInt(100);
		if (roll < 75) {
			return EnrollmentChannel.ON_SITE;
		}
		return (roll < 95) ? EnrollmentChannel.ONLINE : EnrollmentChannel.IMPORT;
	}

	private TerminationReason terminationReason() {
		int roll = this.random.nextInt(100);
		if (roll < 50) {
			return TerminationReason.LEFT_WORKFORCE;
		}
		return (roll < 85) ? TerminationReason.VOLUNTARY_WITHDRAWAL : TerminationReason.OTHER;
	}

	/**
	 * A day from {@code minDays} to {@code maxDays} after the date, but not after the
	 * window.
	 */
	private LocalDate laterDay(LocalDate after, int minDays, int maxDays) {
		return day(after.plusDays(minDays), min(after.plusDays(maxDays), END));
	}

	/** A uniformly drawn day from {@code from} to {@code to}, both included. */
	private LocalDate day(LocalDate from, LocalDate to) {
		long days = ChronoUnit.DAYS.between(from, to);
		if (days < 0) {
			throw new IllegalStateException("empty date range " + from + " to " + to);
		}
		return from.plusDays(this.random.nextInt((int) days + 1));
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private enum Presentation {

		ON_TIME, LATE, NEVER

	}

	private record Person(String residentId, LocalDate birthDate, String name) {
	}

	private static final class Draft {

		final Person person;

		final Profile profile;

		final List<MemberStep> steps;

		String writtenAs;

		Draft(Person person, Profile profile, List<MemberStep> steps) {
			this.person = person;
			this.profile = profile;
			this.steps = steps;
			this.writtenAs = person.residentId();
		}

	}

}
