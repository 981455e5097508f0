package org.unionledger.api.docs;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.unionledger.common.Rule;

/**
 * Completes every operation of the generated document in one place, the command
 * controllers' included: its summary ({@link OperationSummaries}) and the
 * {@code application/problem+json} answers its route can give, derived from the route (a
 * success status other than 200 is the handler's {@code @ResponseStatus}):
 * <ul>
 * <li>400 when it takes a body or parameters (malformed or invalid input);</li>
 * <li>401, 403 and 429 unless it is public (not signed in; outside role or scope; sign-in
 * locked or rate limited);</li>
 * <li>404 when a path names a resource;</li>
 * <li>409 for a command (a conflicting state, a concurrent change, the same
 * Idempotency-Key still running);</li>
 * <li>413 when it takes a body;</li>
 * <li>422 when it takes a body or query parameters, or is a command (a rule refuses the
 * input; an Idempotency-Key reused for another request);</li>
 * <li>503 always (the store is unavailable).</li>
 * </ul>
 * It also writes string examples that the schema generator read as numbers back as
 * strings (e.g. {@code "130102"}), so that every example matches its schema.
 */
class OperationDocs implements OpenApiCustomizer {

	/** The name of the problem+json schema ({@code Problem} is the seal's own). */
	static final String SCHEMA = "ProblemDetails";

	static final String MEDIA_TYPE = "application/problem+json";

	/** Operations anyone may call without signing in. */
	private static final Set<String> PUBLIC = Set.of("POST /api/applications", "GET /api/federation",
			"POST /api/federation/receipts");

	/** Answers a route gives beyond those derived from its shape. */
	private static final Map<String, Map<String, String>> SPECIFIC = Map.of("GET /api/members/{memberId}/personal-data",
			Map.of("410", "The member's personal data was erased or can no longer be decrypted"),
			"POST /api/members/lookup", Map.of("404", "No member found, or none the caller may see"));

	private static final Map<String, String> DESCRIPTIONS = Map.of("400",
			"Malformed or invalid input; `field` names the first at fault, `errors` lists every one", "401",
			"Not signed in", "403", "Outside the caller's role or scope", "404",
			"No such resource, or none the caller may see", "409",
			"Conflicts with the ledger's state, a concurrent change, or a request with the same Idempotency-Key still running",
			"413", "The request body is too large", "422",
			"A rule of the ledger refuses the request, or its Idempotency-Key was used for another request", "429",
			"Too many requests: sign-in locked or throttled, or a rate limit reached", "503",
			"The store is unavailable; try again later");

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas(SCHEMA, problemSchema());
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			String route = method.name() + " " + path;
			OperationSummaries.of(method.name(), path).ifPresent(operation::setSummary);
			if (PUBLIC.contains(route)) {
				operation.setSecurity(List.of());
			}
			problems(route, method, operation).forEach((status, description) -> {
				ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses()
						: new ApiResponses();
				operation.setResponses(responses);
				responses.putIfAbsent(status,
						new ApiResponse().description(description)
							.content(new Content().addMediaType(MEDIA_TYPE,
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)))));
			});
		}));
		StringExamples.fix(openApi);
	}

	/** The problem answers of a route, by status, in status order. */
	static Map<String, String> problems(String route, PathItem.HttpMethod method, Operation operation) {
		List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
		boolean body = operation.getRequestBody() != null;
		boolean query = parameters.stream().anyMatch((p) -> "query".equals(p.getIn()));
		boolean pathVariable = parameters.stream().anyMatch((p) -> "path".equals(p.getIn()));
		boolean command = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
		boolean signedIn = !PUBLIC.contains(route);
		Map<String, String> statuses = new LinkedHashMap<>();
		add(statuses, "400", body || !parameters.isEmpty());
		add(statuses, "401", signedIn);
		add(statuses, "403", signedIn);
		add(statuses, "404", pathVariable);
		add(statuses, "409", command);
		add(statuses, "413", body);
		add(statuses, "422", body || query || command);
		add(statuses, "429", true);
		add(statuses, "503", true);
		statuses.putAll(SPECIFIC.getOrDefault(route, Map.of()));
		return statuses;
	}

	private static void add(Map<String, String> statuses, String status, boolean applies) {
		if (applies) {
			statuses.put(status, DESCRIPTIONS.get(status));
		}
	}

	/** RFC 9457 problem details as the ledger writes them. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		Schema error = new ObjectSchema().description("One invalid field")
			.addProperty("field", new StringSchema().description("the field at fault"))
			.addProperty("rule", new StringSchema().description("the rule it breaks"))
			.addProperty("message", new StringSchema().description("what is wrong, in the request's language"));
		return new ObjectSchema().description("RFC 9457 problem details; details follow Accept-Language")
			.addProperty("type",
					new StringSchema().format("uri")
						.description("stable per rule")
						.example("https://union-ledger.org/problems/union-unknown"))
			.addProperty("title", new StringSchema().description("the rule's name").example(Rule.UNION_UNKNOWN.name()))
			.addProperty("status", new IntegerSchema().description("the HTTP status").example(404))
			.addProperty("detail",
					new StringSchema().description("what went wrong, in English or Chinese")
						.example("no union with this id"))
			.addProperty("instance", new StringSchema().format("uri-reference").description("the request's path"))
			.addProperty("rule",
					new StringSchema().description("the rule refused, stable").example(Rule.UNION_UNKNOWN.name()))
			.addProperty("field", new StringSchema().description("the input at fault, if one is").example("unionId"))
			.addProperty("errors", new ArraySchema().items(error).description("every invalid field (400 only)"))
			.required(List.of("type", "title", "status", "rule"))
			.additionalProperties(true);
	}

	/**
	 * String examples the generator parsed as numbers
	 * ({@code @Schema(example = "130102")} on a string becomes {@code 130102}), written
	 * back as strings.
	 */
	static final class StringExamples {

		private StringExamples() {
		}

		static void fix(OpenAPI openApi) {
			Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
			if (openApi.getComponents().getSchemas() != null) {
				openApi.getComponents().getSchemas().values().forEach((schema) -> fix(schema, seen));
			}
			openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
				if (operation.getParameters() != null) {
					operation.getParameters().forEach((parameter) -> fix(parameter.getSchema(), seen));
				}
				if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
					operation.getRequestBody().getContent().values().forEach((media) -> fix(media.getSchema(), seen));
				}
			}));
		}

		@SuppressWarnings({ "rawtypes", "unchecked" })
		private static void fix(Schema schema, Map<Schema<?>, Boolean> seen) {
			// Annotated properties are JSON Schema models (types, not type), examples
			// parsed
			// JSON nodes.
			if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
				return;
			}
			boolean string = "string".equals(schema.getType())
					|| (schema.getTypes() != null && schema.getTypes().contains("string"));
			if (string && schema.getExample() != null && !(schema.getExample() instanceof String)) {
				schema.setExample(String.valueOf(schema.getExample()));
			}
			if (schema.getProperties() != null) {
				((Map<String, Schema>) schema.getProperties()).values().forEach((property) -> fix(property, seen));
			}
			fix(schema.getItems(), seen);
			if (schema.getAdditionalProperties() instanceof Schema additional) {
				fix(additional, seen);
			}
		}

	}

}
