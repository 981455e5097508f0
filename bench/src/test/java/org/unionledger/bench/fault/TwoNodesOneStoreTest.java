package org.unionledger.bench.fault;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.bench.ledger.LedgerNode;
import org.unionledger.bench.ledger.People;
import org.unionledger.bench.ledger.ReadModels;
import org.unionledger.common.Outcome;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.MongoStores;
import org.unionledger.membership.Events.EnrollmentRejected;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.TransferAcceptanceRejected;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.union.UnionId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two full ledger nodes, each with its own MongoDB client, storage engine, token store
 * and tracking processors, on one embedded server on 127.0.0.1, race to enroll the same
 * people at different unions and to accept the same transfer credential into different
 * unions. Every race has exactly one winner, and the figures equal a replay.
 */
class TwoNodesOneStoreTest {

	static final int PEOPLE = 60;

	final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

	final People people = new People(4, LocalDate.now(this.clock));

	EmbeddedMongoServer server;

	MongoClient clientA;

	MongoClient clientB;

	LedgerNode a;

	LedgerNode b;

	final ExecutorService racers = Executors.newFixedThreadPool(2);

	@BeforeEach
	void twoNodes() {
		this.server = EmbeddedMongoServer.inMemory(0);
		this.clientA = MongoStores.openClient(this.server.connectionString());
		this.clientB = MongoStores.openClient(this.server.connectionString());
		this.a = new LedgerNode(this.clientA.getDatabase("ledger"), "node-a", this.clock);
		this.b = new LedgerNode(this.clientB.getDatabase("ledger"), "node-b", this.clock);
	}

	@AfterEach
	void stop() {
		this.racers.shutdownNow();
		if (this.b != null) {
			this.b.close();
		}
		this.a.close();
		this.clientA.close();
		this.clientB.close();
		this.server.close();
	}

	@Test
	void everyRaceHasExactlyOneWinnerAndFiguresEqualAReplay() throws Exception {
		this.people.unions().forEach(u -> this.a.commands().sendAndWait(u));

		int enrollWins = 0;
		for (int i = 0; i < PEOPLE; i++) {
			long person = i;
			UnionId other = this.people.union((int) ((i + 1) % 4));
			List<Outcome> outcomes = race(node -> {
				var command = this.people.enroll(person);
				if (node == this.b) {
					command = new org.unionledger.membership.Commands.EnrollMember(command.memberId(),
							command.personalData(), other, command.effectiveDate(), command.channel(),
							command.recordedBy());
				}
				return node.commands().sendAndWait(command);
			});
			assertThat(outcomes.stream().filter(Outcome::accepted)).as("enrollment race %d", i).hasSize(1);
			enrollWins++;
			List<Object> stream = payloads(i);
			assertThat(stream).as("person %d", i).hasSize(2);
			assertThat(stream.get(0)).isInstanceOf(MemberEnrolled.class);
			assertThat(stream.get(1)).isInstanceOf(EnrollmentRejected.class);
		}

		int transferWins = 0;
		for (int i = 0; i < PEOPLE; i++) {
			long person = i;
			MemberEnrolled enrolled = (MemberEnrolled) payloads(i).get(0);
			UnionId current = enrolled.union().unionId();
			this.a.commands().sendAndWait(this.people.issue(person, 0, current));
			int u = Integer.parseInt(current.value().substring("bench-union-".length()));
			UnionId toA = this.people.union((u + 1) % 4);
			UnionId toB = this.people.union((u + 2) % 4);
			List<Outcome> outcomes = race(
					node -> node.commands().sendAndWait(this.people.accept(person, 0, (node == this.a) ? toA : toB)));
			assertThat(outcomes.stream().filter(Outcome::accepted)).as("transfer race %d", i).hasSize(1);
			transferWins++;
			List<Object> stream = payloads(i);
			assertThat(stream.stream().filter(TransferAccepted.class::isInstance)).hasSize(1);
			assertThat(stream.stream().filter(TransferAcceptanceRejected.class::isInstance)).hasSize(1);
		}

		// Node B leaves; node A takes over its claims and brings the read models to the
		// head, then the figures are compared with a replay.
		this.b.close();
		this.b = null;
		long head = this.a.engine().headPosition();
		assertThat(this.a.awaitProcessors(head, Duration.ofSeconds(30))).isTrue();
		Map<String, List<Document>> before = ReadModels.snapshot(this.a.database());
		assertThat(ReadModels.active(this.a.database(), "J:13")).isEqualTo(PEOPLE);
		long perUnion = 0;
		long transfersIn = 0;
		for (int u = 0; u < 4; u++) {
			perUnion += ReadModels.active(this.a.database(), "U:" + this.people.union(u).value());
		}
		for (Document summary : before.get("rm_summaries")) {
			if (summary.getString("_id").startsWith("U:")) {
				Document years = summary.get("years", Document.class);
				for (String year : years.keySet()) {
					transfersIn += ((Number) years.get(year, Document.class).getOrDefault("transfersIn", 0L))
						.longValue();
				}
			}
		}
		assertThat(perUnion).isEqualTo(PEOPLE);
		assertThat(transfersIn).isEqualTo(PEOPLE);
		this.a.resetAndReplay(Duration.ofSeconds(30));
		assertThat(ReadModels.snapshot(this.a.database())).isEqualTo(before);
		System.out.printf("two nodes: %d enrollment races, %d transfer races, one winner each; %d events%n", enrollWins,
				transferWins, head);
	}

