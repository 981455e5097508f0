package org.unionledger.api.federation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.annualreports.Backdating;
import org.unionledger.api.config.LedgerProperties;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.CredentialCodes;
import org.unionledger.api.members.Enrollments;
import org.unionledger.api.members.MemberRecords;
import org.unionledger.api.members.MemberRecords.MemberState;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.Outcome;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.federation.AcceptanceReceipt;
import org.unionledger.federation.Commands.RecordDocumentRefusal;
import org.unionledger.federation.DocumentKind;
import org.unionledger.federation.DocumentRefusal;
import org.unionledger.federation.InterLedgerCredential;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.UnreadablePersonalDataException;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.Commands.AcceptInterLedgerTransfer;
import org.unionledger.membership.Commands.CloseInterLedgerTransfer;
import org.unionledger.membership.Commands.IssueInterLedgerCredential;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.Events.InterLedgerCredentialIssued;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;

/**
 * Transfers between ledgers (跨省接转), each use case written once:
 * <ol>
 * <li>the origin's holding union issues a credential for another ledger: recorded here,
 * handed out as a signed document (the member counts here until the receipt);</li>
 * <li>the destination's receiving union presents it with the resident ID the worker
 * shows: the document is checked (signature, key, addressee), the ID must give the
 * person's fingerprint, the membership aggregate judges the rest (expired, taken before,
 * other union, already a member) and takes the worker in as a transfer in; the answer is
 * the signed receipt;</li>
 * <li>the origin takes the receipt and records the transfer out.</li>
 * </ol>
 * A document refused before any membership can be named (forged, unknown signer, for
 * another person, a receipt for no credential) is recorded as a refusal of its own
 * ({@link RecordDocumentRefusal}); a refusal the membership judges is recorded in its
 * stream. Each step is one command, so none needs compensation; a step whose answer was
 * lost is repeated safely (a credential or a receipt is signed again from the stream, a
 * second presentation or receipt is refused as taken).
 */
@Service
public class InterLedgerTransfers {

	private final Federation federation;

	private final CommandGateway commands;

	private final MemberRecords records;

	private final PersonalDataVault vault;

	private final Enrollments enrollments;

	private final OpenUnions unions;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Clock clock;

	private final SecureRandom random;

	private final int validityDays;

	private final Backdating backdating;

	private final DocumentRefusals refusals;

	private final ReceiptOutbox outbox;

	private final FederationProperties settings;

	public InterLedgerTransfers(Federation federation, CommandGateway commands, MemberRecords records,
			PersonalDataVault vault, Enrollments enrollments, OpenUnions unions, ProjectionFreshness freshness,
			Actors actors, Clock clock, SecureRandom random, LedgerProperties properties, Backdating backdating,
			DocumentRefusals refusals, ReceiptOutbox outbox, FederationProperties settings) {
		this.backdating = backdating;
		this.refusals = refusals;
		this.outbox = outbox;
		this.settings = settings;
		this.federation = federation;
		this.commands = commands;
		this.records = records;
		this.vault = vault;
		this.enrollments = enrollments;
		this.unions = unions;
		this.freshness = freshness;
		this.actors = actors;
		this.clock = clock;
		this.random = random;
		this.validityDays = properties.credentialValidityDays();
	}

	/**
	 * A credential as handed out: its code and the signed document.
	 *
	 * @param credential what it says
	 * @param document the compact JWS
	 */
	public record SignedCredential(InterLedgerCredential credential, String document) {
	}

