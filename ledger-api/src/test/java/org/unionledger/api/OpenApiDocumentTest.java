package org.unionledger.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes every answer: each operation has a summary and the
 * problem+json answers its route can give, and each JSON success answer a schema with
 * properties (not a bare object), so that a generated client gets types. The document is
 * also written to {@code target/openapi.json}, where CI lints it (Redocly, see
 * {@code .ci/run}).
 */
class OpenApiDocumentTest extends ApiTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	private JsonNode document;

	@BeforeEach
	void load() throws IOException {
		String text = this.http.getForObject("/v3/api-docs", String.class);
		Path file = Path.of("target", "openapi.json");
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
		this.document = JSON.readTree(text);
	}

	@Test
	void everyOperationHasASummaryAndProblemAnswers() {
		List<String> failures = new ArrayList<>();
		operations((route, operation) -> {
			if (operation.path("summary").asText("").isBlank()) {
				failures.add(route + ": no summary");
			}
			boolean problem = false;
			for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> response = it.next();
				JsonNode schema = response.getValue().path("content").path("application/problem+json").path("schema");
				if (response.getKey().startsWith("4")
						&& "#/components/schemas/ProblemDetails".equals(schema.path("$ref").asText())) {
					problem = true;
				}
			}
			if (!problem) {
				failures.add(route + ": no 4xx application/problem+json answer");
			}
		});
		assertThat(failures).isEmpty();
		assertThat(this.document.at("/components/schemas/ProblemDetails/properties").has("rule")).isTrue();
	}

	@Test
	void everyOperationHasAnIdNamingItsControllerAndHandler() {
		Map<String, String> routes = new java.util.TreeMap<>();
		List<String> failures = new ArrayList<>();
		operations((route, operation) -> {
			String id = operation.path("operationId").asText("");
			if (!id.matches("[a-z][A-Za-z0-9]*")) {
				failures.add(route + ": operationId '" + id + "'");
			}
			String other = routes.put(id, route);
			if (other != null) {
				failures.add(id + " names both " + other + " and " + route);
			}
		});
		assertThat(failures).isEmpty();
		assertThat(routes).containsEntry("memberWorkLookup", "POST /api/members/lookup")
			.containsEntry("interLedgerTransferAccept", "POST /api/inter-ledger-transfers");
	}

	@Test
	void everyJsonSuccessAnswerHasATypedSchema() {
		List<String> untyped = new ArrayList<>();
		operations((route, operation) -> {
			for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> response = it.next();
				if (!response.getKey().startsWith("2")) {
					continue;
				}
				for (Iterator<Map.Entry<String, JsonNode>> media = response.getValue().path("content").fields(); media
					.hasNext();) {
					Map.Entry<String, JsonNode> content = media.next();
					if (content.getKey().contains("json") && !typed(content.getValue().path("schema"), 0)) {
						untyped.add(route);
					}
				}
			}
		});
		assertThat(new TreeSet<>(untyped))
			.as("JSON success answers without a schema of properties (bare objects or maps)")
			.isEmpty();
	}

	@Test
	void aCommandThatCreatesOrStartsSomethingDocumentsItsStatus() {
		Map<String, String> expected = Map.of("POST /api/members", "201",
				"POST /api/members/{memberId}/transfer-credentials", "201",
				"POST /api/members/{memberId}/serving-assignments", "201", "POST /api/services", "201",
				"POST /api/unions", "201", "POST /api/jurisdictions/{code}/annual-reports/{year}/sign-off", "201",
				"POST /api/applications", "202", "POST /api/imports", "202",
				"POST /api/operations/processors/{name}/rebuild", "202");
		Map<String, String> documented = new java.util.TreeMap<>();
		operations((route, operation) -> operation.path("responses").fieldNames().forEachRemaining((status) -> {
			if (status.startsWith("2")) {
				documented.merge(route, status, (a, b) -> a + "," + b);
			}
		}));
		assertThat(documented).containsAllEntriesOf(expected);
		assertThat(documented.entrySet()).filteredOn((e) -> !expected.containsKey(e.getKey()))
			.extracting(Map.Entry::getValue)
			.containsOnly("200");
	}

	@Test
	void everyStringExampleIsAString() {
		List<String> wrong = new ArrayList<>();
		this.document.at("/components/schemas").fields().forEachRemaining((schema) -> {
			schema.getValue().path("properties").fields().forEachRemaining((property) -> {
				JsonNode example = property.getValue().path("example");
				if ("string".equals(property.getValue().path("type").asText()) && !example.isMissingNode()
						&& !example.isTextual()) {
					wrong.add(schema.getKey() + "." + property.getKey() + " = " + example);
				}
			});
		});
		assertThat(wrong).isEmpty();
	}

	/**
	 * Whether a schema describes its fields: a reference to, or an inline, object with
	 * properties; an array of such; or a scalar. A bare object or a map is not.
	 */
	private boolean typed(JsonNode schema, int depth) {
		if (schema.isMissingNode() || depth > 10) {
			return false;
		}
		if (schema.has("$ref")) {
			return typed(this.document.at(schema.get("$ref").asText().substring(1)), depth + 1);
		}
		if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
			return true;
		}
		String type = schema.path("type").asText("");
		if ("array".equals(type)) {
			return typed(schema.path("items"), depth + 1);
		}
		if ("object".equals(type) || type.isEmpty()) {
			return schema.path("properties").size() > 0;
		}
		return true;
	}

	private void operations(java.util.function.BiConsumer<String, JsonNode> action) {
		this.document.path("paths")
			.fields()
			.forEachRemaining((path) -> path.getValue().fields().forEachRemaining((op) -> {
				if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) {
					action.accept(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), op.getValue());
				}
			}));
	}

}
