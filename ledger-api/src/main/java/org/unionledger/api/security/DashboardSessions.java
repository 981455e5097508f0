package org.unionledger.api.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The rules that set the dashboard's session sign-in apart from the API's stateless one.
 * <ul>
 * <li>A request that brings its own credentials ({@code Authorization}: Basic or Bearer)
 * is an API client's: no session, no CSRF token.</li>
 * <li>A change (POST, PUT, PATCH, DELETE) that relies on a session cookie, and the
 * sign-in form itself, must carry the session's CSRF token (header {@code X-XSRF-TOKEN}
 * or field {@code _csrf}; see {@link SessionCsrfTokens}).</li>
 * <li>The dashboard's pages, scripts, styles and dictionaries hold no data and are
 * public; every figure they show comes from the API under the signed-in user's
 * scope.</li>
 * </ul>
 */
public final class DashboardSessions {

	public static final String LOGIN = "/ui/login";

	public static final String LOGOUT = "/ui/logout";

	public static final String HOME = "/ui/";

	public static final String SESSION_COOKIE = "JSESSIONID";

	/** Static parts of the dashboard: no figures, no personal data. */
	static final String[] PUBLIC_PATHS = { "/ui/login", "/ui/login.html", "/ui/*.css", "/ui/*.js", "/ui/pages/*.js",
			"/ui/i18n/*.json", "/ui/favicon.svg", "/webjars/**" };

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private DashboardSessions() {
	}

	/** Whether the request signs in by itself (Basic or bearer): an API client's. */
	static boolean bringsCredentials(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}

	/** Whether the request must carry the CSRF token. */
	static boolean needsCsrfToken(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return false;
		}
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return false;
		}
		// Without a live session a request is anonymous: nothing to forge (an expired
		// session's change gets 401 and the page goes to the sign-in form).
		return request.isRequestedSessionIdValid() || LOGIN.equals(path(request));
	}

	/** A dashboard page asked for without a session: sent to the sign-in form. */
	static boolean isDashboardPage(HttpServletRequest request) {
		String path = path(request);
		return path.equals("/ui") || (path.startsWith("/ui/") && !path.startsWith("/api/"));
	}

	/** {@code /ui}, {@code /ui/}, {@code /ui/login} and the HTML files behind them. */
	private static boolean isPage(String path) {
		if (!path.equals("/ui") && !path.startsWith("/ui/")) {
			return false;
		}
		String name = path.substring(path.lastIndexOf('/') + 1);
		return !name.contains(".") || name.endsWith(".html");
	}

	private static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return (context != null && uri.startsWith(context)) ? uri.substring(context.length()) : uri;
	}

	/**
	 * Loads the CSRF token on every dashboard page, so that its cookie is there before
	 * the first form is sent (Spring Security otherwise defers it until it is asked for).
	 * Not on scripts, styles and dictionaries: a token lives in a session, and those
	 * would open one for anyone who asks.
	 */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && isPage(path(request))) {
				Object token = request.getAttribute(CsrfToken.class.getName());
				if (token instanceof CsrfToken csrf) {
					csrf.getToken();
				}
			}
			chain.doFilter(request, response);
		}

	}

}