	/**
	 * Issues a credential for a move to another ledger, as the signed-in user.
	 * @param destinationLedger the partner ledger
	 * @param destinationUnionId a union of that ledger, or {@code null} for any
	 * @throws ApiException 409 {@code FEDERATION_NOT_CONFIGURED}, 422
	 * {@code LEDGER_UNKNOWN}, and the membership's refusals (not active, a credential
	 * outstanding)
	 */
	public SignedCredential issue(MemberState member, String destinationLedger, String destinationUnionId,
			LocalDate issuedOn) {
		Federation f = this.federation.require();
		LedgerId destination = f.requirePartner(destinationLedger, "destinationLedger");
		UnionId destinationUnion = (destinationUnionId != null && !destinationUnionId.isBlank())
				? Ids.requireUnion(destinationUnionId.strip(), "destinationUnionId") : null;
		LocalDate day = (issuedOn != null) ? issuedOn : LocalDate.now(this.clock);
		Ids.requireNotFuture(day, this.clock, "issuedOn");
		PersonalData person = personalData(member.memberId());
		CredentialCode code = CredentialCodes.next(this.random);
		this.commands.sendAndWait(new IssueInterLedgerCredential(member.memberId(), code, member.unionId(), destination,
				destinationUnion, f.fingerprints().fingerprintOf(person.residentId()), day, this.validityDays,
				this.actors.current()));
		this.freshness.awaitOwnWrites();
		return document(member.memberId(), code)
			.orElseThrow(() -> new IllegalStateException("issued credential not found in the member's stream"));
	}

	/**
	 * The credential of this code in the member's stream, signed again (the same content
	 * as when issued), or empty.
	 */
	public Optional<SignedCredential> document(MemberId memberId, CredentialCode code) {
		Federation f = this.federation.require();
		InterLedgerCredentialIssued issued = issuedFor(memberId, code);
		if (issued == null) {
			return Optional.empty();
		}
		InterLedgerCredential credential = new InterLedgerCredential(code, f.ledger(), issued.issuingUnion().unionId(),
				unionName(issued.issuingUnion().unionId()), issued.destinationLedger(), issued.destinationUnionId(),
				issued.issuedOn(), issued.expiresOn(), maskedName(memberId), issued.person(), memberId.value());
		return Optional.of(new SignedCredential(credential, f.documents().sign(credential, this.clock.instant())));
	}

	/**
	 * A transfer in from another ledger, and the receipt to send back.
	 *
	 * @param memberId the member here
	 * @param originUnionId the union the member came from
	 * @param originUnionName its name, as the credential gave it
	 * @param receipt what the receipt says
	 * @param document the signed receipt
	 */
	public record TransferredIn(MemberId memberId, UnionId originUnionId, String originUnionName,
			AcceptanceReceipt receipt, String document) {
	}

	/**
	 * The receiving union presents another ledger's credential with the resident ID and
	 * name the worker shows, as the signed-in user.
	 * @param confirmBackdating {@code true} to go ahead with a date in a statistical year
	 * whose report is signed ({@link Backdating})
	 * @throws ApiException 422 {@code DOCUMENT_*} for a document refused (recorded), 422
	 * for a bad ID, name, union or date, 409 {@code CREDENTIAL_*} for a refusal the
	 * membership judged (recorded), 409 {@code BACKDATED_INTO_SIGNED_YEAR} when not
	 * confirmed
	 */
	public TransferredIn accept(String document, String residentId, String name, UnionId receivingUnion,
			LocalDate effectiveDate, boolean confirmBackdating) {
		Federation f = this.federation.require();
		InterLedgerCredential credential = verified(DocumentKind.CREDENTIAL, document, receivingUnion,
				() -> f.documents().verifyCredential(document, this.clock.instant()));
		PersonalData person = this.enrollments.person(residentId, name);
		if (!f.fingerprints().matches(person.residentId(), credential.person())) {
			throw this.refusals.refuse(DocumentKind.CREDENTIAL, document, receivingUnion, new DocumentRefusedException(
					DocumentRefusal.PERSON_MISMATCH, "the resident ID shown is not the person the credential names"));
		}
		this.unions.requireKnown(receivingUnion.value(), "unionId");
		Ids.requireNotFuture(effectiveDate, this.clock, "effectiveDate");
		this.unions.find(receivingUnion)
			.ifPresent((facts) -> this.backdating.requireConfirmed(facts.placementOn(effectiveDate).jurisdictionCode(),
					effectiveDate, confirmBackdating, "effectiveDate"));
		MemberId memberId = this.enrollments.memberIdOf(person.residentId());
		String receiptId = "r-" + CredentialCodes.next(this.random).value().substring(3);
		if (this.settings.partners().containsKey(credential.originLedger().value())) {
			// Queued before the transfer in is sent: none is stored without its receipt
			// queued (see ReceiptOutbox).
			this.outbox.queue(receiptId, credential.originLedger(), memberId, credential.code(), this.clock.millis());
		}
		Outcome outcome = this.commands.sendAndWait(new AcceptInterLedgerTransfer(memberId,
				this.enrollments.encrypt(memberId, person), receivingUnion, credential.originLedger(),
				credential.originUnion(), credential.originUnionName(), credential.code(),
				credential.destinationUnion(), credential.person(), credential.issuedOn(), credential.expiresOn(),
				receiptId, effectiveDate, this.actors.current(), credential.originMember()));
		this.freshness.awaitOwnWrites();
		if (!outcome.accepted()) {
			throw ApiException.of(outcome.rule(), "document",
					"the credential was refused (" + outcome.rejection() + "); the refusal was recorded");
		}
		return receipt(memberId, receiptId)
			.orElseThrow(() -> new IllegalStateException("the transfer in is not in the member's stream"));
	}

