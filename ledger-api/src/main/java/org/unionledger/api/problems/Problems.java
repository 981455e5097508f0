package org.unionledger.api.problems;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.unionledger.common.Rule;

/**
 * Builds RFC 9457 problem details with a stable {@code type} per rule and the offending
 * {@code field}, and answers which status a rule is given: its kind's
 * ({@link Rule.Kind#status()}).
 */
public final class Problems {

	private static final String TYPE_BASE = "https://union-ledger.org/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, Rule rule, String field, String detail) {
		return of(status, rule.name(), field, detail);
	}

	/**
	 * A problem with a rule name outside the catalogue: only Spring's own errors of a
	 * status the ledger has no rule for ({@code HTTP_<status>}).
	 */
	static ProblemDetail of(HttpStatus status, String rule, String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + rule.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setTitle(rule);
		problem.setProperty("rule", rule);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

	/** The status of a refusal for the rule: its kind's. */
	public static HttpStatus status(Rule rule) {
		return HttpStatus.valueOf(rule.kind().status());
	}

	/**
	 * The status of a refusal for a record the request refers to rather than addresses (a
	 * union id in a body): 422 for a {@link Rule.Kind#NOT_FOUND} rule, else the kind's.
	 */
	public static HttpStatus referenceStatus(Rule rule) {
		return (rule.kind() == Rule.Kind.NOT_FOUND) ? HttpStatus.UNPROCESSABLE_ENTITY : status(rule);
	}

	/**
	 * The status of a request Spring could not bind (a missing parameter, a value of the
	 * wrong type, a declared constraint): 400 for a {@link Rule.Kind#INVALID} rule, else
	 * the kind's.
	 */
	public static HttpStatus unboundStatus(Rule rule) {
		return (rule.kind() == Rule.Kind.INVALID) ? HttpStatus.BAD_REQUEST : status(rule);
	}

}
