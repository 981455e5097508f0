package org.unionledger.seeds;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.unionledger.union.UnionId;

/**
 * A synthetic person and the script of steps the loader sends for them. The resident ID
 * is synthetic (its address code belongs to no county), yet {@link #toString()} leaves it
 * and the name out, as for real people.
 *
 * @param number position in the plan, from 1, in order of enrollment
 * @param residentIdAsWritten the ID as typed at enrollment: 18 characters, sometimes with
 * a lower-case {@code x}, or a 15-digit legacy number
 * @param name a synthetic Chinese name
 * @param profile what happens to the member
 * @param steps the script, starting with {@link MemberStep.Enroll}
 */
public record MemberSeed(int number, String residentIdAsWritten, String name, Profile profile, List<MemberStep> steps) {

	public MemberSeed {
		steps = List.copyOf(steps);
		if (steps.isEmpty() || !(steps.get(0) instanceof MemberStep.Enroll)) {
			throw new IllegalArgumentException("a member's script starts with the enrollment");
		}
	}

	public MemberStep.Enroll enrollment() {
		return (MemberStep.Enroll) this.steps.get(0);
	}

	/**
	 * The union where the membership is active at the end of the day, or empty if it is
	 * not active then (not yet enrolled, on hold or terminated). An issued credential
	 * leaves the member at the issuing union until it is accepted.
	 */
	public Optional<UnionId> activeUnionOn(LocalDate date) {
		UnionId active = null;
		for (MemberStep step : this.steps) {
			if (step.effectiveDate().isAfter(date)) {
				break;
			}
			if (step instanceof MemberStep.Enroll enroll) {
				active = enroll.unionId();
			}
			else if (step instanceof MemberStep.AcceptTransfer accept && !accept.afterExpiry()) {
				active = accept.unionId();
			}
			else if (step instanceof MemberStep.PutOnHold || step instanceof MemberStep.Terminate) {
				active = null;
			}
		}
		return Optional.ofNullable(active);
	}

	@Override
	public String toString() {
		return "MemberSeed[number=" + this.number + ", profile=" + this.profile + ", steps=" + this.steps + "]";
	}

	/** What the plan does with a member beyond enrolling them. */
	public enum Profile {

		/** Enrolled and stays. */
		STAYS,
		/** Transfers to a union in another city, accepted 1 to 30 days after issue. */
		TRANSFERS_TO_OTHER_CITY,
		/** Moves to another union of the same city before their union is dissolved. */
		RELOCATED_BEFORE_DISSOLUTION,
		/** A credential issued in 2025 is never presented and expires. */
		CREDENTIAL_LAPSES,
		/** A credential issued in 2025 is presented long after it expired and refused. */
		LATE_ACCEPTANCE_REFUSED,
		/** Membership put on hold. */
		PUT_ON_HOLD,
		/** Membership terminated. */
		TERMINATED,
		/** Another union tries to enroll the active member again and is refused. */
		DUPLICATE_ATTEMPT

	}

}
