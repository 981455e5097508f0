package org.unionledger.api.federation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.unionledger.jurisdiction.LedgerId;

/**
 * The public keys of the ledgers this one trusts, as a standard JWK Set (RFC 7517): EC
 * keys on P-256, each named {@code <ledger>/<key name>} ({@code kid}, e.g.
 * {@code 41/2026-1}), each valid from its {@code nbf} to its {@code exp} when given.
 * Rotating a key means publishing the new one before the old one ends: while both are
 * valid, documents signed with either are taken.
 */
public final class TrustList {

	private final List<ECKey> keys;

	private TrustList(List<ECKey> keys) {
		this.keys = keys;
	}

	/**
	 * Reads a JWK Set; a private key in it is refused, as is any key not named by ledger.
	 */
	public static TrustList read(Path file) {
		try {
			return of(JWKSet.parse(Files.readString(file)));
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("cannot read the trust list " + file + ": " + ex.getMessage(), ex);
		}
	}

	public static TrustList of(JWKSet set) {
		List<ECKey> keys = set.getKeys().stream().map(TrustList::checked).toList();
		return new TrustList(keys);
	}

	private static ECKey checked(JWK jwk) {
		if (!(jwk instanceof ECKey key) || !Curve.P_256.equals(key.getCurve())) {
			throw new IllegalStateException("trust list key " + jwk.getKeyID() + " is not an EC key on P-256");
		}
		if (key.isPrivate()) {
			throw new IllegalStateException("trust list key " + key.getKeyID() + " holds a private key");
		}
		ledgerOf(key.getKeyID());
		return key;
	}

	/** The ledger a key name belongs to: the part before its first {@code /}. */
	static LedgerId ledgerOf(String keyId) {
		int slash = (keyId != null) ? keyId.indexOf('/') : -1;
		if (slash <= 0 || slash == keyId.length() - 1) {
			throw new IllegalStateException("a key is named <ledger>/<key name>, not " + keyId);
		}
		return new LedgerId(keyId.substring(0, slash));
	}

	/** The trusted key of that name, whether or not it is valid now. */
	Optional<ECKey> key(String keyId) {
		return this.keys.stream().filter((key) -> key.getKeyID().equals(keyId)).findFirst();
	}

	/**
	 * Whether a key may verify a signature at {@code now}: from its nbf, before its exp.
	 */
	static boolean isValidAt(JWK key, Instant now) {
		Date notBefore = key.getNotBeforeTime();
		Date expires = key.getExpirationTime();
		return (notBefore == null || !now.isBefore(notBefore.toInstant()))
				&& (expires == null || now.isBefore(expires.toInstant()));
	}

	/** The ledgers it holds keys of. */
	public List<LedgerId> ledgers() {
		return this.keys.stream().map((key) -> ledgerOf(key.getKeyID())).distinct().toList();
	}

}