	/**
	 * The receipts of every transfer in from another ledger in the member's stream,
	 * signed again (the same content as when first given): a receipt whose answer was
	 * lost is fetched again here.
	 */
	public List<TransferredIn> receipts(MemberId memberId) {
		return transfersIn(memberId).map((in) -> signed(memberId, in)).toList();
	}

	/** The receipt with this id in the member's stream, signed again, or empty. */
	public Optional<String> signedReceipt(MemberId memberId, String receiptId) {
		return receipt(memberId, receiptId).map(TransferredIn::document);
	}

	private Optional<TransferredIn> receipt(MemberId memberId, String receiptId) {
		return transfersIn(memberId).filter((in) -> in.receiptId().equals(receiptId))
			.findFirst()
			.map((in) -> signed(memberId, in));
	}

	private java.util.stream.Stream<MemberTransferredInFromLedger> transfersIn(MemberId memberId) {
		return this.records.events(memberId)
			.stream()
			.filter(MemberTransferredInFromLedger.class::isInstance)
			.map(MemberTransferredInFromLedger.class::cast);
	}

	/** The receipt of a transfer in, signed now (its content is the event's). */
	private TransferredIn signed(MemberId memberId, MemberTransferredInFromLedger in) {
		Federation f = this.federation.require();
		AcceptanceReceipt receipt = new AcceptanceReceipt(in.receiptId(), in.code(), in.originLedger(), f.ledger(),
				in.union().unionId(), unionName(in.union().unionId()), in.effectiveDate(), in.person(),
				in.originMember());
		return new TransferredIn(memberId, in.originUnionId(), in.originUnionName(), receipt,
				f.documents().sign(receipt, this.clock.instant()));
	}

	/**
	 * A transfer out closed by a receipt.
	 *
	 * @param memberId the member who left
	 * @param receipt what the receipt says
	 */
	public record ClosedTransfer(MemberId memberId, AcceptanceReceipt receipt) {
	}

	/**
	 * The origin takes another ledger's receipt, as the signed-in user, who must act for
	 * the union that issued the credential. The membership is the one the receipt names
	 * ({@code originMember}, as the credential gave it); its stream must hold the
	 * credential.
	 * @throws ApiException 422 {@code DOCUMENT_*} for a document refused (recorded), 404
	 * {@code DOCUMENT_UNKNOWN_CREDENTIAL} for a receipt of no inter-ledger credential
	 * here (recorded), 409 {@code CREDENTIAL_*} for a receipt the membership refused
	 * (recorded)
	 */
	public ClosedTransfer close(String document, java.util.function.Predicate<UnionId> mayActFor) {
		Federation f = this.federation.require();
		AcceptanceReceipt receipt = verified(DocumentKind.RECEIPT, document, null,
				() -> f.documents().verifyReceipt(document, this.clock.instant()));
		return close(receipt, document, mayActFor, this.actors.current());
	}

