package org.unionledger.eventstore;

import java.time.Duration;
import java.time.Instant;

import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoTokenStoreTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private MongoTokenStore nodeA;

	private MongoTokenStore nodeB;

	@BeforeEach
	void freshStores() {
		mongo.clear();
		this.nodeA = store("node-a");
		this.nodeB = store("node-b");
	}

	private MongoTokenStore store(String nodeId) {
		return MongoTokenStore.builder()
			.database(mongo.database())
			.serializer(JacksonSerializer.defaultSerializer())
			.claimTimeout(Duration.ofSeconds(10))
			.nodeId(nodeId)
			.clock(this.clock)
			.build();
	}

	/**
	 * What a node waiting for its read models reads when another node (or a killed one,
	 * until its claim times out) holds the segments: the stored positions, without
	 * claiming anything.
	 */
	@Test
	void theStoredPositionIsTheLowestSegmentsAndReadingItClaimsNothing() {
		assertThat(this.nodeB.storedPosition("proc")).as("no segments: nobody runs it").hasValue(Long.MAX_VALUE);
		this.nodeA.initializeTokenSegments("proc", 2);
		assertThat(this.nodeB.storedPosition("proc")).as("no position yet").isEmpty();
		this.nodeA.fetchToken("proc", 0);
		this.nodeA.fetchToken("proc", 1);
		this.nodeA.storeToken(new GlobalSequenceTrackingToken(12), "proc", 0);
		this.nodeA.storeToken(new GlobalSequenceTrackingToken(9), "proc", 1);
		assertThat(this.nodeB.storedPosition("proc")).hasValue(9);
		this.nodeA.storeToken(new GlobalSequenceTrackingToken(15), "proc", 0);
		assertThat(this.nodeB.storedPosition("proc")).hasValue(9);
		this.nodeA.storeToken(new GlobalSequenceTrackingToken(15), "proc", 1);
		assertThat(this.nodeB.storedPosition("proc")).hasValue(15);
		assertThatThrownBy(() -> this.nodeB.storeToken(new GlobalSequenceTrackingToken(16), "proc", 0))
			.as("node A still holds its claims")
			.isInstanceOf(org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException.class);
	}

	/**
	 * On the embedded H2 store, with forward moves unjournaled: a token stored past the
	 * position this node holds, and a claim's extension, are answered before the store's
	 * commit (the next write commits them); a claim, a token stored while the node holds
	 * no position for the segment and a token moved back are committed before the answer.
	 * Without the option every store is.
	 */
	@Test
	void forwardMovesAreUnjournaledAndAMoveBackIsNot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.h2File(folder.resolve("tokens.mv.db"), 0);
				com.mongodb.client.MongoClient client = MongoStores.openClient(server.connectionString())) {
			MongoTokenStore store = MongoTokenStore.builder()
				.database(client.getDatabase("d"))
				.serializer(JacksonSerializer.defaultSerializer())
				.nodeId("node-a")
				.clock(this.clock)
				.unjournaledForwardMoves(true)
				.build();
			store.initializeTokenSegments("proc", 1);
			assertThat(store.fetchToken("proc", 0)).isNull();
			assertThat(server.hasUncommittedWrites()).as("a claim").isFalse();
			store.storeToken(new GlobalSequenceTrackingToken(5), "proc", 0);
			assertThat(server.hasUncommittedWrites()).as("the first position after a claim of none").isFalse();
			store.storeToken(new GlobalSequenceTrackingToken(9), "proc", 0);
			assertThat(server.hasUncommittedWrites()).as("a forward move").isTrue();
			assertThat(store.storedPosition("proc")).as("read before its commit").hasValue(9);
			store.storeToken(new GlobalSequenceTrackingToken(3), "proc", 0);
			assertThat(server.hasUncommittedWrites()).as("a move back commits itself and the move before it").isFalse();
			store.extendClaim("proc", 0);
			assertThat(server.hasUncommittedWrites()).as("a claim's extension").isTrue();
			store.releaseClaim("proc", 0);
			assertThat(server.hasUncommittedWrites()).as("a release").isFalse();
			assertThat(store.fetchToken("proc", 0)).isEqualTo(new GlobalSequenceTrackingToken(3));
			store.storeToken(new GlobalSequenceTrackingToken(4), "proc", 0);
			assertThat(server.hasUncommittedWrites()).as("a forward move from the position claimed").isTrue();

			MongoTokenStore journaled = MongoTokenStore.builder()
				.database(client.getDatabase("d2"))
				.serializer(JacksonSerializer.defaultSerializer())
				.nodeId("node-a")
				.clock(this.clock)
				.build();
			journaled.initializeTokenSegments("proc", 1);
			journaled.fetchToken("proc", 0);
			journaled.storeToken(new GlobalSequenceTrackingToken(5), "proc", 0);
			journaled.storeToken(new GlobalSequenceTrackingToken(9), "proc", 0);
			assertThat(server.hasUncommittedWrites()).as("a forward move, the option off").isFalse();
		}
	}

	@Test
	void fetchingClaimsAndReturnsTheInitialToken() {
		this.nodeA.initializeTokenSegments("proc", 2, new GlobalSequenceTrackingToken(7));

		assertThat(this.nodeA.fetchToken("proc", 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
		assertThat(this.nodeA.fetchToken("proc", 0)).as("re-claim by the owner")
			.isEqualTo(new GlobalSequenceTrackingToken(7));
	}

	@Test
	void aClaimedSegmentCannotBeClaimedByAnotherNode() {
		this.nodeA.initializeTokenSegments("proc", 1);
		this.nodeA.fetchToken("proc", 0);

		assertThatThrownBy(() -> this.nodeB.fetchToken("proc", 0)).isInstanceOf(UnableToClaimTokenException.class)
			.hasMessageContaining("node-a");
	}

	@Test
	void anotherNodeStealsAClaimOlderThanTheTimeout() {
		this.nodeA.initializeTokenSegments("proc", 1);
		this.nodeA.storeToken(new GlobalSequenceTrackingToken(3), "proc", 0);
		this.clock.advance(Duration.ofSeconds(9));
		assertThatThrownBy(() -> this.nodeB.fetchToken("proc", 0)).isInstanceOf(UnableToClaimTokenException.class);

		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.nodeB.fetchToken("proc", 0)).isEqualTo(new GlobalSequenceTrackingToken(3));
		assertThatThrownBy(() -> this.nodeA.storeToken(new GlobalSequenceTrackingToken(4), "proc", 0))
			.isInstanceOf(UnableToClaimTokenException.class);
	}

	@Test
	void extendingAClaimKeepsItFromBeingStolen() {
		this.nodeA.initializeTokenSegments("proc", 1);
		this.nodeA.fetchToken("proc", 0);
		this.clock.advance(Duration.ofSeconds(8));
		this.nodeA.extendClaim("proc", 0);
		this.clock.advance(Duration.ofSeconds(8));

		assertThatThrownBy(() -> this.nodeB.fetchToken("proc", 0)).isInstanceOf(UnableToClaimTokenException.class);
		assertThatThrownBy(() -> this.nodeB.extendClaim("proc", 0)).isInstanceOf(UnableToClaimTokenException.class);
	}

	@Test
	void aReleasedClaimCanBeTakenAtOnce() {
		this.nodeA.initializeTokenSegments("proc", 1);
		this.nodeA.storeToken(new GlobalSequenceTrackingToken(5), "proc", 0);

		this.nodeB.releaseClaim("proc", 0);
		assertThatThrownBy(() -> this.nodeB.fetchToken("proc", 0)).as("release by a non-owner is a no-op")
			.isInstanceOf(UnableToClaimTokenException.class);

		this.nodeA.releaseClaim("proc", 0);
		assertThat(this.nodeB.fetchToken("proc", 0)).isEqualTo(new GlobalSequenceTrackingToken(5));
	}

	@Test
	void storingByTheWrongOwnerFails() {
		this.nodeA.initializeTokenSegments("proc", 1);
		this.nodeA.fetchToken("proc", 0);

		assertThatThrownBy(() -> this.nodeB.storeToken(new GlobalSequenceTrackingToken(9), "proc", 0))
			.isInstanceOf(UnableToClaimTokenException.class);
		assertThat(this.nodeA.fetchToken("proc", 0)).isNull();
	}

	@Test
	void storingOrFetchingAnUninitializedSegmentFails() {
		assertThatThrownBy(() -> this.nodeA.fetchToken("proc", 0)).isInstanceOf(UnableToClaimTokenException.class)
			.hasMessageContaining("not been initialized");
		assertThatThrownBy(() -> this.nodeA.storeToken(new GlobalSequenceTrackingToken(1), "proc", 0))
			.isInstanceOf(UnableToClaimTokenException.class);
	}

	@Test
	void initializingTokenSegmentsTwiceFails() {
		this.nodeA.initializeTokenSegments("proc", 2);

		assertThatThrownBy(() -> this.nodeB.initializeTokenSegments("proc", 2))
			.isInstanceOf(UnableToClaimTokenException.class);
		assertThat(this.nodeA.fetchSegments("proc")).containsExactly(0, 1);
	}

	@Test
	void fetchSegmentsListsEachProcessorsSegmentsInOrder() {
		this.nodeA.initializeTokenSegments("proc", 4);
		this.nodeA.initializeTokenSegments("other", 1);

		assertThat(this.nodeA.fetchSegments("proc")).containsExactly(0, 1, 2, 3);
		assertThat(this.nodeA.fetchSegments("other")).containsExactly(0);
		assertThat(this.nodeA.fetchSegments("unknown")).isEmpty();
	}

	@Test
	void splittingAddsASegmentAndMergingDeletesOne() {
		this.nodeA.initializeTokenSegments("proc", 1);
		this.nodeA.fetchToken("proc", 0);

		this.nodeA.initializeSegment(new GlobalSequenceTrackingToken(2), "proc", 1);
		assertThat(this.nodeA.fetchSegments("proc")).containsExactly(0, 1);
		assertThatThrownBy(() -> this.nodeA.initializeSegment(null, "proc", 1))
			.isInstanceOf(UnableToInitializeTokenException.class);
		assertThat(this.nodeA.fetchToken("proc", 1)).isEqualTo(new GlobalSequenceTrackingToken(2));

		assertThatThrownBy(() -> this.nodeB.deleteToken("proc", 1)).isInstanceOf(UnableToClaimTokenException.class);
		this.nodeA.deleteToken("proc", 1);
		assertThat(this.nodeA.fetchSegments("proc")).containsExactly(0);
		assertThatThrownBy(() -> this.nodeA.fetchToken("proc", 1)).isInstanceOf(UnableToClaimTokenException.class);
	}

	@Test
	void fetchingASegmentThatWasSplitOrMergedFails() {
		this.nodeA.initializeTokenSegments("proc", 2);
		int[] segments = this.nodeA.fetchSegments("proc");
		Segment zeroOfTwo = Segment.computeSegment(0, segments);
		Segment zeroOfOne = Segment.computeSegment(0, 0);

		assertThat(this.nodeA.fetchToken("proc", zeroOfTwo)).isNull();
		assertThatThrownBy(() -> this.nodeA.fetchToken("proc", zeroOfOne))
			.isInstanceOf(UnableToClaimTokenException.class)
			.hasMessageContaining("split");
	}

	@Test
	void availableSegmentsLeaveOutThoseClaimedByOthers() {
		this.nodeA.initializeTokenSegments("proc", 2);
		this.nodeA.fetchToken("proc", 0);

		assertThat(this.nodeB.fetchAvailableSegments("proc")).extracting(Segment::getSegmentId).containsExactly(1);
		assertThat(this.nodeA.fetchAvailableSegments("proc")).extracting(Segment::getSegmentId).containsExactly(0, 1);
	}

	@Test
	void aSegmentListedButMissingIsRecreatedFromTheInitialToken() {
		this.nodeA.initializeTokenSegments("proc", 1, new GlobalSequenceTrackingToken(11));
		mongo.database().getCollection("tokens").deleteOne(Filters.eq("_id", "proc/0"));

		assertThat(this.nodeB.fetchToken("proc", 0)).isEqualTo(new GlobalSequenceTrackingToken(11));
	}

	@Test
	void theStorageIdentifierIsCreatedOnceAndShared() {
		String identifier = this.nodeA.retrieveStorageIdentifier().orElseThrow();

		assertThat(this.nodeB.retrieveStorageIdentifier()).contains(identifier);
	}

}
