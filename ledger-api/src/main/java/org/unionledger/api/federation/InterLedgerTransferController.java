package org.unionledger.api.federation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.federation.InterLedgerTransfers.SignedCredential;
import org.unionledger.api.federation.InterLedgerTransfers.TransferredIn;
import org.unionledger.api.members.CredentialCodes;
import org.unionledger.api.members.MemberRecords.MemberState;
import org.unionledger.api.members.Members;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.security.Role;
import org.unionledger.api.support.Ids;
import org.unionledger.api.transfers.TransferFlowController;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.Rule;
import org.unionledger.federation.AcceptanceReceipt;
import org.unionledger.federation.FingerprintExport;
import org.unionledger.federation.InterLedgerCredential;
import org.unionledger.membership.CredentialCode;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;

/**
 * Transfers between ledgers over HTTP: this ledger's federation identity, credentials for
 * another ledger (issued by the holding union's officers, handed out as signed documents
 * and QR codes), the presentation of another ledger's credential by a receiving union's
 * officer (answered with the signed receipt), and the receipts the origin takes.
 */
@RestController
public class InterLedgerTransferController {

	/**
	 * Side of a credential's QR code, in pixels: a signed document needs more than a
	 * code.
	 */
	static final int QR_SIZE = 480;

	private final InterLedgerTransfers transfers;

	private final Federation federation;

	private final Members members;

	private final AccessScopes scopes;

	private final CrossLedgerDoubleCounts doubleCounts;

	private final FederationProperties settings;

	private final OpenUnions unions;

	public InterLedgerTransferController(InterLedgerTransfers transfers, Federation federation, Members members,
			AccessScopes scopes, CrossLedgerDoubleCounts doubleCounts, FederationProperties settings,
			OpenUnions unions) {
		this.doubleCounts = doubleCounts;
		this.settings = settings;
		this.unions = unions;
		this.transfers = transfers;
		this.federation = federation;
		this.members = members;
		this.scopes = scopes;
	}

	/**
	 * This ledger in its federation.
	 *
	 * @param ledger this ledger's id
	 * @param keyId the key it signs with
	 * @param publicKey that key's public JWK, for the other ledgers' trust lists
	 * @param partners the ledgers it trusts
	 * @param receiptsSentTo the partners whose receipts this ledger sends by itself (a
	 * partner URL is configured); to the others an officer hands the receipt over
	 */
	public record FederationInfo(@Schema(example = "13") String ledger, @Schema(example = "13/2026-1") String keyId,
			Map<String, Object> publicKey, List<String> partners, List<String> receiptsSentTo) {
	}

	@GetMapping("/api/federation")
	public FederationInfo federation() {
		Federation f = this.federation.require();
		return new FederationInfo(f.ledger().value(), f.signingKey().keyId(), f.signingKey().publicJwk().toJSONObject(),
				f.partners().stream().map(Object::toString).toList(),
				f.partners().stream().map(Object::toString).filter(this.settings.partners()::containsKey).toList());
	}

	/**
	 * A request for a credential for another ledger.
	 *
	 * @param destinationLedger the ledger the member moves to
	 * @param destinationUnionId a union of that ledger, if the move is to one named
	 * @param issuedOn the issue date; today when absent
	 */
	public record CredentialRequest(@Schema(example = "41") @NotBlank @Size(max = 6) String destinationLedger,
			@Schema(example = "zz-site-01") @Size(max = 64) String destinationUnionId,
			@Schema(example = "2026-03-01") LocalDate issuedOn) {
	}

