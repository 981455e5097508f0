package org.unionledger.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** What aggregate tests share: a fixed clock, its today, and a matcher for violations. */
public final class TestLedger {

	/** 2026-06-15 16:00 in Shanghai. */
	public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T08:00:00Z"), ZoneId.of("Asia/Shanghai"));

	public static final Instant NOW = CLOCK.instant();

	public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	public static final RecordedBy CLERK = new RecordedBy("clerk-01");

	private TestLedger() {
	}

	/** Matches a {@link DomainRuleViolation} of the given field and rule. */
	public static Matcher<DomainRuleViolation> violationOf(String field, Rule rule) {
		return new TypeSafeMatcher<>() {

			@Override
			protected boolean matchesSafely(DomainRuleViolation violation) {
				return field.equals(violation.field()) && rule.equals(violation.rule());
			}

			@Override
			public void describeTo(Description description) {
				description.appendText("a DomainRuleViolation of field " + field + ", rule " + rule);
			}

			@Override
			protected void describeMismatchSafely(DomainRuleViolation violation, Description description) {
				description.appendText("was field " + violation.field() + ", rule " + violation.rule() + ": "
						+ violation.getMessage());
			}

		};
	}

}
