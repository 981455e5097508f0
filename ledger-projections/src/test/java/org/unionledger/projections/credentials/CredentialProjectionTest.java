package org.unionledger.projections.credentials;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
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

	/**
	 * The lists of the issuing and the receiving union, every event delivered twice: an
	 * issue is listed outstanding in both, a cancellation, a use and a void say so,
	 * expiry is judged on the day asked for, counts cover the whole list and pages the
	 * newest first, across chunks of different windows.
	 */
	@Test
	void eachUnionListsItsIssuedAndAddressedCredentialsWithTheirStates() {
		CredentialCode used = new CredentialCode("TC-AAAA-1111-AAAA-1111");
		CredentialCode cancelled = new CredentialCode("TC-BBBB-2222-BBBB-2222");
		CredentialCode replacement = new CredentialCode("TC-CCCC-3333-CCCC-3333");
		CredentialCode open = new CredentialCode("TC-DDDD-4444-DDDD-4444");
		CredentialCode voided = new CredentialCode("TC-EEEE-5555-EEEE-5555");
		MemberId third = new MemberId("m-3");
		twice(3, addressed(MEMBER, used, LocalDate.of(2026, 3, 1), 30));
		twice(4, new TransferAccepted(MEMBER, used, ORIGIN, DESTINATION, LocalDate.of(2026, 3, 5), AT, CLERK));
		twice(1500, addressed(OTHER, cancelled, LocalDate.of(2026, 3, 6), 30));
		// a re-issue: both events of one commit
		twice(2100,
				new TransferCredentialCancelled(OTHER, cancelled, ORIGIN, "lost", LocalDate.of(2026, 3, 7), AT, CLERK));
		twice(2101, addressed(OTHER, replacement, LocalDate.of(2026, 3, 7), 30));
		twice(2102, issued(third, open, LocalDate.of(2026, 3, 8)));
		twice(2103, addressed(new MemberId("m-4"), voided, LocalDate.of(2026, 1, 2), 10));
		twice(2104, new MembershipTerminated(new MemberId("m-4"), ORIGIN, TerminationReason.LEFT_WORKFORCE, false,
				LocalDate.of(2026, 3, 9), AT, CLERK));
		twice(2105, reEnrolled(new MemberId("m-4"), LocalDate.of(2026, 3, 10)));
		CredentialCode expired = new CredentialCode("TC-FFFF-6666-FFFF-6666");
		twice(4000, addressed(new MemberId("m-5"), expired, LocalDate.of(2026, 3, 1), 10));

		LocalDate today = LocalDate.of(2026, 3, 20);
		CredentialListView issuedList = list(ORIGIN.unionId(), CredentialListView.Box.ISSUED, null, today, 0, 10);
		assertThat(issuedList.entries()).extracting(CredentialListView.Entry::code)
			.containsExactly(expired, voided, open, replacement, cancelled, used);
		assertThat(issuedList.entries()).extracting(CredentialListView.Entry::state)
			.containsExactly(CredentialListView.State.EXPIRED, CredentialListView.State.CANCELLED,
					CredentialListView.State.OUTSTANDING, CredentialListView.State.OUTSTANDING,
					CredentialListView.State.CANCELLED, CredentialListView.State.USED);
		assertThat(List.of(issuedList.outstanding(), issuedList.used(), issuedList.expired(), issuedList.cancelled(),
				issuedList.total()))
			.containsExactly(2L, 1L, 1L, 2L, 6L);
		assertThat(issuedList.entries().get(5).acceptedOn()).isEqualTo(LocalDate.of(2026, 3, 5));

		CredentialListView inbox = list(DESTINATION.unionId(), CredentialListView.Box.ADDRESSED,
				CredentialListView.State.OUTSTANDING, today, 0, 10);
		assertThat(inbox.entries()).extracting(CredentialListView.Entry::code).containsExactly(replacement);
		assertThat(inbox.entries().get(0).issuingUnionId()).isEqualTo(ORIGIN.unionId());
		assertThat(inbox.entries().get(0).memberId()).isEqualTo(OTHER);
		assertThat(List.of(inbox.outstanding(), inbox.used(), inbox.expired(), inbox.cancelled(), inbox.total()))
			.as("credentials without a receiving union are in no inbox")
			.containsExactly(1L, 1L, 1L, 2L, 1L);

		CredentialListView second = list(ORIGIN.unionId(), CredentialListView.Box.ISSUED, null, today, 1, 4);
		assertThat(second.entries()).extracting(CredentialListView.Entry::code).containsExactly(cancelled, used);
		assertThat(list(ORIGIN.unionId(), CredentialListView.Box.ISSUED, CredentialListView.State.OUTSTANDING,
				LocalDate.of(2026, 6, 10), 0, 10)
			.entries()).as("expiry judged on the day asked for").isEmpty();
		assertThat(list(new UnionId("nowhere"), CredentialListView.Box.ISSUED, null, today, 0, 10).total()).isZero();
	}

	@Test
	void noListDocumentGrowsPastItsWindow() {
		for (long position = 1; position <= 2 * CredentialLists.WINDOW + 5; position += 7) {
			handle(position, issuedAt(position));
		}
		for (Document chunk : mongo.database().getCollection(CredentialProjection.LISTS).find()) {
			if (chunk.getString("_id").contains("|c|")) {
				assertThat(chunk.get("e", Document.class).size()).isLessThanOrEqualTo((int) CredentialLists.WINDOW);
			}
		}
		assertThat(mongo.database()
			.getCollection(CredentialProjection.LISTS)
			.find(new Document("_id", CredentialLists.headId(CredentialLists.ISSUED, ORIGIN.unionId())))
			.first()
			.getList("w", Number.class)).hasSize(3);
	}

	private Runnable issuedAt(long position) {
		TransferCredentialIssued issued = new TransferCredentialIssued(new MemberId("m-" + position),
				new CredentialCode("TC-" + position), ORIGIN, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
				AT, CLERK);
		return () -> this.projection.on(issued, new GlobalSequenceTrackingToken(position));
	}

	private static TransferCredentialIssued addressed(MemberId member, CredentialCode code, LocalDate issuedOn,
			int days) {
		return new TransferCredentialIssued(member, code, ORIGIN, DESTINATION.unionId(), issuedOn,
				issuedOn.plusDays(days), AT, CLERK);
	}

	private CredentialListView list(UnionId union, CredentialListView.Box box, CredentialListView.State state,
			LocalDate today, int page, int size) {
		return this.queries.handle(new FindCredentialList(union, box, state, today, page, size));
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