	/**
	 * A credential for another ledger and its signed document.
	 *
	 * @param code the credential's code
	 * @param memberId the member
	 * @param originLedger this ledger
	 * @param originUnionId the union that holds the membership and issued it
	 * @param destinationLedger the ledger that may accept it
	 * @param destinationUnionId the union there that may accept it, or {@code null} for
	 * any
	 * @param issuedOn issue date
	 * @param expiresOn first day it is no longer valid
	 * @param maskedName the member's name as the document shows it
	 * @param document the signed document (compact JWS) to hand to the worker
	 */
	public record InterLedgerCredentialDocument(String code, String memberId, String originLedger, String originUnionId,
			String destinationLedger, String destinationUnionId, LocalDate issuedOn, LocalDate expiresOn,
			String maskedName, String document) {

		static InterLedgerCredentialDocument of(MemberState member, SignedCredential signed) {
			InterLedgerCredential c = signed.credential();
			return new InterLedgerCredentialDocument(c.code().value(), member.memberId().value(),
					c.originLedger().value(), c.originUnion().value(), c.destinationLedger().value(),
					(c.destinationUnion() != null) ? c.destinationUnion().value() : null, c.issuedOn(), c.expiresOn(),
					c.maskedName(), signed.document());
		}

	}

	@PostMapping("/api/members/{memberId}/inter-ledger-credentials")
	public ResponseEntity<InterLedgerCredentialDocument> issue(@PathVariable String memberId,
			@Valid @RequestBody CredentialRequest request) {
		MemberState member = heldByMyUnion(memberId);
		InterLedgerCredentialDocument issued = InterLedgerCredentialDocument.of(member, this.transfers.issue(member,
				request.destinationLedger(), request.destinationUnionId(), request.issuedOn()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI
				.create("/api/members/" + member.memberId().value() + "/inter-ledger-credentials/" + issued.code()))
			.body(issued);
	}

	@GetMapping("/api/members/{memberId}/inter-ledger-credentials/{code}")
	public InterLedgerCredentialDocument credential(@PathVariable String memberId, @PathVariable String code) {
		MemberState member = heldByMyUnion(memberId);
		return InterLedgerCredentialDocument.of(member, signed(member, code));
	}

	/**
	 * The credential's signed document as a QR code (PNG), for the holding union's
	 * officers to print: the receiving ledger reads the document from it.
	 */
	@ApiResponse(responseCode = "200", description = "The QR code",
			content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE,
					schema = @Schema(type = "string", format = "binary")))
	@GetMapping("/api/members/{memberId}/inter-ledger-credentials/{code}/qr")
	public ResponseEntity<byte[]> qr(@PathVariable String memberId, @PathVariable String code) {
		MemberState member = heldByMyUnion(memberId);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(TransferFlowController.png(signed(member, code).document(), QR_SIZE));
	}

	/**
	 * Another ledger's credential presented by a receiving union, with the resident ID
	 * and name the worker shows.
	 *
	 * @param document the signed credential (compact JWS)
	 * @param residentId the worker's resident ID: it must be the person the credential
	 * names
	 * @param name the worker's name as on the ID card
	 * @param unionId the receiving union
	 * @param effectiveDate the day the membership moves
	 * @param confirmBackdating {@code true} to go ahead when the date lies in a
	 * statistical year whose report is signed
	 */
	public record TransferInRequest(@NotBlank @Size(max = 8192) String document,
			@Schema(example = "139901199003071239") @NotBlank @Size(max = 32) String residentId,
			@Schema(example = "张伟") @NotBlank @Size(max = 100) String name,
			@Schema(example = "sjz-chang-an-construction-01") @NotBlank @Size(max = 64) String unionId,
			@Schema(example = "2026-03-01") @NotNull LocalDate effectiveDate, Boolean confirmBackdating) {
	}

	/**
	 * A transfer in from another ledger and the receipt to send back to it.
	 *
	 * @param memberId the member here
	 * @param unionId the receiving union
	 * @param originLedger the ledger the member came from
	 * @param originUnionId the union there
	 * @param originUnionName its name
	 * @param code the credential taken
	 * @param effectiveDate the day the membership moved
	 * @param receiptId the receipt's id
	 * @param receipt the signed receipt (compact JWS) for the origin ledger
	 */
	public record TransferIn(String memberId, String unionId, String originLedger, String originUnionId,
			String originUnionName, String code, LocalDate effectiveDate, String receiptId, String receipt) {

		static TransferIn of(TransferredIn in) {
			AcceptanceReceipt r = in.receipt();
			return new TransferIn(in.memberId().value(), r.receivingUnion().value(), r.originLedger().value(),
					in.originUnionId().value(), in.originUnionName(), r.code().value(), r.acceptedOn(), r.receiptId(),
					in.document());
		}

	}

