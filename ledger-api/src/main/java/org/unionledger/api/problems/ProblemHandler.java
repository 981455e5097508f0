package org.unionledger.api.problems;

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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Rules;

/**
 * Turns every refusal into {@code application/problem+json} naming the field and the
 * rule. Bad input is always a 4xx; a 5xx means a fault of the ledger, never of the
 * request.
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
			"ALREADY_REGISTERED", "CONCURRENT_CHANGE", "PROCESSOR_BUSY");

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		return problem(ex.status(), ex.rule(), ex.field(), ex.getMessage());
	}

	@ExceptionHandler(DomainRuleViolation.class)
	ResponseEntity<ProblemDetail> domain(DomainRuleViolation ex) {
		HttpStatus status = CONFLICT_RULES.contains(ex.rule()) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
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
		throw ex;
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
				field + " " + violation.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "INVALID_VALUE", ex.getName(),
				ex.getName() + " has a value of the wrong type or format");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		FieldError error = ex.getBindingResult().getFieldErrors().get(0);
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ruleOf(error.getCode()), error.getField(),
				error.getField() + " " + error.getDefaultMessage());
		problem.setProperty("errors",
				ex.getBindingResult()
					.getFieldErrors()
					.stream()
					.map(e -> java.util.Map.of("field", e.getField(), "rule", ruleOf(e.getCode()), "message",
							String.valueOf(e.getDefaultMessage())))
					.collect(Collectors.toList()));
		return ResponseEntity.badRequest()
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		while (cause != null && !(cause instanceof JsonMappingException) && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		ProblemDetail problem;
		if (cause instanceof UnrecognizedPropertyException unknown) {
			problem = Problems.of(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD", path(unknown),
					"unknown field " + unknown.getPropertyName());
		}
		else if (cause instanceof InvalidFormatException invalid) {
			problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_VALUE", path(invalid),
					path(invalid) + " has a value of the wrong type or format" + allowed(invalid.getTargetType()));
		}
		else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_VALUE", path(mapping),
					path(mapping) + " has a value of the wrong type or format");
		}
		else {
			problem = Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", null,
					"the request body is not valid JSON of the expected shape");
		}
		return ResponseEntity.badRequest()
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "INVALID_VALUE", null, ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", null,
				"the ledger failed; nothing was written unless the record shows it");
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
		return code.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String rule, String field, String detail) {
		return ResponseEntity.status(status)
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(status, rule, field, detail));
	}

}
