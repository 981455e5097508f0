package org.unionledger.api.security;

import java.time.Instant;
import java.time.Duration;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.unionledger.api.problems.ProblemWriter;
import org.unionledger.common.Rule;
import org.unionledger.seeds.SeedPlan;
import org.unionledger.seeds.UnionSeed;
import org.unionledger.union.UnionId;

/**
 * Sign-in: API clients sign in on every request, statelessly, with HTTP Basic against
 * {@link UserDirectory} and, when {@code ledger.security.jwt.enabled}, bearer JWTs; the
 * dashboard signs in once through the form at {@code /ui/login} and then carries an
 * HttpOnly, SameSite=Lax session cookie, with the session's CSRF token on every change it
 * asks for (see {@link DashboardSessions}). Every answer carries a
 * Content-Security-Policy, Referrer-Policy and Permissions-Policy. Public: the online
 * application form ({@code POST /api/applications}), the API description and health. What
 * a signed-in user may then do is decided per endpoint by {@link AccessScopes}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AccessProperties.class, SignInProperties.class })
public class SecurityConfiguration {

	/** The paths anyone may call without signing in. */
	static final String[] PUBLIC_PATHS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
			"/error", "/actuator/health" };

	@Bean
	UserDirectory userDirectory(AccessProperties access, Environment environment) {
		boolean demoProfile = environment.acceptsProfiles(Profiles.of("demo"));
		List<UnionId> demoUnions = List.of();
		java.util.Map<String, String> demoAdmins = java.util.Map.of();
		if (access.security().demoUsers().enabled()) {
			long seed = environment.getProperty("ledger.seed.random-seed", Long.class, 20210501L);
			SeedPlan plan = SeedPlan.generate(seed, 100);
			demoUnions = plan.unions().stream().map(UnionSeed::unionId).toList();
			demoAdmins = plan.jurisdictionAdmins();
		}
		return new UserDirectory(access, demoProfile, demoUnions, demoAdmins);
	}

	/**
	 * BCrypt, behind the verified-credential cache unless its TTL is 0. Spring's
	 * {@code DaoAuthenticationProvider} checks HTTP Basic and the dashboard's form with
	 * this encoder and the {@link UserDirectory}; bearer tokens do not use it.
	 */
	/**
	 * Sends a signed-out dashboard page to the sign-in page with a relative
	 * {@code Location}: an absolute one is built from the request's {@code Host}, which a
	 * client can forge.
	 */
	private static LoginUrlAuthenticationEntryPoint signInPage() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint(DashboardSessions.LOGIN);
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	@Bean
	PasswordEncoder passwordEncoder(AccessProperties access) {
		PasswordEncoder bcrypt = new BCryptPasswordEncoder(access.security().bcryptStrength());
		AccessProperties.CredentialCache cache = access.security().credentialCache();
		return cache.enabled() ? new CachingPasswordEncoder(bcrypt, cache.ttl(), cache.maximumSize()) : bcrypt;
	}

	/** Failed sign-ins counted per user name and address; see {@link SignInThrottle}. */
	@Bean
	SignInThrottle signInThrottle(SignInProperties settings, java.time.Clock clock) {
		return new SignInThrottle(settings, clock);
	}

	@Bean
	SignInThrottleFilter.Outcomes signInOutcomes(SignInThrottle throttle) {
		return new SignInThrottleFilter.Outcomes(throttle);
	}

	/**
	 * API clients: every request that brings its own credentials (an
	 * {@code Authorization} header, HTTP Basic or a bearer token) is signed in on its
	 * own, statelessly: no session, no cookie, no CSRF token.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiClientSecurity(HttpSecurity http, AccessProperties access, ProblemWriter writer,
			SignInThrottle throttle) throws Exception {
		boolean bearer = access.security().jwt().enabled();
		ProblemResponses problems = new ProblemResponses(writer, bearer);
		http.securityMatcher(DashboardSessions::bringsCredentials)
			.headers(SecurityConfiguration::securityHeaders)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(SecurityConfiguration::authorize)
			.addFilterBefore(new SignInThrottleFilter(throttle, writer), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.realmName("ledger").authenticationEntryPoint(problems))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		if (bearer) {
			JwtDecoder decoder = jwtDecoder(access.security().jwt());
			http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems)
				.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtUsers())));
		}
		return http.build();
	}

	/**
	 * Everything else, the dashboard's browser above all: signed in once through the form
	 * at {@code /ui/login}, then by the session cookie; a change on that cookie must
	 * carry the CSRF token. Unauthenticated API calls get the same 401 problem as before.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain dashboardSecurity(HttpSecurity http, AccessProperties access, ProblemWriter writer,
			SignInThrottle throttle) throws Exception {
		ProblemResponses problems = new ProblemResponses(writer, access.security().jwt().enabled());
		CsrfTokenRequestAttributeHandler csrfTokens = new CsrfTokenRequestAttributeHandler();
		// The token is read from the X-XSRF-TOKEN header (or the sign-in form's _csrf
		// field) as the cookie holds it, without BREACH masking: the cookie is no secret
		// from the page's own script anyway. It is compared with the session's token.
		csrfTokens.setCsrfRequestAttributeName(null);
		http.headers(SecurityConfiguration::securityHeaders)
			.csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens())
				.csrfTokenRequestHandler(csrfTokens)
				.requireCsrfProtectionMatcher(DashboardSessions::needsCsrfToken))
			.addFilterAfter(new DashboardSessions.CsrfCookieFilter(), CsrfFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle, writer), UsernamePasswordAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(authorize -> authorize.requestMatchers(DashboardSessions.PUBLIC_PATHS).permitAll())
			.authorizeHttpRequests(SecurityConfiguration::authorize)
			.formLogin(form -> form.loginPage(DashboardSessions.LOGIN)
				.loginProcessingUrl(DashboardSessions.LOGIN)
				.defaultSuccessUrl(DashboardSessions.HOME, true)
				.failureUrl(DashboardSessions.LOGIN + "?error")
				.permitAll())
			.logout(logout -> logout.logoutUrl(DashboardSessions.LOGOUT)
				.logoutSuccessUrl(DashboardSessions.LOGIN + "?signedOut")
				.deleteCookies(DashboardSessions.SESSION_COOKIE))
			.exceptionHandling(handling -> handling
				.defaultAuthenticationEntryPointFor(signInPage(), DashboardSessions::isDashboardPage)
				.defaultAuthenticationEntryPointFor(problems, (request) -> true)
				.accessDeniedHandler(problems));
		return http.build();
	}

	/** Who may call what without signing in; everything else needs a signed-in user. */
	private static void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
		authorize.requestMatchers(HttpMethod.POST, "/api/applications")
			.permitAll()
			// This ledger's identity and public key, for the partners' trust lists.
			.requestMatchers(HttpMethod.GET, "/api/federation")
			.permitAll()
			// Receipts a partner ledger sends: its signature, not an account, vouches.
			.requestMatchers(HttpMethod.POST, "/api/federation/receipts")
			.permitAll()
			.requestMatchers(PUBLIC_PATHS)
			.permitAll()
			.anyRequest()
			.authenticated();
	}

	/**
	 * What a page may load and do: scripts, styles, images and requests from the ledger
	 * only; no inline script or {@code eval}, no plugin, no framing, forms posted to the
	 * ledger only. The dashboard (ECharts from its WebJar included) needs nothing else.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	/**
	 * The same for Swagger UI, whose React components write inline styles; its scripts
	 * still come from the ledger only.
	 */
	static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
			"style-src 'self' 'unsafe-inline';");

	/** Browser features no page of the ledger uses, switched off. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "serial=(), hid=(), midi=(), display-capture=(), accelerometer=(), gyroscope=(), magnetometer=()";

	/**
	 * On every answer, pages and API alike: the Content-Security-Policy, no referrer (a
	 * URL of the ledger names members and unions), the Permissions-Policy; Spring's
	 * defaults stay (nosniff, frame DENY, no caching).
	 */
	private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers
			.addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
					request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui")
							? API_DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
	}

	/**
	 * Requests the firewall refuses (encoded NUL, malformed encodings, path traversal)
	 * get a 400 problem too.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ProblemWriter writer) {
		return (request, response, ex) -> writer.write(request, response, Rule.REQUEST_REJECTED, null,
				"the request's URL or headers are not acceptable");
	}

	static JwtDecoder jwtDecoder(AccessProperties.Jwt settings) {
		NimbusJwtDecoder decoder;
		if (settings.secret() != null && !settings.secret().isBlank()) {
			byte[] key = Base64.getDecoder().decode(settings.secret().strip());
			if (key.length < 32) {
				throw new IllegalStateException("ledger.security.jwt.secret must be Base64 of at least 32 bytes");
			}
			decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
				.macAlgorithm(MacAlgorithm.HS256)
				.build();
		}
		else if (settings.publicKey() != null && !settings.publicKey().isBlank()) {
			decoder = NimbusJwtDecoder.withPublicKey(rsaPublicKey(settings.publicKey())).build();
		}
		else {
			throw new IllegalStateException(
					"ledger.security.jwt.enabled needs ledger.security.jwt.secret or ledger.security.jwt.public-key");
		}
		OAuth2TokenValidator<Jwt> standard = (settings.issuer() != null && !settings.issuer().isBlank())
				? JwtValidators.createDefaultWithIssuer(settings.issuer()) : JwtValidators.createDefault();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(standard, SecurityConfiguration::shortLived));
		return decoder;
	}

	/** The longest a bearer token may still be valid for when it is presented. */
	static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(24);

	/**
	 * A token must expire, and within {@link #MAX_TOKEN_LIFETIME} (plus a minute of clock
	 * skew) of being presented: one without {@code exp}, or valid until 2100, would be a
	 * password that cannot be revoked.
	 */
	static OAuth2TokenValidatorResult shortLived(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return OAuth2TokenValidatorResult
				.failure(new OAuth2Error("invalid_token", "the token has no expiry (exp)", null));
		}
		if (expiresAt.isAfter(Instant.now().plus(MAX_TOKEN_LIFETIME).plusSeconds(60))) {
			return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
					"the token is valid for more than " + MAX_TOKEN_LIFETIME.toHours() + " hours", null));
		}
		return OAuth2TokenValidatorResult.success();
	}

	static RSAPublicKey rsaPublicKey(String pem) {
		String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (java.security.GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("ledger.security.jwt.public-key is not an RSA public key in PEM", ex);
		}
	}

}
