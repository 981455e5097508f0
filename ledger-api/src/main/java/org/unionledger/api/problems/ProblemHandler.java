package org.unionledger.api.problems;

import static org.axonframework.common.ExceptionUtils.findException;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Rule;
import org.unionledger.eventstore.StoreFaults;

/**
 * Turns every refusal into {@code application/problem+json} naming the field and the
 * rule, with the detail in the client's language ({@link ProblemMessages}). Bad input is
 * always a 4xx; a 5xx means a fault of the ledger, never of the request. Spring's own
 * errors (404 route, 405, 406, 413, 415, missing parameters) get stable rules too. The
 * status comes from the rule's kind ({@link Problems#status}); a request Spring could not
 * bind is 400, a record a command refers to that is not there 422.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	/** Rules of Spring's own errors, by status. */
	static final Map<Integer, Rule> RULES_BY_STATUS = Map.of(400, Rule.BAD_REQUEST, 404, Rule.ROUTE_NOT_FOUND, 405,
			Rule.METHOD_NOT_ALLOWED, 406, Rule.NOT_ACCEPTABLE, 413, Rule.PAYLOAD_TOO_LARGE, 415,
			Rule.UNSUPPORTED_MEDIA_TYPE, 503, Rule.UNAVAILABLE);

	private final ProblemMessages messages;

	public ProblemHandler(ProblemMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		ResponseEntity<ProblemDetail> response = problem(ex.status(), ex.rule(), ex.field(), ex.getMessage());
		ex.properties().forEach(response.getBody()::setProperty);
		return response;
	}

	@ExceptionHandler(DomainRuleViolation.class)
	ResponseEntity<ProblemDetail> domain(DomainRuleViolation ex) {
		HttpStatus status = ex.reference() ? Problems.referenceStatus(ex.rule()) : Problems.status(ex.rule());
		ProblemDetail body = Problems.of(status, ex.rule(), ex.field(), this.messages.detail(ex.rule(), ex.field(),
				ex.getMessage(), ex.subject(), LocaleContextHolder.getLocale()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	@ExceptionHandler(CommandExecutionException.class)
	ResponseEntity<ProblemDetail> command(CommandExecutionException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof DomainRuleViolation violation) {
			return domain(violation);
		}
		if (cause instanceof ConcurrencyException concurrency) {
			return concurrency(concurrency);
		}
		return unexpected(ex);
	}

	@ExceptionHandler(ConcurrencyException.class)
	ResponseEntity<ProblemDetail> concurrency(ConcurrencyException ex) {
		return problem(Rule.CONCURRENT_CHANGE, null, null);
	}

	@ExceptionHandler(AggregateNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
		return problem(Rule.NOT_FOUND, null, null);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraint(ConstraintViolationException ex) {
		var violation = ex.getConstraintViolations().iterator().next();
		String path = violation.getPropertyPath().toString();
		String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
		Rule rule = ruleOf(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());
		HttpStatus status = Problems.unboundStatus(rule);
		// Bean Validation's message is already in the client's language, with the limits.
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(status, rule, field, field + " " + violation.getMessage()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return unbound(Rule.INVALID_VALUE, ex.getName(), ex.getName() + " has a value of the wrong type or format");
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException ex) {
		return problem(Rule.PAYLOAD_TOO_LARGE, null, ex.getMessage());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException ex) {
		if (causedBy(ex, PayloadTooLargeException.class) != null
				|| ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
			return problem(Rule.PAYLOAD_TOO_LARGE, null, null);
		}
		return problem(Rule.MALFORMED_MULTIPART, null, null);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// Ordered by field, so that the first (the problem's rule and field) is stable.
		java.util.List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(java.util.Comparator.comparing(FieldError::getField)
				.thenComparing(e -> String.valueOf(e.getCode())))
			.toList();
		FieldError error = errors.get(0);
		Rule rule = ruleOf(error.getCode());
		HttpStatus unbound = Problems.unboundStatus(rule);
		// Bean Validation's messages are already in the client's language, with the
		// limits; the field is named as the client's language calls it.
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = Problems.of(unbound, rule, error.getField(),
				this.messages.fieldName(error.getField(), locale) + " " + error.getDefaultMessage());
		problem.setProperty("errors",
				errors.stream()
					.map(e -> Map.of("field", e.getField(), "rule", ruleOf(e.getCode()).name(), "message",
							this.messages.fieldName(e.getField(), locale) + " " + e.getDefaultMessage()))
					.collect(Collectors.toList()));
		return ResponseEntity.status(unbound).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(ex, PayloadTooLargeException.class) != null) {
			return ResponseEntity.status(Problems.status(Rule.PAYLOAD_TOO_LARGE))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(localized(Problems.status(Rule.PAYLOAD_TOO_LARGE), Rule.PAYLOAD_TOO_LARGE, null, null));
		}
		Throwable cause = findException(ex.getCause(), JsonMappingException.class).orElse(null);
		ProblemDetail problem;
		if (cause instanceof UnrecognizedPropertyException unknown) {
			problem = localized(Problems.unboundStatus(Rule.UNKNOWN_FIELD), Rule.UNKNOWN_FIELD, path(unknown),
					"unknown field " + path(unknown));
		}
		else if (cause instanceof InvalidFormatException invalid) {
			problem = localized(Problems.unboundStatus(Rule.INVALID_VALUE), Rule.INVALID_VALUE, path(invalid),
					path(invalid) + " has a value of the wrong type or format" + allowed(invalid.getTargetType()));
		}
		else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			problem = localized(Problems.unboundStatus(Rule.INVALID_VALUE), Rule.INVALID_VALUE, path(mapping),
					path(mapping) + " has a value of the wrong type or format");
		}
		else {
			problem = localized(Problems.unboundStatus(Rule.MALFORMED_JSON), Rule.MALFORMED_JSON, null, null);
		}
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(Problems.unboundStatus(Rule.REQUIRED))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(localized(Problems.unboundStatus(Rule.REQUIRED), Rule.REQUIRED, ex.getParameterName(), null));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(Problems.unboundStatus(Rule.REQUIRED))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(localized(Problems.unboundStatus(Rule.REQUIRED), Rule.REQUIRED, ex.getRequestPartName(), null));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
		return unbound(Rule.REQUIRED, ex.getHeaderName(), null);
	}

	/** Spring's own errors: keep the status and headers (e.g. Allow), add a rule. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail existing && existing.getProperties() != null
				&& existing.getProperties().containsKey("rule")) {
			return super.handleExceptionInternal(ex, body, headers, statusCode, request);
		}
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		if (status == null) {
			status = statusCode.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		if (status.is5xxServerError()) {
			log.error("Unexpected failure in request handling", ex);
		}
		Rule rule = RULES_BY_STATUS.get(status.value());
		String reason = status.getReasonPhrase().toLowerCase(Locale.ROOT);
		// A status the ledger has no rule for keeps Spring's reason as HTTP_<status>.
		ProblemDetail problem = (rule != null) ? localized(status, rule, null, null)
				: Problems.of(status, "HTTP_" + status.value(), null, reason);
		HttpHeaders out = new HttpHeaders();
		if (headers != null) {
			out.putAll(headers);
		}
		out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, out, status);
	}

	@ExceptionHandler(org.unionledger.identity.UnreadablePersonalDataException.class)
	ResponseEntity<ProblemDetail> unreadable(org.unionledger.identity.UnreadablePersonalDataException ex) {
		return problem(Rule.PERSONAL_DATA_UNREADABLE, null, null);
	}

	@ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException ex) {
		return problem(Rule.REQUEST_REJECTED, null, null);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex) {
		return unbound(Rule.INVALID_VALUE, null, ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		PayloadTooLargeException tooLarge = causedBy(ex, PayloadTooLargeException.class);
		if (tooLarge != null) {
			return tooLarge(tooLarge);
		}
		if (StoreFaults.isStoreUnavailable(ex)) {
			return storeUnavailable(ex);
		}
		log.error("Unexpected failure", ex);
		return problem(Rule.INTERNAL_ERROR, null, null);
	}

	/**
	 * The store could not take the request (a full disk, an unreachable MongoDB): 503
	 * with {@code Retry-After}, not a fault of the ledger's.
	 */
	private ResponseEntity<ProblemDetail> storeUnavailable(Exception ex) {
		log.warn("Store unavailable: {}", rootMessage(ex));
		HttpStatus status = Problems.status(Rule.STORE_UNAVAILABLE);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS)
			.body(localized(status, Rule.STORE_UNAVAILABLE, null, null));
	}

	/** When a client may try again after {@link Rule#STORE_UNAVAILABLE}. */
	static final String STORE_RETRY_AFTER_SECONDS = "30";

	private static String rootMessage(Throwable ex) {
		return findException(ex, (cause) -> cause.getCause() == null).orElse(ex).getMessage();
	}

	private static <T extends Throwable> T causedBy(Throwable ex, Class<T> type) {
		return findException(ex, type).orElse(null);
	}

	private static String allowed(Class<?> type) {
		if (type != null && type.isEnum()) {
			return "; allowed: " + java.util.Arrays.stream(type.getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
		}
		return "";
	}

	private static String path(JsonMappingException ex) {
		return ex.getPath()
			.stream()
			.map(ref -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."));
	}

	/**
	 * The rule of a Bean Validation constraint ({@code NotBlank} is
	 * {@link Rule#NOT_BLANK}); a constraint the catalogue does not name reads as
	 * {@link Rule#INVALID_VALUE}.
	 */
	static Rule ruleOf(String code) {
		if (code == null) {
			return Rule.INVALID_VALUE;
		}
		String name = code.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
		return java.util.Arrays.stream(Rule.values())
			.filter((rule) -> rule.name().equals(name))
			.findFirst()
			.orElse(Rule.INVALID_VALUE);
	}

	private ProblemDetail localized(HttpStatus status, Rule rule, String field, String specific) {
		return Problems.of(status, rule, field,
				this.messages.detail(rule, field, specific, LocaleContextHolder.getLocale()));
	}

	/** The rule's problem with the status of its kind. */
	private ResponseEntity<ProblemDetail> problem(Rule rule, String field, String specific) {
		return problem(Problems.status(rule), rule, field, specific);
	}

	/** The rule's problem for a request Spring could not bind. */
	private ResponseEntity<ProblemDetail> unbound(Rule rule, String field, String specific) {
		return problem(Problems.unboundStatus(rule), rule, field, specific);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, Rule rule, String field, String specific) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(localized(status, rule, field, specific));
	}

}
