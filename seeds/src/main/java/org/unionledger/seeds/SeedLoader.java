package org.unionledger.seeds;

import static org.axonframework.common.ExceptionUtils.findException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Outcome;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.RecordedOn;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.PersonName;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.ResidentId;
import org.unionledger.membership.MemberId;
import org.unionledger.service.Commands.RecordServiceDelivered;
import org.unionledger.targets.TargetId;

/**
 * Loads a {@link SeedPlan} through the ledger's commands, so that the event log is the
 * one real use would have written.
 * <p>
 * Order: unions are registered, then each member's script runs, then services are
 * recorded, then targets set, then unions are dissolved. Every step produces exactly one
 * event in its aggregate's stream, which makes loading idempotent and resumable: a union
 * or service with events is skipped, a dissolution is sent only while its union has just
 * its registration, and a member's first {@code eventCount} steps are taken as done.
 * Loading twice, or again after a crash, sends only what is missing.
 * <p>
 * Credentials: {@code validityDays} is the validity of every credential the plan never
 * accepts in time, so these are expired by the time anyone presents them. The ledger
 * judges expiry by its own clock, not by the effective date, so a credential the plan
 * accepts (dated in the past) is issued for {@value #ACCEPTED_CREDENTIAL_VALIDITY_DAYS}
 * days instead; with {@code validityDays} every historical transfer would be refused as
 * expired.
 * <p>
 * Members are processed in the plan's order, optionally by a small pool of threads (one
 * member's steps always in order on one thread). Progress is logged every
 * {@value #PROGRESS_EVERY} members, never with IDs or names.
 */
public final class SeedLoader {

	/** Validity of the credentials the plan accepts, the longest the ledger allows. */
	public static final int ACCEPTED_CREDENTIAL_VALIDITY_DAYS = 3650;

	static final int PROGRESS_EVERY = 500;

	private static final Logger logger = LoggerFactory.getLogger(SeedLoader.class);

	private final CommandGateway gateway;

	private final SeedLedger ledger;

	private final SeedUseCases useCases;

	private final RecordedBy operator;

	private final int validityDays;

	private final int threads;

	private final SeedBatches batches;

	private boolean onRecordedDays;

	/** Members whose remaining steps go to the ledger as one batch. */
	static final int MEMBERS_PER_BATCH = 64;

	/** A loader that processes members one after the other. */
	public SeedLoader(CommandGateway gateway, SeedLedger ledger, SeedUseCases useCases, RecordedBy operator,
			int validityDays) {
		this(gateway, ledger, useCases, operator, validityDays, 1);
	}

	/**
	 * @param validityDays validity of credentials that are meant to expire; must
	 * {@linkplain SeedPlan#suitsValidity(int) suit the plan}
	 * @param threads members loaded in parallel, 1 to 8
	 */
	public SeedLoader(CommandGateway gateway, SeedLedger ledger, SeedUseCases useCases, RecordedBy operator,
			int validityDays, int threads) {
		this(gateway, ledger, useCases, operator, validityDays, threads, null);
	}

	/**
	 * A loader that sends members' steps (and services) in batches,
	 * {@value #MEMBERS_PER_BATCH} members a batch: their streams' lengths read together,
	 * their personal data encrypted together, all their remaining steps sent as one
	 * batch.
	 * @param batches the ledger's command batches, or {@code null} to send one command at
	 * a time on {@code threads} threads
	 */
	public SeedLoader(CommandGateway gateway, SeedLedger ledger, SeedUseCases useCases, RecordedBy operator,
			int validityDays, int threads, SeedBatches batches) {
		this.batches = batches;
		this.gateway = Objects.requireNonNull(gateway, "gateway");
		this.ledger = Objects.requireNonNull(ledger, "ledger");
		this.useCases = Objects.requireNonNull(useCases, "useCases");
		this.operator = Objects.requireNonNull(operator, "operator");
		if (!SeedPlan.suitsValidity(validityDays)) {
			throw new IllegalArgumentException("credential validity must lie between "
					+ (SeedPlan.LONGEST_ACCEPTANCE_DELAY_DAYS + 1) + " and "
					+ (SeedPlan.SHORTEST_LATE_PRESENTATION_DAYS - 1) + " days for the seed plan, got " + validityDays);
		}
		if (threads < 1 || threads > 8) {
			throw new IllegalArgumentException("threads must be 1 to 8, got " + threads);
		}
		this.validityDays = validityDays;
		this.threads = threads;
	}

