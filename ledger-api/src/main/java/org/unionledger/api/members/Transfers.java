package org.unionledger.api.members;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.config.LedgerProperties;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.MemberRecords.MemberState;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.Outcome;
import org.unionledger.membership.Commands.AcceptTransfer;
import org.unionledger.membership.Commands.IssueTransferCredential;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.credentials.CredentialView;
import org.unionledger.projections.credentials.FindCredential;
import org.unionledger.union.UnionId;
import org.unionledger.common.Rule;

/**
 * Transfers with credentials (凭证接转): the holding union issues a credential, the receiving
 * union presents it. The aggregate judges the credential (expired, other union, already
 * used) and records a refusal as an event.
 */
@Service
public class Transfers {

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final OpenUnions unions;

	private final MemberRecords records;

	private final SecureRandom random;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Clock clock;

	private final int validityDays;

	public Transfers(CommandGateway commands, QueryGateway queries, OpenUnions unions, MemberRecords records,
			SecureRandom random, ProjectionFreshness freshness, Actors actors, Clock clock,
			LedgerProperties properties) {
		this.commands = commands;
		this.queries = queries;
		this.unions = unions;
		this.records = records;
		this.random = random;
		this.freshness = freshness;
		this.actors = actors;
		this.clock = clock;
		this.validityDays = properties.credentialValidityDays();
	}

	/**
	 * An issued credential.
	 *
	 * @param code its code
	 * @param expiresOn its last valid day
	 * @param memberId the member
	 * @param issuingUnionId the union that holds the membership and issued it
	 */
	public record IssuedCredential(CredentialCode code, LocalDate expiresOn, MemberId memberId,
			UnionId issuingUnionId) {
	}

	/**
	 * Issues a credential for the member at the union holding the membership, valid for
	 * {@code ledger.credential-validity-days}, as the signed-in user.
	 * @param toUnionId the intended receiving union, or {@code null}
	 * @throws ApiException 422 for a future date or an unknown receiving union
	 */
	public IssuedCredential issue(MemberState member, LocalDate issuedOn, String toUnionId) {
		Ids.requireNotFuture(issuedOn, this.clock, "issuedOn");
		UnionId toUnion = (toUnionId != null) ? this.unions.requireKnown(toUnionId, "toUnionId") : null;
		CredentialCode code = CredentialCodes.next(this.random);
		this.commands.sendAndWait(new IssueTransferCredential(member.memberId(), code, member.unionId(), toUnion,
				issuedOn, this.validityDays, this.actors.current()));
		this.freshness.awaitOwnWrites();
		TransferCredentialIssued issued = this.records.credential(member.memberId(), code.value())
			.orElseThrow(() -> new IllegalStateException("issued credential not found in the member's stream"));
		return new IssuedCredential(code, issued.expiresOn(), member.memberId(), member.unionId());
	}

	/**
	 * An accepted transfer.
	 *
	 * @param memberId the member
	 * @param fromUnionId the issuing union
	 * @param toUnionId the receiving union
	 * @param effectiveDate the day the membership moved
	 */
	public record AcceptedTransfer(MemberId memberId, UnionId fromUnionId, UnionId toUnionId, LocalDate effectiveDate) {
	}

	/**
	 * The receiving union presents the credential, as the signed-in user.
	 * @throws ApiException 422 for a future date or an unknown union, 404 for an unknown
	 * code, 409 {@code CREDENTIAL_<reason>} when the credential is refused (the refusal
	 * is recorded)
	 */
	public AcceptedTransfer accept(String code, UnionId receiving, LocalDate effectiveDate) {
		Ids.requireNotFuture(effectiveDate, this.clock, "effectiveDate");
		CredentialView credential = Optional.of(code)
			.filter(CredentialCodes::looksValid)
			.flatMap((c) -> this.queries
				.query(new FindCredential(new CredentialCode(c)),
						ResponseTypes.optionalInstanceOf(CredentialView.class))
				.join())
			.orElseThrow(
					() -> ApiException.of(Rule.CREDENTIAL_UNKNOWN, "code", "no transfer credential with this code"));
		this.unions.requireKnown(receiving.value(), "unionId");
		Outcome outcome = this.commands.sendAndWait(new AcceptTransfer(credential.memberId(), credential.code(),
				receiving, effectiveDate, this.actors.current()));
		this.freshness.awaitOwnWrites();
		if (!outcome.accepted()) {
			throw ApiException.of(outcome.rule(), "code",
					"the credential was refused (" + outcome.rejection() + "); the refusal was recorded");
		}
		return new AcceptedTransfer(credential.memberId(), credential.issuingUnionId(), receiving, effectiveDate);
	}

}
