package org.unionledger.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a resident ID into the person's {@link PersonFingerprint}:
 * {@code base32(HMAC-SHA256(federationKey, "federation-person:" + normalisedId))}. The
 * key is shared by the federated ledgers and by nobody else; it differs from each
 * ledger's own member-id key, so a fingerprint tells nothing about member ids. Every
 * spelling of one ID (15 or 18 digits, x or X) gives one fingerprint, as
 * {@link ResidentId} normalises it.
 */
public final class FederationFingerprints {

	/** Shortest accepted key, in bytes. */
	public static final int MIN_KEY_BYTES = MemberIdentities.MIN_KEY_BYTES;

	private final SecretKeySpec key;

	/** See {@link #keyCheck()}: made once, read for every member a roster keeps. */
	private final String keyCheck;

	/**
	 * @param federationKey at least {@value #MIN_KEY_BYTES} bytes; copied
	 */
	public FederationFingerprints(byte[] federationKey) {
		this.key = MemberIdentities.hmacKey(federationKey, "federation key");
		byte[] digest = MemberIdentities.hmac(this.key, "federation-key-check".getBytes(StandardCharsets.UTF_8));
		this.keyCheck = MemberIdentities.base32(java.util.Arrays.copyOf(digest, 5));
	}

	public PersonFingerprint fingerprintOf(ResidentId residentId) {
		Objects.requireNonNull(residentId, "residentId");
		byte[] digest = MemberIdentities.hmac(this.key,
				("federation-person:" + residentId.value()).getBytes(StandardCharsets.UTF_8));
		return new PersonFingerprint(MemberIdentities.base32(digest));
	}

	/**
	 * A short value naming this key without revealing it, so that fingerprints kept under
	 * one key are told apart from those under another (after the federation's key
	 * changes, kept fingerprints are made again).
	 */
	public String keyCheck() {
		return this.keyCheck;
	}

	/**
	 * Whether the ID the worker shows is the person a document names, compared in
	 * constant time.
	 */
	public boolean matches(ResidentId residentId, PersonFingerprint fingerprint) {
		byte[] computed = fingerprintOf(residentId).value().getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(computed, fingerprint.value().getBytes(StandardCharsets.US_ASCII));
	}

}
