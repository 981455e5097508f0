package org.unionledger.common;

/**
 * Result of a command whose refusal is itself recorded as an event: the command succeeds
 * (the refusal is stored) and the caller learns from this that the change was refused.
 *
 * @param accepted whether the change happened
 * @param rejection the rejection reason's name when refused, otherwise {@code null}
 * @param rule the rule the refusal reports, otherwise {@code null}
 */
public record Outcome(boolean accepted, String rejection, Rule rule) {

	public static Outcome ok() {
		return new Outcome(true, null, null);
	}

	public static Outcome rejected(RecordedRefusal reason) {
		return new Outcome(false, reason.name(), reason.rule());
	}

	/** A reason enum of a refusal recorded as an event, with the rule it reports. */
	public interface RecordedRefusal {

		/** The reason's name, as recorded in the event. */
		String name();

		/** The rule the refusal is reported as. */
		Rule rule();

	}

}
