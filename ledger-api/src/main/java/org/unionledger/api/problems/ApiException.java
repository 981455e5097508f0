package org.unionledger.api.problems;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status, rule and field to report. */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String rule;

	private final String field;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public ApiException(HttpStatus status, String rule, String field, String message) {
		super(message);
		this.status = status;
		this.rule = rule;
		this.field = field;
	}

	/**
	 * Adds a property to the problem (e.g. the {@code line} of a file at fault), so that
	 * it survives the translation of the detail.
	 */
	public ApiException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public static ApiException notFound(String rule, String field, String message) {
		return new ApiException(HttpStatus.NOT_FOUND, rule, field, message);
	}

	public static ApiException invalid(String rule, String field, String message) {
		return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, rule, field, message);
	}

	public static ApiException forbidden(String rule, String field, String message) {
		return new ApiException(HttpStatus.FORBIDDEN, rule, field, message);
	}

	public static ApiException conflict(String rule, String field, String message) {
		return new ApiException(HttpStatus.CONFLICT, rule, field, message);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String rule() {
		return this.rule;
	}

	public String field() {
		return this.field;
	}

	public Map<String, Object> properties() {
		return Map.copyOf(this.properties);
	}

}
