/**
 * The API description: OpenAPI 3 at {@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}.
 */
package org.unionledger.api.docs;
