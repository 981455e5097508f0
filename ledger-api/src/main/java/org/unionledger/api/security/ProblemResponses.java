package org.unionledger.api.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.unionledger.api.problems.ProblemMessages;
import org.unionledger.api.problems.Problems;

/**
 * 401 and 403 from the security filters as problem+json, like every other error. A 401
 * names the accepted schemes in {@code WWW-Authenticate}.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ObjectMapper mapper;

	private final ProblemMessages messages;

	private final boolean bearer;

	public ProblemResponses(ObjectMapper mapper, ProblemMessages messages, boolean bearer) {
		this.mapper = mapper;
		this.messages = messages;
		this.bearer = bearer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.addHeader("WWW-Authenticate", "Basic realm=\"ledger\", charset=\"UTF-8\"");
		if (this.bearer) {
			response.addHeader("WWW-Authenticate", "Bearer");
		}
		write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
				"sign in with HTTP Basic" + (this.bearer ? " or a bearer token" : ""));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN", "your role or scope does not allow this");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String rule,
			String fallback) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		ProblemDetail problem = Problems.of(status, rule, null,
				this.messages.detail(rule, null, fallback, request.getLocale()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.mapper.writeValue(response.getOutputStream(), problem);
	}

}
