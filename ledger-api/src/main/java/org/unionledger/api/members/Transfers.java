package org.unionledger.api.members;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.membership.Commands.AcceptTransfer;
import org.unionledger.membership.Commands.CancelTransferCredential;
import org.unionledger.membership.Commands.IssueTransferCredential;
import org.unionledger.membership.Commands.ReissueTransferCredential;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.credentials.CredentialListView;
import org.unionledger.projections.credentials.CredentialView;
import org.unionledger.projections.credentials.FindCredential;
import org.unionledger.projections.credentials.FindCredentialList;
import org.unionledger.projections.rosters.FindRoster;
import org.unionledger.projections.rosters.RosterView;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;

/**
 * Transfers with credentials (凭证接转): the holding union issues a credential, the receiving
 * union presents it. The aggregate judges the credential (expired, other union, already
 * used) and records a refusal as an event. The issuing union lists, cancels and re-issues
 * its credentials; the receiving union reads those addressed to it (the member's name
 * masked, the issuing union named) before it accepts one.
 * <p>
 * <b>A re-issue</b> is one command ({@link ReissueTransferCredential}): the membership
 * cancels the old credential and issues the new one in one commit, so no compensation is
 * needed: a refusal of either leaves both as they were.
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

	private final MaskedNames names;

	public Transfers(CommandGateway commands, QueryGateway queries, OpenUnions unions, MemberRecords records,
			SecureRandom random, ProjectionFreshness freshness, Actors actors, Clock clock, LedgerProperties properties,
			MaskedNames names) {
		this.names = names;
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
		this.commands.sendAndWait(credential(member.memberId(), code, member.unionId(), toUnion, issuedOn,
				this.validityDays, this.actors.current()));
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
		CredentialView credential = credential(code);
		this.unions.requireKnown(receiving.value(), "unionId");
		Outcome outcome = this.commands.sendAndWait(
				acceptance(credential.memberId(), credential.code(), receiving, effectiveDate, this.actors.current()));
		this.freshness.awaitOwnWrites();
		if (!outcome.accepted()) {
			throw ApiException.of(outcome.rule(), "code",
					"the credential was refused (" + outcome.rejection() + "); the refusal was recorded");
		}
		return new AcceptedTransfer(credential.memberId(), credential.issuingUnionId(), receiving, effectiveDate);
	}

	/** Most entries per page of a credential list. */
	public static final int MAX_PAGE_SIZE = 100;

	/**
	 * The credential with this code, as the read model knows it.
	 * @throws ApiException 404 {@code CREDENTIAL_UNKNOWN} for a code never issued or not
	 * well formed
	 */
	public CredentialView credential(String code) {
		return Optional.ofNullable(code)
			.filter(CredentialCodes::looksValid)
			.flatMap((c) -> this.queries
				.query(new FindCredential(new CredentialCode(c)),
						ResponseTypes.optionalInstanceOf(CredentialView.class))
				.join())
			.orElseThrow(
					() -> ApiException.of(Rule.CREDENTIAL_UNKNOWN, "code", "no transfer credential with this code"));
	}

	/**
	 * A cancelled credential.
	 *
	 * @param code its code
	 * @param memberId the member
	 * @param issuingUnionId the union that issued and cancelled it
	 * @param effectiveDate the day it was cancelled
	 */
	public record CancelledCredential(CredentialCode code, MemberId memberId, UnionId issuingUnionId,
			LocalDate effectiveDate) {
	}

	/**
	 * The issuing union cancels an outstanding credential, as the signed-in user.
	 * @param effectiveDate the day; today when {@code null}
	 * @throws ApiException 409 {@code CREDENTIAL_NOT_OUTSTANDING} when used or cancelled
	 * already, 422 for a future date or a blank reason
	 */
	public CancelledCredential cancel(CredentialView credential, LocalDate effectiveDate, String reason) {
		LocalDate day = (effectiveDate != null) ? effectiveDate : LocalDate.now(this.clock);
		Ids.requireNotFuture(day, this.clock, "effectiveDate");
		this.commands.sendAndWait(new CancelTransferCredential(credential.memberId(), credential.code(), day, reason,
				this.actors.current()));
		this.freshness.awaitOwnWrites();
		return new CancelledCredential(credential.code(), credential.memberId(), credential.issuingUnionId(), day);
	}

	/**
	 * Cancels an outstanding credential and issues a new one for the same member and
	 * receiving union, in one commit (see the class comment), as the signed-in user.
	 * @param issuedOn the new credential's issue date and the old one's cancellation;
	 * today when {@code null}
	 * @throws ApiException as {@link #cancel} and {@link #issue}
	 */
	public IssuedCredential reissue(CredentialView credential, LocalDate issuedOn, String reason) {
		LocalDate day = (issuedOn != null) ? issuedOn : LocalDate.now(this.clock);
		Ids.requireNotFuture(day, this.clock, "issuedOn");
		CredentialCode code = CredentialCodes.next(this.random);
		this.commands.sendAndWait(new ReissueTransferCredential(credential.memberId(), credential.code(), code, day,
				this.validityDays, reason, this.actors.current()));
		this.freshness.awaitOwnWrites();
		TransferCredentialIssued issued = this.records.credential(credential.memberId(), code.value())
			.orElseThrow(() -> new IllegalStateException("issued credential not found in the member's stream"));
		return new IssuedCredential(code, issued.expiresOn(), credential.memberId(), credential.issuingUnionId());
	}

	/**
	 * A page of a union's credentials.
	 *
	 * @param view the page as the read model has it
	 * @param names each listed member's masked name, in the page's order
	 */
	public record CredentialPage(CredentialListView view, List<String> names) {
	}

	/**
	 * A page of the credentials the union issued, or of those addressed to it; each
	 * listed member's name masked.
	 * @param state only those in this state, or {@code null} for all
	 * @throws ApiException 422 {@code PAGE_OUT_OF_RANGE} or
	 * {@code PAGE_SIZE_OUT_OF_RANGE}
	 */
	public CredentialPage list(UnionId union, CredentialListView.Box box, CredentialListView.State state, int page,
			int size) {
		if (page < 0 || page > 1_000_000) {
			throw ApiException.of(Rule.PAGE_OUT_OF_RANGE, "page", "page is 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ApiException.of(Rule.PAGE_SIZE_OUT_OF_RANGE, "size", "size is 1 to " + MAX_PAGE_SIZE);
		}
		CredentialListView view = this.queries
			.query(new FindCredentialList(union, box, state, LocalDate.now(this.clock), page, size),
					ResponseTypes.instanceOf(CredentialListView.class))
			.join();
		return new CredentialPage(view,
				view.entries().stream().map((entry) -> this.names.of(entry.memberId())).toList());
	}

	/**
	 * A member a credential can be issued for.
	 *
	 * @param memberId the member
	 * @param name the name, masked
	 * @param since the day the membership became active here
	 */
	public record Candidate(MemberId memberId, String name, LocalDate since) {
	}

	/** The union's active members with their masked names, by name. */
	public List<Candidate> candidates(UnionId union) {
		RosterView roster = this.queries.query(new FindRoster(union), ResponseTypes.instanceOf(RosterView.class))
			.join();
		return roster.members()
			.stream()
			.filter((entry) -> entry.status() == org.unionledger.membership.MembershipStatus.ACTIVE)
			.map((entry) -> new Candidate(entry.memberId(), this.names.of(entry.memberId()), entry.since()))
			.sorted(java.util.Comparator.comparing((Candidate c) -> String.valueOf(c.name()))
				.thenComparing((c) -> c.memberId().value()))
			.toList();
	}

	/** The union's facts, if it is registered. */
	public Optional<UnionFacts> union(UnionId union) {
		return this.unions.find(union);
	}

	/**
	 * The command issuing a transfer credential: the one place it is made (the route and
	 * the demo's seeds).
	 */
	public static IssueTransferCredential credential(MemberId memberId, CredentialCode code, UnionId issuingUnionId,
			UnionId toUnionId, LocalDate issuedOn, int validityDays, RecordedBy by) {
		return new IssueTransferCredential(memberId, code, issuingUnionId, toUnionId, issuedOn, validityDays, by);
	}

	/**
	 * The command presenting a credential at the receiving union: the one place it is
	 * made.
	 */
	public static AcceptTransfer acceptance(MemberId memberId, CredentialCode code, UnionId receivingUnionId,
			LocalDate effectiveDate, RecordedBy by) {
		return new AcceptTransfer(memberId, code, receivingUnionId, effectiveDate, by);
	}

}
