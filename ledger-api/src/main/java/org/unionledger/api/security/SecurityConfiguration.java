package org.unionledger.api.security;

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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.unionledger.api.problems.ProblemWriter;
import org.unionledger.seeds.SeedPlan;
import org.unionledger.seeds.UnionSeed;
import org.unionledger.union.UnionId;

/**
 * Stateless sign-in on every request: HTTP Basic against {@link UserDirectory} and, when
 * {@code ledger.security.jwt.enabled}, bearer JWTs. Public: the online application form
 * ({@code POST /api/applications}), the API description and health. What a signed-in user
 * may then do is decided per endpoint by {@link Scopes}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
public class SecurityConfiguration {

	/** The paths anyone may call without signing in. */
	static final String[] PUBLIC_PATHS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
			"/error", "/actuator/health" };

	@Bean
	UserDirectory userDirectory(AccessProperties access, Environment environment) {
		boolean demoProfile = environment.acceptsProfiles(Profiles.of("demo"));
		List<UnionId> demoUnions = List.of();
		if (access.security().demoUsers().enabled()) {
			long seed = environment.getProperty("ledger.seed.random-seed", Long.class, 20210501L);
			demoUnions = SeedPlan.generate(seed, 100).unions().stream().map(UnionSeed::unionId).toList();
		}
		return new UserDirectory(access, demoProfile, demoUnions);
	}

	@Bean
	PasswordEncoder passwordEncoder(AccessProperties access) {
		return new BCryptPasswordEncoder(access.security().bcryptStrength());
	}

	@Bean
	SecurityFilterChain ledgerSecurity(HttpSecurity http, AccessProperties access, ProblemWriter writer)
			throws Exception {
		boolean bearer = access.security().jwt().enabled();
		ProblemResponses problems = new ProblemResponses(writer, bearer);
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(authorize -> authorize.requestMatchers(HttpMethod.POST, "/api/applications")
				.permitAll()
				.requestMatchers(PUBLIC_PATHS)
				.permitAll()
				.anyRequest()
				.authenticated())
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
	 * Requests the firewall refuses (encoded NUL, malformed encodings, path traversal)
	 * get a 400 problem too.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ProblemWriter writer) {
		return (request, response, ex) -> writer.write(request, response,
				org.springframework.http.HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", null,
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
		if (settings.issuer() != null && !settings.issuer().isBlank()) {
			decoder.setJwtValidator(
					new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuer())));
		}
		return decoder;
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
