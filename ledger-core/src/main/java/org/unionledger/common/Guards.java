package org.unionledger.common;

import java.time.LocalDate;

/** Checks command handlers share; each failure is a {@link DomainRuleViolation}. */
public final class Guards {

	private Guards() {
	}

	/** Returns the value, or fails with {@link Rules#REQUIRED} if it is {@code null}. */
	public static <T> T require(T value, String field) {
		if (value == null) {
			throw new DomainRuleViolation(field, Rules.REQUIRED, field + " is required");
		}
		return value;
	}

	/** Fails with {@link Rules#EFFECTIVE_DATE_IN_FUTURE} if the date is after today. */
	public static void notInFuture(LocalDate date, String field, LocalDate today) {
		if (date.isAfter(today)) {
			throw new DomainRuleViolation(field, Rules.EFFECTIVE_DATE_IN_FUTURE,
					field + " " + date + " lies after today (" + today + ")");
		}
	}

	/** Fails with {@code rule} when the condition does not hold. */
	public static void check(boolean condition, String field, String rule, String message) {
		if (!condition) {
			throw new DomainRuleViolation(field, rule, message);
		}
	}

}
