package org.unionledger.api.problems;

import static org.axonframework.common.ExceptionUtils.findException;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.unionledger.common.Rules;
import org.unionledger.eventstore.StoreFaults;

/**
 * Turns every refusal into {@code application/problem+json} naming the field and the
 * rule, with the detail in the client's language ({@link ProblemMessages}). Bad input is
 * always a 4xx; a 5xx means a fault of the ledger, never of the request. Spring's own
 * errors (404 route, 405, 406, 413, 415, missing parameters) get stable rules too.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	/**
	 * Domain rules that describe a clash with the ledger's state rather than bad input.
	 */
	private static final Set<String> CONFLICT_RULES = Set.of(Rules.UNION_ALREADY_DISSOLVED,
			Rules.CREDENTIAL_OUTSTANDING, Rules.CREDENTIAL_CODE_TAKEN, Rules.CREDENTIAL_NOT_OUTSTANDING,
			Rules.MEMBERSHIP_NOT_ACTIVE, Rules.MEMBERSHIP_NOT_ON_HOLD, Rules.MEMBERSHIP_TERMINATED,
			Rules.NOT_CURRENT_UNION, Rules.NOT_A_NEW_ENROLLMENT, Rules.FINDING_ALREADY_DECIDED,
			Rules.PERSONAL_DATA_ALREADY_ERASED, Rules.SERVING_ASSIGNMENT_EXISTS, Rules.NO_SERVING_ASSIGNMENT,
			Rules.CHILD_NOT_SIGNED, Rules.CHILD_REPORT_FLAGGED, Rules.POSITION_NOT_AFTER_PREVIOUS,
			Rules.SEAL_DOES_NOT_COVER_POSITION, "ALREADY_REGISTERED", "CONCURRENT_CHANGE", "PROCESSOR_BUSY",
			"APPLICATION_NOT_PENDING");

	/**
	 * Domain rules that answer 404: the record is not there, or not there for this caller
	 * (the two read alike).
	 */
	private static final Set<String> NOT_FOUND_RULES = Set.of(Rules.MEMBER_UNKNOWN);

	/** Rules of Spring's own errors, by status. */
	private static final Map<Integer, String> RULES_BY_STATUS = Map.of(400, "BAD_REQUEST", 404, "ROUTE_NOT_FOUND", 405,
			"METHOD_NOT_ALLOWED", 406, "NOT_ACCEPTABLE", 413, "PAYLOAD_TOO_LARGE", 415, "UNSUPPORTED_MEDIA_TYPE", 503,
			"UNAVAILABLE");

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
		HttpStatus status = CONFLICT_RULES.contains(ex.rule()) ? HttpStatus.CONFLICT
				: NOT_FOUND_RULES.contains(ex.rule()) ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
		return problem(status, ex.rule(), ex.field(), ex.getMessage());
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
		return problem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
				"another change to the same record won the race; read it again and retry");
	}

	@ExceptionHandler(AggregateNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", null, "no such record");
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraint(ConstraintViolationException ex) {
		var violation = ex.getConstraintViolations().iterator().next();
		String path = violation.getPropertyPath().toString();
		String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
		return problem(HttpStatus.BAD_REQUEST,
				ruleOf(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()), field,
				field + " " + violation.getMessage(), false);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "INVALID_VALUE", ex.getName(),
				ex.getName() + " has a value of the wrong type or format");
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException ex) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", null, ex.getMessage());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException ex) {
		if (causedBy(ex, PayloadTooLargeException.class) != null
				|| ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
			return problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", null, "the request body is too large");
		}
		return problem(HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART", null, "the multipart request is malformed");
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
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ruleOf(error.getCode()), error.getField(),
				error.getField() + " " + error.getDefaultMessage());
		problem.setProperty("errors",
				errors.stream()
					.map(e -> Map.of("field", e.getField(), "rule", ruleOf(e.getCode()), "message",
							e.getField() + " " + e.getDefaultMessage()))
					.collect(Collectors.toList()));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(ex, PayloadTooLargeException.class) != null) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(localized(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", null,
						"the request body is too large"));
		}
		Throwable cause = findException(ex.getCause(), JsonMappingException.class).orElse(null);
		ProblemDetail problem;
		if (cause instanceof UnrecognizedPropertyException unknown) {
			problem = localized(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD", path(unknown),
					"unknown field " + path(unknown));
		}
		else if (cause instanceof InvalidFormatException invalid) {
			problem = localized(HttpStatus.BAD_REQUEST, "INVALID_VALUE", path(invalid),
					path(invalid) + " has a value of the wrong type or format" + allowed(invalid.getTargetType()));
		}
		else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			problem = localized(HttpStatus.BAD_REQUEST, "INVALID_VALUE", path(mapping),
					path(mapping) + " has a value of the wrong type or format");
		}
		else {
			problem = localized(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", null,
					"the request body is not valid JSON of the expected shape");
		}
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(localized(HttpStatus.BAD_REQUEST, "REQUIRED", ex.getParameterName(),
					ex.getParameterName() + " is required"));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(localized(HttpStatus.BAD_REQUEST, "REQUIRED", ex.getRequestPartName(),
					ex.getRequestPartName() + " is required"));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
		return problem(HttpStatus.BAD_REQUEST, "REQUIRED", ex.getHeaderName(), ex.getHeaderName() + " is required");
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
		String rule = RULES_BY_STATUS.getOrDefault(status.value(), "HTTP_" + status.value());
		ProblemDetail problem = localized(status, rule, null, status.getReasonPhrase().toLowerCase(Locale.ROOT));
		HttpHeaders out = new HttpHeaders();
		if (headers != null) {
			out.putAll(headers);
		}
		out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, out, status);
	}

	@ExceptionHandler(org.unionledger.identity.UnreadablePersonalDataException.class)
	ResponseEntity<ProblemDetail> unreadable(org.unionledger.identity.UnreadablePersonalDataException ex) {
		return problem(HttpStatus.GONE, "PERSONAL_DATA_UNREADABLE", null,
				"the personal data cannot be decrypted here (its key is not configured or was destroyed)");
	}

	@ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException ex) {
		return problem(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", null,
				"the request's URL, parameters or headers are not acceptable");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "INVALID_VALUE", null, ex.getMessage());
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
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", null,
				"the ledger failed; nothing was written unless the record shows it");
	}

	/**
	 * The store could not take the request (a full disk, an unreachable MongoDB): 503
	 * with {@code Retry-After}, not a fault of the ledger's.
	 */
	private ResponseEntity<ProblemDetail> storeUnavailable(Exception ex) {
		log.warn("Store unavailable: {}", rootMessage(ex));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS)
			.body(localized(HttpStatus.SERVICE_UNAVAILABLE, Rules.STORE_UNAVAILABLE, null,
					"the store cannot take this request now (its disk may be full); nothing was recorded, "
							+ "try again later"));
	}

	/** When a client may try again after {@link Rules#STORE_UNAVAILABLE}. */
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

	private static String ruleOf(String code) {
		if (code == null) {
			return "INVALID_VALUE";
		}
		return code.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
	}

	private ProblemDetail localized(HttpStatus status, String rule, String field, String detail) {
		return Problems.of(status, rule, field,
				this.messages.detail(rule, field, detail, LocaleContextHolder.getLocale()));
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String rule, String field, String detail) {
		return problem(status, rule, field, detail, true);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String rule, String field, String detail,
			boolean translate) {
		ProblemDetail body = translate ? localized(status, rule, field, detail)
				: Problems.of(status, rule, field, detail);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

}
