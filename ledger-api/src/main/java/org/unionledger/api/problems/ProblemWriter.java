package org.unionledger.api.problems;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

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

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String rule,
			String field, String fallback) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		ProblemDetail problem = Problems.of(status, rule, field,
				this.messages.detail(rule, field, fallback, request.getLocale()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.mapper.writeValue(response.getOutputStream(), problem);
	}

}
