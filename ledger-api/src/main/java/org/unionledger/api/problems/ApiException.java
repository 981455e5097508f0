package org.unionledger.api.problems;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.unionledger.common.Rule;

/**
 * A request the API refuses, with the rule and field to report; the status comes from the
 * rule's kind ({@link Problems#status}).
 */
public class ApiException extends RuntimeException {

	private final Rule rule;

	private final String field;

	private final HttpStatus status;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private ApiException(Rule rule, String field, String message, HttpStatus status) {
		super(message);
		this.rule = rule;
		this.field = field;
		this.status = status;
	}

	/** A refusal answered with the status of the rule's kind. */
	public static ApiException of(Rule rule, String field, String message) {
		return new ApiException(rule, field, message, Problems.status(rule));
	}

	/**
	 * A request refers to a record that is not there (a union id in a body): invalid
	 * input, answered 422, though the rule's kind is {@link Rule.Kind#NOT_FOUND}.
	 */
	public static ApiException unknownReference(Rule rule, String field, String message) {
		return new ApiException(rule, field, message, Problems.referenceStatus(rule));
	}

	/**
	 * Adds a property to the problem (e.g. the {@code line} of a file at fault), so that
	 * it survives the translation of the detail.
	 */
	public ApiException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public HttpStatus status() {
		return this.status;
	}

	public Rule rule() {
		return this.rule;
	}

	public String field() {
		return this.field;
	}

	public Map<String, Object> properties() {
		return Map.copyOf(this.properties);
	}

}
