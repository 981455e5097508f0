package org.unionledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionledger.api.HenanLedger.HEBEI;
import static org.unionledger.api.HenanLedger.HENAN;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.unionledger.api.federation.FederatedDocuments;
import org.unionledger.api.federation.SigningKey;
import org.unionledger.federation.AcceptanceReceipt;
import org.unionledger.federation.DocumentRefusal;
import org.unionledger.federation.Events.ForeignDocumentRefused;
import org.unionledger.federation.ExportPart;
import org.unionledger.federation.FingerprintExport;
import org.unionledger.federation.InterLedgerCredential;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.CredentialCode;
import org.unionledger.union.UnionId;

/**
 * Transfers between this test ledger (Hebei's, 13) and Henan's (41), whose side the test
 * plays with Henan's test key: a worker from Henan taken in on its signed credential, a
 * member leaving for Henan closed by its signed receipt, and every document refused and
 * recorded that should be.
 */
class InterLedgerTransferApiTest extends ApiTestSupport {

	private final FederatedDocuments henan = HenanLedger.documents();

	private static int serial;

	@Autowired
	EventStore eventStore;

	@BeforeEach
	void unions() {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-sjz-c", "130104");
	}

	private static Instant now() {
		return FixedClockConfiguration.NOW;
	}

	private static PersonFingerprint person(String residentId) {
		return HenanLedger.person(residentId, TODAY);
	}

	private InterLedgerCredential fromHenan(String residentId, LedgerId to, UnionId toUnion, LocalDate issuedOn,
			LocalDate expiresOn) {
		return new InterLedgerCredential(new CredentialCode("HN-" + (++serial) + "-" + System.nanoTime()), HENAN,
				new UnionId("zz-site-01"), "郑州某项目部工会", to, toUnion, issuedOn, expiresOn, "李*", person(residentId),
				"m-origin");
	}

	private String signed(InterLedgerCredential credential) {
		return this.henan.sign(credential, now());
	}

	private ResponseEntity<Map> present(String document, String residentId, String unionId) {
		Map<String, Object> body = new HashMap<>(Map.of("document", document, "residentId", residentId, "name", "李四",
				"unionId", unionId, "effectiveDate", TODAY.toString()));
		return as(TestUsers.SJZ_OFFICER).postForEntity("/api/inter-ledger-transfers", body, Map.class);
	}

	private Map summary(String unionId) {
		return as(TestUsers.SYSADMIN).getForObject("/api/unions/" + unionId + "/summary", Map.class);
	}

	private static long number(Map map, String key) {
		return ((Number) map.get(key)).longValue();
	}

	@Test
	void thisLedgerSaysWhoItIsAndWhomItTrusts() {
		// Public: partners read the key without an account here.
		Map info = this.http.getForObject("/api/federation", Map.class);
		assertThat(info).containsEntry("ledger", "13").containsEntry("keyId", "13/test-1");
		assertThat((List<Object>) info.get("partners")).containsExactly("41");
		assertThat((List<Object>) info.get("receiptsSentTo")).as("no partner URL in the test profile").isEmpty();
		assertThat((Map<String, Object>) info.get("publicKey")).containsEntry("kid", "13/test-1")
			.doesNotContainKey("d");
	}

