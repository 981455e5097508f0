package org.unionledger.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unionledger.api.problems.ProblemWriter;
import org.unionledger.common.Rule;

/**
 * Puts {@link SignInThrottle} in front of HTTP Basic and the dashboard's form: an attempt
 * that must still wait is refused before its password is checked (Basic: 429 problem
 * {@link Rule#SIGN_IN_THROTTLED} with {@code Retry-After}; form: back to the sign-in page
 * with {@code ?throttled}). Outcomes are counted from Spring Security's authentication
 * events.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final ProblemWriter problems;

	public SignInThrottleFilter(SignInThrottle throttle, ProblemWriter problems) {
		this.throttle = throttle;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = isFormSignIn(request);
		String user = form ? request.getParameter("username") : basicUser(request);
		if (user != null) {
			Optional<Duration> wait = this.throttle.waitBefore(user, request.getRemoteAddr());
			if (wait.isPresent()) {
				long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
				if (form) {
					response.sendRedirect(DashboardSessions.LOGIN + "?throttled");
				}
				else {
					response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
					this.problems.write(request, response, Rule.SIGN_IN_THROTTLED, null,
							"too many failed sign-ins; try again in " + seconds + " s");
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static boolean isFormSignIn(HttpServletRequest request) {
		return "POST".equals(request.getMethod())
				&& DashboardSessions.LOGIN.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	/** The user name of a Basic {@code Authorization} header, or {@code null}. */
	static String basicUser(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon >= 0) ? decoded.substring(0, colon) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Counts the outcomes of password sign-ins; bearer tokens are not counted. */
	public static class Outcomes {

		private final SignInThrottle throttle;

		public Outcomes(SignInThrottle throttle) {
			this.throttle = throttle;
		}

		@EventListener
		public void failed(AuthenticationFailureBadCredentialsEvent event) {
			if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
					&& token.getDetails() instanceof WebAuthenticationDetails details) {
				this.throttle.failed(String.valueOf(token.getPrincipal()), details.getRemoteAddress());
			}
		}

		@EventListener
		public void succeeded(AuthenticationSuccessEvent event) {
			if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token) {
				this.throttle.succeeded(token.getName());
			}
		}

	}

}
