package org.unionledger.api.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.unionledger.api.security.AccessScopes;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.audit.IntegrityConfiguration;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.SignInThrottle;
import org.unionledger.common.Rule;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.projections.consistency.ConsistencyCheck;
import org.unionledger.projections.consistency.ConsistencyReport;

/**
 * Operations on the read models.
 * <ul>
 * <li>{@code GET /api/operations/processors}: each tracking processor's position against
 * the head of the store, per segment this node holds.</li>
 * <li>{@code POST /api/operations/processors/{name}/rebuild}: resets the processor's
 * tokens so that its projection is rebuilt from the first event. Writes go on meanwhile;
 * until the processor has caught up again its read models are incomplete (the processors
 * list shows it replaying and its lag).</li>
 * <li>{@code GET /api/operations/sign-in-lockouts}: current sign-in lockouts (system
 * admins only; see {@link SignInThrottle}).</li>
 * <li>{@code POST /api/operations/consistency-check}: waits (up to 30 s) for the read
 * models to reach the head, then replays the event stream up to that position and reports
 * every difference (see {@link ConsistencyCheck}). One check runs at a time on a node,
 * and a user starts one at most every
 * {@code ledger.operations.consistency-check-interval} (see
 * {@link ConsistencyCheckGate}).</li>
 * </ul>
 */
@RestController
@EnableConfigurationProperties(OperationsProperties.class)
public class OperationsController {

	private static final Duration CATCH_UP = Duration.ofSeconds(30);

	private final EventProcessingConfiguration processing;

	private final MongoEventStorageEngine engine;

	private final ProjectionFreshness freshness;

	private final AccessScopes access;

	private final SignInThrottle signIns;

	private final ConsistencyCheckGate gate;

	/**
	 * The consistency check, shared with its schedule: differences raise the integrity
	 * alarm.
	 */
	private final IntegrityConfiguration.ScheduledConsistencyCheck consistency;

	public OperationsController(EventProcessingConfiguration processing, MongoEventStorageEngine engine,
			ProjectionFreshness freshness, Clock clock, AccessScopes access, SignInThrottle signIns,
			OperationsProperties settings, IntegrityConfiguration.ScheduledConsistencyCheck consistency) {
		this.access = access;
		this.consistency = consistency;
		this.gate = new ConsistencyCheckGate(clock, settings.consistencyCheckInterval());
		this.signIns = signIns;
		this.processing = processing;
		this.engine = engine;
		this.freshness = freshness;
	}

	/** Current sign-in lockouts (user name or client address), for system admins only. */
	@GetMapping("/api/operations/sign-in-lockouts")
	public SignInLockouts signInLockouts() {
		this.access.requireRole("see sign-in lockouts", org.unionledger.api.security.Role.SYSTEM_ADMIN);
		return new SignInLockouts(this.signIns.lockouts());
	}

	@GetMapping("/api/operations/processors")
	public Processors processors() {
		this.access.requireRole("see processors", org.unionledger.api.security.Role.SYSTEM_ADMIN,
				org.unionledger.api.security.Role.AUDITOR);
		long head = this.engine.headPosition();
		List<Processors.ProcessorStatus> processors = new ArrayList<>();
		this.processing.eventProcessors().values().forEach((processor) -> processors.add(describe(processor, head)));
		return new Processors(head, processors);
	}

	private static Processors.ProcessorStatus describe(EventProcessor processor, long head) {
		List<Processors.SegmentStatus> segments = null;
		String note = null;
		if (processor instanceof StreamingEventProcessor streaming) {
			segments = new ArrayList<>();
			for (EventTrackerStatus status : streaming.processingStatus().values()) {
				OptionalLong position = status.getCurrentPosition();
				segments.add(new Processors.SegmentStatus(status.getSegment().getSegmentId(),
						position.isPresent() ? position.getAsLong() : null,
						position.isPresent() ? Math.max(0, head - position.getAsLong()) : null, status.isCaughtUp(),
						status.isReplaying(), status.isErrorState()));
			}
			if (segments.isEmpty() && processor.isRunning()) {
				note = "no segment claimed by this node; another node may be processing";
			}
		}
		return new Processors.ProcessorStatus(processor.getName(), processor.isRunning(), processor.isError(), segments,
				note);
	}

	@PostMapping("/api/operations/processors/{name}/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	public ResponseEntity<Rebuild> rebuild(@PathVariable String name) {
		this.access.requireRole("rebuild projections", org.unionledger.api.security.Role.SYSTEM_ADMIN);
		StreamingEventProcessor processor = this.processing.eventProcessor(name, StreamingEventProcessor.class)
			.orElseThrow(() -> ApiException.of(Rule.PROCESSOR_UNKNOWN, "name", "no tracking processor " + name));
		if (!processor.supportsReset()) {
			throw ApiException.of(Rule.PROCESSOR_BUSY, "name", "processor " + name + " cannot be reset");
		}
		synchronized (this) {
			processor.shutDown();
			try {
				processor.resetTokens();
			}
			finally {
				processor.start();
			}
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new Rebuild(name, "REBUILDING", this.engine.headPosition()));
	}

	@PostMapping("/api/operations/consistency-check")
	public ConsistencyReport consistencyCheck(HttpServletResponse response) {
		this.access.requireRole("run the consistency check", org.unionledger.api.security.Role.SYSTEM_ADMIN,
				org.unionledger.api.security.Role.AUDITOR);
		return this.gate.run(this.access.current().name(), response, () -> {
			long head = this.engine.headPosition();
			this.freshness.awaitPosition(head, CATCH_UP);
			return this.consistency.runNow("Consistency check run by " + this.access.current().name());
		});
	}

}
