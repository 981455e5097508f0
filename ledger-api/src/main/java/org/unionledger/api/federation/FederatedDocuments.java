package org.unionledger.api.federation;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.unionledger.federation.AcceptanceReceipt;
import org.unionledger.federation.DocumentRefusal;
import org.unionledger.federation.ExportPart;
import org.unionledger.federation.FingerprintExport;
import org.unionledger.federation.InterLedgerCredential;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.membership.CredentialCode;
import org.unionledger.union.UnionId;

/**
 * Signs the documents this ledger hands to other ledgers and checks those it is handed:
 * compact JWS (RFC 7515) with ES256, the content as JWT claims (RFC 7519), the kind in
 * the {@code typ} header. A credential is issued ({@code iss}) by the origin ledger for
 * the destination ledger ({@code aud}), its id in {@code jti}; a receipt is issued by the
 * receiving ledger for the origin ledger. A document is taken only if its kind is the one
 * expected, it is signed with ES256 by a key of the trust list that is valid now and
 * belongs to the issuing ledger, and it is addressed to this ledger.
 */
public final class FederatedDocuments {

	/** The {@code typ} of an inter-ledger transfer credential. */
	public static final JOSEObjectType CREDENTIAL = new JOSEObjectType("union-transfer-credential+jwt");

	/** The {@code typ} of an acceptance receipt. */
	public static final JOSEObjectType RECEIPT = new JOSEObjectType("union-transfer-receipt+jwt");

	/** The {@code typ} of a fingerprint export. */
	public static final JOSEObjectType FINGERPRINTS = new JOSEObjectType("union-fingerprint-export+jwt");

	/** Longest document taken, in characters (a credential is about 1 KB). */
	public static final int MAX_LENGTH = 8_192;

	/** Longest fingerprint export taken, in characters (about 110 per person). */
	public static final int MAX_EXPORT_LENGTH = 64 * 1024 * 1024;

	private final SigningKey signingKey;

	private final TrustList trustList;

	public FederatedDocuments(SigningKey signingKey, TrustList trustList) {
		this.signingKey = signingKey;
		this.trustList = trustList;
	}

	/** This ledger, as its signing key names it. */
	public LedgerId ledger() {
		return this.signingKey.ledger();
	}

	/** The credential signed by this ledger, which must be its origin. */
	public String sign(InterLedgerCredential credential, Instant now) {
		requireOwn(credential.originLedger());
		JWTClaimsSet.Builder claims = base(credential.originLedger(), credential.destinationLedger(),
				credential.code().value(), now)
			.claim("originUnion", credential.originUnion().value())
			.claim("originUnionName", credential.originUnionName())
			.claim("issuedOn", credential.issuedOn().toString())
			.claim("expiresOn", credential.expiresOn().toString())
			.claim("maskedName", credential.maskedName())
			.claim("person", credential.person().value())
			.claim("originMember", credential.originMember());
		if (credential.destinationUnion() != null) {
			claims.claim("destinationUnion", credential.destinationUnion().value());
		}
		return sign(CREDENTIAL, claims.build());
	}

	/** The receipt signed by this ledger, which must be the receiving one. */
	public String sign(AcceptanceReceipt receipt, Instant now) {
		requireOwn(receipt.receivingLedger());
		JWTClaimsSet claims = base(receipt.receivingLedger(), receipt.originLedger(), receipt.receiptId(), now)
			.claim("credential", receipt.code().value())
			.claim("receivingUnion", receipt.receivingUnion().value())
			.claim("receivingUnionName", receipt.receivingUnionName())
			.claim("acceptedOn", receipt.acceptedOn().toString())
			.claim("person", receipt.person().value())
			.claim("originMember", receipt.originMember())
			.build();
		return sign(RECEIPT, claims);
	}

	/** The export signed by this ledger, which must be its exporter. */
	public String sign(FingerprintExport export, Instant now) {
		requireOwn(export.ledger());
		List<List<String>> entries = export.entries()
			.stream()
			.map((e) -> List.of(e.person().value(), e.unionId().value(), e.unionName()))
			.toList();
		return sign(FINGERPRINTS,
				base(export.ledger(), export.addressee(), "fp-" + now.toEpochMilli(), now)
					.claim("scope", export.scope())
					.claim("part", export.part().number())
					.claim("parts", export.part().of())
					.claim("entries", entries)
					.build());
	}

	/**
	 * The export a document holds, if this ledger takes it: signed by a trusted ledger
	 * and addressed to this one.
	 * @throws DocumentRefusedException naming why it is not taken
	 */
	public FingerprintExport verifyExport(String document, Instant now) {
		JWTClaimsSet claims = verified(document, FINGERPRINTS, now, MAX_EXPORT_LENGTH);
		try {
			List<FingerprintExport.Entry> entries = new java.util.ArrayList<>();
			for (Object entry : (List<?>) claims.getClaim("entries")) {
				List<?> fields = (List<?>) entry;
				entries.add(new FingerprintExport.Entry(new PersonFingerprint((String) fields.get(0)),
						new UnionId((String) fields.get(1)), (String) fields.get(2)));
			}
			// an export signed before exports had parts says neither: it is whole
			Integer part = claims.getIntegerClaim("part");
			Integer parts = claims.getIntegerClaim("parts");
			return new FingerprintExport(new LedgerId(claims.getIssuer()), audience(claims),
					claims.getStringClaim("scope"), (part == null && parts == null) ? ExportPart.WHOLE
							: new ExportPart((part != null) ? part : 0, (parts != null) ? parts : 0),
					entries);
		}
		catch (ParseException | RuntimeException ex) {
			throw malformed(ex);
		}
	}

