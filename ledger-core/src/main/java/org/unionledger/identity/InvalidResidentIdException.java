package org.unionledger.identity;

import org.unionledger.common.DomainRuleViolation;

/**
 * A resident ID failed validation. The message says which rule failed and never contains
 * the number itself.
 */
public class InvalidResidentIdException extends DomainRuleViolation {

	/** Not 18 characters, nor a 15-digit legacy number. */
	public static final String LENGTH = "RESIDENT_ID_LENGTH";

	/** Something other than digits, or an {@code X} anywhere but last. */
	public static final String CHARACTERS = "RESIDENT_ID_CHARACTERS";

	/** The birth date is not a calendar date, is before 1900 or after today. */
	public static final String BIRTH_DATE = "RESIDENT_ID_BIRTH_DATE";

	/** The check character does not match (ISO 7064 MOD 11-2). */
	public static final String CHECK_DIGIT = "RESIDENT_ID_CHECK_DIGIT";

	static final String FIELD = "residentId";

	InvalidResidentIdException(String rule, String message) {
		super(FIELD, rule, message);
	}

}
