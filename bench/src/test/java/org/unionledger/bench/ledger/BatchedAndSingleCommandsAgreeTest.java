package org.unionledger.bench.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.common.ExceptionUtils.findException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Outcome;
import org.unionledger.common.RecordedBy;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.eventstore.CommandBatches.BatchFailedException;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.MongoStores;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.Commands.TerminateMembership;
import org.unionledger.membership.TerminationReason;
import org.unionledger.projections.statistics.StatisticsQueries.FindStatistics;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.union.Commands.DissolveUnion;
import org.unionledger.union.UnionId;

/**
 * The property behind bulk enrollment: random files (new people, people already active or
 * on their second membership, duplicates within the file and within a batch, unknown and
 * dissolved unions, future dates and dates before a member's last change) sent through
 * the single-command path on one ledger and through command batches of random sizes on
 * another end with the same outcome for every row, the same event stream for every
 * aggregate (up to event identifiers), the same global stream up to the order of
 * aggregates inside a batch, and the same figures.
 */
class BatchedAndSingleCommandsAgreeTest {

	private static final int TRIALS = 6;

	private static final int PEOPLE = 80;

	private static final int UNIONS = 6;

	/** Registered on both ledgers, dissolved 100 days before today. */
	private static final int DISSOLVED_UNION = 5;

	private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	private final LocalDate today = LocalDate.now(this.clock);

	private final People people = new People(UNIONS, this.today);

	private final Serializer serializer = LedgerNode.serializer();

	private EmbeddedMongoServer server;

	private MongoClient client;

