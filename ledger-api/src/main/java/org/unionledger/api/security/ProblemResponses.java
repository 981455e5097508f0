package org.unionledger.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.unionledger.api.problems.ProblemWriter;
import org.unionledger.common.Rule;

/**
 * 401 and 403 from the security filters as problem+json, like every other error. A 401
 * names the accepted schemes in {@code WWW-Authenticate}, except to the dashboard's
 * script.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemWriter problems;

	private final boolean bearer;

	public ProblemResponses(ProblemWriter problems, boolean bearer) {
		this.problems = problems;
		this.bearer = bearer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		// The dashboard's script asks with X-Requested-With; a Basic challenge would make
		// the browser open its own password dialog instead of the dashboard's sign-in
		// page.
		if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
			response.addHeader("WWW-Authenticate", "Basic realm=\"ledger\", charset=\"UTF-8\"");
			if (this.bearer) {
				response.addHeader("WWW-Authenticate", "Bearer");
			}
		}
		this.problems.write(request, response, Rule.UNAUTHENTICATED, null,
				"sign in with HTTP Basic" + (this.bearer ? " or a bearer token" : ""));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (ex instanceof CsrfException) {
			this.problems.write(request, response, Rule.CSRF_TOKEN_INVALID, null,
					"a change on the dashboard's session must carry the session's CSRF token "
							+ "(X-XSRF-TOKEN or _csrf); reload the page");
			return;
		}
		this.problems.write(request, response, Rule.FORBIDDEN, null, "your role or scope does not allow this");
	}

}
