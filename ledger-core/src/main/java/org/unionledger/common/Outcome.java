package org.unionledger.common;

/**
 * Result of a command whose refusal is itself recorded as an event: the command succeeds
 * (the refusal is stored) and the caller learns from this that the change was refused.
 *
 * @param accepted whether the change happened
 * @param rejection the rejection reason's name when refused, otherwise {@code null}
 */
public record Outcome(boolean accepted, String rejection) {

	public static Outcome ok() {
		return new Outcome(true, null);
	}

	public static Outcome rejected(Enum<?> reason) {
		return new Outcome(false, reason.name());
	}

}
