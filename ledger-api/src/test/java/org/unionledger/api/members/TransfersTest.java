package org.unionledger.api.members;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.api.config.LedgerProperties;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.MemberRecords.MemberState;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.Outcome;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.Commands.AcceptTransfer;
import org.unionledger.membership.Commands.IssueTransferCredential;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.CredentialRejectionReason;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.projections.credentials.CredentialView;
import org.unionledger.projections.credentials.FindCredential;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;
import org.unionledger.common.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Issuing and presenting transfer credentials. */
class TransfersTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.ofHours(8));

	static final RecordedBy OFFICER = new RecordedBy("officer-bd");

	static final UnionId FROM = new UnionId("sjz-express-01");

	static final UnionId TO = new UnionId("bd-express-02");

	static final MemberId MEMBER = new MemberId("m-oz4njx4bwlschfqh6vct6fq3c4");

	static final String CODE = "TC-ABCD-EFGH-JKMN-PQRS";

	final CommandGateway commands = mock(CommandGateway.class);

	final QueryGateway queries = mock(QueryGateway.class);

	Transfers transfers;

	@BeforeEach
	void setUp() {
		UnionDirectory directory = (unionId) -> unionId.equals(TO) || unionId.equals(FROM)
				? Optional.of(new UnionFacts(new UnionPlacement(unionId, JurisdictionCode.of("130602"),
						UnionType.INDUSTRY, Sector.LOGISTICS), "工会", LocalDate.of(2020, 1, 1), null))
				: Optional.empty();
		Actors actors = mock(Actors.class);
		when(actors.current()).thenReturn(OFFICER);
		LedgerProperties properties = mock(LedgerProperties.class);
		when(properties.credentialValidityDays()).thenReturn(90);
		this.transfers = new Transfers(this.commands, this.queries, new OpenUnions(directory),
				mock(MemberRecords.class), new SecureRandom(), mock(ProjectionFreshness.class), actors, CLOCK,
				properties, mock(MaskedNames.class));
	}

	@SuppressWarnings("unchecked")
	private void credentialIs(CredentialView view) {
		when(this.queries.query(any(FindCredential.class), any(ResponseType.class)))
			.thenReturn(CompletableFuture.completedFuture(Optional.ofNullable(view)));
	}

	private static CredentialView credential() {
		CredentialView view = mock(CredentialView.class);
		when(view.memberId()).thenReturn(MEMBER);
		when(view.code()).thenReturn(new CredentialCode(CODE));
		when(view.issuingUnionId()).thenReturn(FROM);
		return view;
	}

	@Test
	void theReceivingUnionAcceptsACredentialAsTheOfficer() {
		credentialIs(credential());
		when(this.commands.sendAndWait(any(AcceptTransfer.class))).thenReturn(Outcome.ok());

		Transfers.AcceptedTransfer accepted = this.transfers.accept(CODE, TO, TODAY);

		assertThat(accepted).isEqualTo(new Transfers.AcceptedTransfer(MEMBER, FROM, TO, TODAY));
		verify(this.commands).sendAndWait(new AcceptTransfer(MEMBER, new CredentialCode(CODE), TO, TODAY, OFFICER));
	}

	@Test
	void aRefusedCredentialIsAConflictNamingTheReason() {
		credentialIs(credential());
		when(this.commands.sendAndWait(any(AcceptTransfer.class)))
			.thenReturn(Outcome.rejected(CredentialRejectionReason.WRONG_UNION));

		assertThatThrownBy(() -> this.transfers.accept(CODE, TO, TODAY)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.rule()).isEqualTo(Rule.CREDENTIAL_WRONG_UNION));
	}

	@Test
	void aMalformedOrUnknownCodeIsNotFoundAndSendsNothing() {
		assertThatThrownBy(() -> this.transfers.accept("TC-nope", TO, TODAY)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.rule()).isEqualTo(Rule.CREDENTIAL_UNKNOWN));
		verifyNoInteractions(this.queries);
		credentialIs(null);
		assertThatThrownBy(() -> this.transfers.accept(CODE, TO, TODAY)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.rule()).isEqualTo(Rule.CREDENTIAL_UNKNOWN));
		verifyNoInteractions(this.commands);
	}

	@Test
	void aFutureDateOrAnUnknownUnionSendsNothing() {
		credentialIs(credential());
		assertThatThrownBy(() -> this.transfers.accept(CODE, TO, TODAY.plusDays(1))).isInstanceOfSatisfying(
				ApiException.class, (ex) -> assertThat(ex.rule()).isEqualTo(Rule.EFFECTIVE_DATE_IN_FUTURE));
		assertThatThrownBy(() -> this.transfers.accept(CODE, new UnionId("no-such-union"), TODAY))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNION_UNKNOWN));
		MemberState member = new MemberState(MEMBER, FROM, MembershipStatus.ACTIVE, 1, null, null);
		assertThatThrownBy(() -> this.transfers.issue(member, TODAY, "no-such-union"))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> {
				assertThat(ex.rule()).isEqualTo(Rule.UNION_UNKNOWN);
				assertThat(ex.field()).isEqualTo("toUnionId");
			});
		verify(this.commands, never()).sendAndWait(any(AcceptTransfer.class));
		verify(this.commands, never()).sendAndWait(any(IssueTransferCredential.class));
	}

}
