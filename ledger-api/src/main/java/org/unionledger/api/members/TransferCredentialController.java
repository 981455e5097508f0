package org.unionledger.api.members;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.projections.credentials.CredentialListView;
import org.unionledger.projections.credentials.CredentialView;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;

/**
 * A union's transfer credentials: those it issued (with cancel and re-issue) and those
 * addressed to it (its inbox, the member's name masked and the issuing union named before
 * acceptance); the members a credential can be issued for and the unions it may lead to,
 * by name. Only officers of the union (and system administrators) read or act; to anyone
 * else a credential is unknown.
 */
@RestController
public class TransferCredentialController {

	private final Transfers transfers;

	private final TransferDestinations destinations;

	private final AccessScopes scopes;

	public TransferCredentialController(Transfers transfers, TransferDestinations destinations, AccessScopes scopes) {
		this.transfers = transfers;
		this.destinations = destinations;
		this.scopes = scopes;
	}

	@GetMapping("/api/unions/{unionId}/transfer-credentials")
	public CredentialList issued(@PathVariable String unionId,
			@RequestParam(required = false) CredentialListView.State state, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		UnionId union = actingFor(unionId);
		return list(union, CredentialListView.Box.ISSUED, state, page, size);
	}

	@GetMapping("/api/unions/{unionId}/transfer-credentials/inbox")
	public CredentialList inbox(@PathVariable String unionId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		UnionId union = actingFor(unionId);
		return list(union, CredentialListView.Box.ADDRESSED, CredentialListView.State.OUTSTANDING, page, size);
	}

	@GetMapping("/api/unions/{unionId}/transfer-candidates")
	public CredentialActions.Candidates candidates(@PathVariable String unionId) {
		UnionId union = actingFor(unionId);
		return new CredentialActions.Candidates(union.value(),
				this.transfers.candidates(union)
					.stream()
					.map((c) -> new CredentialActions.Candidate(c.memberId().value(), c.name(), c.since()))
					.toList());
	}

	@GetMapping("/api/transfer-destinations")
	public CredentialActions.Destinations destinations(@RequestParam(required = false) @Size(max = 64) String name,
			@RequestParam(defaultValue = "20") int limit) {
		this.scopes.requireSomeUnionActor();
		if (name != null && name.length() > 64) {
			throw ApiException.of(Rule.SIZE, "name", "name has at most 64 characters");
		}
		if (limit < 1 || limit > TransferDestinations.MAX_LIMIT) {
			throw ApiException.of(Rule.PAGE_SIZE_OUT_OF_RANGE, "limit",
					"limit is 1 to " + TransferDestinations.MAX_LIMIT);
		}
		return new CredentialActions.Destinations(this.destinations.find(name, limit));
	}

	/**
	 * A cancellation.
	 *
	 * @param reason why (recorded)
	 * @param effectiveDate the day; today when absent
	 */
	public record CancellationRequest(@Schema(example = "工人留在原单位") @NotBlank @Size(max = 500) String reason,
			@Schema(example = "2026-03-01") LocalDate effectiveDate) {
	}

	@PostMapping("/api/transfer-credentials/{code}/cancellation")
	public CredentialActions.CancelledCredential cancel(@PathVariable String code,
			@Valid @RequestBody CancellationRequest request) {
		CredentialView credential = issuedByMyUnion(code);
		return CredentialActions.CancelledCredential
			.of(this.transfers.cancel(credential, request.effectiveDate(), request.reason()));
	}

	/**
	 * A re-issue: the credential is cancelled and a new one issued for the same member
	 * and receiving union.
	 *
	 * @param reason why (recorded with the cancellation)
	 * @param issuedOn the new credential's issue date; today when absent
	 */
	public record ReissueRequest(@Schema(example = "凭证遗失") @NotBlank @Size(max = 500) String reason,
			@Schema(example = "2026-03-01") LocalDate issuedOn) {
	}

	@PostMapping("/api/transfer-credentials/{code}/reissue")
	public ResponseEntity<TransferCredential> reissue(@PathVariable String code,
			@Valid @RequestBody ReissueRequest request) {
		CredentialView credential = issuedByMyUnion(code);
		TransferCredential issued = TransferCredential
			.of(this.transfers.reissue(credential, request.issuedOn(), request.reason()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/transfer-credentials/" + issued.code()))
			.body(issued);
	}

	/** The credential, if the user acts for its issuing union; unknown otherwise. */
	private CredentialView issuedByMyUnion(String code) {
		this.scopes.requireSomeUnionActor();
		CredentialView credential = this.transfers.credential(code);
		if (!this.scopes.canActFor(credential.issuingUnionId())) {
			throw ApiException.of(Rule.CREDENTIAL_UNKNOWN, "code", "no transfer credential with this code");
		}
		return credential;
	}

	private UnionId actingFor(String unionId) {
		UnionId union = Ids.requireUnion(unionId, "unionId");
		this.scopes.requireUnionActor(union);
		if (this.transfers.union(union).isEmpty()) {
			throw ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id");
		}
		return union;
	}

	private CredentialList list(UnionId union, CredentialListView.Box box, CredentialListView.State state, int page,
			int size) {
		Transfers.CredentialPage found = this.transfers.list(union, box, state, page, size);
		CredentialListView view = found.view();
		Map<UnionId, String> names = new HashMap<>();
		List<CredentialList.Item> items = new java.util.ArrayList<>();
		for (int i = 0; i < view.entries().size(); i++) {
			CredentialListView.Entry entry = view.entries().get(i);
			UnionId to = entry.toUnionId();
			items.add(new CredentialList.Item(entry.code().value(),
					(box == CredentialListView.Box.ISSUED) ? entry.memberId().value() : null, found.names().get(i),
					entry.issuingUnionId().value(), name(names, entry.issuingUnionId()),
					(to != null) ? to.value() : null, (to != null) ? name(names, to) : null, entry.issuedOn(),
					entry.expiresOn(), entry.state(), entry.acceptedOn()));
		}
		return new CredentialList(union.value(), name(names, union), box, state,
				new CredentialList.Counts(view.outstanding(), view.used(), view.expired(), view.cancelled()),
				view.total(), page, size, items);
	}

	private String name(Map<UnionId, String> names, UnionId union) {
		return names.computeIfAbsent(union, (u) -> this.transfers.union(u).map(UnionFacts::name).orElse(u.value()));
	}

}
