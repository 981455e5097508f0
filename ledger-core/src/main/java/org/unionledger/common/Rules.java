package org.unionledger.common;

/**
 * The stable names of the rules a {@link DomainRuleViolation} or a recorded rejection can
 * report, in one list for clients that map them to messages. Resident ID rules live in
 * {@code org.unionledger.identity.InvalidResidentIdException}; recorded rejections use
 * the names of their reason enums.
 */
public final class Rules {

	/** A required input is missing. */
	public static final String REQUIRED = "REQUIRED";

	/** A date lies after today by the ledger's clock. */
	public static final String EFFECTIVE_DATE_IN_FUTURE = "EFFECTIVE_DATE_IN_FUTURE";

	/** A date lies before the last change of the record it would change. */
	public static final String EFFECTIVE_DATE_BEFORE_LAST_CHANGE = "EFFECTIVE_DATE_BEFORE_LAST_CHANGE";

	/**
	 * A name is blank: a union's, or a person's (invisible characters alone count as
	 * blank).
	 */
	public static final String NAME_BLANK = "NAME_BLANK";

	/**
	 * A name is too long: a union's has at most 200 characters, a person's at most 64
	 * ({@code org.unionledger.identity.PersonName}).
	 */
	public static final String NAME_TOO_LONG = "NAME_TOO_LONG";

	/**
	 * A person's name holds a character names do not: it starts with a letter and holds
	 * only letters, marks, spaces and the separators of names
	 * ({@code org.unionledger.identity.PersonName}).
	 */
	public static final String NAME_CHARACTERS = "NAME_CHARACTERS";

	/**
	 * Free text (a union's name, a reason, a comment) holds a control, format
	 * (zero-width, bidi), unpaired surrogate or private-use character ({@link Text}).
	 */
	public static final String TEXT_CHARACTERS = "TEXT_CHARACTERS";

	/** A jurisdiction code is not of county level (6 digits). */
	public static final String JURISDICTION_NOT_COUNTY_LEVEL = "JURISDICTION_NOT_COUNTY_LEVEL";

	/** A county-level code is not in the division table. */
	public static final String JURISDICTION_UNKNOWN = "JURISDICTION_UNKNOWN";

	/** The union was already dissolved. */
	public static final String UNION_ALREADY_DISSOLVED = "UNION_ALREADY_DISSOLVED";

	/** A dissolution would take effect before the union was established. */
	public static final String EFFECTIVE_DATE_BEFORE_ESTABLISHMENT = "EFFECTIVE_DATE_BEFORE_ESTABLISHMENT";

	/** No union with that id is registered. */
	public static final String UNION_UNKNOWN = "UNION_UNKNOWN";

	/** The union was not yet established, or already dissolved, on the date. */
	public static final String UNION_NOT_OPEN = "UNION_NOT_OPEN";

	/**
	 * No member with that id is held or served by the union on the date; an unknown id
	 * reads the same, so that no answer tells whether a member exists elsewhere.
	 */
	public static final String MEMBER_UNKNOWN = "MEMBER_UNKNOWN";

	/** The membership is not active (on hold or terminated). */
	public static final String MEMBERSHIP_NOT_ACTIVE = "MEMBERSHIP_NOT_ACTIVE";

	/** The membership is not on hold. */
	public static final String MEMBERSHIP_NOT_ON_HOLD = "MEMBERSHIP_NOT_ON_HOLD";

	/** The membership is already terminated. */
	public static final String MEMBERSHIP_TERMINATED = "MEMBERSHIP_TERMINATED";

	/** Only the union that holds the membership may issue its transfer credential. */
	public static final String NOT_CURRENT_UNION = "NOT_CURRENT_UNION";

	/** An unexpired credential is still outstanding for the member. */
	public static final String CREDENTIAL_OUTSTANDING = "CREDENTIAL_OUTSTANDING";

	/** The credential code was already used for this member. */
	public static final String CREDENTIAL_CODE_TAKEN = "CREDENTIAL_CODE_TAKEN";

	/** No credential with that code was issued for this member. */
	public static final String CREDENTIAL_UNKNOWN = "CREDENTIAL_UNKNOWN";

	/** The credential was used or cancelled already. */
	public static final String CREDENTIAL_NOT_OUTSTANDING = "CREDENTIAL_NOT_OUTSTANDING";

	/** A transfer would lead to the union that already holds the membership. */
	public static final String SAME_UNION = "SAME_UNION";

	/** Validity of a credential must be 1 to 3650 days. */
	public static final String VALIDITY_DAYS_OUT_OF_RANGE = "VALIDITY_DAYS_OUT_OF_RANGE";

	/** A transfer would take effect before its credential was issued. */
	public static final String EFFECTIVE_DATE_BEFORE_ISSUE = "EFFECTIVE_DATE_BEFORE_ISSUE";

	/** Person-times must be 1 to 100000. */
	public static final String PERSON_TIMES_OUT_OF_RANGE = "PERSON_TIMES_OUT_OF_RANGE";

