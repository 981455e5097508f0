package org.unionledger.api.members;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.members.Transfers.AcceptedTransfer;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.support.Ids;
import org.unionledger.union.UnionId;

/** The receiving union presents a transfer credential. */
@RestController
public class TransferController {

	private final Transfers transfers;

	private final AccessScopes scopes;

	public TransferController(Transfers transfers, AccessScopes scopes) {
		this.transfers = transfers;
		this.scopes = scopes;
	}

	/**
	 * Acceptance of a credential.
	 *
	 * @param unionId the receiving union
	 * @param effectiveDate the day the membership moves
	 */
	public record AcceptanceRequest(
			@Schema(example = "bd-jing-xiu-construction-01") @NotBlank @Size(max = 64) String unionId,
			@Schema(example = "2026-03-01") @NotNull LocalDate effectiveDate) {
	}

	@PostMapping("/api/transfer-credentials/{code}/acceptance")
	public TransferAcceptance accept(@PathVariable String code, @Valid @RequestBody AcceptanceRequest request) {
		UnionId receiving = Ids.requireUnion(request.unionId(), "unionId");
		// Only an officer of the receiving union presents a credential.
		this.scopes.requireUnionActor(receiving);
		return TransferAcceptance.of(this.transfers.accept(code, receiving, request.effectiveDate()));
	}

}