	/**
	 * Sends every command with the day {@link RecordedDays} gives it as its recording day
	 * ({@link RecordedOn#METADATA_KEY}), so the history reads as if entered day by day;
	 * without it, everything is recorded when it is loaded.
	 * @return this loader
	 */
	public SeedLoader recordedOnPlannedDays(boolean on) {
		this.onRecordedDays = on;
		return this;
	}

	/**
	 * Sends whatever of the plan the ledger does not hold yet.
	 * @throws SeedLoadException if the ledger refuses a step with an exception; what was
	 * sent before stays, and the next load resumes there
	 */
	public SeedReport load(SeedPlan plan) {
		return load(plan, (member) -> true);
	}

	/**
	 * Sends whatever of the plan the ledger does not hold yet, for these members only
	 * (and the services delivered to them); unions, services to no member, targets and
	 * dissolutions as by {@link #load(SeedPlan)}. The demo loads the members it records
	 * after signing a year apart, once the year is signed.
	 * @throws SeedLoadException as {@link #load(SeedPlan)}
	 */
	public SeedReport load(SeedPlan plan, java.util.function.Predicate<MemberSeed> members) {
		Objects.requireNonNull(plan, "plan");
		List<MemberSeed> chosen = plan.members().stream().filter(members).toList();
		if (chosen.size() != plan.members().size()) {
			plan = new SeedPlan(plan.seed(), plan.unions(), chosen,
					plan.services()
						.stream()
						.filter((service) -> service.member() == null || members.test(service.member()))
						.toList(),
					plan.targets());
		}
		long started = System.nanoTime();
		logger.info("Loading seed plan {}: {} unions, {} members, {} services", plan.seed(), plan.unions().size(),
				plan.members().size(), plan.services().size());
		Counters counters = new Counters();
		registerUnions(plan, counters);
		loadMembers(plan, counters);
		recordServices(plan, counters);
		setTargets(plan, counters);
		dissolveUnions(plan, counters);
		SeedReport report = counters.report(Duration.ofNanos(System.nanoTime() - started));
		logger.info("Seed plan {} loaded: {}", plan.seed(), report);
		return report;
	}

	private void registerUnions(SeedPlan plan, Counters counters) {
		for (UnionSeed union : plan.unions()) {
			if (this.ledger.eventCount(union.unionId().value()) > 0) {
				counters.stepsSkipped.incrementAndGet();
				continue;
			}
			send(stamped(
					this.useCases.registration(union.unionId(), union.name(), union.type(), union.sector(),
							union.jurisdictionCode(), union.establishedOn(), this.operator),
					RecordedDays.ofRegistration(union)), () -> "registration of union " + union.unionId());
			counters.unionsRegistered.incrementAndGet();
			counters.stepsRun.incrementAndGet();
		}
	}