	@PostMapping("/api/inter-ledger-transfers")
	public ResponseEntity<TransferIn> accept(@Valid @RequestBody TransferInRequest request) {
		UnionId receiving = Ids.requireUnion(request.unionId(), "unionId");
		this.scopes.requireUnionActor(receiving);
		TransferIn in = TransferIn.of(this.transfers.accept(request.document(), request.residentId(), request.name(),
				receiving, request.effectiveDate(), Boolean.TRUE.equals(request.confirmBackdating())));
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/members/" + in.memberId() + "/inter-ledger-receipts"))
			.body(in);
	}

	/**
	 * The receipts of a member's transfers in from other ledgers, signed again: a receipt
	 * whose answer was lost is fetched here.
	 *
	 * @param memberId the member
	 * @param receipts one per transfer in, oldest first
	 */
	public record Receipts(String memberId, List<TransferIn> receipts) {
	}

	@GetMapping("/api/members/{memberId}/inter-ledger-receipts")
	public Receipts receipts(@PathVariable String memberId) {
		MemberState member = heldByMyUnion(memberId);
		return new Receipts(member.memberId().value(),
				this.transfers.receipts(member.memberId()).stream().map(TransferIn::of).toList());
	}

	/**
	 * A receipt from another ledger.
	 *
	 * @param document the signed receipt (compact JWS)
	 */
	public record ReceiptRequest(@NotBlank @Size(max = 8192) String document) {
	}

	/**
	 * A transfer out closed by a receipt.
	 *
	 * @param memberId the member who left
	 * @param code the credential
	 * @param receivingLedger the ledger the member moved to
	 * @param receivingUnionId the union there
	 * @param receivingUnionName its name
	 * @param acceptedOn the day the receiving ledger took the member in
	 * @param receiptId the receipt's id
	 */
	public record ClosedTransfer(String memberId, String code, String receivingLedger, String receivingUnionId,
			String receivingUnionName, LocalDate acceptedOn, String receiptId) {
	}

	@PostMapping("/api/inter-ledger-receipts")
	public ClosedTransfer close(@Valid @RequestBody ReceiptRequest request) {
		this.scopes.requireSomeUnionActor();
		InterLedgerTransfers.ClosedTransfer closed = this.transfers.close(request.document(), this.scopes::canActFor);
		AcceptanceReceipt r = closed.receipt();
		return new ClosedTransfer(closed.memberId().value(), r.code().value(), r.receivingLedger().value(),
				r.receivingUnion().value(), r.receivingUnionName(), r.acceptedOn(), r.receiptId());
	}

	/**
	 * A signed export of the federation fingerprints of the people counted in the
	 * caller's scope, for one partner ledger, or one part of them.
	 *
	 * @param ledger this ledger
	 * @param addressee the partner it is for
	 * @param scope the jurisdiction it covers
	 * @param part the part this document holds, from 1
	 * @param parts the parts the export has: ask for the others with
	 * {@code parts=<parts>&part=<n>}, so that every part splits the people alike
	 * @param people the people in this part
	 * @param document the signed export (compact JWS), to hand to the partner's
	 * supervisor
	 */
	public record FingerprintExportDocument(String ledger, String addressee, String scope, int part, int parts,
			int people, String document) {
	}

	@GetMapping("/api/federation/fingerprints")
	public FingerprintExportDocument fingerprints(
			@org.springframework.web.bind.annotation.RequestParam @Size(max = 6) String ledger,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Integer parts,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Integer part) {
		this.scopes.requireRole("export fingerprints", Role.SUPERVISOR, Role.JURISDICTION_ADMIN, Role.SYSTEM_ADMIN);
		CrossLedgerDoubleCounts.SignedExport signed = this.doubleCounts.export(scopeOfCaller(), ledger, parts, part);
		FingerprintExport export = signed.export();
		return new FingerprintExportDocument(export.ledger().value(), export.addressee().value(), export.scope(),
				export.part().number(), export.part().of(), export.entries().size(), signed.document());
	}

