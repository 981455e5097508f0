package org.unionledger.common;

/**
 * A command broke a rule of the ledger. {@code field} names the input at fault and
 * {@code rule} the {@link Rule} broken, so that the API can answer with a precise
 * problem. The message is the ledger's own, more specific English text; a reader of
 * another language gets the rule's message, followed by the {@code subject} (the records
 * at fault, e.g. a jurisdiction's code) when there is one.
 */
public class DomainRuleViolation extends RuntimeException {

	private final String field;

	private final Rule rule;

	private final String subject;

	private final boolean reference;

	public DomainRuleViolation(String field, Rule rule, String message) {
		this(field, rule, message, null, false);
	}

	public DomainRuleViolation(String field, Rule rule, String message, String subject) {
		this(field, rule, message, subject, false);
	}

	private DomainRuleViolation(String field, Rule rule, String message, String subject, boolean reference) {
		super(message);
		this.field = field;
		this.rule = rule;
		this.subject = subject;
		this.reference = reference;
	}

	/**
	 * A command refers to a record that is not there (a union to enroll in, a credential
	 * to present): invalid input rather than a missing resource, whatever the rule's
	 * kind.
	 */
	public static DomainRuleViolation unknownReference(String field, Rule rule, String message) {
		return new DomainRuleViolation(field, rule, message, null, true);
	}

	public String field() {
		return this.field;
	}

	public Rule rule() {
		return this.rule;
	}

	/**
	 * Whether the field refers to a record that is not there ({@link #unknownReference}).
	 */
	public boolean reference() {
		return this.reference;
	}

	/**
	 * What the rule was broken for, in no particular language (codes, names), or null.
	 */
	public String subject() {
		return this.subject;
	}

}
