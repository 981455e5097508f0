package org.unionledger.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.ResidentId;
import org.unionledger.membership.CredentialRejectionReason;
import org.unionledger.membership.EnrollmentRejectionReason;
import org.unionledger.membership.Events.EnrollmentRejected;
import org.unionledger.membership.Events.TransferAcceptanceRejected;
import org.unionledger.seeds.MemberSeed.Profile;

/**
 * The plan loaded into the ledger's own aggregates: every step is accepted or refused as
 * planned and leaves exactly one event, so loading again changes nothing.
 */
class SeedLoaderOnTheLedgerTest {

	private static final SeedPlan PLAN = SeedPlan.generate(20260101L, 400);

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	private static final RecordedBy OPERATOR = new RecordedBy("seed-loader");

	private final InMemoryLedger ledger = new InMemoryLedger(CLOCK);

	private final SeedUseCases crypto = new TestUseCases();

	@AfterEach
	void shutDown() {
		this.ledger.shutDown();
	}

	@Test
	void theLedgerTakesEveryStepAsPlannedWithOneEventEach() {
		SeedReport report = loader(this.ledger.gateway(), 2).load(PLAN);

		assertThat(report.stepsRun()).isEqualTo(PLAN.commandCount());
		assertThat(report.unexpectedOutcomes()).isZero();
		Map<String, Integer> refusals = new TreeMap<>();
		for (MemberSeed member : PLAN.members()) {
			String memberId = this.crypto
				.memberIdOf(ResidentId.parse(member.residentIdAsWritten(), SeedPlan.WINDOW_END))
				.value();
			List<Object> payloads = this.ledger.payloads(memberId);
			assertThat(payloads).as("member #%d", member.number()).hasSize(member.steps().size());
			for (Object payload : payloads) {
				if (payload instanceof EnrollmentRejected rejected) {
					refusals.merge(rejected.reason().name(), 1, Integer::sum);
				}
				if (payload instanceof TransferAcceptanceRejected rejected) {
					refusals.merge(rejected.reason().name(), 1, Integer::sum);
				}
			}
		}
		SeedPlan.Figures figures = PLAN.figures();
		assertThat(refusals).containsOnly(
				Map.entry(EnrollmentRejectionReason.ALREADY_ACTIVE.name(), figures.count(Profile.DUPLICATE_ATTEMPT)),
				Map.entry(CredentialRejectionReason.EXPIRED.name(), figures.count(Profile.LATE_ACCEPTANCE_REFUSED)));
		PLAN.unions()
			.forEach((union) -> assertThat(this.ledger.eventCount(union.unionId().value()))
				.isEqualTo(union.dissolves() ? 2 : 1));
		PLAN.services().forEach((service) -> assertThat(this.ledger.eventCount(service.serviceId().value())).isOne());
	}

	@Test
	void loadingAgainAfterACrashCompletesThePlanAndThenChangesNothing() {
		CrashingGateway crashing = new CrashingGateway(this.ledger.gateway(), PLAN.commandCount() / 2);
		assertThatThrownBy(() -> loader(crashing, 1).load(PLAN)).isInstanceOf(SeedLoadException.class);

		SeedReport resumed = loader(this.ledger.gateway(), 1).load(PLAN);
		SeedReport again = loader(this.ledger.gateway(), 1).load(PLAN);

		assertThat(resumed.stepsSkipped()).isEqualTo(PLAN.commandCount() / 2);
		assertThat(resumed.stepsRun()).isEqualTo(PLAN.commandCount() - PLAN.commandCount() / 2);
		assertThat(resumed.unexpectedOutcomes()).isZero();
		assertThat(again.stepsRun()).isZero();
		assertThat(again.stepsSkipped()).isEqualTo(PLAN.commandCount());
	}

	@Test
	void inBatchesTheLedgerTakesTheSameStepsAndAResumedLoadCompletesThePlan() {
		CrashingGateway crashing = new CrashingGateway(this.ledger.gateway(), PLAN.commandCount() / 2);
		assertThatThrownBy(() -> batchedLoader(crashing).load(PLAN)).isInstanceOf(SeedLoadException.class);

		SeedReport resumed = batchedLoader(this.ledger.gateway()).load(PLAN);
		SeedReport again = batchedLoader(this.ledger.gateway()).load(PLAN);

		assertThat(resumed.stepsSkipped() + resumed.stepsRun()).isEqualTo(PLAN.commandCount());
		assertThat(resumed.stepsRun()).isPositive();
		assertThat(resumed.unexpectedOutcomes()).isZero();
		assertThat(again.stepsRun()).isZero();
		assertThat(again.stepsSkipped()).isEqualTo(PLAN.commandCount());
		for (MemberSeed member : PLAN.members()) {
			String memberId = this.crypto
				.memberIdOf(ResidentId.parse(member.residentIdAsWritten(), SeedPlan.WINDOW_END))
				.value();
			assertThat(this.ledger.payloads(memberId)).as("member #%d", member.number()).hasSize(member.steps().size());
		}
		PLAN.services().forEach((service) -> assertThat(this.ledger.eventCount(service.serviceId().value())).isOne());
	}

	/**
	 * Batches that send their commands one by one through the gateway: the loader's batch
	 * logic (which steps, in which order, how results are counted) on the ledger's own
	 * aggregates; the ledger's real command batches are checked in ledger-api.
	 */
	private SeedLoader batchedLoader(CommandGateway gateway) {
		SeedBatches batches = (commands) -> {
			List<SeedBatches.Sent> sent = new java.util.ArrayList<>();
			for (Object command : commands) {
				try {
					sent.add(new SeedBatches.Sent(gateway.sendAndWait(command), null));
				}
				catch (IllegalStateException ex) {
					// A crash ends the batch, as a failed batch does.
					throw ex;
				}
				catch (RuntimeException ex) {
					sent.add(new SeedBatches.Sent(null, ex));
				}
			}
			return sent;
		};
		return new SeedLoader(gateway, this.ledger, this.crypto, OPERATOR, 90, 1, batches);
	}

	private SeedLoader loader(CommandGateway gateway, int threads) {
		return new SeedLoader(gateway, this.ledger, this.crypto, OPERATOR, 90, threads);
	}

	/**
	 * Passes the first commands on to the ledger, then fails like a process that died.
	 */
	private static final class CrashingGateway implements CommandGateway {

		private final CommandGateway delegate;

		private final AtomicInteger left;

		CrashingGateway(CommandGateway delegate, int commandsBeforeCrash) {
			this.delegate = delegate;
			this.left = new AtomicInteger(commandsBeforeCrash);
		}

		@Override
		public <R> R sendAndWait(Object command) {
			if (this.left.getAndDecrement() <= 0) {
				throw new IllegalStateException("simulated crash");
			}
			return this.delegate.sendAndWait(command);
		}

		@Override
		public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
			return sendAndWait(command);
		}

		@Override
		public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <R> java.util.concurrent.CompletableFuture<R> send(Object command) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Registration registerDispatchInterceptor(
				MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
			throw new UnsupportedOperationException();
		}

	}

}
