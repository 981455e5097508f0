package org.unionledger.api.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: title, the sign-in schemes and the problem+json
 * convention. Operations, request bodies, answers and their examples come from the
 * controllers; {@link OperationDocs} adds each operation's summary and problem answers.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	@Bean
	OpenAPI ledgerOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Union Membership Ledger API")
				.version("0.1")
				.description("Event-sourced membership ledger for trade unions (源头入会、凭证接转、属地管理). "
						+ "Sign in with HTTP Basic (or a bearer JWT where enabled); what you may read and change "
						+ "depends on your role and scope. Every error is RFC 9457 application/problem+json with "
						+ "a stable `type` and `rule` per rule and the `field` at fault; details follow "
						+ "Accept-Language (English, 简体中文). POSTs accept an Idempotency-Key header.")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.addServersItem(new Server().url("/").description("this ledger"))
			.components(new Components()
				.addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("bearerAuth",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("basicAuth"))
			.addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
	}

	@Bean
	OpenApiCustomizer operationDocs() {
		return new OperationDocs();
	}

	/**
	 * Each operation's id from its handler: the controller's name without
	 * {@code Controller}, then the method's ({@code MemberWorkController.lookup} is
	 * {@code memberWorkLookup}), so that a generated client's methods say what they do
	 * instead of {@code get_3}. Unique because a controller's handler methods are.
	 */
	@Bean
	OperationCustomizer operationIds() {
		return (operation, handler) -> operation.operationId(operationId(handler.getBeanType(), handler.getMethod()));
	}

	static String operationId(Class<?> controller, java.lang.reflect.Method method) {
		String name = controller.getSimpleName().replaceFirst("Controller$", "");
		String first = Character.toLowerCase(name.charAt(0)) + name.substring(1);
		String handler = method.getName();
		return first + Character.toUpperCase(handler.charAt(0)) + handler.substring(1);
	}

}
