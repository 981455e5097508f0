package org.unionledger.seeds;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.unionledger.seeds.MemberSeed.Profile;

/**
 * The demo data for Hebei as pure data: unions in Shijiazhuang, Baoding and Tangshan,
 * synthetic members with their scripts, and service deliveries. The same seed and member
 * count always give an equal plan; no date in it depends on the current date.
 *
 * @param seed the {@link java.util.Random} seed it was generated from
 * @param unions unions in loading order
 * @param members members in loading order (by enrollment date)
 * @param services service deliveries in loading order (by delivery date)
 * @param targets enrollment targets and their amendments, in loading order (by effective
 * date)
 */
public record SeedPlan(long seed, List<UnionSeed> unions, List<MemberSeed> members, List<ServiceSeed> services,
		List<TargetSeed> targets) {

	/** The first effective date of any member step or service. */
	public static final LocalDate WINDOW_START = LocalDate.of(2025, 1, 1);

	/** The last effective date of any step; resident IDs are validated as of this day. */
	public static final LocalDate WINDOW_END = LocalDate.of(2026, 11, 20);

	public static final int DEFAULT_MEMBER_COUNT = 3000;

	/** Transfers are accepted at most this many days after the credential's issue. */
	public static final int LONGEST_ACCEPTANCE_DELAY_DAYS = 30;

	/** Expired credentials are presented at least this many days after their issue. */
	public static final int SHORTEST_LATE_PRESENTATION_DAYS = 150;

	public SeedPlan {
		unions = List.copyOf(unions);
		members = List.copyOf(members);
		services = List.copyOf(services);
		targets = List.copyOf(targets);
	}

	/**
	 * The demo users of the jurisdictions: {@code <city>-admin} for the cities with
	 * unions ({@code sjz-admin}, {@code ts-admin}, {@code bd-admin}) and
	 * {@code admin-<code>} for their counties and zones with unions, by code. With
	 * {@code hebei-admin} they sign the province's report level by level and set the
	 * targets they own.
	 */
	public java.util.SortedMap<String, String> jurisdictionAdmins() {
		java.util.SortedMap<String, String> admins = new TreeMap<>();
		for (UnionSeed union : this.unions) {
			admins.put(union.cityCode().value(), adminOf(union.cityCode().value()));
			admins.put(union.jurisdictionCode().value(), adminOf(union.jurisdictionCode().value()));
		}
		return java.util.Collections.unmodifiableSortedMap(admins);
	}

	/** The demo admin of a province, city or county code. */
	public static String adminOf(String code) {
		return switch (code) {
			case "13" -> "hebei-admin";
			case HebeiCatalogue.SHIJIAZHUANG -> "sjz-admin";
			case HebeiCatalogue.TANGSHAN -> "ts-admin";
			case HebeiCatalogue.BAODING -> "bd-admin";
			default -> "admin-" + code;
		};
	}

	/** The plan with {@value #DEFAULT_MEMBER_COUNT} members. */
	public static SeedPlan generate(long seed) {
		return generate(seed, DEFAULT_MEMBER_COUNT);
	}

	/**
	 * @param memberCount at least 100; transfers, holds and the other profiles keep their
	 * shares
	 */
	public static SeedPlan generate(long seed, int memberCount) {
		return new SeedPlanGenerator(seed, memberCount).generate();
	}

	/**
	 * Whether a credential validity (in days) lets every planned transfer be accepted
	 * before it expires and every late presentation come after it expired.
	 */
	public static boolean suitsValidity(int validityDays) {
		return validityDays > LONGEST_ACCEPTANCE_DELAY_DAYS && validityDays < SHORTEST_LATE_PRESENTATION_DAYS;
	}

	/** Number of commands a load into an empty ledger sends. */
	public int commandCount() {
		int steps = this.members.stream().mapToInt((member) -> member.steps().size()).sum();
		int dissolutions = (int) this.unions.stream().filter(UnionSeed::dissolves).count();
		return this.unions.size() + steps + this.services.size() + dissolutions + this.targets.size();
	}

	public Figures figures() {
		Map<String, Integer> unionsPerCity = new TreeMap<>();
		this.unions.forEach((union) -> unionsPerCity.merge(union.cityCode().value(), 1, Integer::sum));
		Map<Profile, Integer> profiles = new EnumMap<>(Profile.class);
		for (Profile profile : Profile.values()) {
			profiles.put(profile, 0);
		}
		this.members.forEach((member) -> profiles.merge(member.profile(), 1, Integer::sum));
		int legacy = 0;
		int lowerCaseX = 0;
		for (MemberSeed member : this.members) {
			legacy += (member.residentIdAsWritten().length() == 15) ? 1 : 0;
			lowerCaseX += member.residentIdAsWritten().endsWith("x") ? 1 : 0;
		}
		int toMembers = (int) this.services.stream().filter((service) -> service.member() != null).count();
		return new Figures(unionsPerCity, (int) this.unions.stream().filter(UnionSeed::dissolves).count(),
				this.members.size(), profiles, legacy, lowerCaseX,
				this.members.stream().mapToInt((member) -> member.steps().size()).sum(), this.services.size(),
				toMembers);
	}

	/**
	 * What the plan holds, in numbers.
	 *
	 * @param unionsPerCity unions by city code
	 * @param unionsDissolved unions dissolved in late 2025
	 * @param members members
	 * @param membersByProfile members by what happens to them
	 * @param legacyIds members enrolled with a 15-digit ID
	 * @param lowerCaseX members enrolled with an ID ending in a lower-case x
	 * @param memberSteps steps over all scripts
	 * @param services service deliveries
	 * @param servicesToMembers deliveries naming a member
	 */
	public record Figures(Map<String, Integer> unionsPerCity, int unionsDissolved, int members,
			Map<Profile, Integer> membersByProfile, int legacyIds, int lowerCaseX, int memberSteps, int services,
			int servicesToMembers) {

		public Figures {
			unionsPerCity = Collections.unmodifiableMap(new TreeMap<>(unionsPerCity));
			Map<Profile, Integer> byProfile = new EnumMap<>(Profile.class);
			byProfile.putAll(membersByProfile);
			membersByProfile = Collections.unmodifiableMap(byProfile);
		}

		public int count(Profile profile) {
			return this.membersByProfile.getOrDefault(profile, 0);
		}

		/** Credentials that expired unused, whether or not presented late. */
		public int expiredCredentials() {
			return count(Profile.CREDENTIAL_LAPSES) + count(Profile.LATE_ACCEPTANCE_REFUSED);
		}

	}

}
