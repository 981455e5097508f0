package org.unionledger.api.problems;

import static org.axonframework.common.ExceptionUtils.findException;

import org.axonframework.commandhandling.CommandExecutionException;
import org.unionledger.common.DomainRuleViolation;

/**
 * The rule a failed command broke, wherever it sits in the cause chain: thrown by a local
 * handler, or carried as a command's details from a remote one.
 */
public final class Violations {

	private Violations() {
	}

	/** The violation behind {@code failure}, or {@code null} if it broke no rule. */
	public static DomainRuleViolation of(Throwable failure) {
		return findException(failure, (cause) -> ruleOf(cause) != null).map(Violations::ruleOf).orElse(null);
	}

	private static DomainRuleViolation ruleOf(Throwable cause) {
		if (cause instanceof DomainRuleViolation violation) {
			return violation;
		}
		if (cause instanceof CommandExecutionException execution
				&& execution.getDetails().orElse(null) instanceof DomainRuleViolation violation) {
			return violation;
		}
		return null;
	}

}
