package org.unionledger.api.federation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.unionledger.federation.AcceptanceReceipt;
import org.unionledger.federation.DocumentRefusal;
import org.unionledger.federation.ExportPart;
import org.unionledger.federation.FingerprintExport;
import org.unionledger.federation.InterLedgerCredential;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.membership.CredentialCode;
import org.unionledger.union.UnionId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FederatedDocumentsTest {

	private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

	private static final LedgerId HENAN = new LedgerId("41");

	private static final LedgerId HEBEI = new LedgerId("13");

	private static final LedgerId GUANGDONG = new LedgerId("44");

	private static final PersonFingerprint PERSON = new PersonFingerprint("a".repeat(52));

	private final SigningKey henanKey = key(HENAN, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(365)));

	private final SigningKey hebeiKey = key(HEBEI, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(365)));

	private final SigningKey guangdongKey = key(GUANGDONG, NOW.minus(Duration.ofDays(30)),
			NOW.plus(Duration.ofDays(365)));

	private final FederatedDocuments henan = new FederatedDocuments(this.henanKey,
			trust(this.hebeiKey, this.guangdongKey));

	private final FederatedDocuments hebei = new FederatedDocuments(this.hebeiKey,
			trust(this.henanKey, this.guangdongKey));

	@Test
	void aCredentialSignedByTheOriginIsTakenByTheDestinationAsIssued() {
		InterLedgerCredential credential = credential(HEBEI, new UnionId("sjz-site-02"));
		String document = this.henan.sign(credential, NOW);
		assertThat(document.length()).isLessThan(1_200);
		assertThat(document).doesNotContain("13010219");
		assertThat(this.hebei.verifyCredential(document, NOW.plusSeconds(60))).isEqualTo(credential);
		assertThat(this.hebei.verifyCredential(this.henan.sign(credential(HEBEI, null), NOW), NOW).destinationUnion())
			.isNull();
	}

	@Test
	void aReceiptSignedByTheReceivingLedgerIsTakenByTheOrigin() {
		AcceptanceReceipt receipt = new AcceptanceReceipt("r-1", new CredentialCode("c-1"), HENAN, HEBEI,
				new UnionId("sjz-site-02"), "石家庄某工地工会", LocalDate.of(2026, 12, 5), PERSON, "m-origin");
		assertThat(this.henan.verifyReceipt(this.hebei.sign(receipt, NOW), NOW)).isEqualTo(receipt);
	}

	@Test
	void anAlteredDocumentIsRefusedAsForged() {
		String document = this.henan.sign(credential(HEBEI, null), NOW);
		String[] parts = document.split("\\.");
		JWTClaimsSet altered = new JWTClaimsSet.Builder(claims(document)).claim("expiresOn", "2027-12-31").build();
		String forged = parts[0] + "." + altered.toPayload().toBase64URL() + "." + parts[2];
		refused(() -> this.hebei.verifyCredential(forged, NOW), DocumentRefusal.BAD_SIGNATURE);
	}

	@Test
	void aDocumentSignedWithAKeyOutsideTheTrustListIsRefused() {
		SigningKey unpublished = key(HENAN, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
		String document = new FederatedDocuments(unpublished, trust(this.hebeiKey)).sign(credential(HEBEI, null), NOW);
		refused(() -> this.hebei.verifyCredential(document, NOW), DocumentRefusal.UNKNOWN_SIGNER);
	}

	@Test
	void aKeyVerifiesOnlyWhileItIsValidAndARotatedKeyOverlapsTheOldOne() {
		Instant oldEnds = NOW.plus(Duration.ofDays(10));
		SigningKey oldKey = key(HENAN, NOW.minus(Duration.ofDays(300)), oldEnds);
		SigningKey newKey = key(HENAN, NOW.minus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(400)));
		FederatedDocuments receiving = new FederatedDocuments(this.hebeiKey, trust(oldKey, newKey));
		String signedWithOld = new FederatedDocuments(oldKey, trust(this.hebeiKey)).sign(credential(HEBEI, null), NOW);
		String signedWithNew = new FederatedDocuments(newKey, trust(this.hebeiKey)).sign(credential(HEBEI, null), NOW);
		assertThat(receiving.verifyCredential(signedWithOld, NOW)).isNotNull();
		assertThat(receiving.verifyCredential(signedWithNew, NOW)).isNotNull();
		refused(() -> receiving.verifyCredential(signedWithOld, oldEnds), DocumentRefusal.SIGNER_KEY_NOT_VALID);
		assertThat(receiving.verifyCredential(signedWithNew, oldEnds)).isNotNull();
		refused(() -> receiving.verifyCredential(signedWithNew, NOW.minus(Duration.ofDays(6))),
				DocumentRefusal.SIGNER_KEY_NOT_VALID);
	}

	@Test
	void aReceiptIsNotACredentialNorTheOtherWayRound() {
		AcceptanceReceipt receipt = new AcceptanceReceipt("r-1", new CredentialCode("c-1"), HEBEI, HENAN,
				new UnionId("zz-site-01"), "郑州某项目部工会", LocalDate.of(2026, 12, 5), PERSON, "m-origin");
		refused(() -> this.hebei.verifyCredential(this.henan.sign(receipt, NOW), NOW), DocumentRefusal.WRONG_KIND);
		refused(() -> this.hebei.verifyReceipt(this.henan.sign(credential(HEBEI, null), NOW), NOW),
				DocumentRefusal.WRONG_KIND);
	}

	@Test
	void aDocumentAddressedToAnotherLedgerIsRefused() {
		String forGuangdong = this.henan.sign(credential(GUANGDONG, null), NOW);
		refused(() -> this.hebei.verifyCredential(forGuangdong, NOW), DocumentRefusal.NOT_ADDRESSED_HERE);
	}

	@Test
	void aTrustedLedgerCannotSignInAnotherLedgersName() throws Exception {
		JWTClaimsSet claims = claims(this.henan.sign(credential(HEBEI, null), NOW));
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(FederatedDocuments.CREDENTIAL)
			.keyID(this.guangdongKey.keyId())
			.build(), claims);
		jwt.sign(new ECDSASigner(this.guangdongKey.key()));
		refused(() -> this.hebei.verifyCredential(jwt.serialize(), NOW), DocumentRefusal.SIGNER_NOT_ISSUER);
	}

	@Test
	void unsignedMacSignedAndGarbledDocumentsAreRefused() throws Exception {
		JWTClaimsSet claims = claims(this.henan.sign(credential(HEBEI, null), NOW));
		refused(() -> this.hebei.verifyCredential(new PlainJWT(claims).serialize(), NOW), DocumentRefusal.MALFORMED);
		SignedJWT mac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(FederatedDocuments.CREDENTIAL)
			.keyID(this.henanKey.keyId())
			.build(), claims);
		mac.sign(new MACSigner("a shared secret of at least 256 bits!!"));
		refused(() -> this.hebei.verifyCredential(mac.serialize(), NOW), DocumentRefusal.MALFORMED);
		refused(() -> this.hebei.verifyCredential("not a document", NOW), DocumentRefusal.MALFORMED);
		refused(() -> this.hebei.verifyCredential("x".repeat(FederatedDocuments.MAX_LENGTH + 1), NOW),
				DocumentRefusal.MALFORMED);
		JWTClaimsSet missingPerson = new JWTClaimsSet.Builder(claims).claim("person", null).build();
		SignedJWT incomplete = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).type(FederatedDocuments.CREDENTIAL)
					.keyID(this.henanKey.keyId())
					.build(),
				missingPerson);
		incomplete.sign(new ECDSASigner(this.henanKey.key()));
		refused(() -> this.hebei.verifyCredential(incomplete.serialize(), NOW), DocumentRefusal.MALFORMED);
	}

	@Test
	void anExportSaysWhichPartItHoldsAndOneSignedBeforePartsReadsAsWhole() throws Exception {
		PersonFingerprint second = new PersonFingerprint("q" + "a".repeat(51));
		FingerprintExport part = new FingerprintExport(HENAN, HEBEI, "41", new ExportPart(2, 2),
				List.of(new FingerprintExport.Entry(second, new UnionId("zz-site-01"), "郑州某项目部工会")));
		assertThat(this.hebei.verifyExport(this.henan.sign(part, NOW), NOW)).isEqualTo(part);

		JWTClaimsSet signed = claims(this.henan.sign(part, NOW));
		JWTClaimsSet withoutParts = new JWTClaimsSet.Builder(signed).claim("part", null).claim("parts", null).build();
		assertThat(this.hebei.verifyExport(signedAsHenan(withoutParts), NOW).part()).isEqualTo(ExportPart.WHOLE);
		// signed, but not what it says: a person of part 2 in part 1, or a part beyond
		// the
		// parts
		JWTClaimsSet firstOfTwo = new JWTClaimsSet.Builder(signed).claim("part", 1).build();
		String firstOfTwoDocument = signedAsHenan(firstOfTwo);
		refused(() -> this.hebei.verifyExport(firstOfTwoDocument, NOW), DocumentRefusal.MALFORMED);
		JWTClaimsSet thirdOfTwo = new JWTClaimsSet.Builder(signed).claim("part", 3).build();
		String thirdOfTwoDocument = signedAsHenan(thirdOfTwo);
		refused(() -> this.hebei.verifyExport(thirdOfTwoDocument, NOW), DocumentRefusal.MALFORMED);
		JWTClaimsSet partAlone = new JWTClaimsSet.Builder(signed).claim("parts", null).build();
		String partAloneDocument = signedAsHenan(partAlone);
		refused(() -> this.hebei.verifyExport(partAloneDocument, NOW), DocumentRefusal.MALFORMED);
	}

	private String signedAsHenan(JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(FederatedDocuments.FINGERPRINTS)
			.keyID(this.henanKey.keyId())
			.build(), claims);
		jwt.sign(new ECDSASigner(this.henanKey.key()));
		return jwt.serialize();
	}

	@Test
	void aLedgerSignsOnlyItsOwnDocuments() {
		assertThatThrownBy(() -> this.hebei.sign(credential(GUANGDONG, null), NOW))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("own documents");
	}

	@Test
	void aTrustListHoldsPublicP256KeysNamedByLedger() {
		assertThatIllegalStateException().isThrownBy(() -> TrustList.of(new JWKSet(List.of(this.henanKey.key()))))
			.withMessageContaining("private");
		assertThat(trust(this.henanKey, this.guangdongKey).ledgers()).containsExactly(HENAN, GUANGDONG);
		assertThatIllegalStateException().isThrownBy(() -> TrustList.ledgerOf("no-ledger"))
			.withMessageContaining("<ledger>/<key name>");
	}

	private static InterLedgerCredential credential(LedgerId destination, UnionId destinationUnion) {
		return new InterLedgerCredential(new CredentialCode("c-1"), HENAN, new UnionId("zz-site-01"), "郑州某项目部工会",
				destination, destinationUnion, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "张*", PERSON,
				"m-origin");
	}

	private static SigningKey key(LedgerId ledger, Instant from, Instant until) {
		return SigningKey.generate(ledger, from, until);
	}

	private static TrustList trust(SigningKey... keys) {
		return TrustList.of(new JWKSet(
				java.util.Arrays.stream(keys).map((k) -> (com.nimbusds.jose.jwk.JWK) k.publicJwk()).toList()));
	}

	private static JWTClaimsSet claims(String document) {
		try {
			return SignedJWT.parse(document).getJWTClaimsSet();
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	private static void refused(Runnable verification, DocumentRefusal reason) {
		assertThatThrownBy(verification::run).isInstanceOfSatisfying(DocumentRefusedException.class,
				(ex) -> assertThat(ex.reason()).as(ex.getMessage()).isEqualTo(reason));
	}

}