	@BeforeEach
	void server() {
		this.server = EmbeddedMongoServer.inMemory(0);
		this.client = MongoStores.openClient(this.server.connectionString());
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	@Test
	void randomFilesEndTheSameThroughBatchesAsThroughSingleCommands() {
		int batchFailures = 0;
		int rows = 0;
		Map<String, Integer> outcomeCounts = new TreeMap<>();
		for (int trial = 0; trial < TRIALS; trial++) {
			Random random = new Random(7_000 + trial);
			try (LedgerNode single = new LedgerNode(this.client.getDatabase("single-" + trial), "single", this.clock,
					Duration.ofSeconds(10), true);
					LedgerNode batched = new LedgerNode(this.client.getDatabase("batched-" + trial), "batched",
							this.clock, Duration.ofSeconds(10), true)) {
				List<Object> history = history();
				for (LedgerNode node : List.of(single, batched)) {
					history.forEach((command) -> node.commands().sendAndWait(command));
				}
				List<EnrollMember> file = file(random);
				rows += file.size();
				List<String> expected = new ArrayList<>();
				for (EnrollMember command : file) {
					expected.add(outcome(() -> single.commands().sendAndWait(command)));
				}
				List<String> actual = new ArrayList<>();
				for (int from = 0; from < file.size();) {
					int size = 1 + random.nextInt(40);
					List<EnrollMember> chunk = file.subList(from, Math.min(file.size(), from + size));
					from += chunk.size();
					long headBefore = batched.engine().headPosition();
					try {
						for (CommandBatches.Result result : batched.batches().send(chunk)) {
							actual.add(outcome(result));
						}
					}
					catch (BatchFailedException ex) {
						// What an import does: nothing of the batch was stored; its rows
						// go
						// one by one.
						batchFailures++;
						assertThat(batched.engine().headPosition()).as("a failed batch stores nothing")
							.isEqualTo(headBefore);
						for (EnrollMember command : chunk) {
							actual.add(outcome(() -> batched.commands().sendAndWait(command)));
						}
					}
				}
				assertThat(actual).as("trial %d: the outcome of every row", trial).isEqualTo(expected);
				expected.forEach((outcome) -> outcomeCounts.merge(outcome, 1, Integer::sum));
				for (int person = 0; person < PEOPLE; person++) {
					String member = this.people.memberId(person).value();
					assertThat(stream(batched, member)).as("trial %d: the stream of person %d", trial, person)
						.isEqualTo(stream(single, member));
				}
				assertThat(globalStream(batched)).as("trial %d: the global stream", trial)
					.containsExactlyInAnyOrderElementsOf(globalStream(single));
				sameFigures(single, batched, trial);
			}
		}
		System.out.printf("batched vs single: %d trials, %d rows, outcomes %s, %d batches failed as a whole%n", TRIALS,
				rows, outcomeCounts, batchFailures);
		assertThat(outcomeCounts).containsKeys("ok", "rejected:ALREADY_ACTIVE", "rule:UNION_NOT_OPEN",
				"rule:EFFECTIVE_DATE_IN_FUTURE", "rule:UNION_UNKNOWN");
	}

	/**
	 * The history both ledgers get through single commands (the very same commands, so
	 * the same ciphertexts): the unions (one dissolved), people 0 to 19 enrolled, 10 to
	 * 14 of them terminated.
	 */
	private List<Object> history() {
		RecordedBy operator = new RecordedBy("operator");
		List<Object> commands = new ArrayList<>(this.people.unions());
		commands
			.add(new DissolveUnion(this.people.union(DISSOLVED_UNION), this.today.minusDays(100), "merged", operator));
		for (int person = 0; person < 20; person++) {
			EnrollMember enroll = this.people.enroll(person);
			commands.add(
					new EnrollMember(enroll.memberId(), enroll.personalData(), this.people.union(person % (UNIONS - 1)),
							this.today.minusDays(400), enroll.channel(), enroll.recordedBy()));
		}
		for (int person = 10; person < 15; person++) {
			commands.add(new TerminateMembership(this.people.memberId(person), this.today.minusDays(200),
					TerminationReason.LEFT_WORKFORCE, operator));
		}
		return commands;
	}

	/** A random import file, as commands. */
	private List<EnrollMember> file(Random random) {
		List<EnrollMember> commands = new ArrayList<>();
		int rows = 60 + random.nextInt(100);
		for (int r = 0; r < rows; r++) {
			int person = random.nextInt(PEOPLE);
			EnrollMember enroll = this.people.enroll(person);
			int pick = random.nextInt(20);
			UnionId union = (pick == 0) ? new UnionId("bench-union-unknown")
					: (pick == 1) ? this.people.union(DISSOLVED_UNION) : this.people.union(random.nextInt(UNIONS - 1));
			int daysAgo = random.nextInt(20) == 0 ? -3 : random.nextInt(350);
			commands.add(new EnrollMember(enroll.memberId(), enroll.personalData(), union,
					this.today.minusDays(daysAgo), enroll.channel(), enroll.recordedBy()));
		}
		return commands;
	}

	private static String outcome(java.util.function.Supplier<Object> send) {
		try {
			return outcome(send.get(), null);
		}
		catch (RuntimeException ex) {
			return outcome(null, ex);
		}
	}

	private static String outcome(CommandBatches.Result result) {
		return outcome(result.value(), result.failure());
	}

	private static String outcome(Object value, Throwable failure) {
		if (failure == null) {
			Outcome outcome = (Outcome) value;
			return outcome.accepted() ? "ok" : "rejected:" + outcome.rejection();
		}
		Throwable cause = findException(failure,
				(c) -> c instanceof DomainRuleViolation
						|| (c instanceof org.axonframework.commandhandling.CommandExecutionException execution
								&& execution.getDetails().orElse(null) instanceof DomainRuleViolation))
			.orElse(null);
		if (cause instanceof DomainRuleViolation violation) {
			return "rule:" + violation.rule();
		}
		if (cause instanceof org.axonframework.commandhandling.CommandExecutionException execution) {
			return "rule:" + ((DomainRuleViolation) execution.getDetails().orElseThrow()).rule();
		}
		return "failed:" + failure.getClass().getSimpleName();
	}

	/**
	 * An aggregate's events as sequence number, type and payload (which holds the
	 * ledger's recorded time; the message's own timestamp is Axon's wall clock).
	 */
	private List<String> stream(LedgerNode node, String aggregate) {
		return node.engine().readEvents(aggregate).asStream().map(this::describe).toList();
	}

	private List<String> globalStream(LedgerNode node) {
		return node.engine()
			.readEvents(new GlobalSequenceTrackingToken(0), false)
			.map(TrackedEventMessage.class::cast)
			.map((message) -> (message instanceof DomainEventMessage<?> domain)
					? domain.getAggregateIdentifier() + " " + describe(domain) : message.getPayloadType().getName())
			.toList();
	}

	private String describe(DomainEventMessage<?> event) {
		return event.getSequenceNumber() + " " + event.getPayloadType().getSimpleName() + " "
				+ event.serializePayload(this.serializer, String.class).getData();
	}

	/**
	 * The summaries, and every figure of the province and each union now and as known
	 * earlier.
	 */
	private void sameFigures(LedgerNode single, LedgerNode batched, int trial) {
		for (LedgerNode node : List.of(single, batched)) {
			assertThat(node.awaitProcessors(node.engine().headPosition(), Duration.ofSeconds(60))).isTrue();
		}
		assertThat(summaries(batched)).as("trial %d: summaries", trial).isEqualTo(summaries(single));
		List<String> scopes = new ArrayList<>(List.of("J:13", "J:1301", "J:130102"));
		for (int u = 0; u < UNIONS; u++) {
			scopes.add("U:" + this.people.union(u).value());
		}
		for (String scope : scopes) {
			for (int year : List.of(2025, 2026)) {
				for (LocalDate knownAt : java.util.Arrays.asList(null, this.today.minusDays(1))) {
					FindStatistics query = new FindStatistics(scope, year, null, knownAt);
					assertThat(statistics(batched, query)).as("trial %d: %s", trial, query)
						.isEqualTo(statistics(single, query));
				}
			}
		}
	}

	private static Map<Object, Document> summaries(LedgerNode node) {
		Map<Object, Document> summaries = new HashMap<>();
		for (Document document : node.database().getCollection(SummaryProjection.COLLECTION).find()) {
			// The position of the last event counted differs with the order of aggregates
			// inside a batch; the counts may not.
			document.remove("lastPosition");
			summaries.put(document.get("_id"), document);
		}
		return summaries;
	}

	private static StatisticsView statistics(LedgerNode node, FindStatistics query) {
		return node.queries().query(query, ResponseTypes.instanceOf(StatisticsView.class)).join();
	}

}
