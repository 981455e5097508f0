package org.unionledger.api.problems;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.unionledger.common.Rule;

/**
 * The servlet container's last word as problem+json instead of an HTML page: errors the
 * container raises before the application sees the request (a URL it refuses to decode,
 * for example) or after the application's own error handling failed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final Map<Integer, Rule> RULES = Map.of(400, Rule.BAD_REQUEST, 401, Rule.UNAUTHENTICATED, 403,
			Rule.FORBIDDEN, 404, Rule.ROUTE_NOT_FOUND, 405, Rule.METHOD_NOT_ALLOWED, 413, Rule.PAYLOAD_TOO_LARGE, 414,
			Rule.URI_TOO_LONG, 415, Rule.UNSUPPORTED_MEDIA_TYPE, 500, Rule.INTERNAL_ERROR, 503, Rule.UNAVAILABLE);

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
			return;
		}
		Rule known = RULES.get(status);
		String rule = (known != null) ? known.name() : "HTTP_" + status;
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
