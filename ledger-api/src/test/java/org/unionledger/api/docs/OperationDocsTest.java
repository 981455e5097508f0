package org.unionledger.api.docs;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem answers a route can give follow from its shape. */
class OperationDocsTest {

	@Test
	void aReadWithoutParametersCanOnlyBeRefusedBySignInScopeThrottleOrStore() {
		assertThat(OperationDocs.problems("GET /api/me", HttpMethod.GET, new Operation())).containsOnlyKeys("401",
				"403", "429", "503");
	}

	@Test
	void aReadOfAPathResourceWithQueryParametersCanAlsoBeInvalidOrUnknown() {
		Operation read = new Operation()
			.parameters(List.of(new Parameter().in("path").name("code"), new Parameter().in("query").name("year")));
		assertThat(OperationDocs.problems("GET /api/jurisdictions/{code}/statistics", HttpMethod.GET, read))
			.containsOnlyKeys("400", "401", "403", "404", "422", "429", "503");
	}

	@Test
	void aCommandWithABodyCanConflictAndBeTooLarge() {
		Operation command = new Operation().requestBody(new RequestBody());
		assertThat(OperationDocs.problems("POST /api/unions", HttpMethod.POST, command)).containsOnlyKeys("400", "401",
				"403", "409", "413", "422", "429", "503");
	}

	@Test
	void thePublicApplicationIsNeverUnauthenticatedOrForbidden() {
		Operation apply = new Operation().requestBody(new RequestBody());
		assertThat(OperationDocs.problems("POST /api/applications", HttpMethod.POST, apply))
			.doesNotContainKeys("401", "403")
			.containsKeys("400", "429");
	}

	@Test
	void personalDataCanBeGone() {
		Operation read = new Operation().parameters(
				List.of(new Parameter().in("path").name("memberId"), new Parameter().in("query").name("purpose")));
		assertThat(OperationDocs.problems("GET /api/members/{memberId}/personal-data", HttpMethod.GET, read))
			.containsKey("410");
	}

}