	/** An amount is negative. */
	public static final String AMOUNT_NEGATIVE = "AMOUNT_NEGATIVE";

	/** An amount has more than 2 decimal places (fen). */
	public static final String AMOUNT_PRECISION = "AMOUNT_PRECISION";

	/** An amount exceeds 100000000 yuan. */
	public static final String AMOUNT_TOO_LARGE = "AMOUNT_TOO_LARGE";

	/** The serving union would be the union that holds the membership. */
	public static final String SERVING_UNION_IS_HOLDING = "SERVING_UNION_IS_HOLDING";

	/** A serving assignment is already in force; end it first. */
	public static final String SERVING_ASSIGNMENT_EXISTS = "SERVING_ASSIGNMENT_EXISTS";

	/** No serving assignment is in force. */
	public static final String NO_SERVING_ASSIGNMENT = "NO_SERVING_ASSIGNMENT";

	/** An enrollment target is negative. */
	public static final String TARGET_NEGATIVE = "TARGET_NEGATIVE";

	/** An enrollment target exceeds 100000000. */
	public static final String TARGET_TOO_LARGE = "TARGET_TOO_LARGE";

	/** A statistical year lies before 1949 or more than a year ahead. */
	public static final String YEAR_OUT_OF_RANGE = "YEAR_OUT_OF_RANGE";

	/** A jurisdiction code is not in the division table. */
	public static final String JURISDICTION_NOT_IN_TABLE = "JURISDICTION_NOT_IN_TABLE";

	/** A reason for reading personal data is blank. */
	public static final String PURPOSE_BLANK = "PURPOSE_BLANK";

	/** A reason for reading personal data is longer than 200 characters. */
	public static final String PURPOSE_TOO_LONG = "PURPOSE_TOO_LONG";

	/** A disclosure was addressed to another member's disclosure log. */
	public static final String DISCLOSURE_LOG_MISMATCH = "DISCLOSURE_LOG_MISMATCH";

	/** An online application was already approved or declined. */
	public static final String APPLICATION_NOT_PENDING = "APPLICATION_NOT_PENDING";

	/** Only an approved online application can have its approval withdrawn. */
	public static final String APPLICATION_NOT_APPROVED = "APPLICATION_NOT_APPROVED";

	/** An online application names another union than the one deciding it. */
	public static final String APPLICATION_OTHER_UNION = "APPLICATION_OTHER_UNION";

	/** A reason for declining an application is blank or longer than 500 characters. */
	public static final String DECLINE_REASON_INVALID = "DECLINE_REASON_INVALID";

	/** A yearly report is signed only once its statistical year has ended. */
	public static final String YEAR_NOT_ENDED = "YEAR_NOT_ENDED";

	/** A report's figure has no valid name, or a value that is not positive. */
	public static final String FIGURE_INVALID = "FIGURE_INVALID";

	/** A report's global position is not positive. */
	public static final String POSITION_INVALID = "POSITION_INVALID";

	/** The seal does not reach the position the report's figures were computed at. */
	public static final String SEAL_DOES_NOT_COVER_POSITION = "SEAL_DOES_NOT_COVER_POSITION";

	/** A digest is not 64 lower-case hex digits. */
	public static final String DIGEST_INVALID = "DIGEST_INVALID";

	/** A jurisdiction below has neither signed its report nor been found exempt. */
	public static final String CHILD_NOT_SIGNED = "CHILD_NOT_SIGNED";

	/** A report of the level below has open change flags: it is signed again first. */
	public static final String CHILD_REPORT_FLAGGED = "CHILD_REPORT_FLAGGED";

	/** A report names a jurisdiction that is not directly below, or one twice. */
	public static final String CHILD_UNKNOWN = "CHILD_UNKNOWN";

	/** A child's report entry is inconsistent (version, digest, position). */
	public static final String CHILD_REPORT_INVALID = "CHILD_REPORT_INVALID";

	/**
	 * An amended report must be computed at a later position than the version it amends.
	 */
	public static final String POSITION_NOT_AFTER_PREVIOUS = "POSITION_NOT_AFTER_PREVIOUS";

	/** A sign-off comment is longer than 1000 characters. */
	public static final String COMMENT_TOO_LONG = "COMMENT_TOO_LONG";

	private Rules() {
	}

	/** The person's personal data was already erased. */
	public static final String PERSONAL_DATA_ALREADY_ERASED = "PERSONAL_DATA_ALREADY_ERASED";

	/** The finding was already confirmed or dismissed. */
	public static final String FINDING_ALREADY_DECIDED = "FINDING_ALREADY_DECIDED";

	/**
	 * There is no first enrollment counted as new to correct (none, or already
	 * reclassified).
	 */
	public static final String NOT_A_NEW_ENROLLMENT = "NOT_A_NEW_ENROLLMENT";

	/**
	 * The store cannot take the write now (its disk is full, or it cannot be reached);
	 * the request changed nothing and may be sent again later. Answered 503.
	 */
	public static final String STORE_UNAVAILABLE = "STORE_UNAVAILABLE";

}
