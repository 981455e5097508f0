package org.unionledger.api.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.unionledger.api.problems.ApiException;
import org.unionledger.eventstore.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConsistencyCheckGateTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));

	private final ConsistencyCheckGate gate = new ConsistencyCheckGate(this.clock, Duration.ofMinutes(1));

	@Test
	void aSecondCheckWhileOneRunsIsRefusedWith409AndTheNextOneRuns() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> first = CompletableFuture
			.supplyAsync(() -> this.gate.run("auditor-a", new MockHttpServletResponse(), () -> {
				started.countDown();
				await(release);
				return "report";
			}));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.gate.run("auditor-b", new MockHttpServletResponse(), () -> "second"))
			.satisfies((refused) -> {
				assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(refused.rule()).isEqualTo(ConsistencyCheckGate.RUNNING);
			});
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("report");
		assertThat(this.gate.run("auditor-b", new MockHttpServletResponse(), () -> "second")).isEqualTo("second");
	}

	@Test
	void aUserStartsOneCheckPerIntervalOthersAreNotHeldUp() {
		assertThat(this.gate.run("auditor-a", new MockHttpServletResponse(), () -> 1)).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(20));
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.gate.run("auditor-a", response, () -> 2))
			.satisfies((refused) -> {
				assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
				assertThat(refused.rule()).isEqualTo(ConsistencyCheckGate.TOO_SOON);
			});
		assertThat(response.getHeader("Retry-After")).isEqualTo("40");
		assertThat(this.gate.run("auditor-b", new MockHttpServletResponse(), () -> 3)).isEqualTo(3);
		this.clock.advance(Duration.ofSeconds(40));
		assertThat(this.gate.run("auditor-a", new MockHttpServletResponse(), () -> 4)).isEqualTo(4);
	}

	@Test
	void aFailedCheckFreesTheGate() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.gate.run("auditor-a", new MockHttpServletResponse(), () -> {
				throw new IllegalStateException("the store failed");
			}));
		assertThat(this.gate.run("auditor-b", new MockHttpServletResponse(), () -> "ran")).isEqualTo("ran");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