	/**
	 * Node A enrolls people in command batches while node B enrolls the same people one
	 * by one at another union, at the same moment: each person has exactly one winner,
	 * the loser's attempt is recorded as a refusal, and the figures equal a replay.
	 */
	@Test
	void aBatchRacingSingleCommandsForTheSamePeopleHasExactlyOneWinnerEach() throws Exception {
		this.people.unions().forEach(u -> this.a.commands().sendAndWait(u));
		int rounds = 10;
		int perRound = 24;
		int batchWins = 0;
		int singleWins = 0;
		int resent = 0;
		for (int round = 0; round < rounds; round++) {
			List<org.unionledger.membership.Commands.EnrollMember> batch = new ArrayList<>();
			List<org.unionledger.membership.Commands.EnrollMember> singles = new ArrayList<>();
			for (int k = 0; k < perRound; k++) {
				long person = 1_000 + round * perRound + k;
				var command = this.people.enroll(person);
				batch.add(command);
				singles.add(new org.unionledger.membership.Commands.EnrollMember(command.memberId(),
						command.personalData(), this.people.union((int) ((person + 1) % 4)), command.effectiveDate(),
						command.channel(), command.recordedBy()));
			}
			CyclicBarrier start = new CyclicBarrier(2);
			CompletableFuture<List<org.unionledger.eventstore.CommandBatches.Result>> batched = CompletableFuture
				.supplyAsync(() -> {
					await(start);
					return this.a.batches().send(batch);
				}, this.racers);
			CompletableFuture<List<Outcome>> single = CompletableFuture.supplyAsync(() -> {
				await(start);
				List<Outcome> outcomes = new ArrayList<>();
				for (var command : singles) {
					outcomes.add(this.b.commands().sendAndWait(command));
				}
				return outcomes;
			}, this.racers);
			List<org.unionledger.eventstore.CommandBatches.Result> batchResults = batched.get();
			List<Outcome> singleResults = single.get();
			for (int k = 0; k < perRound; k++) {
				long person = 1_000 + round * perRound + k;
				assertThat(batchResults.get(k).failure()).isNull();
				boolean batchWon = ((Outcome) batchResults.get(k).value()).accepted();
				boolean singleWon = singleResults.get(k).accepted();
				assertThat(batchWon ^ singleWon).as("person %d has exactly one winner", person).isTrue();
				batchWins += batchWon ? 1 : 0;
				resent += batchResults.get(k).resent() ? 1 : 0;
				singleWins += singleWon ? 1 : 0;
				List<Object> stream = payloads(person);
				assertThat(stream).as("person %d", person).hasSize(2);
				assertThat(stream.get(0)).isInstanceOf(MemberEnrolled.class);
				assertThat(stream.get(1)).isInstanceOf(EnrollmentRejected.class);
			}
		}
		this.b.close();
		this.b = null;
		assertThat(this.a.awaitProcessors(this.a.engine().headPosition(), Duration.ofSeconds(30))).isTrue();
		Map<String, List<Document>> before = ReadModels.snapshot(this.a.database());
		assertThat(ReadModels.active(this.a.database(), "J:13")).isEqualTo(rounds * perRound);
		this.a.resetAndReplay(Duration.ofSeconds(30));
		assertThat(ReadModels.snapshot(this.a.database())).isEqualTo(before);
		System.out.printf(
				"batch vs single commands: %d people, %d won by the batch, %d by single commands; %d batch rows lost "
						+ "their stream key at commit and were sent again%n",
				rounds * perRound, batchWins, singleWins, resent);
	}

	private static void await(CyclicBarrier start) {
		try {
			start.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Both nodes run the command at the same moment; returns both outcomes. */
	private List<Outcome> race(Function<LedgerNode, Outcome> command) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<Outcome>> runs = new ArrayList<>();
		for (LedgerNode node : List.of(this.a, this.b)) {
			runs.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return command.apply(node);
			}, this.racers));
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (CompletableFuture<Outcome> run : runs) {
			outcomes.add(run.get());
		}
		return outcomes;
	}

	private List<Object> payloads(long person) {
		return this.a.engine()
			.readEvents(this.people.memberId(person).value())
			.asStream()
			.map(DomainEventMessage::getPayload)
			.map(Object.class::cast)
			.toList();
	}

}
