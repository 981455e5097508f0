package org.unionledger.seeds;

import java.time.LocalDate;
import java.util.List;

/**
 * The days the demo's history is recorded on: near the day each thing happened, as a
 * ledger in daily use would have written it, so that "as known at" comparisons tell a
 * story. A pure function of the plan (no clock, no random draw):
 * <ul>
 * <li>most steps are recorded on their effective day or up to three days after;</li>
 * <li>one member in {@value #LATE_EVERY} is enrolled late, {@value #LATE_MIN_DAYS} to
 * {@value #LATE_MAX_DAYS} days after the effective date (supervisors' backdated
 * records);</li>
 * <li>members who joined in the last quarter of statistical year {@value #SIGNED_YEAR},
 * one in {@value #BACKDATED_EVERY}, are recorded after that year's reports were signed
 * ({@link #SIGNED_ON}): backdated into a signed year;</li>
 * <li>a member's later steps are never recorded before its earlier ones.</li>
 * </ul>
 * Unions established before the demo's window are recorded on {@link #LEDGER_STARTED};
 * dissolutions, services and targets on their day or shortly after.
 */
public final class RecordedDays {

	/**
	 * The day the demo ledger went into use: unions already established are registered
	 * then.
	 */
	public static final LocalDate LEDGER_STARTED = LocalDate.of(2024, 12, 16);

	/** The statistical year whose reports the demo signs. */
	public static final int SIGNED_YEAR = 2026;

	/** The day the demo's {@value #SIGNED_YEAR} reports are signed. */
	public static final LocalDate SIGNED_ON = LocalDate.of(2026, 10, 20);

	static final int LATE_EVERY = 25;

	static final int LATE_MIN_DAYS = 35;

	static final int LATE_MAX_DAYS = 120;

	static final int BACKDATED_EVERY = 8;

	private static final LocalDate LAST_QUARTER = LocalDate.of(SIGNED_YEAR, 7, 1);

	private static final LocalDate SIGNED_YEAR_END = LocalDate.of(SIGNED_YEAR, 9, 30);

	private RecordedDays() {
	}

	/** The day each step of the member's script is recorded on, in script order. */
	public static List<LocalDate> of(MemberSeed member) {
		List<MemberStep> steps = member.steps();
		LocalDate[] days = new LocalDate[steps.size()];
		LocalDate previous = null;
		for (int i = 0; i < steps.size(); i++) {
			LocalDate effective = steps.get(i).effectiveDate();
			LocalDate day = effective.plusDays(spread(member.number(), i, 4));
			if (i == 0 && backdatedIntoSignedYear(member)) {
				day = SIGNED_ON.plusDays(3 + spread(member.number(), i, 25));
			}
			else if (i == 0 && isLate(member)) {
				day = effective.plusDays(LATE_MIN_DAYS + spread(member.number(), i, LATE_MAX_DAYS - LATE_MIN_DAYS + 1));
			}
			if (previous != null && day.isBefore(previous)) {
				day = previous;
			}
			days[i] = day;
			previous = day;
		}
		return List.of(days);
	}

	/** Whether the member's enrollment is recorded long after it took effect. */
	public static boolean isLate(MemberSeed member) {
		return member.number() % LATE_EVERY == 7;
	}

	/**
	 * Whether the member joined in the signed year's last quarter and was recorded only
	 * after its reports were signed.
	 */
	public static boolean backdatedIntoSignedYear(MemberSeed member) {
		LocalDate effective = member.enrollment().effectiveDate();
		return member.number() % BACKDATED_EVERY == 3 && !effective.isBefore(LAST_QUARTER)
				&& !effective.isAfter(SIGNED_YEAR_END);
	}

	/** A union's registration. */
	public static LocalDate ofRegistration(UnionSeed union) {
		return union.establishedOn().isBefore(LEDGER_STARTED) ? LEDGER_STARTED
				: union.establishedOn().plusDays(spread(union.unionId().value().length(), 0, 3));
	}

	public static LocalDate ofDissolution(UnionSeed union) {
		return union.dissolvedOn().plusDays(1);
	}

	/** A service: up to a week after delivery, as monthly returns come in. */
	public static LocalDate ofService(ServiceSeed service, int index) {
		return service.deliveredOn().plusDays(spread(index, 1, 8));
	}

	public static LocalDate ofTarget(TargetSeed target) {
		return target.effectiveDate();
	}

	/** A number from 0 to {@code bound - 1}, mixed from the arguments. */
	private static int spread(int number, int step, int bound) {
		long mixed = (number * 0x9E3779B97F4A7C15L) ^ (step * 0xC2B2AE3D27D4EB4FL);
		mixed ^= (mixed >>> 29);
		mixed *= 0xBF58476D1CE4E5B9L;
		mixed ^= (mixed >>> 32);
		return (int) Math.floorMod(mixed, (long) bound);
	}

}
