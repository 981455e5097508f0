package org.unionledger.common;

import java.time.LocalDate;

/** Checks command handlers share; each failure is a {@link DomainRuleViolation}. */
public final class Guards {

	private Guards() {
	}

	/** Returns the value, or fails with {@link Rule#REQUIRED} if it is {@code null}. */
	public static <T> T require(T value, String field) {
		if (value == null) {
			throw new DomainRuleViolation(field, Rule.REQUIRED, field + " is required");
		}
		return value;
	}

	/** Fails with {@link Rule#EFFECTIVE_DATE_IN_FUTURE} if the date is after today. */
	public static void notInFuture(LocalDate date, String field, LocalDate today) {
		if (date.isAfter(today)) {
			throw new DomainRuleViolation(field, Rule.EFFECTIVE_DATE_IN_FUTURE,
					field + " " + date + " lies after today (" + today + ")");
		}
	}

	/** Fails with {@code rule} when the condition does not hold. */
	public static void check(boolean condition, String field, Rule rule, String message) {
		if (!condition) {
			throw new DomainRuleViolation(field, rule, message);
		}
	}

	/**
	 * Fails with {@code rule} when the condition does not hold, naming the
	 * {@code subject} (codes, names) it failed for in any language.
	 */
	public static void check(boolean condition, String field, Rule rule, String message, String subject) {
		if (!condition) {
			throw new DomainRuleViolation(field, rule, message, subject);
		}
	}

	/**
	 * Fails with {@code rule} when the record a command refers to is not there
	 * ({@link DomainRuleViolation#unknownReference}).
	 */
	public static void checkReferenced(boolean found, String field, Rule rule, String message) {
		if (!found) {
			throw DomainRuleViolation.unknownReference(field, rule, message);
		}
	}

}
