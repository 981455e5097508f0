package org.unionledger.api.federation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.unionledger.jurisdiction.LedgerId;

/**
 * This ledger's signing key: an EC key pair on P-256 as a private JWK, named
 * {@code <ledger>/<key name>}. Its public half ({@link #publicJwk()}) goes into the other
 * ledgers' trust lists.
 */
public final class SigningKey {

	private final ECKey key;

	private final LedgerId ledger;

	private SigningKey(ECKey key) {
		if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve())) {
			throw new IllegalStateException("the signing key " + key.getKeyID() + " must be a private EC key on P-256");
		}
		this.key = key;
		this.ledger = TrustList.ledgerOf(key.getKeyID());
	}

	public static SigningKey of(ECKey key) {
		return new SigningKey(key);
	}

	/** Reads a private JWK from a file. */
	public static SigningKey read(Path file) {
		try {
			JWK jwk = JWK.parse(Files.readString(file));
			if (!(jwk instanceof ECKey ec)) {
				throw new IllegalStateException("the signing key in " + file + " is not an EC key");
			}
			return new SigningKey(ec);
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("cannot read the signing key " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A new key pair for a ledger, valid from {@code notBefore} until {@code expires},
	 * named after the ledger and a random suffix.
	 */
	public static SigningKey generate(LedgerId ledger, Instant notBefore, Instant expires) {
		try {
			return new SigningKey(new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.keyID(ledger.value() + "/" + UUID.randomUUID().toString().substring(0, 8))
				.notBeforeTime(Date.from(notBefore))
				.expirationTime(Date.from(expires))
				.generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate an EC key on P-256", ex);
		}
	}

	public LedgerId ledger() {
		return this.ledger;
	}

	public String keyId() {
		return this.key.getKeyID();
	}

	ECKey key() {
		return this.key;
	}

	/** The private JWK, to keep in a file only its owner reads. */
	public String privateJwk() {
		return this.key.toJSONString();
	}

	/** The public JWK, for the other ledgers' trust lists. */
	public ECKey publicJwk() {
		return this.key.toPublicJWK();
	}

}
