package org.unionledger.api.problems;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with a stable {@code type} per rule and the offending
 * {@code field}.
 */
public final class Problems {

	private static final String TYPE_BASE = "https://union-ledger.org/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String rule, String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + rule.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setTitle(rule);
		problem.setProperty("rule", rule);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

}
