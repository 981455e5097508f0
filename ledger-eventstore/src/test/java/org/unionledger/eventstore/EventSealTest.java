package org.unionledger.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seal catches edited, deleted and reordered event documents, an altered stream copy,
 * a rewritten chain and a forged digest — and stays green on an untouched store.
 */
class EventSealTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final byte[] KEY = "a signing key of at least 32 bytes!!".getBytes();

	private MongoEventStorageEngine engine;

	private EventSeal seal;

	private MongoCollection<Document> events;

	@BeforeEach
	void storeWithSealedEvents() {
		mongo.clear();
		this.engine = TestEngines.engine(mongo.database());
		this.seal = new EventSeal(mongo.database(), "", KEY, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
		this.events = mongo.database().getCollection("events");
		this.engine.appendEvents(TestEngines.events("member-a", 0, 3, "w"));
		this.engine.appendEvents(TestEngines.events("member-b", 0, 1, "w"));
		this.engine.appendEvents(TestEngines.events("member-c", 0, 1, "w"));
		this.engine.appendEvents(TestEngines.events("member-a", 3, 1, "w"));
		EventSeal.SealResult first = this.seal.seal();
		assertThat(first.commits()).isEqualTo(4);
		assertThat(first.toPosition()).isEqualTo(6);
	}

	@Test
	void anUntouchedStoreVerifies() {
		this.engine.appendEvents(TestEngines.events("member-d", 0, 2, "w"));
		EventSeal.SealResult second = this.seal.seal();
		assertThat(second.fromPosition()).isEqualTo(7);
		assertThat(second.digest()).isEqualTo(2);
		assertThat(this.seal.seal().commits()).as("nothing new, nothing sealed").isZero();

		EventSeal.VerificationReport report = this.seal.verify();
		assertThat(report.intact()).isTrue();
		assertThat(report.verifiedUpTo()).isEqualTo(8);
		assertThat(report.commitsChecked()).isEqualTo(5);
		assertThat(report.eventsChecked()).isEqualTo(8);
		assertThat(report.digestsChecked()).isEqualTo(2);
	}

	@Test
	void anEditedEventIsCaughtAtItsPosition() {
		this.events.updateOne(Filters.eq("_id", 4L), Updates.set("events.0.payload", "{\"forged\":true}"));
		assertFirstProblem(4, EventSeal.Kind.EDITED);
	}

	@Test
	void aDeletedEventIsCaught() {
		this.events.deleteOne(Filters.eq("_id", 5L));
		assertFirstProblem(5, EventSeal.Kind.DELETED);
	}

	@Test
	void reorderedEventsAreCaught() {
		Document at4 = this.events.find(Filters.eq("_id", 4L)).first();
		Document at5 = this.events.find(Filters.eq("_id", 5L)).first();
		this.events.deleteOne(Filters.eq("_id", 4L));
		this.events.deleteOne(Filters.eq("_id", 5L));
		this.events.insertOne(at5.append("_id", 4L));
		this.events.insertOne(at4.append("_id", 5L));
		assertFirstProblem(4, EventSeal.Kind.REORDERED);
	}

	@Test
	void anEditedStreamCopyIsCaught() {
		mongo.database()
			.getCollection("streams")
			.updateOne(Filters.eq("_id", "member-b:0"), Updates.set("events.0.payload", "{\"forged\":true}"));
		assertFirstProblem(4, EventSeal.Kind.STREAM_MISMATCH);
	}

	@Test
	void aRewrittenChainIsCaughtByTheSignedDigest() {
		// Someone edits an event and recomputes the chain records consistently: only the
		// signed digest still tells.
		this.events.updateOne(Filters.eq("_id", 1L), Updates.set("events.1.payload", "{\"forged\":true}"));
		Document edited = this.events.find(Filters.eq("_id", 1L)).first();
		MongoCollection<Document> chain = mongo.database().getCollection("seal_chain");
		String previous = "0".repeat(64);
		for (long position : new long[] { 1, 4, 5, 6 }) {
			Document record = chain.find(Filters.eq("_id", position)).first();
			Document current = (position == 1) ? edited : this.events.find(Filters.eq("_id", position)).first();
			String body = EventSeal.bodyHash(current);
			String content = EventSeal.sha256(position + "|" + body);
			previous = EventSeal.sha256(previous + content);
			chain.replaceOne(Filters.eq("_id", position),
					record.append("bodyHash", body).append("contentHash", content).append("chainHash", previous));
		}
		EventSeal.VerificationReport report = this.seal.verify();
		assertThat(report.intact()).isFalse();
		assertThat(report.problems()).extracting(EventSeal.Problem::kind).contains(EventSeal.Kind.DIGEST_INVALID);
	}

	@Test
	void aDigestSignedWithAnotherKeyIsCaught() {
		EventSeal forger = new EventSeal(mongo.database(), "", "another key that is also 32 bytes long".getBytes(),
				Clock.systemUTC());
		// Under another key the commits' authenticators fail as well.
		assertThat(forger.verify().problems()).extracting(EventSeal.Problem::kind)
			.contains(EventSeal.Kind.DIGEST_INVALID, EventSeal.Kind.UNAUTHENTICATED);
	}

	private void assertFirstProblem(long position, EventSeal.Kind kind) {
		EventSeal.VerificationReport report = this.seal.verify();
		assertThat(report.intact()).isFalse();
		assertThat(report.firstProblem().position()).isEqualTo(position);
		assertThat(report.firstProblem().kind()).isEqualTo(kind);
	}

}