	/**
	 * The credential a document holds, if this ledger takes it; whether it is still
	 * valid, meant for the presenting union and for the person who shows their ID is for
	 * the acceptance to decide.
	 * @throws DocumentRefusedException naming why it is not taken
	 */
	public InterLedgerCredential verifyCredential(String document, Instant now) {
		JWTClaimsSet claims = verified(document, CREDENTIAL, now);
		try {
			String destinationUnion = claims.getStringClaim("destinationUnion");
			return new InterLedgerCredential(new CredentialCode(required(claims.getJWTID())),
					new LedgerId(claims.getIssuer()), new UnionId(claims.getStringClaim("originUnion")),
					claims.getStringClaim("originUnionName"), audience(claims),
					(destinationUnion != null) ? new UnionId(destinationUnion) : null,
					LocalDate.parse(claims.getStringClaim("issuedOn")),
					LocalDate.parse(claims.getStringClaim("expiresOn")), claims.getStringClaim("maskedName"),
					new PersonFingerprint(claims.getStringClaim("person")), claims.getStringClaim("originMember"));
		}
		catch (ParseException | RuntimeException ex) {
			throw malformed(ex);
		}
	}

	/**
	 * The receipt a document holds, if this ledger takes it; whether it answers one of
	 * this ledger's credentials is for the closing to decide.
	 * @throws DocumentRefusedException naming why it is not taken
	 */
	public AcceptanceReceipt verifyReceipt(String document, Instant now) {
		JWTClaimsSet claims = verified(document, RECEIPT, now);
		try {
			return new AcceptanceReceipt(required(claims.getJWTID()),
					new CredentialCode(claims.getStringClaim("credential")), audience(claims),
					new LedgerId(claims.getIssuer()), new UnionId(claims.getStringClaim("receivingUnion")),
					claims.getStringClaim("receivingUnionName"), LocalDate.parse(claims.getStringClaim("acceptedOn")),
					new PersonFingerprint(claims.getStringClaim("person")), claims.getStringClaim("originMember"));
		}
		catch (ParseException | RuntimeException ex) {
			throw malformed(ex);
		}
	}

	private JWTClaimsSet verified(String document, JOSEObjectType kind, Instant now) {
		return verified(document, kind, now, MAX_LENGTH);
	}

	private JWTClaimsSet verified(String document, JOSEObjectType kind, Instant now, int maxLength) {
		if (document == null || document.isBlank() || document.length() > maxLength) {
			throw new DocumentRefusedException(DocumentRefusal.MALFORMED,
					"a document is a compact JWS of at most " + maxLength + " characters");
		}
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(document.strip());
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw malformed(ex);
		}
		JWSHeader header = jwt.getHeader();
		if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
			throw new DocumentRefusedException(DocumentRefusal.MALFORMED,
					"documents are signed with ES256, not " + header.getAlgorithm());
		}
		if (!kind.equals(header.getType())) {
			throw new DocumentRefusedException(DocumentRefusal.WRONG_KIND,
					"expected a document of type " + kind + ", got " + header.getType());
		}
		String keyId = header.getKeyID();
		Optional<ECKey> key = (keyId != null) ? this.trustList.key(keyId) : Optional.empty();
		if (key.isEmpty()) {
			throw new DocumentRefusedException(DocumentRefusal.UNKNOWN_SIGNER, "the trust list holds no key " + keyId);
		}
		if (!TrustList.isValidAt(key.get(), now)) {
			throw new DocumentRefusedException(DocumentRefusal.SIGNER_KEY_NOT_VALID,
					"the key " + keyId + " is not valid at " + now);
		}
		try {
			if (!jwt.verify(new ECDSAVerifier(key.get()))) {
				throw new DocumentRefusedException(DocumentRefusal.BAD_SIGNATURE,
						"the signature does not match the document");
			}
		}
		catch (JOSEException ex) {
			throw new DocumentRefusedException(DocumentRefusal.BAD_SIGNATURE,
					"the signature cannot be checked: " + ex.getMessage());
		}
		if (!TrustList.ledgerOf(keyId).value().equals(claims.getIssuer())) {
			throw new DocumentRefusedException(DocumentRefusal.SIGNER_NOT_ISSUER,
					"signed by a key of ledger " + TrustList.ledgerOf(keyId) + " but issued by " + claims.getIssuer());
		}
		if (!List.of(ledger().value()).equals(claims.getAudience())) {
			throw new DocumentRefusedException(DocumentRefusal.NOT_ADDRESSED_HERE,
					"addressed to " + claims.getAudience() + ", not to ledger " + ledger());
		}
		return claims;
	}

	private static JWTClaimsSet.Builder base(LedgerId issuer, LedgerId audience, String id, Instant now) {
		return new JWTClaimsSet.Builder().issuer(issuer.value())
			.audience(audience.value())
			.jwtID(id)
			.issueTime(Date.from(now));
	}

	private String sign(JOSEObjectType kind, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).type(kind).keyID(this.signingKey.keyId()).build(), claims);
		try {
			jwt.sign(new ECDSASigner(this.signingKey.key()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot sign with " + this.signingKey.keyId(), ex);
		}
		return jwt.serialize();
	}

	private void requireOwn(LedgerId issuer) {
		if (!issuer.equals(ledger())) {
			throw new IllegalArgumentException(
					"ledger " + ledger() + " signs only its own documents, not " + issuer + "'s");
		}
	}

	private static LedgerId audience(JWTClaimsSet claims) {
		return new LedgerId(claims.getAudience().get(0));
	}

	private static String required(String value) {
		if (value == null) {
			throw new IllegalArgumentException("missing claim");
		}
		return value;
	}

	private static DocumentRefusedException malformed(Exception cause) {
		return new DocumentRefusedException(DocumentRefusal.MALFORMED,
				"not a document of the federation: " + cause.getMessage());
	}

}