	@Test
	void aWorkerFromHenanComesInAsATransferInNeverANewEnrollmentAndTheReceiptSatisfiesHenan() {
		String id = residentId();
		InterLedgerCredential credential = fromHenan(id, HEBEI, null, TODAY.minusDays(3), TODAY.plusDays(27));
		Map before = summary("os-sjz-c");

		ResponseEntity<Map> in = present(signed(credential), id, "os-sjz-c");

		assertThat(in.getStatusCode()).as(String.valueOf(in.getBody())).isEqualTo(HttpStatus.CREATED);
		AcceptanceReceipt receipt = this.henan.verifyReceipt((String) in.getBody().get("receipt"), now());
		assertThat(receipt.code()).isEqualTo(credential.code());
		assertThat(receipt.person()).isEqualTo(credential.person());
		assertThat(receipt.receivingLedger()).isEqualTo(HEBEI);
		assertThat(receipt.receivingUnion()).isEqualTo(new UnionId("os-sjz-c"));
		assertThat(receipt.acceptedOn()).isEqualTo(TODAY);
		Map after = summary("os-sjz-c");
		assertThat(number(after, "transfersIn")).isEqualTo(number(before, "transfersIn") + 1);
		assertThat(number(after, "newEnrollments")).isEqualTo(number(before, "newEnrollments"));
		assertThat(number(after, "activeMembers")).isEqualTo(number(before, "activeMembers") + 1);
		Map figures = (Map) as(TestUsers.SYSADMIN).getForObject("/api/jurisdictions/130104/statistics", Map.class)
			.get("figures");
		assertThat(number(figures, "transfers.fromOtherLedgers.ledger.41")).isPositive();

		String memberId = (String) in.getBody().get("memberId");
		Map receipts = as(TestUsers.SJZ_OFFICER).getForObject("/api/members/" + memberId + "/inter-ledger-receipts",
				Map.class);
		List<Map> list = (List<Map>) receipts.get("receipts");
		assertThat(list).hasSize(1);
		assertThat(list.get(0)).containsEntry("receiptId", in.getBody().get("receiptId"));
		assertThat(this.henan.verifyReceipt((String) list.get(0).get("receipt"), now())).isEqualTo(receipt);

		ResponseEntity<Map> again = present(signed(credential), id, "os-sjz-c");
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody()).containsEntry("rule", "CREDENTIAL_ALREADY_USED");
		assertThat(number(summary("os-sjz-c"), "activeMembers")).isEqualTo(number(after, "activeMembers"));
	}

	@Test
	void forgedMisaddressedAndForeignDocumentsAreRefusedAndRecorded() {
		String id = residentId();
		String document = signed(fromHenan(id, HEBEI, null, TODAY.minusDays(3), TODAY.plusDays(27)));
		String[] parts = document.split("\\.");
		String altered = parts[0] + "." + alteredClaims(document) + "." + parts[2];
		refusedAndRecorded(present(altered, id, "os-sjz-a"), DocumentRefusal.BAD_SIGNATURE);
		refusedAndRecorded(present(document, residentId(), "os-sjz-a"), DocumentRefusal.PERSON_MISMATCH);
		refusedAndRecorded(
				present(signed(fromHenan(id, new LedgerId("44"), null, TODAY, TODAY.plusDays(5))), id, "os-sjz-a"),
				DocumentRefusal.NOT_ADDRESSED_HERE);
		SigningKey stranger = SigningKey.generate(HENAN, now().minusSeconds(60), now().plusSeconds(3600));
		String unknownKey = new FederatedDocuments(stranger, HenanLedger.trustList())
			.sign(fromHenan(id, HEBEI, null, TODAY, TODAY.plusDays(5)), now());
		refusedAndRecorded(present(unknownKey, id, "os-sjz-a"), DocumentRefusal.UNKNOWN_SIGNER);
		refusedAndRecorded(present("not a document", id, "os-sjz-a"), DocumentRefusal.MALFORMED);
		ResponseEntity<Map> receiptAsCredential = present(
				this.henan.sign(new AcceptanceReceipt("r-1", new CredentialCode("TC-0000-0000-0000-0000"), HEBEI, HENAN,
						new UnionId("zz-site-01"), "郑州某工会", TODAY, person(id), "m-origin"), now()),
				id, "os-sjz-a");
		refusedAndRecorded(receiptAsCredential, DocumentRefusal.WRONG_KIND);
	}

	/** The document's claims with a later expiry, encoded as a forger would. */
	private static String alteredClaims(String document) {
		try {
			com.nimbusds.jwt.JWTClaimsSet claims = com.nimbusds.jwt.SignedJWT.parse(document).getJWTClaimsSet();
			return new com.nimbusds.jwt.JWTClaimsSet.Builder(claims).claim("expiresOn", "2099-12-31")
				.build()
				.toPayload()
				.toBase64URL()
				.toString();
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	private void refusedAndRecorded(ResponseEntity<Map> answer, DocumentRefusal reason) {
		assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody()))
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(answer.getBody()).containsEntry("rule", reason.rule().name()).containsEntry("field", "document");
		String refusalId = (String) answer.getBody().get("refusalId");
		List<Object> recorded = this.eventStore.readEvents(refusalId)
			.asStream()
			.map((event) -> (Object) event.getPayload())
			.toList();
		assertThat(recorded).singleElement()
			.isInstanceOfSatisfying(ForeignDocumentRefused.class, (e) -> assertThat(e.reason()).isEqualTo(reason));
	}

	@Test
	void anExpiredCredentialOrOneForAMemberHereIsRefusedAndRecordedInTheMembership() {
		String id = residentId();
		ResponseEntity<Map> expired = present(
				signed(fromHenan(id, HEBEI, null, TODAY.minusDays(40), TODAY.minusDays(10))), id, "os-sjz-a");
		assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(expired.getBody()).containsEntry("rule", "CREDENTIAL_EXPIRED");

		String member = residentId();
		enroll(TestUsers.SJZ_OFFICER, member, "王五", "os-sjz-a");
		ResponseEntity<Map> already = present(
				signed(fromHenan(member, HEBEI, null, TODAY.minusDays(1), TODAY.plusDays(10))), member, "os-sjz-a");
		assertThat(already.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(already.getBody()).containsEntry("rule", "CREDENTIAL_ALREADY_MEMBER");

		ResponseEntity<Map> otherUnion = present(
				signed(fromHenan(residentId(), HEBEI, new UnionId("os-bd-b"), TODAY.minusDays(1), TODAY.plusDays(10))),
				id, "os-sjz-a");
		assertThat(otherUnion.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(otherUnion.getBody()).containsEntry("rule", "DOCUMENT_PERSON_MISMATCH");
	}

	@Test
	void aMemberLeavingForHenanCountsHereUntilHenansReceiptClosesTheTransferOut() {
		String id = residentId();
		String memberId = enroll(TestUsers.SJZ_OFFICER, id, "赵六", "os-sjz-a");
		ResponseEntity<Map> issued = as(TestUsers.SJZ_OFFICER).postForEntity(
				"/api/members/" + memberId + "/inter-ledger-credentials", Map.of("destinationLedger", "41"), Map.class);
		assertThat(issued.getStatusCode()).as(String.valueOf(issued.getBody())).isEqualTo(HttpStatus.CREATED);
		InterLedgerCredential credential = this.henan.verifyCredential((String) issued.getBody().get("document"),
				now());
		assertThat(credential.originLedger()).isEqualTo(HEBEI);
		assertThat(credential.destinationLedger()).isEqualTo(HENAN);
		assertThat(credential.person()).isEqualTo(person(id));
		assertThat(credential.maskedName()).startsWith("赵").doesNotContain("六");
		assertThat(credential.expiresOn()).isEqualTo(credential.issuedOn().plusDays(90));
		assertThat(as(TestUsers.SJZ_OFFICER)
			.getForEntity("/api/members/" + memberId + "/inter-ledger-credentials/" + credential.code() + "/qr",
					byte[].class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(as(TestUsers.BD_OFFICER)
			.postForEntity("/api/members/" + memberId + "/inter-ledger-credentials", Map.of("destinationLedger", "41"),
					Map.class)
			.getStatusCode()).as("another union's officer").isEqualTo(HttpStatus.NOT_FOUND);
		Map member = as(TestUsers.SJZ_OFFICER).getForObject("/api/members/" + memberId, Map.class);
		assertThat(member).containsEntry("status", "ACTIVE").doesNotContainKey("leftForLedger");
		Map before = summary("os-sjz-a");

		String receipt = this.henan.sign(new AcceptanceReceipt("r-hn-1", credential.code(), HEBEI, HENAN,
				new UnionId("zz-site-01"), "郑州某项目部工会", TODAY, credential.person(), credential.originMember()), now());
		ResponseEntity<Map> closed = as(TestUsers.SJZ_OFFICER).postForEntity("/api/inter-ledger-receipts",
				Map.of("document", receipt), Map.class);

		assertThat(closed.getStatusCode()).as(String.valueOf(closed.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(closed.getBody()).containsEntry("memberId", memberId).containsEntry("receivingLedger", "41");
		Map after = summary("os-sjz-a");
		assertThat(number(after, "activeMembers")).isEqualTo(number(before, "activeMembers") - 1);
		assertThat(number(after, "transfersOut")).isEqualTo(number(before, "transfersOut") + 1);
		assertThat(as(TestUsers.SJZ_OFFICER).getForObject("/api/members/" + memberId, Map.class))
			.containsEntry("status", "TERMINATED")
			.containsEntry("leftForLedger", "41");

		ResponseEntity<Map> replayed = as(TestUsers.SJZ_OFFICER).postForEntity("/api/inter-ledger-receipts",
				Map.of("document", receipt), Map.class);
		assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(replayed.getBody()).containsEntry("rule", "CREDENTIAL_ALREADY_USED");
		assertThat(number(summary("os-sjz-a"), "activeMembers")).isEqualTo(number(after, "activeMembers"));

		// Enrolled here again instead of coming back with Henan's credential: allowed
		// (the
		// membership may have ended there), and a finding for the supervisors.
		ResponseEntity<Map> again = as(TestUsers.SJZ_OFFICER).postForEntity(
				"/api/members/" + memberId + "/re-enrollment",
				Map.of("unionId", "os-sjz-a", "effectiveDate", TODAY.toString(), "channel", "ON_SITE"), Map.class);
		assertThat(again.getStatusCode()).as(String.valueOf(again.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(as(TestUsers.SJZ_OFFICER).getForObject("/api/members/" + memberId, Map.class))
			.containsEntry("status", "ACTIVE")
			.doesNotContainKey("leftForLedger");
		int year = FixedClockConfiguration.TODAY.getMonthValue() >= 10 ? TODAY.getYear() + 1 : TODAY.getYear();
		List<Map> findings = (List<Map>) as(TestUsers.SJZ_SUPERVISOR)
			.getForObject("/api/supervision/findings?jurisdiction=1301&year=" + year
					+ "&kind=RE_ENROLLED_AFTER_LEAVING_FOR_LEDGER", Map.class)
			.get("findings");
		assertThat(findings).filteredOn((f) -> memberId.equals(f.get("memberId")))
			.singleElement()
			.satisfies((f) -> assertThat((Map) f.get("detail")).containsEntry("otherLedger", "41")
				.containsEntry("terminatedAtUnion", "os-sjz-a")
				.containsEntry("leftOn", TODAY.toString()));
	}

	@Test
	void aReceiptForNoCredentialHereAndACredentialForAnUntrustedLedgerAreRefused() {
		String receipt = this.henan.sign(new AcceptanceReceipt("r-x", new CredentialCode("TC-ZZZZ-ZZZZ-ZZZZ-ZZZZ"),
				HEBEI, HENAN, new UnionId("zz-site-01"), "郑州某工会", TODAY, person(residentId()), "m-origin"), now());
		ResponseEntity<Map> unknown = as(TestUsers.SJZ_OFFICER).postForEntity("/api/inter-ledger-receipts",
				Map.of("document", receipt), Map.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody()).containsEntry("rule", "DOCUMENT_UNKNOWN_CREDENTIAL").containsKey("refusalId");

		String memberId = enroll(TestUsers.SJZ_OFFICER, residentId(), "孙七", "os-sjz-a");
		ResponseEntity<Map> untrusted = as(TestUsers.SJZ_OFFICER).postForEntity(
				"/api/members/" + memberId + "/inter-ledger-credentials", Map.of("destinationLedger", "44"), Map.class);
		assertThat(untrusted.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(untrusted.getBody()).containsEntry("rule", "LEDGER_UNKNOWN")
			.containsEntry("field", "destinationLedger");
		ResponseEntity<Map> itself = as(TestUsers.SJZ_OFFICER).postForEntity(
				"/api/members/" + memberId + "/inter-ledger-credentials", Map.of("destinationLedger", "13"), Map.class);
		assertThat(itself.getBody()).containsEntry("rule", "LEDGER_UNKNOWN");
	}

	@Test
	void aSupervisorFindsExactlyThePeopleCountedHereThatHenansExportCountsThereToo() {
		String plantedA = residentId();
		String plantedB = residentId();
		String clean = residentId();
		String memberA = enroll(TestUsers.SJZ_OFFICER, plantedA, "周一", "os-sjz-a");
		String memberB = enroll(TestUsers.SJZ_OFFICER, plantedB, "吴二", "os-sjz-c");
		enroll(TestUsers.SJZ_OFFICER, clean, "郑三", "os-sjz-a");
		List<FingerprintExport.Entry> henansPeople = List.of(
				new FingerprintExport.Entry(person(plantedA), new UnionId("zz-site-01"), "郑州某项目部工会"),
				new FingerprintExport.Entry(person(residentId()), new UnionId("zz-site-01"), "郑州某项目部工会"),
				new FingerprintExport.Entry(person(plantedB), new UnionId("ly-site-02"), "洛阳某工地工会"),
				new FingerprintExport.Entry(person(residentId()), new UnionId("ly-site-02"), "洛阳某工地工会"));
		String export = this.henan.sign(new FingerprintExport(HENAN, HEBEI, "41", henansPeople), now());

		ResponseEntity<Map> compared = as(TestUsers.SJZ_SUPERVISOR).postForEntity("/api/federation/double-counts",
				Map.of("document", export), Map.class);

		assertThat(compared.getStatusCode()).as(String.valueOf(compared.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(compared.getBody()).containsEntry("otherLedger", "41").containsEntry("theirs", 4);
		assertThat(number(compared.getBody(), "ours")).isGreaterThanOrEqualTo(3);
		List<Map> found = (List<Map>) compared.getBody().get("found");
		assertThat(found).extracting((f) -> f.get("memberId")).containsExactlyInAnyOrder(memberA, memberB);
		assertThat(found).filteredOn((f) -> memberB.equals(f.get("memberId")))
			.singleElement()
			.satisfies((f) -> assertThat(f).containsEntry("unionId", "os-sjz-c")
				.containsEntry("otherUnionName", "洛阳某工地工会"));
		int year = FixedClockConfiguration.TODAY.getMonthValue() >= 10 ? TODAY.getYear() + 1 : TODAY.getYear();
		List<Map> findings = (List<Map>) as(TestUsers.SJZ_SUPERVISOR)
			.getForObject(
					"/api/supervision/findings?jurisdiction=1301&year=" + year + "&kind=CROSS_LEDGER_DOUBLE_COUNT",
					Map.class)
			.get("findings");
		List<Map> ours = findings.stream()
			.filter((f) -> ((Map) f.get("detail")).get("comparisonId").equals(compared.getBody().get("comparisonId")))
			.toList();
		assertThat(ours).extracting((f) -> f.get("memberId")).containsExactlyInAnyOrder(memberA, memberB);
		assertThat(ours).extracting((f) -> f.get("correction")).containsOnly("END_MEMBERSHIP_HERE");
		Map decided = as(TestUsers.SJZ_SUPERVISOR).postForObject(
				"/api/supervision/findings/" + ours.get(0).get("id") + "/decision",
				Map.of("decision", "CONFIRMED", "reason", "the same worker, counted in Henan too"), Map.class);
		assertThat(decided).containsEntry("status", "CONFIRMED");
		// Corrected here: the person counts in Henan, so the membership here ends today
		// as
		// a duplicate record, the finding names who corrected it, and a second correction
		// is refused.
		String corrected = (String) ours.get(0).get("memberId");
		String unionOfCorrected = (String) ours.get(0).get("unionId");
		Map before = summary(unionOfCorrected);
		ResponseEntity<Map> correction = as(TestUsers.SJZ_SUPERVISOR).postForEntity(
				"/api/supervision/findings/" + ours.get(0).get("id") + "/correction",
				Map.of("reason", "on Henan's roster since March; the worker left"), Map.class);
		assertThat(correction.getStatusCode()).as(String.valueOf(correction.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(correction.getBody()).containsEntry("correction", "MembershipTerminated")
			.containsEntry("memberId", corrected);
		assertThat(as(TestUsers.SJZ_OFFICER).getForObject("/api/members/" + corrected, Map.class))
			.containsEntry("status", "TERMINATED");
		assertThat(number(summary(unionOfCorrected), "activeMembers")).isEqualTo(number(before, "activeMembers") - 1);
		Map finding = ((List<Map>) as(TestUsers.SJZ_SUPERVISOR)
			.getForObject(
					"/api/supervision/findings?jurisdiction=1301&year=" + year + "&kind=CROSS_LEDGER_DOUBLE_COUNT",
					Map.class)
			.get("findings")).stream()
			.filter((f) -> f.get("id").equals(ours.get(0).get("id")))
			.findFirst()
			.orElseThrow();
		assertThat(finding).containsEntry("correctedBy", TestUsers.SJZ_SUPERVISOR)
			.containsEntry("correctionReason", "on Henan's roster since March; the worker left");
		ResponseEntity<Map> again = as(TestUsers.SJZ_SUPERVISOR).postForEntity(
				"/api/supervision/findings/" + ours.get(0).get("id") + "/correction", Map.of("reason", "again"),
				Map.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(as(TestUsers.SJZ_OFFICER)
			.postForEntity("/api/federation/double-counts", Map.of("document", export), Map.class)
			.getStatusCode()).as("an officer").isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void thisLedgersExportNamesThePeopleCountedInTheScopeByFingerprintOnly() {
		String id = residentId();
		enroll(TestUsers.SJZ_OFFICER, id, "钱四", "os-sjz-a");
		ResponseEntity<Map> exported = as(TestUsers.SJZ_SUPERVISOR)
			.getForEntity("/api/federation/fingerprints?ledger=41", Map.class);
		assertThat(exported.getStatusCode()).as(String.valueOf(exported.getBody())).isEqualTo(HttpStatus.OK);
		String document = (String) exported.getBody().get("document");
		FingerprintExport export = this.henan.verifyExport(document, now());
		assertThat(export.ledger()).isEqualTo(HEBEI);
		assertThat(export.scope()).isEqualTo("1301");
		assertThat(export.entries()).extracting(FingerprintExport.Entry::person).contains(person(id));
		assertThat(export.entries()).hasSize(((Number) exported.getBody().get("people")).intValue());
		assertThat(document).doesNotContain(id);
		ResponseEntity<Map> untrusted = as(TestUsers.SJZ_SUPERVISOR)
			.getForEntity("/api/federation/fingerprints?ledger=44", Map.class);
		assertThat(untrusted.getBody()).containsEntry("rule", "LEDGER_UNKNOWN");
		String[] parts = document.split("\\.");
		ResponseEntity<Map> forged = as(TestUsers.SJZ_SUPERVISOR).postForEntity("/api/federation/double-counts",
				Map.of("document",
						this.henan.sign(new FingerprintExport(HENAN, HEBEI, "41", List.of()), now()).split("\\.")[0]
								+ "." + parts[1] + "." + parts[2]),
				Map.class);
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(forged.getBody()).containsEntry("rule", "DOCUMENT_BAD_SIGNATURE").containsKey("refusalId");
	}

	@Test
	void anExportInPartsCoversEveryPersonOnceAndHenansPartsTogetherFindEveryPlantedDoubleCount() {
		for (int i = 0; i < 6; i++) {
			enroll(TestUsers.SJZ_OFFICER, residentId(), "冯五", "os-sjz-a");
		}
		FingerprintExport whole = this.henan.verifyExport(
				(String) as(TestUsers.SJZ_SUPERVISOR).getForObject("/api/federation/fingerprints?ledger=41", Map.class)
					.get("document"),
				now());
		assertThat(whole.part()).isEqualTo(ExportPart.WHOLE);
		List<FingerprintExport.Entry> inParts = new ArrayList<>();
		for (int part = 1; part <= 3; part++) {
			Map answer = as(TestUsers.SJZ_SUPERVISOR)
				.getForObject("/api/federation/fingerprints?ledger=41&parts=3&part=" + part, Map.class);
			assertThat(answer).containsEntry("part", part).containsEntry("parts", 3);
			FingerprintExport export = this.henan.verifyExport((String) answer.get("document"), now());
			assertThat(export.part()).isEqualTo(new ExportPart(part, 3));
			assertThat(export.entries()).hasSize(((Number) answer.get("people")).intValue());
			inParts.addAll(export.entries());
		}
		assertThat(inParts).as("the parts together are the whole export, each person once")
			.containsExactlyInAnyOrderElementsOf(whole.entries());
		for (String refused : List.of("parts=3&part=4", "parts=3&part=0", "parts=0", "parts=1025")) {
			ResponseEntity<Map> answer = as(TestUsers.SJZ_SUPERVISOR)
				.getForEntity("/api/federation/fingerprints?ledger=41&" + refused, Map.class);
			assertThat(answer.getStatusCode()).as(refused).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
			assertThat(answer.getBody()).as(refused).containsEntry("rule", "EXPORT_PART_OUT_OF_RANGE");
		}

		// Henan's export in two parts: four people counted here too (each falls in the
		// part its fingerprint names) and one who is not
		List<String> planted = new ArrayList<>();
		List<FingerprintExport.Entry> henansPeople = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String id = residentId();
			planted.add(enroll(TestUsers.SJZ_OFFICER, id, "陈六", "os-sjz-a"));
			henansPeople.add(new FingerprintExport.Entry(person(id), new UnionId("zz-site-01"), "郑州某项目部工会"));
		}
		henansPeople.add(new FingerprintExport.Entry(person(residentId()), new UnionId("zz-site-01"), "郑州某项目部工会"));
		List<String> found = new ArrayList<>();
		long oursInParts = 0;
		for (int part = 1; part <= 2; part++) {
			ExportPart which = new ExportPart(part, 2);
			List<FingerprintExport.Entry> ofPart = henansPeople.stream()
				.filter((e) -> which.holds(e.person()))
				.toList();
			ResponseEntity<Map> compared = as(TestUsers.SJZ_SUPERVISOR).postForEntity("/api/federation/double-counts",
					Map.of("document",
							this.henan.sign(new FingerprintExport(HENAN, HEBEI, "41", which, ofPart), now())),
					Map.class);
			assertThat(compared.getStatusCode()).as(String.valueOf(compared.getBody())).isEqualTo(HttpStatus.OK);
			assertThat(compared.getBody()).containsEntry("part", part)
				.containsEntry("parts", 2)
				.containsEntry("theirs", ofPart.size());
			oursInParts += number(compared.getBody(), "ours");
			((List<Map>) compared.getBody().get("found")).forEach((f) -> found.add((String) f.get("memberId")));
		}
		assertThat(found).as("each planted double count found once, by the part it falls in")
			.containsExactlyInAnyOrderElementsOf(planted);
		Map wholeComparison = as(TestUsers.SJZ_SUPERVISOR).postForObject("/api/federation/double-counts",
				Map.of("document", this.henan.sign(new FingerprintExport(HENAN, HEBEI, "41", henansPeople), now())),
				Map.class);
		assertThat(oursInParts).as("the people counted here, split alike").isEqualTo(number(wholeComparison, "ours"));
		assertThat((List<Map>) wholeComparison.get("found")).extracting((f) -> f.get("memberId"))
			.containsExactlyInAnyOrderElementsOf(planted);
	}

	@Test
	void aReceiptSentByTheLedgerThatSignedItClosesTheTransferWithoutAnAccountHere() {
		String id = residentId();
		String memberId = enroll(TestUsers.SJZ_OFFICER, id, "冯五", "os-sjz-a");
		Map issued = as(TestUsers.SJZ_OFFICER).postForObject("/api/members/" + memberId + "/inter-ledger-credentials",
				Map.of("destinationLedger", "41"), Map.class);
		InterLedgerCredential credential = this.henan.verifyCredential((String) issued.get("document"), now());
		String receipt = this.henan.sign(new AcceptanceReceipt("r-hn-sent", credential.code(), HEBEI, HENAN,
				new UnionId("zz-site-01"), "郑州某项目部工会", TODAY, credential.person(), credential.originMember()), now());

		ResponseEntity<Map> sent = this.http.postForEntity("/api/federation/receipts", Map.of("document", receipt),
				Map.class);

		assertThat(sent.getStatusCode()).as(String.valueOf(sent.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(sent.getBody()).containsEntry("memberId", memberId).containsEntry("receiptId", "r-hn-sent");
		assertThat(as(TestUsers.SJZ_OFFICER).getForObject("/api/members/" + memberId, Map.class))
			.containsEntry("status", "TERMINATED");
		List<Object> history = this.eventStore.readEvents(memberId)
			.asStream()
			.map((event) -> (Object) event.getPayload())
			.toList();
		assertThat(history).last()
			.isInstanceOfSatisfying(org.unionledger.membership.Events.MemberTransferredToLedger.class,
					(e) -> assertThat(e.recordedBy().value()).isEqualTo("ledger 41"));
		ResponseEntity<Map> again = this.http.postForEntity("/api/federation/receipts", Map.of("document", receipt),
				Map.class);
		assertThat(again.getBody()).containsEntry("rule", "CREDENTIAL_ALREADY_USED");
		ResponseEntity<Map> forged = this.http.postForEntity("/api/federation/receipts",
				Map.of("document", receipt.substring(0, receipt.length() - 6) + "AAAAAA"), Map.class);
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(forged.getBody()).containsEntry("rule", "DOCUMENT_BAD_SIGNATURE");
		List<Object> refusal = this.eventStore.readEvents((String) forged.getBody().get("refusalId"))
			.asStream()
			.map((event) -> (Object) event.getPayload())
			.toList();
		assertThat(refusal).singleElement()
			.isInstanceOfSatisfying(ForeignDocumentRefused.class,
					(e) -> assertThat(e.recordedBy().value()).isEqualTo("another ledger (unverified)"));
	}

}
