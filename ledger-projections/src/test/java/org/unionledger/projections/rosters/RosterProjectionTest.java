package org.unionledger.projections.rosters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.membership.TerminationReason;
import org.unionledger.eventstore.MongoTestDatabase;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.projections.support.ReadModelTransactionManager;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

import static org.assertj.core.api.Assertions.assertThat;

class RosterProjectionTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final UnionPlacement SJZ = new UnionPlacement(new UnionId("sjz-site"), JurisdictionCode.of("130102"),
			UnionType.PROJECT_SITE, Sector.CONSTRUCTION);

	private static final UnionPlacement BD = new UnionPlacement(new UnionId("bd-express"),
			JurisdictionCode.of("130602"), UnionType.INDUSTRY, Sector.LOGISTICS);

	private static final RecordedBy CLERK = new RecordedBy("clerk");

	private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

	private static final LocalDate DAY = LocalDate.of(2026, 2, 1);

	private RosterProjection projection;

	private RosterQueryHandler queries;

	private ReadModelTransactionManager transactions;

	private final List<Object> events = new ArrayList<>();

	@BeforeEach
	void startStore() {
		mongo.clear();
		MongoDatabase database = mongo.database();
		this.projection = new RosterProjection(database);
		this.queries = new RosterQueryHandler(database);
		this.transactions = new ReadModelTransactionManager(database);
	}

	@Test
	void aTransferMovesTheMemberFromOneRosterToTheOtherAndTerminationRemovesThem() {
		givenThreeMembers();
		feedEachEventTwice();

		assertThat(roster(SJZ)).extracting(RosterView.Entry::memberId, RosterView.Entry::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(new MemberId("m-2"), MembershipStatus.ON_HOLD));
		assertThat(roster(BD)).extracting(RosterView.Entry::memberId).containsExactly(new MemberId("m-1"));
		assertThat(roster(BD).get(0).since()).isEqualTo(DAY.plusDays(5));
	}

	/**
	 * Each entry keeps the token its member's current name is searched by, whatever moves
	 * it (hold, transfer), until the name is corrected or the data erased; events fed
	 * twice change nothing.
	 */
	@Test
	void anEntryKeepsItsMembersNameTokenUntilTheNameChangesOrIsErased() {
		this.projection = new RosterProjection(mongo.database(),
				(member, data) -> new PersonTokens.Tokens("n-" + member.value() + "-" + data.ciphertext(),
						"k:" + member.value()));
		MemberId member = new MemberId("m-7");
		EncryptedPersonalData first = new EncryptedPersonalData("pd-7", "Zmlyc3Q=");
		EncryptedPersonalData corrected = new EncryptedPersonalData("pd-7", "c2Vjb25k");
		List<Object> story = List.of(new MemberEnrolled(member, first, SJZ, EnrollmentChannel.ON_SITE, DAY, AT, CLERK),
				new MembershipPutOnHold(member, SJZ, "abroad", DAY.plusDays(1), AT, CLERK),
				new MembershipResumed(member, SJZ, DAY.plusDays(2), AT, CLERK),
				new TransferAccepted(member, new CredentialCode("TC-7"), SJZ, BD, DAY.plusDays(3), AT, CLERK),
				new org.unionledger.membership.Events.MemberNameCorrected(member, corrected, BD, "misspelt", AT, CLERK),
				new org.unionledger.membership.Events.PersonalDataErased(member, "pd-7", "PIPL art. 47", AT, CLERK));
		String[] expected = { "n-m-7-Zmlyc3Q=", "n-m-7-Zmlyc3Q=", "n-m-7-Zmlyc3Q=", "n-m-7-Zmlyc3Q=", "n-m-7-c2Vjb25k",
				null };
		for (int i = 0; i < story.size(); i++) {
			Object event = story.get(i);
			TrackingToken token = new GlobalSequenceTrackingToken(10L * (i + 1));
			this.transactions.executeInTransaction(() -> dispatch(event, token));
			this.transactions.executeInTransaction(() -> dispatch(event, token));
			String wanted = expected[i];
			assertThat(roster((i < 3) ? SJZ : BD)).as("after %s", event.getClass().getSimpleName())
				.singleElement()
				.satisfies((entry) -> {
					assertThat(entry.nameToken()).isEqualTo(wanted);
					assertThat(entry.person()).isEqualTo((wanted != null) ? "k:m-7" : null);
				});
		}
		assertThat(roster(SJZ)).isEmpty();
	}

	/**
	 * A large union's roster is split into chunks of at most
	 * {@link RosterProjection#WINDOW} entries by position, a batch rewrites only the
	 * chunks of its own positions, and the roster reads back whole and in member-id
	 * order.
	 */
	@Test
	void aLargeRosterIsSplitIntoBoundedChunksAndReadBackWhole() {
		EncryptedPersonalData sealed = new EncryptedPersonalData("pd-1", "c2VhbGVk");
		List<String> members = new ArrayList<>();
		for (int i = 0; i < 3_200; i++) {
			members.add("m-" + Integer.toString(i * 7_919, 36));
		}
		int batch = 500;
		for (int from = 0; from < members.size(); from += batch) {
			int start = from;
			this.transactions.executeInTransaction(() -> {
				for (int i = start; i < Math.min(members.size(), start + batch); i++) {
					this.projection.on(new MemberEnrolled(new MemberId(members.get(i)), sealed, SJZ,
							EnrollmentChannel.IMPORT, DAY, AT, CLERK), new GlobalSequenceTrackingToken(i + 1));
				}
			});
		}

		List<org.bson.Document> chunks = mongo.database()
			.getCollection(RosterProjection.COLLECTION)
			.find(com.mongodb.client.model.Filters.regex("_id", "\\|c\\|"))
			.into(new ArrayList<>());
		assertThat(chunks).hasSize(4);
		assertThat(chunks).allSatisfy((chunk) -> {
			long window = Long.parseLong(chunk.getString("_id").substring(chunk.getString("_id").lastIndexOf('|') + 1));
			assertThat(chunk.get("members", org.bson.Document.class)).hasSizeLessThanOrEqualTo(1_024);
			assertThat(chunk.getLong(ReadModelBatch.LAST_POSITION)).as("written only by its own positions")
				.isLessThan((window + 1) * RosterProjection.WINDOW);
		});
		assertThat(roster(SJZ)).extracting((entry) -> entry.memberId().value())
			.containsExactlyElementsOf(members.stream().sorted().toList());
	}

	/**
	 * A batch written only in part (here: the members' locations, not the chunks) and
	 * handled again puts every member where the whole batch would have.
	 */
	@Test
	void aBatchHandledAgainAfterAPartialWriteEndsWhereTheWholeBatchWould() {
		EncryptedPersonalData sealed = new EncryptedPersonalData("pd-1", "c2VhbGVk");
		MemberId member = new MemberId("m-9");
		Runnable batch = () -> {
			this.projection.on(new MemberEnrolled(member, sealed, SJZ, EnrollmentChannel.ON_SITE, DAY, AT, CLERK),
					new GlobalSequenceTrackingToken(1));
			this.projection.on(
					new TransferAccepted(member, new CredentialCode("TC-9"), SJZ, BD, DAY.plusDays(1), AT, CLERK),
					new GlobalSequenceTrackingToken(1_500));
			this.projection.on(new MembershipPutOnHold(member, BD, "abroad", DAY.plusDays(2), AT, CLERK),
					new GlobalSequenceTrackingToken(3_000));
		};
		this.transactions.executeInTransaction(batch);
		mongo.database().getCollection(RosterProjection.COLLECTION).deleteMany(new org.bson.Document());

		this.transactions.executeInTransaction(batch);

		assertThat(roster(SJZ)).isEmpty();
		assertThat(roster(BD)).extracting(RosterView.Entry::memberId, RosterView.Entry::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(member, MembershipStatus.ON_HOLD));
	}

	@Test
	void aRosterWithoutEventsIsEmpty() {
		assertThat(roster(SJZ)).isEmpty();
	}

	private void givenThreeMembers() {
		EncryptedPersonalData sealed = new EncryptedPersonalData("pd-1", "c2VhbGVk");
		for (String member : List.of("m-1", "m-2", "m-3")) {
			this.events
				.add(new MemberEnrolled(new MemberId(member), sealed, SJZ, EnrollmentChannel.ON_SITE, DAY, AT, CLERK));
		}
		this.events.add(new TransferAccepted(new MemberId("m-1"), new CredentialCode("TC-1"), SJZ, BD, DAY.plusDays(5),
				AT, CLERK));
		this.events.add(new MembershipPutOnHold(new MemberId("m-2"), SJZ, "retired", DAY.plusDays(6), AT, CLERK));
		this.events.add(new MembershipTerminated(new MemberId("m-3"), SJZ, TerminationReason.OTHER, false,
				DAY.plusDays(7), AT, CLERK));
	}

	private void feedEachEventTwice() {
		for (int i = 0; i < this.events.size(); i++) {
			TrackingToken token = new GlobalSequenceTrackingToken(i + 1);
			Object event = this.events.get(i);
			this.transactions.executeInTransaction(() -> dispatch(event, token));
			this.transactions.executeInTransaction(() -> dispatch(event, token));
		}
	}

	private void dispatch(Object event, TrackingToken token) {
		if (event instanceof MemberEnrolled e) {
			this.projection.on(e, token);
		}
		else if (event instanceof TransferAccepted e) {
			this.projection.on(e, token);
		}
		else if (event instanceof MembershipPutOnHold e) {
			this.projection.on(e, token);
		}
		else if (event instanceof MembershipTerminated e) {
			this.projection.on(e, token);
		}
		else if (event instanceof MembershipResumed e) {
			this.projection.on(e, token);
		}
		else if (event instanceof org.unionledger.membership.Events.MemberNameCorrected e) {
			this.projection.on(e, token);
		}
		else if (event instanceof org.unionledger.membership.Events.PersonalDataErased e) {
			this.projection.on(e, token);
		}
		else {
			throw new IllegalArgumentException("no handler for " + event);
		}
	}

	private List<RosterView.Entry> roster(UnionPlacement union) {
		return this.queries.handle(new FindRoster(union.unionId())).members();
	}

}
