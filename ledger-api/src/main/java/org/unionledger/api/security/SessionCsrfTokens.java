package org.unionledger.api.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The dashboard's CSRF token: held in the server-side session, and handed to the page's
 * script in the readable {@code XSRF-TOKEN} cookie, which the script sends back as
 * {@code X-XSRF-TOKEN} (the sign-in form as the field {@code _csrf}). What a request
 * brings is compared with the session's token, never with the cookie: a cookie planted by
 * another site (a sibling subdomain, a network attacker on plain HTTP) with a matching
 * field proves nothing. A cookie that differs from the session's token is set right on
 * the next request that reads the token, so a planted cookie does not lock the dashboard
 * out either.
 * <p>
 * The sign-in page opens a session for its token (before anyone signs in); signing in
 * changes the session's id and its token.
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "XSRF-TOKEN";

	static final String HEADER = "X-XSRF-TOKEN";

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookies = CookieCsrfTokenRepository.withHttpOnlyFalse();

	SessionCsrfTokens() {
		this.sessions.setHeaderName(HEADER);
		this.cookies.setCookieName(COOKIE);
		this.cookies.setHeaderName(HEADER);
		this.cookies.setCookiePath("/");
		this.cookies.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.sessions.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		this.sessions.saveToken(token, request, response);
		this.cookies.saveToken(token, request, response);
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return this.sessions.loadToken(request);
	}

	@Override
	public DeferredCsrfToken loadDeferredToken(HttpServletRequest request, HttpServletResponse response) {
		DeferredCsrfToken deferred = CsrfTokenRepository.super.loadDeferredToken(request, response);
		return new DeferredCsrfToken() {

			@Override
			public CsrfToken get() {
				CsrfToken token = deferred.get();
				if (!deferred.isGenerated() && !token.getToken().equals(cookieValue(request))) {
					SessionCsrfTokens.this.cookies.saveToken(token, request, response);
				}
				return token;
			}

			@Override
			public boolean isGenerated() {
				return deferred.isGenerated();
			}

		};
	}

	private static String cookieValue(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

}
