package org.unionledger.projections.credentials;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.membership.MemberId;
import org.unionledger.eventstore.MongoTestDatabase;
import org.unionledger.projections.support.ReadModelTransactionManager;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialProjectionTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final UnionPlacement ORIGIN = new UnionPlacement(new UnionId("sjz-site"),
			JurisdictionCode.of("130102"), UnionType.PROJECT_SITE, Sector.CONSTRUCTION);

	private static final UnionPlacement DESTINATION = new UnionPlacement(new UnionId("bd-express"),
			JurisdictionCode.of("130602"), UnionType.ENTERPRISE, Sector.LOGISTICS);

	private static final MemberId MEMBER = new MemberId("m-1");

	private static final RecordedBy CLERK = new RecordedBy("clerk");

	private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");

	private CredentialProjection projection;

	private CredentialQueryHandler queries;

	private ReadModelTransactionManager transactions;

	@BeforeEach
	void startStore() {
		mongo.clear();
		MongoDatabase database = mongo.database();
		this.projection = new CredentialProjection(database);
		this.queries = new CredentialQueryHandler(database);
		this.transactions = new ReadModelTransactionManager(database);
	}

	@Test
	void anIssuedCredentialPointsAtItsMembershipAndBecomesUsedWhenAccepted() {
		CredentialCode code = new CredentialCode("TC-AAAA-BBBB-CCCC-DDDD");
		issue(1, code);
		assertThat(find(code)).hasValueSatisfying(view -> {
			assertThat(view.memberId()).isEqualTo(MEMBER);
			assertThat(view.issuingUnionId()).isEqualTo(ORIGIN.unionId());
			assertThat(view.toUnionId()).isEqualTo(DESTINATION.unionId());
			assertThat(view.expiresOn()).isEqualTo(LocalDate.of(2026, 5, 30));
			assertThat(view.status()).isEqualTo(CredentialView.Status.OUTSTANDING);
		});
		TransferAccepted accepted = new TransferAccepted(MEMBER, code, ORIGIN, DESTINATION, LocalDate.of(2026, 3, 5),
				AT, CLERK);
		handle(2, () -> this.projection.on(accepted, new GlobalSequenceTrackingToken(2)));
		assertThat(find(code)).get().extracting(CredentialView::status).isEqualTo(CredentialView.Status.USED);
	}

	@Test
	void aRedeliveredIssueDoesNotReviveACancelledCredential() {
		CredentialCode code = new CredentialCode("TC-EEEE-FFFF-GGGG-HHHH");
		issue(7, code);
		TransferCredentialCancelled cancelled = new TransferCredentialCancelled(MEMBER, code, ORIGIN, "moved back",
				LocalDate.of(2026, 3, 2), AT, CLERK);
		handle(8, () -> this.projection.on(cancelled, new GlobalSequenceTrackingToken(8)));
		issue(7, code);
		assertThat(find(code)).get().extracting(CredentialView::status).isEqualTo(CredentialView.Status.CANCELLED);
	}

	@Test
	void anUnknownCodeFindsNothing() {
		assertThat(find(new CredentialCode("TC-0000-0000-0000-0000"))).isEmpty();
	}

	private void issue(long position, CredentialCode code) {
		TransferCredentialIssued issued = new TransferCredentialIssued(MEMBER, code, ORIGIN, DESTINATION.unionId(),
				LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30), AT, CLERK);
		handle(position, () -> this.projection.on(issued, new GlobalSequenceTrackingToken(position)));
	}

	private void handle(long position, Runnable handler) {
		this.transactions.executeInTransaction(handler);
	}

	private Optional<CredentialView> find(CredentialCode code) {
		return this.queries.handle(new FindCredential(code));
	}

}