	/**
	 * The origin takes a receipt sent by the ledger that signed it (no user signed in
	 * here): the signature of a trusted ledger, addressed to this one, is what lets it
	 * close the transfer out, recorded as by that ledger ({@code ledger 41}).
	 * @throws ApiException as {@link #close(String, java.util.function.Predicate)}
	 */
	public ClosedTransfer closeFromLedger(String document) {
		Federation f = this.federation.require();
		AcceptanceReceipt receipt;
		try {
			receipt = f.documents().verifyReceipt(document, this.clock.instant());
		}
		catch (DocumentRefusedException ex) {
			throw this.refusals.refuse(DocumentKind.RECEIPT, document, null, ex, FROM_ANOTHER_LEDGER);
		}
		return close(receipt, document, (union) -> true, new RecordedBy("ledger " + receipt.receivingLedger()));
	}

	/**
	 * Who presented a document no signature vouches for, at the ledger-to-ledger route.
	 */
	static final RecordedBy FROM_ANOTHER_LEDGER = new RecordedBy("another ledger (unverified)");

	private ClosedTransfer close(AcceptanceReceipt receipt, String document,
			java.util.function.Predicate<UnionId> mayActFor, RecordedBy by) {
		MemberId member = Ids.member(receipt.originMember()).orElse(null);
		InterLedgerCredentialIssued issued = (member != null) ? issuedFor(member, receipt.code()) : null;
		if (issued == null) {
			throw this.refusals.refuse(DocumentKind.RECEIPT, document, null,
					new DocumentRefusedException(DocumentRefusal.UNKNOWN_CREDENTIAL,
							"no credential " + receipt.code() + " was issued for another ledger"),
					by);
		}
		if (!mayActFor.test(issued.issuingUnion().unionId())) {
			throw ApiException.of(Rule.DOCUMENT_UNKNOWN_CREDENTIAL, "document",
					"no credential " + receipt.code() + " of your unions was issued for another ledger");
		}
		Outcome outcome = this.commands.sendAndWait(new CloseInterLedgerTransfer(member, receipt.code(),
				receipt.receivingLedger(), receipt.receivingUnion(), receipt.receivingUnionName(), receipt.receiptId(),
				receipt.person(), receipt.acceptedOn(), by));
		this.freshness.awaitOwnWrites();
		if (!outcome.accepted()) {
			throw ApiException.of(outcome.rule(), "document",
					"the receipt was refused (" + outcome.rejection() + "); the refusal was recorded");
		}
		return new ClosedTransfer(member, receipt);
	}

	/**
	 * The credential for another ledger with this code in the member's stream, read from
	 * the store (no read model that could lag it), or {@code null}.
	 */
	private InterLedgerCredentialIssued issuedFor(MemberId member, CredentialCode code) {
		for (Object event : this.records.events(member)) {
			if (event instanceof InterLedgerCredentialIssued issued && issued.code().equals(code)) {
				return issued;
			}
		}
		return null;
	}

	private <T> T verified(DocumentKind kind, String document, UnionId presenting,
			java.util.function.Supplier<T> verification) {
		try {
			return verification.get();
		}
		catch (DocumentRefusedException ex) {
			throw this.refusals.refuse(kind, document, presenting, ex);
		}
	}

	private PersonalData personalData(MemberId memberId) {
		try {
			return this.vault.decrypt(this.records.personalData(memberId)
				.orElseThrow(() -> ApiException.of(Rule.PERSONAL_DATA_ALREADY_ERASED, "memberId",
						"the member has no personal data to name them by")));
		}
		catch (UnreadablePersonalDataException ex) {
			throw ApiException.of(Rule.PERSONAL_DATA_ALREADY_ERASED, "memberId",
					"the member's personal data is erased; no fingerprint can be made");
		}
	}

	private String maskedName(MemberId memberId) {
		return this.records.maskedName(memberId).filter((n) -> !n.isBlank()).orElse(MemberRecords.ERASED);
	}

	private String unionName(UnionId union) {
		return this.unions.find(union).map(UnionFacts::name).orElse(union.value());
	}

}
