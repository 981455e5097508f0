package org.unionledger.identity;

import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Rule;

/**
 * A resident ID failed validation: {@link Rule#RESIDENT_ID_LENGTH},
 * {@link Rule#RESIDENT_ID_CHARACTERS}, {@link Rule#RESIDENT_ID_BIRTH_DATE} or
 * {@link Rule#RESIDENT_ID_CHECK_DIGIT}. The message says which rule failed and never
 * contains the number itself.
 */
public class InvalidResidentIdException extends DomainRuleViolation {

	static final String FIELD = "residentId";

	InvalidResidentIdException(Rule rule, String message) {
		super(FIELD, rule, message);
	}

}
