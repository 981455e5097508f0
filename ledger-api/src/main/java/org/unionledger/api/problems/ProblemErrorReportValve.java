package org.unionledger.api.problems;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The servlet container's last word as problem+json instead of an HTML page: errors the
 * container raises before the application sees the request (a URL it refuses to decode,
 * for example) or after the application's own error handling failed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final Map<Integer, String> RULES = Map.of(400, "BAD_REQUEST", 401, "UNAUTHENTICATED", 403,
			"FORBIDDEN", 404, "ROUTE_NOT_FOUND", 405, "METHOD_NOT_ALLOWED", 413, "PAYLOAD_TOO_LARGE", 414,
			"URI_TOO_LONG", 415, "UNSUPPORTED_MEDIA_TYPE", 500, "INTERNAL_ERROR", 503, "UNAVAILABLE");

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
			return;
		}
		String rule = RULES.getOrDefault(status, "HTTP_" + status);
		String body = "{\"type\":\"https://union-ledger.org/problems/"
				+ rule.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "\",\"title\":\"" + rule
				+ "\",\"status\":" + status + ",\"rule\":\"" + rule + "\"}";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone; nothing more to say.
		}
	}

}
