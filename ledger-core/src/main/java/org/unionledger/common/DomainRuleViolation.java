package org.unionledger.common;

/**
 * A command broke a rule of the ledger. {@code field} names the input at fault and
 * {@code rule} is a stable, machine-readable name for the rule, so that the API can
 * answer with a precise problem.
 */
public class DomainRuleViolation extends RuntimeException {

	private final String field;

	private final String rule;

	public DomainRuleViolation(String field, String rule, String message) {
		super(message);
		this.field = field;
		this.rule = rule;
	}

	public String field() {
		return this.field;
	}

	public String rule() {
		return this.rule;
	}

}
