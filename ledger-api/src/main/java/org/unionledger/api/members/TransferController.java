package org.unionledger.api.members;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.Scopes;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Outcome;
import org.unionledger.common.Rule;
import org.unionledger.membership.Commands.AcceptTransfer;
import org.unionledger.membership.CredentialCode;
import org.unionledger.projections.credentials.CredentialView;
import org.unionledger.projections.credentials.FindCredential;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionId;

/** The receiving union presents a transfer credential. */
@RestController
public class TransferController {

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final UnionDirectory unions;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Clock clock;

	private final Scopes scopes;

	public TransferController(CommandGateway commands, QueryGateway queries, UnionDirectory unions,
			ProjectionFreshness freshness, Actors actors, Clock clock, Scopes scopes) {
		this.scopes = scopes;
		this.commands = commands;
		this.queries = queries;
		this.unions = unions;
		this.freshness = freshness;
		this.actors = actors;
		this.clock = clock;
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
	public Map<String, Object> accept(@PathVariable String code, @Valid @RequestBody AcceptanceRequest request) {
		UnionId receiving = Ids.requireUnion(request.unionId(), "unionId");
		// Only an officer of the receiving union presents a credential.
		this.scopes.requireUnionActor(receiving);
		Ids.requireNotFuture(request.effectiveDate(), this.clock, "effectiveDate");
		if (!CredentialCodes.looksValid(code)) {
			throw ApiException.of(Rule.CREDENTIAL_UNKNOWN, "code", "no transfer credential with this code");
		}
		CredentialView credential = this.queries
			.query(new FindCredential(new CredentialCode(code)), ResponseTypes.optionalInstanceOf(CredentialView.class))
			.join()
			.flatMap(Optional::of)
			.orElseThrow(
					() -> ApiException.of(Rule.CREDENTIAL_UNKNOWN, "code", "no transfer credential with this code"));
		if (this.unions.find(receiving).isEmpty()) {
			throw ApiException.unknownReference(Rule.UNION_UNKNOWN, "unionId", "no union with this id");
		}
		Outcome outcome = this.commands.sendAndWait(new AcceptTransfer(credential.memberId(), credential.code(),
				receiving, request.effectiveDate(), this.actors.current()));
		this.freshness.awaitOwnWrites();
		if (!outcome.accepted()) {
			throw ApiException.of(outcome.rule(), "code",
					"the credential was refused (" + outcome.rejection() + "); the refusal was recorded");
		}
		return Map.of("memberId", credential.memberId().value(), "fromUnionId", credential.issuingUnionId().value(),
				"toUnionId", receiving.value(), "effectiveDate", request.effectiveDate());
	}

}
