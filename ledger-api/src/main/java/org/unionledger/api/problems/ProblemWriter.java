package org.unionledger.api.problems;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.unionledger.common.Rule;

/**
 * Writes a problem+json answer from a servlet filter, where no controller advice runs
 * (sign-in, body limits, idempotency, rate limits).
 */
@Component
public class ProblemWriter {

	private final ObjectMapper mapper;

	private final ProblemMessages messages;

	public ProblemWriter(ObjectMapper mapper, ProblemMessages messages) {
		this.mapper = mapper;
		this.messages = messages;
	}

	/** Writes the rule's problem with the status of its kind. */
	public void write(HttpServletRequest request, HttpServletResponse response, Rule rule, String field,
			String specific) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		HttpStatus status = Problems.status(rule);
		ProblemDetail problem = Problems.of(status, rule, field,
				this.messages.detail(rule, field, specific, request.getLocale()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.mapper.writeValue(response.getOutputStream(), problem);
	}

}