	/**
	 * A partner ledger's fingerprint export, to compare with the people counted in the
	 * caller's scope.
	 *
	 * @param document the signed export (compact JWS)
	 */
	public record ComparisonRequest(@NotBlank String document) {
	}

	/**
	 * What a comparison found: each person counted in both ledgers is a supervision
	 * finding ({@code CROSS_LEDGER_DOUBLE_COUNT}).
	 *
	 * @param comparisonId the recorded comparison
	 * @param otherLedger the ledger whose export was compared
	 * @param part the part of their export compared, from 1
	 * @param parts the parts their export has
	 * @param theirs people in the export (this part)
	 * @param ours people counted here in the caller's scope, of the same part
	 * @param found the persons counted in both
	 */
	public record ComparisonResult(String comparisonId, String otherLedger, int part, int parts, int theirs, int ours,
			List<Found> found) {

		/**
		 * A person counted in both ledgers.
		 *
		 * @param memberId the member here
		 * @param unionId the union counting them here
		 * @param unionName its name
		 * @param otherUnionId the union counting them there
		 * @param otherUnionName its name
		 */
		public record Found(String memberId, String unionId, String unionName, String otherUnionId,
				String otherUnionName) {
		}

	}

	@PostMapping("/api/federation/double-counts")
	public ComparisonResult compare(@Valid @RequestBody ComparisonRequest request) {
		this.scopes.requireRole("compare fingerprints", Role.SUPERVISOR, Role.JURISDICTION_ADMIN, Role.SYSTEM_ADMIN);
		CrossLedgerDoubleCounts.Comparison comparison = this.doubleCounts.compare(scopeOfCaller(), request.document());
		return new ComparisonResult(comparison.comparisonId().value(), comparison.otherLedger().value(),
				comparison.part().number(), comparison.part().of(), comparison.theirs(), comparison.ours(),
				comparison.found()
					.stream()
					.map((d) -> new ComparisonResult.Found(d.memberId().value(), d.union().unionId().value(),
							this.unions.find(d.union().unionId())
								.map(UnionFacts::name)
								.orElse(d.union().unionId().value()),
							d.otherUnionId().value(), d.otherUnionName()))
					.toList());
	}

	/**
	 * The caller's jurisdiction; {@code null} for a system administrator (the whole
	 * ledger).
	 */
	private org.unionledger.jurisdiction.JurisdictionCode scopeOfCaller() {
		var user = this.scopes.current();
		return user.scope().unlimited() ? null : user.scope().jurisdiction();
	}

	/**
	 * A receipt sent by the ledger that signed it, with no user signed in here: the
	 * signature of a trusted ledger, addressed to this one, is what closes the transfer
	 * out (recorded as by that ledger). Refusals as for
	 * {@code /api/inter-ledger-receipts}.
	 */
	@PostMapping("/api/federation/receipts")
	public ClosedTransfer receiptFromLedger(@Valid @RequestBody ReceiptRequest request) {
		InterLedgerTransfers.ClosedTransfer closed = this.transfers.closeFromLedger(request.document());
		AcceptanceReceipt r = closed.receipt();
		return new ClosedTransfer(closed.memberId().value(), r.code().value(), r.receivingLedger().value(),
				r.receivingUnion().value(), r.receivingUnionName(), r.acceptedOn(), r.receiptId());
	}

	/** The member, if the user acts for the union holding (or last holding) it. */
	private MemberState heldByMyUnion(String memberId) {
		this.scopes.requireSomeUnionActor();
		MemberState member = this.members.require(memberId);
		if (!this.scopes.canActFor(member.unionId())) {
			throw Members.unknown();
		}
		return member;
	}

	private SignedCredential signed(MemberState member, String code) {
		return java.util.Optional.ofNullable(code)
			.filter(CredentialCodes::looksValid)
			.flatMap((c) -> this.transfers.document(member.memberId(), new CredentialCode(c)))
			.orElseThrow(() -> ApiException.of(Rule.CREDENTIAL_UNKNOWN, "code",
					"no credential for another ledger with this code"));
	}

}
