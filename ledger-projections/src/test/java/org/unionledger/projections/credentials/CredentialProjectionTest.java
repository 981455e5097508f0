package org.unionledger.projections.credentials;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.TerminationReason;
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

	private static final MemberId OTHER = new MemberId("m-2");

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

	/**
	 * The membership voids the credentials still outstanding when a terminated member
	 * re-enrolls ({@code MembershipState.CredentialState.VOID}); the read model says so
	 * too, and leaves used, cancelled and other members' credentials as they were.
	 */
	@Test
	void aCredentialStillOutstandingAtAReEnrollmentBecomesVoid() {
		CredentialCode cancelled = new CredentialCode("TC-1111-2222-3333-4444");
		CredentialCode outstanding = new CredentialCode("TC-5555-6666-7777-8888");
		CredentialCode others = new CredentialCode("TC-9999-AAAA-BBBB-CCCC");
		twice(1, issued(MEMBER, cancelled, LocalDate.of(2026, 3, 1)));
		twice(2, new TransferCredentialCancelled(MEMBER, cancelled, ORIGIN, "wrong union", LocalDate.of(2026, 3, 2), AT,
				CLERK));
		twice(3, issued(MEMBER, outstanding, LocalDate.of(2026, 3, 2)));
		twice(4, issued(OTHER, others, LocalDate.of(2026, 3, 2)));
		twice(5, new MembershipTerminated(MEMBER, ORIGIN, TerminationReason.LEFT_WORKFORCE, false,
				LocalDate.of(2026, 3, 3), AT, CLERK));
		assertThat(find(outstanding)).get()
			.as("a termination leaves it outstanding: the ledger only refuses it")
			.extracting(CredentialView::status)
			.isEqualTo(CredentialView.Status.OUTSTANDING);

		twice(6, reEnrolled(MEMBER, LocalDate.of(2026, 3, 4)));

		assertThat(find(outstanding)).get().extracting(CredentialView::status).isEqualTo(CredentialView.Status.VOID);
		assertThat(find(cancelled)).get().extracting(CredentialView::status).isEqualTo(CredentialView.Status.CANCELLED);
		assertThat(find(others)).get().extracting(CredentialView::status).isEqualTo(CredentialView.Status.OUTSTANDING);
	}

	@Test
	void aRedeliveredReEnrollmentLeavesACredentialIssuedAfterItOutstanding() {
		CredentialCode old = new CredentialCode("TC-DDDD-EEEE-FFFF-GGGG");
		CredentialCode fresh = new CredentialCode("TC-HHHH-JJJJ-KKKK-MMMM");
		twice(1, issued(MEMBER, old, LocalDate.of(2026, 3, 1)));
		twice(2, new MembershipTerminated(MEMBER, ORIGIN, TerminationReason.LEFT_WORKFORCE, false,
				LocalDate.of(2026, 3, 2), AT, CLERK));
		twice(3, reEnrolled(MEMBER, LocalDate.of(2026, 3, 3)));
		twice(4, issued(MEMBER, fresh, LocalDate.of(2026, 3, 4)));
		twice(3, reEnrolled(MEMBER, LocalDate.of(2026, 3, 3)));

		assertThat(find(old)).get().extracting(CredentialView::status).isEqualTo(CredentialView.Status.VOID);
		assertThat(find(fresh)).get().extracting(CredentialView::status).isEqualTo(CredentialView.Status.OUTSTANDING);
		twice(5, new MembershipTerminated(MEMBER, ORIGIN, TerminationReason.LEFT_WORKFORCE, false,
				LocalDate.of(2026, 3, 5), AT, CLERK));
		twice(6, reEnrolled(MEMBER, LocalDate.of(2026, 3, 6)));
		assertThat(find(fresh)).get()
			.as("voided by the second re-enrollment")
			.extracting(CredentialView::status)
			.isEqualTo(CredentialView.Status.VOID);
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

	private static TransferCredentialIssued issued(MemberId member, CredentialCode code, LocalDate issuedOn) {
		return new TransferCredentialIssued(member, code, ORIGIN, null, issuedOn, issuedOn.plusDays(90), AT, CLERK);
	}

	private static MemberReEnrolled reEnrolled(MemberId member, LocalDate effectiveDate) {
		return new MemberReEnrolled(member, new EncryptedPersonalData("k2", "ZA=="), DESTINATION,
				EnrollmentChannel.ONLINE, effectiveDate, AT, CLERK);
	}

	/**
	 * Delivers the event at {@code position} as a processor would (through the
	 * projection's {@code @EventHandler}s, ignoring an event it does not handle), in one
	 * batch and again in another (a redelivery changes nothing).
	 */
	private void twice(long position, Object event) {
		AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(this.projection);
		GenericTrackedEventMessage<?> message = new GenericTrackedEventMessage<>(
				new GlobalSequenceTrackingToken(position), GenericEventMessage.asEventMessage(event));
		for (int delivery = 0; delivery < 2; delivery++) {
			handle(position, () -> {
				try {
					handlers.handle(message);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
	}

	private void handle(long position, Runnable handler) {
		this.transactions.executeInTransaction(handler);
	}

	private Optional<CredentialView> find(CredentialCode code) {
		return this.queries.handle(new FindCredential(code));
	}

}
