package org.unionledger.bench.fault;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.unionledger.bench.ledger.LedgerNode;
import org.unionledger.bench.ledger.People;
import org.unionledger.bench.ledger.ReadModels;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.MongoStores;
import org.unionledger.membership.Commands.PutMembershipOnHold;
import org.unionledger.membership.Events.MemberEnrolled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redelivery: resetting every processor and replaying all events, twice, yields the same
 * read models; so does rewinding the tokens to the start without a reset, which delivers
 * every event a second time onto the existing documents.
 */
class RedeliveryTest {

	final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

	@Test
	void replayingEverythingTwiceAndRedeliveringOntoTheDocumentsChangesNothing() {
		People people = new People(6, LocalDate.now(this.clock));
		try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory(0);
				MongoClient client = MongoStores.openClient(server.connectionString());
				LedgerNode node = new LedgerNode(client.getDatabase("ledger"), "node", this.clock)) {
			people.unions().forEach(u -> node.commands().sendAndWait(u));
			for (int i = 0; i < 300; i++) {
				node.commands().sendAndWait(people.enroll(i));
			}
			for (int i = 0; i < 40; i++) {
				var home = people.homeUnion(i);
				int u = Integer.parseInt(home.value().substring("bench-union-".length()));
				node.commands().sendAndWait(people.issue(i, 0, home));
				if (i % 4 != 0) {
					node.commands().sendAndWait(people.accept(i, 0, people.union((u + 1 + i % 5) % 6)));
				}
			}
			for (int i = 300 - 10; i < 300; i++) {
				node.commands()
					.sendAndWait(new PutMembershipOnHold(people.memberId(i), LocalDate.now(this.clock).minusDays(1),
							"retired", new org.unionledger.common.RecordedBy("test")));
			}
			for (int s = 0; s < 20; s++) {
				node.commands().sendAndWait(people.service("svc-" + s, s % 6));
			}
			long head = node.engine().headPosition();
			assertThat(node.awaitProcessors(head, Duration.ofSeconds(30))).isTrue();
			Map<String, List<Document>> original = ReadModels.snapshot(node.database());
			assertThat(ReadModels.active(node.database(), "J:13")).isEqualTo(290);
			assertThat(original.get("rm_credentials")).hasSize(40);

			node.resetAndReplay(Duration.ofSeconds(30));
			assertThat(ReadModels.snapshot(node.database())).as("first replay").isEqualTo(original);
			node.resetAndReplay(Duration.ofSeconds(30));
			assertThat(ReadModels.snapshot(node.database())).as("second replay").isEqualTo(original);

			// Redelivery onto the existing documents: tokens back to the start, no reset.
			TokenStore tokens = node.configuration().eventProcessingConfiguration().tokenStore("summaries");
			for (String group : LedgerNode.PROCESSORS) {
				StreamingEventProcessor processor = node.processor(group);
				processor.shutDown();
				tokens.storeToken(new GlobalSequenceTrackingToken(0), group, 0);
				processor.start();
			}
			assertThat(node.awaitProcessors(head, Duration.ofSeconds(30))).isTrue();
			assertThat(ReadModels.snapshot(node.database())).as("redelivered onto the documents").isEqualTo(original);
			assertThat(node.engine().readEvents(people.memberId(0).value()).next().getPayload())
				.isInstanceOf(MemberEnrolled.class);
		}
	}

}
