package org.unionledger.api.problems;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.common.Rule;
import org.unionledger.eventstore.StoreFaults;

/**
 * Errors that never reached a controller (the servlet container's own, e.g. a malformed
 * URL) as problem+json, instead of Spring Boot's default error body.
 */
@RestController
public class ProblemErrorController implements ErrorController {

	/** The rules of the container's errors, by status. */
	static final Map<Integer, Rule> RULES_BY_STATUS = Map.of(400, Rule.BAD_REQUEST, 401, Rule.UNAUTHENTICATED, 403,
			Rule.FORBIDDEN, 404, Rule.ROUTE_NOT_FOUND, 405, Rule.METHOD_NOT_ALLOWED, 413, Rule.PAYLOAD_TOO_LARGE, 414,
			Rule.URI_TOO_LONG, 415, Rule.UNSUPPORTED_MEDIA_TYPE, 429, Rule.RATE_LIMITED, 500, Rule.INTERNAL_ERROR);

	private final ProblemMessages messages;

	public ProblemErrorController(ProblemMessages messages) {
		this.messages = messages;
	}

	@RequestMapping("/error")
	public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Asked for directly, /error is just a path that does not exist.
		HttpStatus status = (code == null) ? HttpStatus.NOT_FOUND
				: (code instanceof Integer value && HttpStatus.resolve(value) != null) ? HttpStatus.valueOf(value)
						: HttpStatus.INTERNAL_SERVER_ERROR;
		Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (failure instanceof Throwable thrown && StoreFaults.isStoreUnavailable(thrown)) {
			HttpStatus unavailable = Problems.status(Rule.STORE_UNAVAILABLE);
			ProblemDetail problem = Problems.of(unavailable, Rule.STORE_UNAVAILABLE, null,
					this.messages.detail(Rule.STORE_UNAVAILABLE, null, null, LocaleContextHolder.getLocale()));
			return ResponseEntity.status(unavailable)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.header(org.springframework.http.HttpHeaders.RETRY_AFTER, ProblemHandler.STORE_RETRY_AFTER_SECONDS)
				.body(problem);
		}
		Rule rule = RULES_BY_STATUS.get(status.value());
		String reason = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
		// A status the ledger has no rule for keeps the container's reason as
		// HTTP_<status>.
		ProblemDetail problem = (rule != null)
				? Problems.of(status, rule, null,
						this.messages.detail(rule, null, null, LocaleContextHolder.getLocale()))
				: Problems.of(status, "HTTP_" + status.value(), null, reason);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