	private void loadMembers(SeedPlan plan, Counters counters) {
		List<MemberSeed> members = plan.members();
		if (this.batches != null) {
			for (int from = 0; from < members.size(); from += MEMBERS_PER_BATCH) {
				loadMemberBatch(members.subList(from, Math.min(members.size(), from + MEMBERS_PER_BATCH)), counters,
						members.size());
			}
			return;
		}
		if (this.threads == 1) {
			for (MemberSeed member : members) {
				loadMember(member, counters, members.size());
			}
			return;
		}
		AtomicInteger threadNumber = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(this.threads, (task) -> {
			Thread thread = new Thread(task, "seed-loader-" + threadNumber.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> results = new ArrayList<>(members.size());
			for (MemberSeed member : members) {
				results.add(pool.submit(() -> {
					if (!counters.failed.get()) {
						loadMember(member, counters, members.size());
					}
				}));
			}
			for (Future<?> result : results) {
				awaitMember(result, counters);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static void awaitMember(Future<?> result, Counters counters) {
		try {
			result.get();
		}
		catch (ExecutionException ex) {
			counters.failed.set(true);
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("loading a member failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			counters.failed.set(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while loading members", ex);
		}
	}

	private void loadMember(MemberSeed member, Counters counters, int memberCount) {
		try {
			ResidentId residentId = ResidentId.parse(member.residentIdAsWritten(), SeedPlan.WINDOW_END);
			MemberId memberId = this.useCases.memberIdOf(residentId);
			List<MemberStep> steps = member.steps();
			int done = this.ledger.eventCount(memberId.value());
			if (done > steps.size()) {
				logger.warn("Seed member #{} has {} events, more than its {} steps; left as it is", member.number(),
						done, steps.size());
			}
			int skipped = Math.min(done, steps.size());
			counters.stepsSkipped.addAndGet(skipped);
			List<java.time.LocalDate> days = RecordedDays.of(member);
			for (int i = skipped; i < steps.size() && !counters.failed.get(); i++) {
				MemberStep step = steps.get(i);
				String context = "member #" + member.number() + ", step " + (i + 1) + " of " + steps.size() + " ("
						+ step.getClass().getSimpleName() + ")";
				PersonalData data = personalDataOf(member, residentId, memberId, step);
				Object result = send(
						stamped(command(member, memberId, step, (data != null) ? this.useCases.encrypt(data) : null),
								days.get(i)),
						() -> context);
				counted(step, result, context, counters);
			}
		}
		catch (RuntimeException ex) {
			counters.failed.set(true);
			throw ex;
		}
		int finished = counters.membersDone.incrementAndGet();
		if (finished % PROGRESS_EVERY == 0 || finished == memberCount) {
			logger.info("Seed members: {} of {} done ({} steps run, {} skipped so far)", finished, memberCount,
					counters.stepsRun.get(), counters.stepsSkipped.get());
		}
	}

	/**
	 * Loads a batch of members: their streams' lengths in one look-up, the personal data
	 * of their enrollments encrypted together, all their remaining steps in one batch.
	 */
	private void loadMemberBatch(List<MemberSeed> members, Counters counters, int memberCount) {
		try {
			List<ResidentId> residentIds = new ArrayList<>(members.size());
			List<MemberId> memberIds = new ArrayList<>(members.size());
			for (MemberSeed member : members) {
				ResidentId residentId = ResidentId.parse(member.residentIdAsWritten(), SeedPlan.WINDOW_END);
				residentIds.add(residentId);
				memberIds.add(this.useCases.memberIdOf(residentId));
			}
			Map<String, Integer> done = this.ledger.eventCounts(memberIds.stream().map(MemberId::value).toList());
			List<int[]> steps = new ArrayList<>();
			List<PersonalData> people = new ArrayList<>();
			List<Integer> dataIndex = new ArrayList<>();
			for (int m = 0; m < members.size(); m++) {
				MemberSeed member = members.get(m);
				int already = done.getOrDefault(memberIds.get(m).value(), 0);
				if (already > member.steps().size()) {
					logger.warn("Seed member #{} has {} events, more than its {} steps; left as it is", member.number(),
							already, member.steps().size());
				}
				int skipped = Math.min(already, member.steps().size());
				counters.stepsSkipped.addAndGet(skipped);
				for (int i = skipped; i < member.steps().size(); i++) {
					PersonalData data = personalDataOf(member, residentIds.get(m), memberIds.get(m),
							member.steps().get(i));
					dataIndex.add((data != null) ? people.size() : -1);
					if (data != null) {
						people.add(data);
					}
					steps.add(new int[] { m, i });
				}
			}
			List<EncryptedPersonalData> encrypted = this.useCases.encryptAll(people);
			List<Object> commands = new ArrayList<>(steps.size());
			for (int k = 0; k < steps.size(); k++) {
				MemberSeed member = members.get(steps.get(k)[0]);
				MemberStep step = member.steps().get(steps.get(k)[1]);
				int data = dataIndex.get(k);
				commands.add(stamped(
						command(member, memberIds.get(steps.get(k)[0]), step, (data >= 0) ? encrypted.get(data) : null),
						RecordedDays.of(member).get(steps.get(k)[1])));
			}
			List<SeedBatches.Sent> results = sendBatch(commands, members);
			for (int k = 0; k < steps.size(); k++) {
				MemberSeed member = members.get(steps.get(k)[0]);
				int i = steps.get(k)[1];
				MemberStep step = member.steps().get(i);
				String context = "member #" + member.number() + ", step " + (i + 1) + " of " + member.steps().size()
						+ " (" + step.getClass().getSimpleName() + ")";
				SeedBatches.Sent sent = results.get(k);
				if (sent.failure() != null) {
					throw new SeedLoadException("Seed " + context + " failed: " + describe(sent.failure()),
							sent.failure());
				}
				counted(step, sent.value(), context, counters);
			}
		}
		catch (RuntimeException ex) {
			counters.failed.set(true);
			throw ex;
		}
		int before = counters.membersDone.getAndAdd(members.size());
		int finished = before + members.size();
		if (finished / PROGRESS_EVERY != before / PROGRESS_EVERY || finished == memberCount) {
			logger.info("Seed members: {} of {} done ({} steps run, {} skipped so far)", finished, memberCount,
					counters.stepsRun.get(), counters.stepsSkipped.get());
		}
	}

	private List<SeedBatches.Sent> sendBatch(List<Object> commands, List<MemberSeed> members) {
		if (commands.isEmpty()) {
			return List.of();
		}
		try {
			return this.batches.send(commands);
		}
		catch (RuntimeException ex) {
			throw new SeedLoadException("Seed members #" + members.get(0).number() + " to #"
					+ members.get(members.size() - 1).number() + " failed as a batch: " + describe(ex), ex);
		}
	}

	private void counted(MemberStep step, Object result, String context, Counters counters) {
		counters.stepsRun.incrementAndGet();
		if (step instanceof MemberStep.Enroll) {
			counters.membersEnrolled.incrementAndGet();
		}
		if (result instanceof Outcome outcome && outcome.accepted() == step.refusalExpected()) {
			counters.unexpectedOutcomes.incrementAndGet();
			logger.warn("Seed {}: the ledger answered {} where the plan expected {}", context,
					outcome.accepted() ? "accepted" : "refused (" + outcome.rejection() + ")",
					step.refusalExpected() ? "a refusal" : "acceptance");
		}
	}

	/** The personal data an enrollment step carries, {@code null} for other steps. */
	private PersonalData personalDataOf(MemberSeed member, ResidentId residentId, MemberId memberId, MemberStep step) {
		if (step instanceof MemberStep.Enroll) {
			return new PersonalData(residentId, PersonName.of(member.name()));
		}
		if (step instanceof MemberStep.DuplicateEnrollment duplicate) {
			ResidentId asWritten = ResidentId.parse(duplicate.residentIdAsWritten(), SeedPlan.WINDOW_END);
			if (!this.useCases.memberIdOf(asWritten).equals(memberId)) {
				throw new IllegalStateException("member #" + member.number()
						+ ": two spellings of one resident ID gave different member ids; is SeedUseCases normalising?");
			}
			return new PersonalData(asWritten, PersonName.of(member.name()));
		}
		return null;
	}

	private Object command(MemberSeed member, MemberId memberId, MemberStep step, EncryptedPersonalData encrypted) {
		if (step instanceof MemberStep.Enroll enroll) {
			return this.useCases.enrollment(memberId, encrypted, enroll.unionId(), enroll.effectiveDate(),
					enroll.channel(), this.operator);
		}
		if (step instanceof MemberStep.DuplicateEnrollment duplicate) {
			return this.useCases.enrollment(memberId, encrypted, duplicate.unionId(), duplicate.effectiveDate(),
					duplicate.channel(), this.operator);
		}
		if (step instanceof MemberStep.IssueCredential issue) {
			return this.useCases.credential(memberId, issue.code(), issue.unionId(), issue.toUnionId(),
					issue.effectiveDate(), validityOf(member, issue), this.operator);
		}
		if (step instanceof MemberStep.AcceptTransfer accept) {
			return this.useCases.acceptance(memberId, accept.code(), accept.unionId(), accept.effectiveDate(),
					this.operator);
		}
		if (step instanceof MemberStep.PutOnHold hold) {
			return this.useCases.onHold(memberId, hold.effectiveDate(), hold.reason(), this.operator);
		}
		MemberStep.Terminate terminate = (MemberStep.Terminate) step;
		return this.useCases.termination(memberId, terminate.effectiveDate(), terminate.reason(), this.operator);
	}

	private int validityOf(MemberSeed member, MemberStep.IssueCredential issue) {
		boolean acceptedInTime = member.steps()
			.stream()
			.anyMatch((step) -> step instanceof MemberStep.AcceptTransfer accept && accept.code().equals(issue.code())
					&& !accept.afterExpiry());
		return acceptedInTime ? ACCEPTED_CREDENTIAL_VALIDITY_DAYS : this.validityDays;
	}

	private void recordServices(SeedPlan plan, Counters counters) {
		if (this.batches != null) {
			List<ServiceSeed> services = plan.services();
			for (int from = 0; from < services.size(); from += SERVICES_PER_BATCH) {
				recordServiceBatch(services.subList(from, Math.min(services.size(), from + SERVICES_PER_BATCH)),
						counters);
			}
			return;
		}
		for (ServiceSeed service : plan.services()) {
			if (this.ledger.eventCount(service.serviceId().value()) > 0) {
				counters.stepsSkipped.incrementAndGet();
				continue;
			}
			send(stamped(serviceCommand(service), RecordedDays.ofService(service, indexOf(service))),
					() -> "service " + service.serviceId());
			counters.servicesRecorded.incrementAndGet();
			counters.stepsRun.incrementAndGet();
		}
	}

	/** Services recorded as one batch. */
	static final int SERVICES_PER_BATCH = 256;

	private void recordServiceBatch(List<ServiceSeed> services, Counters counters) {
		Map<String, Integer> done = this.ledger
			.eventCounts(services.stream().map((service) -> service.serviceId().value()).toList());
		List<ServiceSeed> missing = new ArrayList<>();
		List<Object> commands = new ArrayList<>();
		for (ServiceSeed service : services) {
			if (done.getOrDefault(service.serviceId().value(), 0) > 0) {
				counters.stepsSkipped.incrementAndGet();
				continue;
			}
			missing.add(service);
			commands.add(stamped(serviceCommand(service), RecordedDays.ofService(service, indexOf(service))));
		}
		if (commands.isEmpty()) {
			return;
		}
		List<SeedBatches.Sent> results;
		try {
			results = this.batches.send(commands);
		}
		catch (RuntimeException ex) {
			throw new SeedLoadException("Seed services failed as a batch: " + describe(ex), ex);
		}
		for (int k = 0; k < missing.size(); k++) {
			if (results.get(k).failure() != null) {
				throw new SeedLoadException(
						"Seed service " + missing.get(k).serviceId() + " failed: " + describe(results.get(k).failure()),
						results.get(k).failure());
			}
			counters.servicesRecorded.incrementAndGet();
			counters.stepsRun.incrementAndGet();
		}
	}

	private RecordServiceDelivered serviceCommand(ServiceSeed service) {
		MemberId memberId = (service.member() != null) ? this.useCases
			.memberIdOf(ResidentId.parse(service.member().residentIdAsWritten(), SeedPlan.WINDOW_END)) : null;
		return this.useCases.delivery(service.serviceId(), service.unionId(), memberId, service.type(),
				service.campaign(), service.deliveredOn(), service.personTimes(), service.amountYuan(), this.operator);
	}

	private void dissolveUnions(SeedPlan plan, Counters counters) {
		for (UnionSeed union : plan.unions()) {
			if (!union.dissolves()) {
				continue;
			}
			int events = this.ledger.eventCount(union.unionId().value());
			if (events == 0) {
				throw new IllegalStateException("union " + union.unionId()
						+ " shows no events although it was registered; does the SeedLedger read the event store?");
			}
			if (events > 1) {
				counters.stepsSkipped.incrementAndGet();
				continue;
			}
			send(stamped(this.useCases.dissolution(union.unionId(), union.dissolvedOn(), union.dissolutionReason(),
					this.operator), RecordedDays.ofDissolution(union)),
					() -> "dissolution of union " + union.unionId());
			counters.unionsDissolved.incrementAndGet();
			counters.stepsRun.incrementAndGet();
		}
	}

	/**
	 * Sets the targets of the plan, each as the demo user who owns it; a target's stream
	 * holds one event per entry of the plan (an amendment always changes the value), so
	 * the entries beyond its length are the ones still to send.
	 */
	private void setTargets(SeedPlan plan, Counters counters) {
		if (plan.targets().isEmpty()) {
			return;
		}
		Map<String, Integer> done = this.ledger
			.eventCounts(plan.targets().stream().map((target) -> targetIdOf(target).value()).distinct().toList());
		Map<String, Integer> seen = new java.util.HashMap<>();
		List<Object> commands = new ArrayList<>();
		List<TargetSeed> missing = new ArrayList<>();
		for (TargetSeed target : plan.targets()) {
			String id = targetIdOf(target).value();
			int index = seen.merge(id, 1, Integer::sum);
			if (index <= done.getOrDefault(id, 0)) {
				counters.stepsSkipped.incrementAndGet();
				continue;
			}
			missing.add(target);
			commands.add(stamped(
					this.useCases.target(target.jurisdictionCode(), target.statisticalYear(), target.source(),
							target.target(), target.effectiveDate(), new RecordedBy(target.setBy())),
					RecordedDays.ofTarget(target)));
		}
		if (commands.isEmpty()) {
			return;
		}
		if (this.batches == null) {
			for (int k = 0; k < commands.size(); k++) {
				TargetSeed target = missing.get(k);
				send(commands.get(k), () -> "target " + target);
				counters.stepsRun.incrementAndGet();
			}
			return;
		}
		List<SeedBatches.Sent> results;
		try {
			results = this.batches.send(commands);
		}
		catch (RuntimeException ex) {
			throw new SeedLoadException("Seed targets failed as a batch: " + describe(ex), ex);
		}
		for (int k = 0; k < missing.size(); k++) {
			if (results.get(k).failure() != null) {
				throw new SeedLoadException(
						"Seed target " + missing.get(k) + " failed: " + describe(results.get(k).failure()),
						results.get(k).failure());
			}
			counters.stepsRun.incrementAndGet();
		}
	}

	private static TargetId targetIdOf(TargetSeed target) {
		return TargetId.of(target.jurisdictionCode(), target.statisticalYear());
	}

	/** A service's position in the plan, from its id ({@code seed-svc-00001} is 0). */
	private static int indexOf(ServiceSeed service) {
		String id = service.serviceId().value();
		return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) - 1;
	}

	/**
	 * The command with its recording day as metadata when the loader records on the
	 * planned days, else the command itself.
	 */
	private Object stamped(Object command, java.time.LocalDate recordedOn) {
		if (!this.onRecordedDays) {
			return command;
		}
		return GenericCommandMessage.asCommandMessage(command)
			.andMetaData(Map.of(RecordedOn.METADATA_KEY, recordedOn.toString()));
	}

	private Object send(Object command, Supplier<String> context) {
		try {
			return this.gateway.sendAndWait(command);
		}
		catch (RuntimeException ex) {
			throw new SeedLoadException("Seed " + context.get() + " failed: " + describe(ex), ex);
		}
	}

	private static String describe(Throwable failure) {
		return findException(failure, DomainRuleViolation.class)
			.map((violation) -> violation.rule() + " (" + violation.field() + "): " + violation.getMessage())
			.orElseGet(() -> failure.getClass().getSimpleName() + ": " + failure.getMessage());
	}

	private static final class Counters {

		final AtomicInteger unionsRegistered = new AtomicInteger();

		final AtomicInteger unionsDissolved = new AtomicInteger();

		final AtomicInteger membersEnrolled = new AtomicInteger();

		final AtomicInteger servicesRecorded = new AtomicInteger();

		final AtomicInteger stepsRun = new AtomicInteger();

		final AtomicInteger stepsSkipped = new AtomicInteger();

		final AtomicInteger unexpectedOutcomes = new AtomicInteger();

		final AtomicInteger membersDone = new AtomicInteger();

		final AtomicBoolean failed = new AtomicBoolean();

		SeedReport report(Duration duration) {
			return new SeedReport(this.unionsRegistered.get(), this.unionsDissolved.get(), this.membersEnrolled.get(),
					this.servicesRecorded.get(), this.stepsRun.get(), this.stepsSkipped.get(),
					this.unexpectedOutcomes.get(), duration);
		}

	}

}
