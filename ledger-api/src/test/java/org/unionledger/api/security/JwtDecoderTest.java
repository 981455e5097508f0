package org.unionledger.api.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The RSA public-key form of the JWT option, with a locally signed token. */
class JwtDecoderTest {

	@Test
	void aTokenSignedWithThePrivateKeyBecomesTheLedgerUserOfItsClaims() throws Exception {
		KeyPair pair = keyPair();
		JwtDecoder decoder = SecurityConfiguration
			.jwtDecoder(new AccessProperties.Jwt(true, null, pem(pair), "https://idp.example"));

		Jwt jwt = decoder.decode(sign(pair, "https://idp.example"));
		LedgerUser user = (LedgerUser) new JwtUsers().convert(jwt).getPrincipal();

		assertThat(user.name()).as("a namespace of its own").isEqualTo("jwt:zhang.wei");
		assertThat(user.role()).isEqualTo(Role.SUPERVISOR);
		assertThat(user.scope().jurisdiction().value()).isEqualTo("1301");
		assertThatExceptionOfType(JwtException.class).as("another issuer")
			.isThrownBy(() -> decoder.decode(sign(pair, "https://elsewhere.example")));
	}

	@Test
	void aTokenWithoutExpiryOrValidForMoreThanADayIsRefused() throws Exception {
		KeyPair pair = keyPair();
		JwtDecoder decoder = SecurityConfiguration.jwtDecoder(new AccessProperties.Jwt(true, null, pem(pair), null));

		assertThat(decoder.decode(sign(pair, "https://idp.example", Instant.now().plusSeconds(3600))).getSubject())
			.isEqualTo("zhang.wei");
		assertThatExceptionOfType(JwtException.class).as("no exp")
			.isThrownBy(() -> decoder.decode(sign(pair, "https://idp.example", null)));
		assertThatExceptionOfType(JwtException.class).as("exp in 2100")
			.isThrownBy(() -> decoder.decode(sign(pair, "https://idp.example", Instant.parse("2100-01-01T00:00:00Z"))));
		assertThatExceptionOfType(JwtException.class).as("exp in 25 hours")
			.isThrownBy(() -> decoder.decode(sign(pair, "https://idp.example", Instant.now().plusSeconds(25 * 3600))));
	}

	private static KeyPair keyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static String pem(KeyPair pair) {
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----";
	}

	private static String sign(KeyPair pair, String issuer) throws Exception {
		return sign(pair, issuer, Instant.now().plusSeconds(300));
	}

	private static String sign(KeyPair pair, String issuer, Instant expiresAt) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
				new JWTClaimsSet.Builder().subject("zhang.wei")
					.issuer(issuer)
					.audience(List.of("ledger"))
					.claim("ledger_role", "SUPERVISOR")
					.claim("ledger_jurisdiction", "1301")
					.expirationTime((expiresAt != null) ? Date.from(expiresAt) : null)
					.build());
		jwt.sign(new RSASSASigner((RSAPrivateKey) pair.getPrivate()));
		return jwt.serialize();
	}

}
