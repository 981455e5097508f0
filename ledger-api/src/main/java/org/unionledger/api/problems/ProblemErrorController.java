package org.unionledger.api.problems;

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
import org.unionledger.common.Rules;
import org.unionledger.eventstore.StoreFaults;

/**
 * Errors that never reached a controller (the servlet container's own, e.g. a malformed
 * URL) as problem+json, instead of Spring Boot's default error body.
 */
@RestController
public class ProblemErrorController implements ErrorController {

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
			ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Rules.STORE_UNAVAILABLE, null,
					this.messages.detail(Rules.STORE_UNAVAILABLE, null, "the store cannot take this request now",
							LocaleContextHolder.getLocale()));
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.header(org.springframework.http.HttpHeaders.RETRY_AFTER, ProblemHandler.STORE_RETRY_AFTER_SECONDS)
				.body(problem);
		}
		String rule = switch (status.value()) {
			case 400 -> "BAD_REQUEST";
			case 401 -> "UNAUTHENTICATED";
			case 403 -> "FORBIDDEN";
			case 404 -> "ROUTE_NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 413 -> "PAYLOAD_TOO_LARGE";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			case 429 -> "RATE_LIMITED";
			case 500 -> "INTERNAL_ERROR";
			default -> "HTTP_" + status.value();
		};
		ProblemDetail problem = Problems.of(status, rule, null, this.messages.detail(rule, null,
				status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT), LocaleContextHolder.getLocale()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
