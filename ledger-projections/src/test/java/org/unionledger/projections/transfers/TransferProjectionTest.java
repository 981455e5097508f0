package org.unionledger.projections.transfers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionledger.common.RecordedBy;
import org.unionledger.eventstore.MongoTestDatabase;
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
import org.unionledger.projections.support.MongoReadModelStore;
import org.unionledger.projections.support.ReadModelTransactionManager;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flows between cities and outstanding credentials, each event handled twice (a
 * redelivery changes nothing).
 */
class TransferProjectionTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final UnionPlacement SJZ = new UnionPlacement(new UnionId("sjz-site"), JurisdictionCode.of("130102"),
			UnionType.PROJECT_SITE, Sector.CONSTRUCTION);

	private static final UnionPlacement SJZ_OTHER = new UnionPlacement(new UnionId("sjz-other"),
			JurisdictionCode.of("130104"), UnionType.ENTERPRISE, Sector.LOGISTICS);

	private static final UnionPlacement BD = new UnionPlacement(new UnionId("bd-express"),
			JurisdictionCode.of("130602"), UnionType.ENTERPRISE, Sector.LOGISTICS);

	private static final RecordedBy CLERK = new RecordedBy("clerk");

	private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	private TransferProjection projection;

	private TransferQueryHandler queries;

	private ReadModelTransactionManager transactions;

	@BeforeEach
	void startStore() {
		mongo.clear();
		MongoDatabase database = mongo.database();
		this.projection = new TransferProjection(database, StatisticalCalendar.ACFTU);
		this.queries = new TransferQueryHandler(new MongoReadModelStore(database));
		this.transactions = new ReadModelTransactionManager(database);
	}

	@Test
	void aTransferAcrossCitiesIsAFlowAtBothEndsAndItsCredentialLeavesTheOutstandingCount() {
		CredentialCode code = new CredentialCode("TC-AAAA-BBBB-CCCC-DDDD");
		twice(1, () -> issue(1, "m-1", code, SJZ, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30)));
		assertThat(find("J:1301", List.of("J:130102", "J:130104")).credentials().outstanding()).isEqualTo(1);
		assertThat(find("J:1301", List.of("J:130102", "J:130104")).children())
			.extracting(TransfersView.Credentials::outstanding)
			.containsExactly(1L, 0L);
		TransferAccepted accepted = new TransferAccepted(new MemberId("m-1"), code, SJZ, BD, LocalDate.of(2026, 3, 5),
				AT, CLERK);
		twice(2, () -> this.projection.on(accepted, new GlobalSequenceTrackingToken(2)));
		TransfersView province = find("J:13", List.of());
		assertThat(province.flows()).containsExactly(new TransfersView.Flow("1301", "1306", 1));
		assertThat(province.credentials()).isEqualTo(new TransfersView.Credentials("J:13", 0, 0));
		assertThat(find("J:1306", List.of()).flows()).containsExactly(new TransfersView.Flow("1301", "1306", 1));
		assertThat(find("U:sjz-site", List.of()).flows()).hasSize(1);
		assertThat(find("J:1302", List.of()).flows()).isEmpty();
	}

	@Test
	void aTransferWithinACityIsNoFlowBetweenCities() {
		CredentialCode code = new CredentialCode("TC-EEEE-FFFF-GGGG-HHHH");
		twice(1, () -> issue(1, "m-2", code, SJZ, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30)));
		TransferAccepted accepted = new TransferAccepted(new MemberId("m-2"), code, SJZ, SJZ_OTHER,
				LocalDate.of(2026, 3, 5), AT, CLERK);
		twice(2, () -> this.projection.on(accepted, new GlobalSequenceTrackingToken(2)));
		assertThat(find("J:1301", List.of()).flows()).isEmpty();
		assertThat(find("J:1301", List.of()).credentials().outstanding()).isZero();
	}

	@Test
	void aCredentialPastItsExpiryCountsAsExpiredUntilCancelled() {
		CredentialCode expired = new CredentialCode("TC-JJJJ-KKKK-MMMM-NNNN");
		CredentialCode valid = new CredentialCode("TC-PPPP-QQQQ-RRRR-SSSS");
		twice(1, () -> issue(1, "m-3", expired, SJZ, LocalDate.of(2025, 11, 1), LocalDate.of(2026, 1, 30)));
		twice(2, () -> issue(2, "m-4", valid, SJZ, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30)));
		assertThat(find("U:sjz-site", List.of()).credentials())
			.isEqualTo(new TransfersView.Credentials("U:sjz-site", 1, 1));
		TransferCredentialCancelled cancelled = new TransferCredentialCancelled(new MemberId("m-3"), expired, SJZ,
				"expired", LocalDate.of(2026, 3, 6), AT, CLERK);
		twice(3, () -> this.projection.on(cancelled, new GlobalSequenceTrackingToken(3)));
		assertThat(find("J:13", List.of()).credentials()).isEqualTo(new TransfersView.Credentials("J:13", 1, 0));
	}

	@Test
	void flowsCountUpToTheDayAskedAndWithinTheStatisticalYear() {
		CredentialCode code = new CredentialCode("TC-TTTT-VVVV-WWWW-XXXX");
		twice(1, () -> issue(1, "m-5", code, BD, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30)));
		TransferAccepted accepted = new TransferAccepted(new MemberId("m-5"), code, BD, SJZ, LocalDate.of(2026, 3, 8),
				AT, CLERK);
		twice(2, () -> this.projection.on(accepted, new GlobalSequenceTrackingToken(2)));
		LocalDate first = StatisticalCalendar.ACFTU.firstDay(2026);
		assertThat(
				this.queries.handle(new FindTransfers("J:13", List.of(), 2026, first, LocalDate.of(2026, 3, 7), TODAY))
					.flows())
			.isEmpty();
		assertThat(
				this.queries.handle(new FindTransfers("J:13", List.of(), 2026, first, LocalDate.of(2026, 3, 8), TODAY))
					.flows())
			.containsExactly(new TransfersView.Flow("1306", "1301", 1));
		assertThat(this.queries
			.handle(new FindTransfers("J:13", List.of(), 2027, StatisticalCalendar.ACFTU.firstDay(2027),
					StatisticalCalendar.ACFTU.lastDay(2027), TODAY))
			.flows()).isEmpty();
	}

	/**
	 * A member terminated with credentials still outstanding, one expired and one not,
	 * re-enrolls elsewhere: the ledger voids both, so the issuing union counts neither as
	 * outstanding nor as expired; another member's credential still counts.
	 */
	@Test
	void aReEnrollmentVoidsEveryCredentialStillOutstandingExpiredOrNot() {
		MemberId member = new MemberId("m-6");
		CredentialCode expired = new CredentialCode("TC-1111-2222-3333-4444");
		CredentialCode valid = new CredentialCode("TC-5555-6666-7777-8888");
		CredentialCode others = new CredentialCode("TC-9999-AAAA-BBBB-CCCC");
		deliverTwice(1, issued(member, expired, SJZ, LocalDate.of(2025, 11, 1), LocalDate.of(2026, 1, 30)));
		deliverTwice(2, issued(member, valid, SJZ, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30)));
		deliverTwice(3, issued(new MemberId("m-7"), others, SJZ, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30)));
		deliverTwice(4, terminated(member, SJZ, LocalDate.of(2026, 3, 2)));
		assertThat(find("U:sjz-site", List.of()).credentials())
			.as("a termination leaves them outstanding: the ledger only refuses them")
			.isEqualTo(new TransfersView.Credentials("U:sjz-site", 2, 1));

		deliverTwice(5, reEnrolled(member, BD, LocalDate.of(2026, 3, 3)));

		assertThat(find("U:sjz-site", List.of()).credentials())
			.isEqualTo(new TransfersView.Credentials("U:sjz-site", 1, 0));
		assertThat(find("J:13", List.of("J:1301", "J:1306")).credentials())
			.isEqualTo(new TransfersView.Credentials("J:13", 1, 0));
		assertThat(find("J:13", List.of("J:1301", "J:1306")).children()).containsExactly(
				new TransfersView.Credentials("J:1301", 1, 0), new TransfersView.Credentials("J:1306", 0, 0));
	}

	@Test
	void aRedeliveredReEnrollmentLeavesACredentialIssuedAfterItOutstanding() {
		MemberId member = new MemberId("m-8");
		CredentialCode old = new CredentialCode("TC-DDDD-EEEE-FFFF-GGGG");
		CredentialCode fresh = new CredentialCode("TC-HHHH-JJJJ-KKKK-MMMM");
		deliverTwice(1, issued(member, old, SJZ, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30)));
		deliverTwice(2, terminated(member, SJZ, LocalDate.of(2026, 3, 2)));
		deliverTwice(3, reEnrolled(member, BD, LocalDate.of(2026, 3, 3)));
		deliverTwice(4, issued(member, fresh, BD, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 6, 2)));
		deliverTwice(3, reEnrolled(member, BD, LocalDate.of(2026, 3, 3)));

		assertThat(find("J:13", List.of("J:1301", "J:1306")).children()).containsExactly(
				new TransfersView.Credentials("J:1301", 0, 0), new TransfersView.Credentials("J:1306", 1, 0));

		deliverTwice(5, terminated(member, BD, LocalDate.of(2026, 3, 5)));
		deliverTwice(6, reEnrolled(member, SJZ, LocalDate.of(2026, 3, 6)));
		assertThat(find("J:13", List.of()).credentials()).as("voided by the second re-enrollment")
			.isEqualTo(new TransfersView.Credentials("J:13", 0, 0));
	}

	private static TransferCredentialIssued issued(MemberId member, CredentialCode code, UnionPlacement union,
			LocalDate issuedOn, LocalDate expiresOn) {
		return new TransferCredentialIssued(member, code, union, null, issuedOn, expiresOn, AT, CLERK);
	}

	private static MembershipTerminated terminated(MemberId member, UnionPlacement union, LocalDate effectiveDate) {
		return new MembershipTerminated(member, union, TerminationReason.LEFT_WORKFORCE, false, effectiveDate, AT,
				CLERK);
	}

	private static MemberReEnrolled reEnrolled(MemberId member, UnionPlacement union, LocalDate effectiveDate) {
		return new MemberReEnrolled(member, new EncryptedPersonalData("k2", "ZA=="), union, EnrollmentChannel.ONLINE,
				effectiveDate, AT, CLERK);
	}

	/**
	 * Delivers the event at {@code position} as a processor would (through the
	 * projection's {@code @EventHandler}s, ignoring an event it does not handle), twice.
	 */
	private void deliverTwice(long position, Object event) {
		AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(this.projection);
		GenericTrackedEventMessage<?> message = new GenericTrackedEventMessage<>(
				new GlobalSequenceTrackingToken(position), GenericEventMessage.asEventMessage(event));
		twice(position, () -> {
			try {
				handlers.handle(message);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private TransfersView find(String scope, List<String> children) {
		return this.queries
			.handle(new FindTransfers(scope, children, 2026, StatisticalCalendar.ACFTU.firstDay(2026), TODAY, TODAY));
	}

	private void issue(long position, String member, CredentialCode code, UnionPlacement union, LocalDate issued,
			LocalDate expires) {
		TransferCredentialIssued event = new TransferCredentialIssued(new MemberId(member), code, union, null, issued,
				expires, AT, CLERK);
		this.projection.on(event, new GlobalSequenceTrackingToken(position));
	}

	/** Handles the event in a batch, then again in another (a redelivery). */
	private void twice(long position, Runnable handler) {
		this.transactions.executeInTransaction(handler);
		this.transactions.executeInTransaction(handler);
	}

}
