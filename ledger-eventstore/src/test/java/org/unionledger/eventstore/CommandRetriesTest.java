package org.unionledger.eventstore;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandRetriesTest {

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void aBrokenRuleIsAnsweredAtOnceWithoutRunningTheHandlerAgain() {
		AtomicInteger calls = new AtomicInteger();
		CommandGateway gateway = gatewayFailingWith(calls,
				() -> new IllegalStateException("ALREADY_ACTIVE", new IllegalArgumentException("check digit")), 99);

		assertThatThrownBy(() -> gateway.sendAndWait("enroll")).isInstanceOf(IllegalStateException.class)
			.hasMessage("ALREADY_ACTIVE");
		assertThat(calls).hasValue(1);
	}

	@Test
	void aLostRaceOnAStreamIsRetriedUntilItWins() {
		AtomicInteger calls = new AtomicInteger();
		CommandGateway gateway = gatewayFailingWith(calls,
				() -> new ConcurrencyException("sequence 4 taken", new IllegalStateException("E11000 duplicate key")),
				3);

		assertThat((Object) gateway.sendAndWait("enroll")).isEqualTo("done");
		assertThat(calls).hasValue(4);
	}

	@Test
	void aLostRaceToCreateAStreamIsRetriedToo() {
		AtomicInteger calls = new AtomicInteger();
		CommandGateway gateway = gatewayFailingWith(calls, () -> new AggregateStreamCreationException("stream exists"),
				2);

		assertThat((Object) gateway.sendAndWait("enroll")).isEqualTo("done");
		assertThat(calls).hasValue(3);
	}

	@Test
	void retriesStopAtTheLimit() {
		AtomicInteger calls = new AtomicInteger();
		CommandGateway gateway = gatewayFailingWith(calls, () -> new ConcurrencyException("always"), 1000);

		assertThatThrownBy(() -> gateway.sendAndWait("enroll")).isInstanceOf(ConcurrencyException.class);
		assertThat(calls).hasValue(1 + 5);
	}

	private CommandGateway gatewayFailingWith(AtomicInteger calls, Supplier<RuntimeException> failure, int failures) {
		SimpleCommandBus bus = SimpleCommandBus.builder().build();
		bus.subscribe(String.class.getName(), command -> {
			if (calls.incrementAndGet() <= failures) {
				throw failure.get();
			}
			return "done";
		});
		return DefaultCommandGateway.builder()
			.commandBus(bus)
			.retryScheduler(CommandRetries.onConcurrencyConflicts(this.executor, 5, 1))
			.build();
	}

}
